package io.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vigil.core.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets an error naming the line, the column, the JSON path and what is wrong. */
class MalformedJsonTest {

    private static VigilJsonException readConfiguration(String json) {
        return catchThrowableOfType(VigilJsonException.class, () -> VigilJson.readConfiguration(json));
    }

    private static void assertError(VigilJsonException e, int line, int column, String path, String detail) {
        assertThat(e).as("no exception").isNotNull();
        assertThat(e.detail()).isEqualTo(detail);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
        String at = path.isEmpty() ? "" : ", at " + path;
        assertThat(e).hasMessage("line " + line + ", column " + column + at + ": " + detail);
    }

    /** A primitive "vip" whose meta attributes are {@code meta}, with the meta on line 8. */
    private static String withMeta(String meta) {
        return """
                {
                  "format": 1,
                  "resources": [
                    {
                      "kind": "primitive",
                      "id": "vip",
                      "agent": "ocf:heartbeat:IPaddr2",
                      "meta": %s
                    }
                  ]
                }
                """.formatted(meta);
    }

    @Test
    void an_unknown_enum_value_names_the_value_and_what_is_allowed() {
        VigilJsonException e = readConfiguration(withMeta("{\"target-role\": \"Boss\"}"));

        assertError(e, 8, 31, "resources[0].meta.target-role",
                "unknown role 'Boss': expected Stopped, Started, Unpromoted or Promoted");
    }

    @Test
    void an_unknown_field_lists_the_known_ones() {
        VigilJsonException e = readConfiguration(withMeta("{\"resource-stickyness\": 100}"));

        assertError(e, 8, 16, "resources[0].meta.resource-stickyness",
                "unknown field 'resource-stickyness' in meta attributes; expected one of priority, target-role,"
                        + " is-managed, maintenance, resource-stickiness, migration-threshold, failure-timeout,"
                        + " multiple-active, requires, restart-type, other");
    }

    @Test
    void a_value_of_the_wrong_type() {
        assertError(readConfiguration(withMeta("{\"is-managed\": \"yes\"}")), 8, 30,
                "resources[0].meta.is-managed", "expected true or false, got the string \"yes\"");
        assertError(readConfiguration(withMeta("[]")), 8, 15, "resources[0].meta",
                "expected an object (meta attributes), got an array");
        assertError(readConfiguration(withMeta("{\"priority\": 1.5}")), 8, 28, "resources[0].meta.priority",
                "expected an integer, got the number 1.5");
        assertError(readConfiguration(withMeta("{\"priority\": 12345678901}")), 8, 28,
                "resources[0].meta.priority", "integer 12345678901 is out of range");
        assertError(readConfiguration(withMeta("{\"failure-timeout\": 60}")), 8, 35,
                "resources[0].meta.failure-timeout", "expected a duration such as \"10s\" or \"500ms\", got the number 60");
    }

    @Test
    void values_that_do_not_parse() {
        assertError(readConfiguration(withMeta("{\"failure-timeout\": \"10 parsecs\"}")), 8, 35,
                "resources[0].meta.failure-timeout",
                "invalid duration '10 parsecs': expected e.g. 10s, 500ms, 2min, 1h or PT10S");
        assertError(readConfiguration(withMeta("{\"resource-stickiness\": \"lots\"}")), 8, 39,
                "resources[0].meta.resource-stickiness", "invalid score 'lots': expected an integer or [+-]INFINITY");
        assertError(readConfiguration(withMeta("{\"multiple-active\": \"panic\"}")), 8, 35,
                "resources[0].meta.multiple-active",
                "unknown multiple-active 'panic': expected one of block, stop_only, stop_start, stop_unexpected");
        assertError(readConfiguration("{\"format\": 1, \"resources\": [{\"kind\": \"primitive\", \"id\": \"a\","
                        + " \"agent\": \"ocf::IPaddr2\"}]}"), 1, 71, "resources[0].agent",
                "invalid agent type 'ocf::IPaddr2': expected standard:provider:type or standard:type");
    }

