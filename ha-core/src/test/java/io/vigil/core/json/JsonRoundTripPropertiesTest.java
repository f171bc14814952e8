package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.AttributeExpression;
import io.vigil.core.model.BoolOp;
import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.Clone;
import io.vigil.core.model.CloneOptions;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.Colocation;
import io.vigil.core.model.ColocationSet;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.Constraint;
import io.vigil.core.model.ExecStatus;
import io.vigil.core.model.ExpressionOperator;
import io.vigil.core.model.FailCount;
import io.vigil.core.model.FenceAction;
import io.vigil.core.model.Group;
import io.vigil.core.model.Location;
import io.vigil.core.model.Membership;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.MultipleActive;
import io.vigil.core.model.NoQuorumPolicy;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.NodeHealth;
import io.vigil.core.model.NodeHealthStrategy;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.OperationRecord;
import io.vigil.core.model.Order;
import io.vigil.core.model.OrderKind;
import io.vigil.core.model.OrderSet;
import io.vigil.core.model.PlacementStrategy;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Requires;
import io.vigil.core.model.Resource;
import io.vigil.core.model.ResourceAction;
import io.vigil.core.model.ResourceHistory;
import io.vigil.core.model.ResourceSet;
import io.vigil.core.model.Role;
import io.vigil.core.model.Rule;
import io.vigil.core.model.RuleExpression;
import io.vigil.core.model.Score;
import io.vigil.core.model.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any model value, valid or not, survives write + read unchanged, and writing it again gives the same bytes.
 * (Scores are kept in range: out-of-range scores are read back clamped, by design.)
 */
class JsonRoundTripPropertiesTest {

    @Property(tries = 50)
    void any_configuration_reads_back_equal(@ForAll("configurations") Configuration config) {
        String json = VigilJson.writeConfiguration(config);
        Configuration read = VigilJson.readConfigurationUnvalidated(json);

        assertThat(read).isEqualTo(config);
        assertThat(VigilJson.writeConfiguration(read)).isEqualTo(json);
    }

    @Property(tries = 50)
    void any_status_reads_back_equal(@ForAll("statuses") ClusterStatus status) {
        String json = VigilJson.writeStatus(status);
        ClusterStatus read = VigilJson.readStatus(json);

        assertThat(read).isEqualTo(status);
        assertThat(VigilJson.writeStatus(read)).isEqualTo(json);
    }

    @Property(tries = 10)
    void any_valid_cib_reads_back_equal(@ForAll("statuses") ClusterStatus status,
                                        @ForAll("versions") CibVersion version) {
        Cib cib = new Cib(version, Examples.everyFeature(), status);

        assertThat(VigilJson.readCib(VigilJson.writeCib(cib))).isEqualTo(cib);
    }

