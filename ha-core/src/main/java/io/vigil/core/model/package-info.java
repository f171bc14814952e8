/**
 * Vigil's immutable model of a cluster: resources, constraints, properties, node definitions (the
 * configuration), node and resource state (the status), and the versioned CIB that holds both. Build a
 * configuration with {@link io.vigil.core.model.Configuration#builder()}; check one with
 * {@link io.vigil.core.model.ConfigurationValidator}.
 */
package io.vigil.core.model;