    @Test
    void a_syntax_error_points_at_the_offending_character() {
        VigilJsonException missingComma = readConfiguration("""
                {
                  "format": 1,
                  "nodes": [
                    {"name": "n1"}
                    {"name": "n2"}
                  ]
                }
                """);
        assertError(missingComma, 5, 5, "nodes[1]",
                "malformed JSON: Unexpected character ('{' (code 123)): was expecting comma to separate Array entries");

        VigilJsonException trailingComma = readConfiguration("""
                {
                  "format": 1,
                  "nodes": [{"name": "n1"},],
                }
                """);
        assertError(trailingComma, 3, 28, "nodes[1]",
                "malformed JSON: Unexpected character (']' (code 93)): expected a valid value (JSON String, Number,"
                        + " Array, Object or token 'null', 'true' or 'false')");

        VigilJsonException unterminated = readConfiguration("{\"format\": 1, \"nodes\": [{\"name\": \"n1\"}");
        assertThat(unterminated.line()).isEqualTo(1);
        assertThat(unterminated.column()).isEqualTo(39);
        assertThat(unterminated.detail()).startsWith("malformed JSON: Unexpected end-of-input: expected close marker"
                + " for Array (start marker at line 1, column 24)");
    }

    @Test
    void the_format_version_must_be_there_and_be_1() {
        assertError(readConfiguration("{\"resources\": []}"), 1, 1, "",
                "missing field 'format': a Vigil JSON document starts with \"format\": 1");
        assertError(readConfiguration("{\n  \"format\": 2,\n  \"whatever\": true\n}"), 2, 13, "format",
                "unsupported format 2: this version of Vigil reads format 1");
        assertError(readConfiguration("{\"format\": \"1\"}"), 1, 12, "format",
                "expected an integer, got the string \"1\"");
        assertThatThrownBy(() -> VigilJson.readStatus("{\"quorate\": true}"))
                .hasMessage("line 1, column 1: missing field 'format': a Vigil JSON document starts with \"format\": 1");
        assertThatThrownBy(() -> VigilJson.readCib("{\"format\": 0}"))
                .hasMessage("line 1, column 12, at format: unsupported format 0: this version of Vigil reads format 1");
    }

    @Test
    void the_document_must_be_exactly_one_object() {
        assertError(readConfiguration(""), 1, 1, "", "empty input: expected a JSON object");
        assertError(readConfiguration("[1]"), 1, 1, "", "expected an object (Vigil JSON document), got an array");
        assertError(readConfiguration("{\"format\": 1}\n{\"format\": 1}"), 2, 1, "",
                "unexpected content after the end of the top-level object");
    }

    @Test
    void a_field_given_twice() {
        assertError(readConfiguration("{\"format\": 1, \"nodes\": [{\"name\": \"a\", \"name\": \"b\"}]}"), 1, 45,
                "nodes[0].name", "malformed JSON: Duplicate field 'name'");
    }

    @Test
    void the_kind_of_resources_constraints_and_rule_expressions() {
        assertError(readConfiguration("{\"format\": 1, \"resources\": [{\"kind\": \"daemon\", \"id\": \"a\"}]}"), 1, 38,
                "resources[0].kind", "unknown resource kind 'daemon': expected primitive, group or clone");
        assertError(readConfiguration("{\"format\": 1, \"resources\": [{\"id\": \"a\", \"agent\": \"java:x\"}]}"), 1, 29,
                "resources[0]", "resource needs the field 'kind': primitive, group or clone");
        assertError(readConfiguration("{\"format\": 1, \"constraints\": [{\"kind\": \"ban\", \"id\": \"a\"}]}"), 1, 40,
                "constraints[0].kind",
                "unknown constraint kind 'ban': expected location, colocation, order, colocation-set or order-set");
        assertError(readConfiguration("""
                {"format": 1, "resources": [{"kind": "group", "id": "g", "members": [
                  {"kind": "group", "id": "inner"}
                ]}]}"""), 2, 12, "resources[0].members[0].kind",
                "unknown resource kind 'group': expected primitive (a group holds only primitives)");
        assertError(readConfiguration("""
                {"format": 1, "constraints": [{"kind": "location", "id": "l", "rsc": "a", "rules": [
                  {"expressions": [{"attribute": "ram", "operation": "gt", "value": 1}]}
                ]}]}"""), 2, 20, "constraints[0].rules[0].expressions[0]",
                "rule expression needs the field 'kind': rule or expression");
    }

