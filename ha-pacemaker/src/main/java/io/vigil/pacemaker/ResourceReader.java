package io.vigil.pacemaker;

import io.vigil.core.model.AgentType;
import io.vigil.core.model.Clone;
import io.vigil.core.model.CloneOptions;
import io.vigil.core.model.Group;
import io.vigil.core.model.MetaAttributes;
import io.vigil.core.model.OnFail;
import io.vigil.core.model.Operation;
import io.vigil.core.model.OperationDefaults;
import io.vigil.core.model.Primitive;
import io.vigil.core.model.Resource;
import io.vigil.core.model.Role;


import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads {@code resources}, {@code rsc_defaults} and {@code op_defaults}. */
final class ResourceReader {
    /** How many parameter sets with rules were left out so far. */
    private int ruledParameterSets;
    private final Set<String> perNodeParameters = new java.util.TreeSet<>();
    private final ImportContext ctx;
    /** {@code op_defaults} if it has sets with rules (evaluated per operation), else empty; null until known. */
    private Optional<XmlElement> ruledOpDefaults;

    ResourceReader(ImportContext ctx) {
        this.ctx = ctx;
    }

    /** Top-level resources in configuration order. */
    List<Resource> resources(XmlElement resources) {
        List<Resource> out = new ArrayList<>();
        if (resources == null) {
            return out;
        }
        for (XmlElement e : CibXml.children(resources)) {
            int skipped = ruledParameterSets;
            Resource r = resource(e);
            if (r != null) {
                out.add(r);
                if (skipped != ruledParameterSets) {
                    r.primitives().forEach(p -> perNodeParameters.add(p.id()));
                }
            }
        }
        XmlElement rscDefaults = section("rsc_defaults");
        if (hasRuledSet(rscDefaults)) {
            out.replaceAll(r -> withDefaults(r, null, rscDefaults));
        }
        return out;
    }

    /** A section of {@code configuration}, or null. */
    private XmlElement section(String tag) {
        XmlElement configuration = CibXml.child(ctx.root(), "configuration");
        return configuration == null ? null : CibXml.child(configuration, tag);
    }

