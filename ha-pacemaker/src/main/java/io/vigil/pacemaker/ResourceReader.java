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
import java.util.Set;
import java.util.TreeMap;

/** Reads {@code resources}, {@code rsc_defaults} and {@code op_defaults}. */
final class ResourceReader {
    private final ImportContext ctx;

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
            out.add(resource(e));
        }
        return out;
    }

    private Resource resource(XmlElement e) {
        return switch (e.getTagName()) {
            case "primitive" -> primitive(e, Map.of(), false);
            case "group" -> group(e, Map.of(), false);
            case "clone" -> clone(e, false);
            case "master" -> clone(e, true);
            case "bundle" -> throw ctx.unsupported(e, "bundles (containers) are not supported");
            case "template" -> throw ctx.unsupported(e, "resource templates are not supported");
            default -> throw ctx.unsupported(e, "unknown resource element");
        };
    }

    /** {@code rsc_defaults}: meta attributes every resource inherits. */
    MetaAttributes resourceDefaults(XmlElement rscDefaults) {
        if (rscDefaults == null) {
            return MetaAttributes.EMPTY;
        }
        return MetaReader.read(ctx, ctx.nvpairs(rscDefaults, "meta_attributes", null), Set.of(), true);
    }

    /** {@code op_defaults}: timeout, on-fail and enabled for every operation. */
    OperationDefaults operationDefaults(XmlElement opDefaults) {
        if (opDefaults == null) {
            return OperationDefaults.EMPTY;
        }
        Duration timeout = null;
        OnFail onFail = null;
        Boolean enabled = null;
        for (ImportContext.NvPair p : ctx.nvpairs(opDefaults, "meta_attributes", null).values()) {
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
        if (CibXml.attr(e, "template") != null) {
            throw ctx.unsupported(e, "primitives based on a template are not supported");
        }
        String id = ctx.required(e, "id");
        String standard = ctx.required(e, "class");
        String type = ctx.required(e, "type");
        String provider = null;
        if (standard.equals("ocf")) {
            provider = ctx.required(e, "provider");
            if (provider.equals("pacemaker") && type.equals("remote")) {
                throw ctx.unsupported(e, "Pacemaker Remote connections (remote nodes) are not supported");
            }
        }
        Map<String, String> params = new TreeMap<>(inheritedParams);
        params.putAll(ImportContext.values(ctx.nvpairs(e, "instance_attributes", null)));
        MetaAttributes meta = MetaReader.read(ctx, ctx.nvpairs(e, "meta_attributes", null), Set.of(), promotable);
        List<Operation> ops = new ArrayList<>();
        for (XmlElement opsElement : CibXml.children(e, "operations")) {
            for (XmlElement op : CibXml.children(ctx.resolve(opsElement), "op")) {
                ops.add(operation(ctx.resolve(op)));
            }
        }
        return new Primitive(id, new AgentType(standard, provider, type), params, meta, ops, utilization(e));
    }

    /** Utilization of a node or a primitive: name -> non-negative integer. */
    Map<String, Integer> utilization(XmlElement e) {
        Map<String, Integer> out = new TreeMap<>();
        for (ImportContext.NvPair p : ctx.nvpairs(e, "utilization", null).values()) {
            out.put(p.name(), ctx.integer(p.element(), "utilization " + p.name(), p.value()));
        }
        return out;
    }

    private Operation operation(XmlElement op) {
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
        return new Operation(name.value(), interval, timeout, role, onFail, enabled);
    }

    private Group group(XmlElement e, Map<String, String> inheritedParams, boolean promotable) {
        e = ctx.resolve(e);
        String id = ctx.required(e, "id");
        Map<String, String> params = new TreeMap<>(inheritedParams);
        params.putAll(ImportContext.values(ctx.nvpairs(e, "instance_attributes", null)));
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
        Map<String, String> params = ImportContext.values(ctx.nvpairs(e, "instance_attributes", null));
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