    @Test
    void a_field_of_another_kind() {
        assertError(readConfiguration("""
                {
                  "format": 1,
                  "resources": [
                    {"kind": "primitive", "id": "a", "agent": "java:x", "members": []}
                  ]
                }"""), 4, 57, "resources[0].members", "field 'members' is not allowed in a primitive; expected one of"
                + " kind, id, agent, parameters, meta, operations, utilization");
        assertError(readConfiguration("""
                {
                  "format": 1,
                  "constraints": [
                    {"kind": "order", "id": "o", "first": "a", "then": "b", "score": 10}
                  ]
                }"""), 4, 61, "constraints[0].score", "field 'score' is not allowed in a order; expected one of"
                + " kind, id, first, first-action, then, then-action, order-kind, symmetrical");
    }

    @Test
    void a_required_field_is_missing() {
        assertError(readConfiguration("{\"format\": 1, \"resources\": [{\"kind\": \"primitive\", \"id\": \"a\"}]}"),
                1, 29, "resources[0]", "resource needs the field 'agent'");
        assertError(readConfiguration("{\"format\": 1, \"resources\": [{\"kind\": \"clone\", \"id\": \"c\"}]}"),
                1, 29, "resources[0]", "resource needs the field 'child'");
        assertError(readConfiguration("{\"format\": 1, \"nodes\": [{\"votes\": 2}]}"),
                1, 25, "nodes[0]", "node needs the field 'name'");
        assertError(readConfiguration("{\"format\": 1, \"constraints\": [{\"kind\": \"location\", \"id\": \"l\","
                        + " \"rsc\": \"a\", \"node\": \"n1\"}]}"),
                1, 31, "constraints[0]", "a location with a node needs the field 'score'");
        assertError(readConfiguration("{\"format\": 1, \"constraints\": [{\"kind\": \"colocation\", \"id\": \"c\","
                        + " \"rsc\": \"a\"}]}"),
                1, 31, "constraints[0]", "constraint needs the field 'with-rsc'");
    }

    @Test
    void null_inside_a_list_or_map() {
        assertError(readConfiguration("{\"format\": 1, \"nodes\": [null]}"), 1, 25, "nodes[0]",
                "null is not allowed in nodes");
        assertError(readConfiguration("{\"format\": 1, \"nodes\": [{\"name\": \"n\", \"attributes\": {\"a\": null}}]}"),
                1, 59, "nodes[0].attributes.a", "null is not allowed in node attributes");
    }

