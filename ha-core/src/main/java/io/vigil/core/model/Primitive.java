package io.vigil.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A single resource run by one agent.
 *
 * @param id          unique id
 * @param agent       which agent runs it
 * @param parameters  what the agent is configured with (sorted by name)
 * @param meta        meta attributes (how the cluster treats it)
 * @param operations  configured operations (timeouts, recurring monitors)
 * @param utilization capacity this resource consumes on its node, by name (e.g. {@code cpu=2}); used with
 *                    a {@link PlacementStrategy} other than default
 */
public record Primitive(String id, AgentType agent, Map<String, String> parameters, MetaAttributes meta,
                        List<Operation> operations, Map<String, Integer> utilization) implements Resource {
    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Primitive {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        parameters = Copies.sortedMap(parameters);
        meta = meta == null ? MetaAttributes.EMPTY : meta;
        operations = Copies.list(operations);
        utilization = Copies.sortedMap(utilization);
    }

    @Override
    public List<Primitive> primitives() {
        return List.of(this);
    }

    @Override
    public List<Resource> children() {
        return List.of();
    }

    /** The configured operation with this name and interval, if any. */
    public Optional<Operation> operation(String name, java.time.Duration interval) {
        return operations.stream().filter(o -> o.name().equals(name) && o.interval().equals(interval)).findFirst();
    }

    /** A copy with other meta attributes. */
    public Primitive withMeta(MetaAttributes newMeta) {
        return new Primitive(id, agent, parameters, newMeta, operations, utilization);
    }
}