    // ---- generators ------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static <T> Arbitrary<T> record(Function<List<Object>, T> make, Arbitrary<?>... parts) {
        List<Arbitrary<Object>> list = Arrays.stream(parts).map(p -> (Arbitrary<Object>) p).toList();
        return Combinators.combine(list).as(make::apply);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(List<Object> values, int i) {
        return (T) values.get(i);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\n\t\u0000\u00e9\u20ac\"\\").ofMaxLength(8);
    }

    private static Arbitrary<String> id() {
        return Arbitraries.strings().withCharRange('a', 'e').withChars("-_.").ofMinLength(1).ofMaxLength(4);
    }

    private static Arbitrary<Integer> score() {
        return Arbitraries.oneOf(Arbitraries.integers().between(Score.MINUS_INFINITY, Score.INFINITY),
                Arbitraries.of(Score.INFINITY, Score.MINUS_INFINITY, 0));
    }

    private static Arbitrary<Duration> duration() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-100_000_000L, 100_000_000_000L).map(Duration::ofMillis),
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000_000L).map(Duration::ofNanos),
                Arbitraries.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofDays(3)));
    }

    private static Arbitrary<Instant> instant() {
        return Combinators.combine(Arbitraries.longs().between(0, 5_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<Map<String, String>> stringMap() {
        return Arbitraries.maps(text(), text()).ofMaxSize(3);
    }

    private static Arbitrary<Map<String, Integer>> intMap() {
        return Arbitraries.maps(id(), Arbitraries.integers()).ofMaxSize(3);
    }

    private static <E extends Enum<E>> Arbitrary<E> optional(Class<E> type) {
        return Arbitraries.of(type).injectNull(0.3);
    }

    private static Arbitrary<Boolean> optionalBool() {
        return Arbitraries.of(true, false).injectNull(0.4);
    }

    private static Arbitrary<AgentType> agent() {
        Arbitrary<String> part = Arbitraries.strings().withCharRange('a', 'z').withChars("_-.").ofMinLength(1)
                .ofMaxLength(6).filter(s -> !s.isBlank());
        return Combinators.combine(part, part.injectNull(0.5), part).as(AgentType::new);
    }

    private static Arbitrary<MetaAttributes> meta() {
        Arbitrary<MetaAttributes> some = record(v -> new MetaAttributes(at(v, 0), at(v, 1), at(v, 2), at(v, 3),
                        at(v, 4), at(v, 5), at(v, 6), at(v, 7), at(v, 8), at(v, 9)),
                Arbitraries.integers().injectNull(0.5), optional(Role.class), optionalBool(), optionalBool(),
                score().injectNull(0.5), score().injectNull(0.5), duration().injectNull(0.5),
                optional(MultipleActive.class), optional(Requires.class), stringMap());
        return Arbitraries.oneOf(some, Arbitraries.just(MetaAttributes.EMPTY));
    }

    private static Arbitrary<Operation> operation() {
        return record(v -> new Operation(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)),
                Arbitraries.oneOf(Arbitraries.of("start", "stop", "monitor", "promote"), text()),
                duration().injectNull(0.3), duration().injectNull(0.3), optional(Role.class), optional(OnFail.class),
                Arbitraries.of(true, false));
    }

    private static Arbitrary<Primitive> primitive() {
        return record(v -> new Primitive(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)),
                id(), agent(), stringMap(), meta(), operation().list().ofMaxSize(3), intMap());
    }

    private static Arbitrary<CloneOptions> cloneOptions() {
        return record(v -> new CloneOptions(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5), at(v, 6),
                        at(v, 7), at(v, 8)),
                Arbitraries.integers().injectNull(0.5), Arbitraries.integers().injectNull(0.5), optionalBool(),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.integers().injectNull(0.5),
                Arbitraries.integers().injectNull(0.5));
    }

    private static Arbitrary<Resource> resource(int depth) {
        Arbitrary<Group> group = Combinators.combine(id(), primitive().list().ofMaxSize(3), meta()).as(Group::new);
        if (depth == 0) {
            return Arbitraries.oneOf(primitive(), group);
        }
        Arbitrary<Clone> clone = Combinators.combine(id(), resource(depth - 1), cloneOptions(), meta())
                .as(Clone::new);
        return Arbitraries.oneOf(primitive(), group, clone);
    }

    private static Arbitrary<RuleExpression> expression(int depth) {
        Arbitrary<AttributeExpression> attribute = Combinators.combine(text(),
                Arbitraries.of(ExpressionOperator.class), text().injectNull(0.3), optional(ValueType.class))
                .as(AttributeExpression::new);
        if (depth == 0) {
            return attribute.map(a -> a);
        }
        return Arbitraries.oneOf(attribute, rule(depth - 1));
    }

    private static Arbitrary<Rule> rule(int depth) {
        return record(v -> new Rule(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)),
                id().injectNull(0.5), score(), text().injectNull(0.7), optional(BoolOp.class), optional(Role.class),
                expression(depth).list().ofMaxSize(3));
    }

    private static Arbitrary<ResourceSet> resourceSet() {
        return record(v -> new ResourceSet(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)),
                id().injectNull(0.5), id().list().ofMaxSize(3), Arbitraries.of(true, false),
                Arbitraries.of(true, false), optional(Role.class), optional(ResourceAction.class));
    }

    private static Arbitrary<Constraint> constraint() {
        Arbitrary<Location> location = record(v -> new Location(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4),
                        at(v, 5)),
                id(), id(), optional(Role.class), id().injectNull(0.5), score(), rule(2).list().ofMaxSize(2));
        Arbitrary<Colocation> colocation = record(v -> new Colocation(at(v, 0), at(v, 1), at(v, 2), at(v, 3),
                        at(v, 4), at(v, 5), at(v, 6)),
                id(), id(), id(), score(), optional(Role.class), optional(Role.class), text().injectNull(0.7));
        Arbitrary<Order> order = record(v -> new Order(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5),
                        at(v, 6)),
                id(), id(), optional(ResourceAction.class), id(), optional(ResourceAction.class),
                optional(OrderKind.class), optionalBool());
        Arbitrary<ColocationSet> colocationSet = Combinators.combine(id(), resourceSet().list().ofMaxSize(3), score(),
                text().injectNull(0.7)).as(ColocationSet::new);
        Arbitrary<OrderSet> orderSet = Combinators.combine(id(), resourceSet().list().ofMaxSize(3),
                optional(OrderKind.class), optionalBool()).as(OrderSet::new);
        return Arbitraries.oneOf(location, colocation, order, colocationSet, orderSet);
    }

    private static Arbitrary<ClusterProperties> properties() {
        return record(v -> new ClusterProperties(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5),
                        at(v, 6), at(v, 7), at(v, 8), at(v, 9), at(v, 10), at(v, 11), at(v, 12), at(v, 13)),
                Arbitraries.of(true, false), Arbitraries.of(FenceAction.class), Arbitraries.of(NoQuorumPolicy.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), duration(), Arbitraries.of(PlacementStrategy.class),
                Arbitraries.integers(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), nodeHealth());
    }

    private static Arbitrary<NodeHealth> nodeHealth() {
        return Combinators.combine(Arbitraries.of(NodeHealthStrategy.class), score(), score(), score(), score())
                .as(NodeHealth::new);
    }

    @Provide
    Arbitrary<Configuration> configurations() {
        Arbitrary<NodeDefinition> node = Combinators.combine(text(), Arbitraries.integers(), stringMap(), intMap())
                .as(NodeDefinition::new);
        Arbitrary<OperationDefaults> opDefaults = Combinators.combine(duration().injectNull(0.5),
                optional(OnFail.class), optionalBool()).as(OperationDefaults::new);
        return record(v -> new Configuration(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4), at(v, 5)),
                Arbitraries.oneOf(properties(), Arbitraries.just(ClusterProperties.DEFAULTS)), meta(), opDefaults,
                node.list().ofMaxSize(3), resource(2).list().ofMaxSize(4), constraint().list().ofMaxSize(5));
    }

    @Provide
    Arbitrary<ClusterStatus> statuses() {
        Arbitrary<OperationRecord> record = record(v -> new OperationRecord(at(v, 0), at(v, 1), at(v, 2), at(v, 3),
                        at(v, 4), at(v, 5), at(v, 6), at(v, 7), at(v, 8)),
                text(), duration().injectNull(0.3), Arbitraries.longs(), Arbitraries.integers(),
                Arbitraries.integers(), optional(ExecStatus.class), instant().injectNull(0.3),
                instant().injectNull(0.3), duration().injectNull(0.3));
        Arbitrary<ResourceHistory> history = Combinators.combine(text(), agent().injectNull(0.3),
                record.list().ofMaxSize(3)).as(ResourceHistory::new);
        Arbitrary<FailCount> failCount = Combinators.combine(text(), text(), duration().injectNull(0.3), score(),
                instant().injectNull(0.3)).as(FailCount::new);
        Arbitrary<NodeStatus> node = record(v -> new NodeStatus(at(v, 0), at(v, 1), at(v, 2), at(v, 3), at(v, 4),
                        at(v, 5), at(v, 6)),
                text(), Arbitraries.of(Membership.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
                stringMap(), history.list().ofMaxSize(3), failCount.list().ofMaxSize(2));
        return Combinators.combine(Arbitraries.of(true, false), text().injectNull(0.3), node.list().ofMaxSize(3))
                .as(ClusterStatus::new);
    }

    @Provide
    Arbitrary<CibVersion> versions() {
        Arbitrary<Long> n = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(n, n, n).as(CibVersion::new);
    }
}
