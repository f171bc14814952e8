package io.vigil.pacemaker;

import io.vigil.core.model.Cib;
import io.vigil.core.model.CibVersion;
import io.vigil.core.model.ClusterProperties;
import io.vigil.core.model.ClusterStatus;
import io.vigil.core.model.NodeStatus;
import io.vigil.core.model.Configuration;
import io.vigil.core.model.ConfigurationValidator;
import io.vigil.core.model.NodeDefinition;
import io.vigil.core.model.Problem;


import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Imports a Pacemaker CIB (the XML that {@code cibadmin -Q} prints, or a {@code crm_simulate} input) into Vigil's
 * model: the configuration (cluster options, nodes, resources, defaults, constraints) and the status (node
 * membership, transient attributes, fail counts, operation history).
 *
 * <p>Pacemaker 2.x and 3.x spellings are both accepted ({@code stonith-enabled}/{@code fencing-enabled},
 * {@code master}/promotable clone, {@code Master}/{@code Promoted}). What the model cannot represent (bundles,
 * remote and guest nodes, date expressions, tickets, ...) stops the import with an
 * {@link UnsupportedCibException} naming the element and its id; what does not change scheduling (ACLs, alerts,
 * fencing topology, timing options) is skipped with a warning in {@link ImportedCib#warnings()}.
 *
 * <pre>{@code
 * ImportedCib imported = CibImporter.importFile(Path.of("cib.xml"));
 * SchedulerResult result = Scheduler.schedule(imported.cib().configuration(), imported.cib().status(),
 *         imported.nowOr(Instant.now()));
 * }</pre>
 *
 * <p>The imported configuration is checked with {@link ConfigurationValidator}; a CIB it rejects fails the import
 * with every problem listed.
 */
public final class CibImporter {
    private CibImporter() {
    }

    /**
     * Imports a CIB file.
     *
     * @throws CibImportException       when the file cannot be read, is malformed (naming line and column) or
     *                                  holds an invalid value
     * @throws UnsupportedCibException  when it uses something Vigil cannot represent
     */
    public static ImportedCib importFile(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > IN_MEMORY_LIMIT) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    return importStream(in, file.toString());
                }
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CibImportException(file + ": cannot read: " + e.getMessage(), e);
        }
        return importParsed(CibXml.parse(bytes, file.toString()), file.toString());
    }

    /** Files up to this size (1 GiB) are read into memory and parsed with the faster scanner when plain. */
    private static final long IN_MEMORY_LIMIT = 1L << 30;

    /** Imports a CIB held in a string; see {@link #importFile(Path)}. */
    public static ImportedCib importXml(String xml) {
        return importParsed(CibXml.parse(xml.getBytes(StandardCharsets.UTF_8), "<string>"), "<string>");
    }

    /**
     * Imports a CIB from a stream (not closed); see {@link #importFile(Path)}.
     *
     * @param source what to call the input in error messages, e.g. a file name
     */
    public static ImportedCib importStream(InputStream in, String source) {
        return importParsed(CibXml.parse(in, source), source);
    }

    private static ImportedCib importParsed(XmlElement root, String source) {
        try {
            return read(new ImportContext(root));
        } catch (CibImportException e) {
            if (e instanceof UnsupportedCibException u) {
                throw new UnsupportedCibException(u.element(), u.elementId(), source + ": " + u.getMessage());
            }
            throw new CibImportException(source + ": " + e.getMessage(), e.getCause());
        }
    }

    private static ImportedCib read(ImportContext ctx) {
        XmlElement root = ctx.root();
        if (!root.getTagName().equals("cib")) {
            throw ctx.error(root, "the root element must be <cib>, was <" + root.getTagName() + ">");
        }
        CibVersion version = new CibVersion(longAttr(ctx, root, "admin_epoch"), longAttr(ctx, root, "epoch"),
                longAttr(ctx, root, "num_updates"));
        Optional<Instant> executionDate = executionDate(ctx, root);

        XmlElement configuration = CibXml.child(root, "configuration");
        if (configuration == null) {
            throw ctx.error(root, "missing <configuration>");
        }
        checkConfigurationSections(ctx, configuration);
        ClusterProperties properties = PropertiesReader.resetSuicide(ctx,
                PropertiesReader.read(ctx, CibXml.child(configuration, "crm_config")), root);
        ResourceReader resources = new ResourceReader(ctx);
        List<StatusReader.ConfiguredNode> nodes = nodes(ctx, resources, CibXml.child(configuration, "nodes"));

        StatusReader.Result status = new StatusReader(ctx, properties).read(CibXml.child(root, "status"), nodes);
        Configuration config = new Configuration(properties,
                resources.resourceDefaults(CibXml.child(configuration, "rsc_defaults")),
                resources.operationDefaults(CibXml.child(configuration, "op_defaults")),
                status.nodes(),
                resources.resources(CibXml.child(configuration, "resources")),
                new ConstraintReader(ctx).constraints(CibXml.child(configuration, "constraints")));
        List<Problem> problems = ConfigurationValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new CibImportException("the configuration is not valid for Vigil (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "):"
                    + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        }
        String quorum = CibXml.attr(root, "have-quorum");
        StatusReader.ConfiguredNode dc = StatusReader.find(nodes, CibXml.attr(root, "dc-uuid"), null);
        List<NodeStatus> statuses = resources.perNodeParameters().isEmpty() ? status.statuses()
                : StatusReader.withoutDigests(status.statuses(), resources.perNodeParameters());
        ClusterStatus clusterStatus = new ClusterStatus(ImportContext.isTrue(quorum),
                dc == null ? null : dc.definition().name(), statuses);
        return new ImportedCib(new Cib(version, config, clusterStatus), executionDate, ctx.warnings());
    }

    private static void checkConfigurationSections(ImportContext ctx, XmlElement configuration) {
        for (XmlElement section : CibXml.children(configuration)) {
            switch (section.getTagName()) {
                case "crm_config", "nodes", "resources", "constraints", "rsc_defaults", "op_defaults" -> {
                }
                case "tags" -> {
                    // Read by the constraint reader: a tag named in a constraint stands for its resources.
                }
                case "fencing-topology" -> {
                    if (!CibXml.children(section).isEmpty()) {
                        ctx.warn(section, "ignored fencing topology (it chooses fencing devices, not placement)");
                    }
                }
                case "acls", "alerts" -> {
                    if (!CibXml.children(section).isEmpty()) {
                        ctx.warn(section, "ignored " + section.getTagName() + " (not part of scheduling)");
                    }
                }
                default -> ctx.warn(section, "ignored unknown configuration section");
            }
        }
    }

    private static List<StatusReader.ConfiguredNode> nodes(ImportContext ctx, ResourceReader resources,
                                                           XmlElement nodesElement) {
        List<StatusReader.ConfiguredNode> out = new ArrayList<>();
        if (nodesElement == null) {
            return out;
        }
        for (XmlElement n : CibXml.children(nodesElement, "node")) {
            String id = CibXml.attr(n, "id");
            String name = CibXml.attr(n, "uname");
            if (name == null || name.isBlank()) {
                name = ctx.required(n, "id");
            }
            String type = CibXml.attr(n, "type");
            if (type != null && !type.equalsIgnoreCase("member") && !type.equalsIgnoreCase("normal")) {
                throw ctx.unsupported(n, "node type '" + type + "' (only cluster member nodes are supported)");
            }
            String score = CibXml.attr(n, "score");
            if (score != null && ctx.score(n, "score", score) != 0) {
                ctx.warn(n, "ignored node score " + score + " (Vigil has no per-node base score; use location"
                        + " constraints)");
            }
            NodeDefinition def = new NodeDefinition(name, 1,
                    ImportContext.values(ctx.nvpairs(n, "instance_attributes", null)), resources.utilization(n),
                    id);
            out.add(new StatusReader.ConfiguredNode(id, n, def));
        }
        return out;
    }

    private static long longAttr(ImportContext ctx, XmlElement e, String name) {
        String v = CibXml.attr(e, name);
        return v == null ? 0 : ctx.parse(e, name, v, t -> {
            try {
                return Long.parseLong(t.trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + t + "' is not a whole number");
            }
        });
    }

    /** {@code execution-date}: seconds since the epoch (what Pacemaker writes), or an ISO-8601 instant. */
    private static Optional<Instant> executionDate(ImportContext ctx, XmlElement root) {
        String v = CibXml.attr(root, "execution-date");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ctx.parse(root, "execution-date", v, t -> {
            String s = t.trim();
            if (s.matches("\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(s));
            }
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("'" + t + "' is neither seconds since the epoch nor an"
                        + " ISO-8601 instant");
            }
        }));
    }
}