    private boolean hasRuledSet(XmlElement defaults) {
        if (defaults == null) {
            return false;
        }
        for (XmlElement set : CibXml.children(defaults, "meta_attributes")) {
            if (ImportContext.hasRule(ctx.resolve(set))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resource defaults that depend on the resource ({@code rsc_defaults} sets with rules): Vigil keeps one set
     * of resource defaults, so the values a rule gives this resource are written into its own meta attributes,
     * but only where neither the resource nor an enclosing group or clone sets them. That keeps Pacemaker's order
     * (own values, then the parent's, then the defaults evaluated for this resource).
     *
     * @param parentEffective the enclosing resource's meta attributes as Pacemaker sees them, or null at the top
     */
    private Resource withDefaults(Resource r, MetaAttributes parentEffective, XmlElement rscDefaults) {
        DefaultsRules.Target target = r instanceof Primitive p
                ? new DefaultsRules.Target(p.agent().standard(), p.agent().provider(), p.agent().type(), null, null)
                : DefaultsRules.Target.NO_AGENT;
        boolean[] ruled = {false};
        MetaAttributes defaults = MetaReader.read(ctx, ctx.nvpairs(rscDefaults, "meta_attributes", null, set -> {
            boolean applies = DefaultsRules.applies(ctx, set, target);
            ruled[0] |= applies;
            return applies;
        }), Set.of(), true);
        MetaAttributes own = r.meta();
        // Without a matching rule the defaults are the shared ones, which the scheduler applies anyway.
        MetaAttributes meta = !ruled[0] ? own
                : fillUnset(own, parentEffective == null ? MetaAttributes.EMPTY : parentEffective, defaults);
        MetaAttributes effective = own.inheriting(parentEffective).inheriting(defaults);
        if (r instanceof Primitive p) {
            return new Primitive(p.id(), p.agent(), p.parameters(), meta, p.operations(), p.utilization());
        } else if (r instanceof Group g) {
            List<Primitive> members = new ArrayList<>();
            for (Primitive m : g.members()) {
                members.add((Primitive) withDefaults(m, effective, rscDefaults));
            }
            return new Group(g.id(), members, meta);
        }
        Clone c = (Clone) r;
        if (effective.resourceStickiness() == null) {
            effective = effective.withResourceStickiness(1); // the scheduler's default for a clone, seen by its child
        }
        return new Clone(c.id(), withDefaults(c.child(), effective, rscDefaults), c.options(), meta);
    }

    /** {@code own}, with each field neither it nor {@code parent} sets taken from {@code defaults}. */
    private static MetaAttributes fillUnset(MetaAttributes own, MetaAttributes parent, MetaAttributes defaults) {
        Map<String, String> other = new TreeMap<>(own.other());
        defaults.other().forEach((k, v) -> {
            if (!parent.other().containsKey(k)) {
                other.putIfAbsent(k, v);
            }
        });
        return new MetaAttributes(
                pick(own.priority(), parent.priority(), defaults.priority()),
                pick(own.targetRole(), parent.targetRole(), defaults.targetRole()),
                pick(own.isManaged(), parent.isManaged(), defaults.isManaged()),
                pick(own.maintenance(), parent.maintenance(), defaults.maintenance()),
                pick(own.resourceStickiness(), parent.resourceStickiness(), defaults.resourceStickiness()),
                pick(own.migrationThreshold(), parent.migrationThreshold(), defaults.migrationThreshold()),
                pick(own.failureTimeout(), parent.failureTimeout(), defaults.failureTimeout()),
                pick(own.multipleActive(), parent.multipleActive(), defaults.multipleActive()),
                pick(own.requires(), parent.requires(), defaults.requires()),
                other,
                pick(own.restartType(), parent.restartType(), defaults.restartType()));
    }

    private static <T> T pick(T own, T parent, T dflt) {
        return own != null ? own : parent != null ? null : dflt;
    }

    private Resource resource(XmlElement e) {
        return switch (e.getTagName()) {
            case "primitive" -> primitive(e, Map.of(), false);
            case "group" -> group(e, Map.of(), false);
            case "clone" -> clone(e, false);
            case "master" -> clone(e, true);
            case "bundle" -> throw ctx.unsupported(e, "bundles (containers) are not supported");
            case "template" -> null; // not a resource: primitives based on it take its definition
            default -> throw ctx.unsupported(e, "unknown resource element");
        };
    }

    /** {@code rsc_defaults}: meta attributes every resource inherits. */
    MetaAttributes resourceDefaults(XmlElement rscDefaults) {
        if (rscDefaults == null) {
            return MetaAttributes.EMPTY;
        }
        // Sets with rules apply per resource: see withDefaults.
        return MetaReader.read(ctx, ctx.nvpairs(rscDefaults, "meta_attributes", null, set -> false), Set.of(), true);
    }

    /** {@code op_defaults}: timeout, on-fail and enabled for every operation. */
    OperationDefaults operationDefaults(XmlElement opDefaults) {
        if (opDefaults == null) {
            return OperationDefaults.EMPTY;
        }
        Duration timeout = null;
        OnFail onFail = null;
        Boolean enabled = null;
        for (XmlElement set : CibXml.children(opDefaults, "meta_attributes")) {
            XmlElement resolved = ctx.resolve(set);
            if (ImportContext.hasRule(resolved)) {
                for (XmlElement nv : CibXml.children(resolved, "nvpair")) {
                    String name = ctx.resolve(nv).attr("name");
                    if ("on-fail".equals(name) || "enabled".equals(name)) {
                        ctx.warn(resolved, "operation defaults chosen by a rule apply only to operations configured"
                                + " on a resource ('" + name + "' of other operations keeps its default)");
                    }
                }
            }
        }
        // Sets with rules apply per operation: see operation().
        for (ImportContext.NvPair p : ctx.nvpairs(opDefaults, "meta_attributes", null, set -> false).values()) {
            switch (p.name()) {
                case "timeout" -> timeout = ctx.duration(p.element(), "timeout", p.value());
                case "on-fail" -> onFail = ctx.parse(p.element(), "on-fail", p.value(), OnFail::parse);
                case "enabled" -> enabled = ctx.bool(p.element(), "enabled", p.value());
                case "record-pending", "start-delay", "interval-origin" -> {
                    // Affects only when or how an operation is reported, not what the scheduler decides.
                }
                default -> ctx.warn(p.element(), "ignored operation default '" + p.name() + "'");
            }
        }
        return new OperationDefaults(timeout, onFail, enabled);
    }

    /** @param promotable whether the primitive is (inside) a promotable clone, so it may have a promoted role */
    private Primitive primitive(XmlElement e, Map<String, String> inheritedParams, boolean promotable) {
        e = ctx.resolve(e);
        String id = ctx.required(e, "id");
        XmlElement template = template(e);
        // With a template, the agent comes from the template and the attribute sets of both count, the
        // primitive's after the template's (so among equal scores the primitive's win), as in Pacemaker.
        XmlElement agent = template != null ? template : e;
        List<XmlElement> parts = template != null ? List.of(template, e) : List.of(e);
        String standard = ctx.required(agent, "class");
        String type = ctx.required(agent, "type");
        String provider = null;
        if (standard.equals("ocf")) {
            provider = ctx.required(agent, "provider");
            if (provider.equals("pacemaker") && type.equals("remote")) {
                throw ctx.unsupported(e, "Pacemaker Remote connections (remote nodes) are not supported");
            }
        }
        Map<String, String> params = new TreeMap<>(inheritedParams);
        params.putAll(ImportContext.values(ctx.nvpairs(parts, "instance_attributes", null, this::skipRuledParameters)));
        MetaAttributes meta = MetaReader.read(ctx, ctx.nvpairs(parts, "meta_attributes", null, ctx::refuseRule),
                Set.of(), promotable);
        List<Operation> ops = new ArrayList<>();
        DefaultsRules.Target target = new DefaultsRules.Target(standard, provider, type, null, null);
        for (XmlElement op : operationElements(e, template)) {
            ops.add(operation(op, target));
        }
        return new Primitive(id, new AgentType(standard, provider, type), params, meta, ops, utilization(parts));
    }

    /** The template a primitive is based on ({@code template=}), or null; a template must exist. */
    private XmlElement template(XmlElement primitive) {
        String ref = primitive.attr("template");
        if (ref == null) {
            return null;
        }
        XmlElement resources = section("resources");
        for (XmlElement t : resources == null ? List.<XmlElement>of() : CibXml.children(resources, "template")) {
            if (ref.equals(t.attr("id"))) {
                if (t.attr("template") != null) {
                    ctx.warn(t, "ignored template= on a template (templates do not nest)");
                }
                return t;
            }
        }
        throw ctx.error(primitive, "template '" + ref + "' names no resource template");
    }

    /**
     * The op elements of a primitive: its own, then (when both have operations) each of the template's whose name
     * and role (Started, Unpromoted and none being the same) the primitive does not define; a primitive without
     * operations takes the template's.
     */
    private List<XmlElement> operationElements(XmlElement primitive, XmlElement template) {
        List<XmlElement> own = ops(primitive);
        if (template == null) {
            return own;
        }
        List<XmlElement> fromTemplate = ops(template);
        if (CibXml.children(primitive, "operations").isEmpty()) {
            return fromTemplate;
        }
        Set<String> keys = new java.util.HashSet<>();
        for (XmlElement op : own) {
            keys.add(templateOpKey(op));
        }
        List<XmlElement> out = new ArrayList<>(own);
        for (XmlElement op : fromTemplate) {
            if (!keys.contains(templateOpKey(op))) {
                out.add(op);
            }
        }
        return out;
    }

    private List<XmlElement> ops(XmlElement resource) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement opsElement : CibXml.children(resource, "operations")) {
            for (XmlElement op : CibXml.children(ctx.resolve(opsElement), "op")) {
                out.add(ctx.resolve(op));
            }
        }
        return out;
    }

    private static String templateOpKey(XmlElement op) {
        String role = op.attr("role");
        if (role == null || role.equalsIgnoreCase("Started") || role.equalsIgnoreCase("Unpromoted")
                || role.equalsIgnoreCase("Slave")) {
            role = "";
        }
        return op.attr("name") + "-" + role;
    }

    /**
     * A resource's {@code instance_attributes} (agent parameters). Sets with a rule choose parameters per node or
     * time, which never changes placement; Vigil keeps one parameter set per resource, so they are left out with a
     * warning.
     */
    private Map<String, String> parameters(XmlElement e) {
        return ImportContext.values(ctx.nvpairs(e, "instance_attributes", null, this::skipRuledParameters));
    }

    /**
     * Primitives (of a top-level resource) with parameters chosen by a rule: their parameter digests cannot be
     * computed, so their recorded ones are not imported (see {@link StatusReader#withoutDigests}).
     */
    Set<String> perNodeParameters() {
        return perNodeParameters;
    }

    private boolean skipRuledParameters(XmlElement set) {
        ruledParameterSets++;
        ctx.warn(set, "ignored instance attributes chosen by a rule (agent parameters per node or time; they"
                + " do not change placement)");
        return false;
    }

    /** Utilization of a node or a primitive: name -> non-negative integer. */
    Map<String, Integer> utilization(XmlElement e) {
        return utilization(List.of(e));
    }

    private Map<String, Integer> utilization(List<XmlElement> parts) {
        Map<String, Integer> out = new TreeMap<>();
        for (ImportContext.NvPair p : ctx.nvpairs(parts, "utilization", null, ctx::refuseRule).values()) {
            out.put(p.name(), ctx.integer(p.element(), "utilization " + p.name(), p.value()));
        }
        return out;
    }

    /** @param target the resource's agent, for {@code op_defaults} sets with rules */
    private Operation operation(XmlElement op, DefaultsRules.Target target) {
        // Attributes on the op element win over the op's own meta attributes.
        Map<String, ImportContext.NvPair> values = new LinkedHashMap<>(ctx.nvpairs(op, "meta_attributes", null));
        for (String name : List.of("name", "interval", "timeout", "role", "on-fail", "enabled", "requires",
                "interval-origin")) {
            String v = CibXml.attr(op, name);
            if (v != null) {
                values.put(name, new ImportContext.NvPair(name, v, op));
            }
        }
        ImportContext.NvPair name = values.get("name");
        if (name == null || name.value().isBlank()) {
            throw ctx.error(op, "attribute 'name' is required");
        }
        Duration interval = values.containsKey("interval")
                ? ctx.duration(values.get("interval").element(), "interval", values.get("interval").value())
                : Duration.ZERO;
        if (ruledOpDefaults == null) {
            XmlElement opDefaults = section("op_defaults");
            ruledOpDefaults = hasRuledSet(opDefaults) ? Optional.of(opDefaults) : Optional.empty();
        }
        if (ruledOpDefaults.isPresent()) {
            XmlElement opDefaults = ruledOpDefaults.get();
            // Operation defaults that depend on the resource or the operation: the op's own values win.
            DefaultsRules.Target t = target.forOperation(name.value(), interval);
            boolean[] ruled = {false};
            Map<String, ImportContext.NvPair> defaults = ctx.nvpairs(opDefaults, "meta_attributes", null, set -> {
                boolean applies = DefaultsRules.applies(ctx, set, t);
                ruled[0] |= applies;
                return applies;
            });
            if (ruled[0]) {
                for (String n : List.of("timeout", "on-fail", "enabled")) {
                    if (defaults.containsKey(n)) {
                        values.putIfAbsent(n, defaults.get(n));
                    }
                }
            }
        }
        Duration timeout = values.containsKey("timeout")
                ? ctx.duration(values.get("timeout").element(), "timeout", values.get("timeout").value())
                : null;
        Role role = values.containsKey("role")
                ? ctx.role(values.get("role").element(), "role", values.get("role").value())
                : null;
        OnFail onFail = values.containsKey("on-fail")
                ? ctx.parse(values.get("on-fail").element(), "on-fail", values.get("on-fail").value(), OnFail::parse)
                : null;
        boolean enabled = !values.containsKey("enabled")
                || ctx.bool(values.get("enabled").element(), "enabled", values.get("enabled").value());
        if (values.containsKey("interval-origin")) {
            ctx.warn(op, "ignored interval-origin (only shifts when a recurring operation runs)");
        }
        if (values.containsKey("requires")) {
            ctx.warn(op, "ignored operation-level 'requires' (use the resource's meta attribute)");
        }
        // Parameters of this operation only (they are part of its parameter digest).
        Map<String, String> params = ImportContext.values(ctx.nvpairs(op, "instance_attributes", null,
                this::skipRuledParameters));
        return new Operation(name.value(), interval, timeout, role, onFail, enabled, params);
    }

    private Group group(XmlElement e, Map<String, String> inheritedParams, boolean promotable) {
        e = ctx.resolve(e);
        String id = ctx.required(e, "id");
        Map<String, String> params = new TreeMap<>(inheritedParams);
        params.putAll(parameters(e));
        List<Primitive> members = new ArrayList<>();
        for (XmlElement c : CibXml.children(e)) {
            switch (c.getTagName()) {
                case "primitive" -> members.add(primitive(c, params, promotable));
                case "meta_attributes", "instance_attributes", "description" -> {
                }
                case "utilization" -> ctx.warn(c, "ignored utilization on a group (set it on the members)");
                default -> throw ctx.unsupported(c, "a group may only contain primitives");
            }
        }
        MetaAttributes meta = MetaReader.read(ctx, ctx.nvpairs(e, "meta_attributes", null), Set.of(), promotable);
        return new Group(id, members, meta);
    }

    private Clone clone(XmlElement e, boolean legacyMaster) {
        e = ctx.resolve(e);
        String id = ctx.required(e, "id");
        Map<String, String> params = parameters(e);
        Map<String, ImportContext.NvPair> pairs = ctx.nvpairs(e, "meta_attributes", null);
        CloneOptions options = cloneOptions(e, pairs, legacyMaster);
        Resource child = null;
        for (XmlElement c : CibXml.children(e)) {
            Resource r = switch (c.getTagName()) {
                case "primitive" -> primitive(c, params, options.promotable());
                case "group" -> group(c, params, options.promotable());
                case "meta_attributes", "instance_attributes", "description" -> null;
                default -> throw ctx.unsupported(c, "a clone may only contain a primitive or a group");
            };
            if (r != null) {
                if (child != null) {
                    throw ctx.error(c, "clone '" + id + "' already has a child ('" + child.id() + "')");
                }
                child = r;
            }
        }
        if (child == null) {
            throw ctx.error(e, "a clone needs a primitive or a group inside");
        }
        MetaAttributes meta = MetaReader.read(ctx, pairs, MetaReader.CLONE_OPTIONS, options.promotable());
        return new Clone(id, child, options, meta);
    }

    private CloneOptions cloneOptions(XmlElement clone, Map<String, ImportContext.NvPair> p, boolean legacyMaster) {
        boolean promotable = legacyMaster || flag(p, "promotable", false);
        Integer promotedMax = number(p, "promoted-max", "master-max");
        Integer promotedNodeMax = number(p, "promoted-node-max", "master-node-max");
        if (!promotable && (promotedMax != null || promotedNodeMax != null)) {
            // Pacemaker ignores these on a clone that is not promotable; so do we, but say so.
            ctx.warn(clone, "ignored promoted-max/promoted-node-max: the clone is not promotable");
            promotedMax = null;
            promotedNodeMax = null;
        }
        if (promotable && promotedNodeMax != null && promotedNodeMax == 0) {
            // No node may hold a promoted instance: exactly what promoted-max=0 says, in a form Vigil validates.
            ctx.warn(clone, "promoted-node-max=0 read as promoted-max=0 (no instance is promoted)");
            promotedMax = 0;
            promotedNodeMax = null;
        }
        return new CloneOptions(number(p, "clone-max"), number(p, "clone-node-max"),
                p.containsKey("globally-unique") ? flag(p, "globally-unique", false) : null,
                flag(p, "interleave", false), flag(p, "notify", false), flag(p, "ordered", false), promotable,
                promotedMax, promotedNodeMax);
    }

    private boolean flag(Map<String, ImportContext.NvPair> p, String name, boolean dflt) {
        ImportContext.NvPair v = p.get(name);
        return v == null ? dflt : ctx.bool(v.element(), name, v.value());
    }

    /** The first of the names that is set (current name first, legacy after), as an integer. */
    private Integer number(Map<String, ImportContext.NvPair> p, String... names) {
        for (String n : names) {
            ImportContext.NvPair v = p.get(n);
            if (v != null) {
                return ctx.score(v.element(), n, v.value());
            }
        }
        return null;
    }
}
