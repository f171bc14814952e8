package io.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

public class FluentApiTest {

    /** The example from the README, verbatim. */
    public static Configuration readmeExample() {
        return Configuration.builder()
                .properties(p -> p.stonithEnabled(false))
                .nodes("node1", "node2", "node3")
                .primitive("vip", "ocf:heartbeat:IPaddr2", r -> r
                        .param("ip", "192.0.2.10")
                        .monitor(Duration.ofSeconds(10))
                        .stickiness(100))
                .group("web", g -> g
                        .primitive("fs", "java:filesystem")
                        .primitive("app", "java:app", r -> r.monitor(Duration.ofSeconds(5))))
                .promotable("db", c -> c
                        .primitive("db-server", "java:store", r -> r
                                .monitor(Duration.ofSeconds(10), Role.PROMOTED)
                                .monitor(Duration.ofSeconds(11), Role.UNPROMOTED))
                        .promotedMax(1))
                .colocation("web-with-primary", "web", "db", c -> c.withRole(Role.PROMOTED))
                .order("primary-then-web", "db", "web", o -> o.firstAction(ResourceAction.PROMOTE).thenAction(ResourceAction.START))
                .build();
    }

    @Test
    void the_readme_example_builds_the_configuration_it_describes() {
        Configuration c = readmeExample();

        assertThat(c.properties().stonithEnabled()).isFalse();
        assertThat(c.nodes()).extracting(NodeDefinition::name).containsExactly("node1", "node2", "node3");
        Primitive vip = (Primitive) c.resource("vip").orElseThrow();
        assertThat(vip.agent()).isEqualTo(new AgentType("ocf", "heartbeat", "IPaddr2"));
        assertThat(vip.parameters()).containsEntry("ip", "192.0.2.10");
        assertThat(vip.meta().resourceStickiness()).isEqualTo(100);
        assertThat(vip.operations()).containsExactly(Operation.monitor(Duration.ofSeconds(10)));
        Group web = (Group) c.resource("web").orElseThrow();
        assertThat(web.members()).extracting(Primitive::id).containsExactly("fs", "app");
        Clone db = (Clone) c.resource("db").orElseThrow();
        assertThat(db.isPromotable()).isTrue();
        assertThat(db.options().promotedMaxOrDefault()).isEqualTo(1);
        assertThat(db.child().id()).isEqualTo("db-server");
        Colocation col = (Colocation) c.constraint("web-with-primary").orElseThrow();
        assertThat(col.score()).isEqualTo(Score.INFINITY);
        assertThat(col.withRole()).isEqualTo(Role.PROMOTED);
        Order order = (Order) c.constraint("primary-then-web").orElseThrow();
        assertThat(order.firstAction()).isEqualTo(ResourceAction.PROMOTE);
        assertThat(order.thenAction()).isEqualTo(ResourceAction.START);
    }

    @Test
    void a_builder_never_hands_out_an_invalid_configuration() {
        assertThatThrownBy(() -> Configuration.builder()
                .primitive("a", "java:x")
                .colocation("c1", "a", "missing")
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("constraints.c1.with-rsc: unknown resource 'missing'");
    }

    @Test
    void every_problem_is_reported_at_once_as_the_readme_shows() {
        assertThatThrownBy(() -> Configuration.builder()
                .primitive("a", "java:x")
                .colocation("c1", "a", "missing")
                .promotable("db", c -> c.primitive("db-server", "java:store").cloneMax(2).promotedMax(3))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("""
                        invalid configuration (2 problems):
                          resources.db.promoted-max: promoted-max 3 exceeds clone-max 2
                          constraints.c1.with-rsc: unknown resource 'missing'""");
    }

    @Test
    void builder_arguments_are_checked_as_they_are_given() {
        assertThatThrownBy(() -> Configuration.builder().primitive("a", "java:x",
                r -> r.op("start", o -> o.timeout(Duration.ZERO))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, was 0s");
        assertThatThrownBy(() -> Configuration.builder().primitive(" ", "java:x"))
                .hasMessage("primitive id must not be blank");
        assertThatThrownBy(() -> Configuration.builder().location("l", "a", "n1", 2_000_000))
                .hasMessageContaining("score 2000000 is outside");
    }

    @Test
    void removing_a_resource_removes_the_constraints_that_name_it() {
        Configuration c = readmeExample().toBuilder().removeResource("db").build();
        assertThat(c.resource("db-server")).isEmpty();
        assertThat(c.constraints()).isEmpty();
    }
}
