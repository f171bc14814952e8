package io.vigil.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The whole cluster configuration: what a Pacemaker user writes in the CIB's {@code configuration} section.
 * Immutable. Build one with {@link #builder()}, which validates it as a whole
 * ({@link ConfigurationValidator}) before handing it out.
 *
 * @param properties          cluster options
 * @param resourceDefaults    meta attributes every resource inherits ({@code rsc_defaults})
 * @param operationDefaults   defaults for every operation ({@code op_defaults})
 * @param nodes               the nodes the cluster expects
 * @param resources           top-level resources (primitives, groups, clones), in configuration order
 * @param constraints         location, colocation and order constraints, in configuration order
 */
public record Configuration(ClusterProperties properties, MetaAttributes resourceDefaults,
                            OperationDefaults operationDefaults, List<NodeDefinition> nodes,
                            List<Resource> resources, List<Constraint> constraints) {

    /** An empty configuration with default properties. */
    public static final Configuration EMPTY = new Configuration(null, null, null, null, null, null);

    /** Checks required components, copies collections and fills unset components with their defaults. */
    public Configuration {
        properties = properties == null ? ClusterProperties.DEFAULTS : properties;
        resourceDefaults = resourceDefaults == null ? MetaAttributes.EMPTY : resourceDefaults;
        operationDefaults = operationDefaults == null ? OperationDefaults.EMPTY : operationDefaults;
        nodes = Copies.list(nodes);
        resources = Copies.list(resources);
        constraints = Copies.list(constraints);
    }

    /** Starts a fluent, validating builder. */
    public static ConfigurationBuilder builder() {
        return new ConfigurationBuilder(EMPTY);
    }

    /** A builder that starts with everything in this configuration. */
    public ConfigurationBuilder toBuilder() {
        return new ConfigurationBuilder(this);
    }

    /** Every resource, depth first: each top-level resource followed by its descendants. */
    public List<Resource> allResources() {
        List<Resource> out = new ArrayList<>();
        Consumer<Resource> visit = new Consumer<>() {
            @Override
            public void accept(Resource r) {
                out.add(r);
                r.children().forEach(this);
            }
        };
        resources.forEach(visit);
        return out;
    }

    /** The resource (at any depth) with this id. */
    public Optional<Resource> resource(String id) {
        return allResources().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The node definition with this name. */
    public Optional<NodeDefinition> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The constraint with this id. */
    public Optional<Constraint> constraint(String id) {
        Objects.requireNonNull(id, "id");
        return constraints.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