    @Test
    void bad_status_values() {
        assertThatThrownBy(() -> VigilJson.readStatus("""
                {
                  "format": 1,
                  "nodes": [{"name": "n1", "membership": "sleeping"}]
                }"""))
                .isInstanceOf(VigilJsonException.class)
                .hasMessage("line 3, column 42, at nodes[0].membership: unknown membership 'sleeping': expected one"
                        + " of online, offline, unclean, pending");
        assertThatThrownBy(() -> VigilJson.readStatus("""
                {"format": 1, "nodes": [{"name": "n1", "membership": "online", "fail-counts": [
                  {"resource": "r", "operation": "start", "count": 1, "last-failure": "yesterday"}
                ]}]}"""))
                .hasMessage("line 2, column 71, at nodes[0].fail-counts[0].last-failure: invalid time 'yesterday':"
                        + " expected ISO-8601 UTC, e.g. 2026-01-31T12:00:00Z");
        assertThatThrownBy(() -> VigilJson.readStatus("""
                {"format": 1, "nodes": [{"name": "n1", "membership": "online", "history": [
                  {"resource": "r", "operations": [{"operation": "start", "call-id": 1, "rc": 0}]}
                ]}]}"""))
                .hasMessage("line 2, column 36, at nodes[0].history[0].operations[0]: operation record needs the"
                        + " field 'expected-rc'");
        assertThatThrownBy(() -> VigilJson.readCib("{\"format\": 1, \"version\": {\"epoch\": -1}}"))
                .hasMessage("line 1, column 36, at version.epoch: must not be negative, was -1");
    }

    @Test
    void an_invalid_configuration_reports_every_problem_with_the_line_of_its_element() {
        VigilJsonException e = readConfiguration("""
                {
                  "format": 1,
                  "resources": [
                    {"kind": "primitive", "id": "a", "agent": "java:x",
                     "operations": [{"name": "monitor", "interval": "-10s"}]},
                    {"kind": "group", "id": "g", "members": [{"id": "a", "agent": "java:x"}]}
                  ],
                  "constraints": [
                    {"kind": "colocation", "id": "c", "rsc": "a", "with-rsc": "b"}
                  ]
                }
                """);

        assertThat(e.problems()).containsExactly(
                new Problem("resources.a.operations[0].interval", "must not be negative, was -10s"),
                new Problem("resources.a.id", "duplicate id 'a' (first used at resources.a)"),
                new Problem("constraints.c.with-rsc", "unknown resource 'b'"));
        assertThat(e).hasMessage("""
                line 5, column 21: invalid configuration (3 problems):
                  resources.a.operations[0].interval: must not be negative, was -10s (line 5)
                  resources.a.id: duplicate id 'a' (first used at resources.a) (line 6)
                  constraints.c.with-rsc: unknown resource 'b' (line 9)""");
    }

    @Test
    void a_cycle_of_orders_points_at_the_constraints() {
        VigilJsonException e = readConfiguration("""
                {
                  "format": 1,
                  "resources": [{"kind": "primitive", "id": "a", "agent": "java:x"},
                                {"kind": "primitive", "id": "b", "agent": "java:x"}],
                  "constraints": [
                    {"kind": "order", "id": "o1", "first": "a", "then": "b"},
                    {"kind": "order", "id": "o2", "first": "b", "then": "a"}
                  ]
                }""");

        assertThat(e).hasMessage("""
                line 5, column 18: invalid configuration (1 problem):
                  constraints: mandatory orders form a cycle, so none of these actions can run: \
                a start -> b start -> a start (o1,o2) (line 5)""");
    }

    @Test
    void problems_of_the_configuration_in_a_cib_are_prefixed_with_configuration() {
        VigilJsonException e = catchThrowableOfType(VigilJsonException.class, () -> VigilJson.readCib("""
                {"format": 1, "configuration": {"constraints": [
                  {"kind": "order", "id": "o", "first": "x", "then": "y"}]}}"""));

        assertThat(e.problems()).containsExactly(
                new Problem("configuration.constraints.o.first", "unknown resource 'x'"),
                new Problem("configuration.constraints.o.then", "unknown resource 'y'"));
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void errors_from_a_file_name_the_file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cluster.json");
        Files.writeString(file, "{\n  \"format\": 1,\n  \"nodes\": {}\n}\n");

        assertThatThrownBy(() -> VigilJson.readConfiguration(file))
                .isInstanceOf(VigilJsonException.class)
                .hasMessage(file + ", line 3, column 12, at nodes: expected an array (nodes), got an object")
                .extracting(t -> ((VigilJsonException) t).source()).isEqualTo(file.toString());
    }
}
