package io.vigil.pacemaker.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One conformance case: a folder with a CIB ({@code *.xml}) and {@code expected.json} (format version 1, see the
 * corpus README).
 *
 * @param name        the case name (the folder name)
 * @param cib         the CIB file
 * @param features    the feature tags
 * @param nodes       node -> expected state after the transition ({@code online}, {@code standby}, ...)
 * @param placement   leaf primitive id -> sorted {@code "node role"} entries after the transition, one per active
 *                    instance; an empty list for a stopped leaf
 * @param transitions the normalised transition lines, sorted
 */
public record ConformanceCase(String name, Path cib, List<String> features, Map<String, String> nodes,
                              Map<String, List<String>> placement, List<String> transitions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ConformanceCase {
        features = List.copyOf(features);
        nodes = Map.copyOf(nodes);
        placement = Map.copyOf(placement);
        transitions = List.copyOf(transitions);
    }

    /** True when {@code dir} holds an {@code expected.json} and at least one {@code *.xml}. */
    public static boolean isCaseDir(Path dir) {
        return Files.isRegularFile(dir.resolve("expected.json")) && findCib(dir) != null;
    }

    /**
     * Every case folder at or below {@code dir}, sorted by name.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static List<Path> findAll(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(Files::isDirectory).filter(ConformanceCase::isCaseDir)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Reads a case folder.
     *
     * @throws UncheckedIOException     when a file cannot be read
     * @throws IllegalArgumentException when {@code expected.json} lacks a required key
     */
    public static ConformanceCase load(Path dir) {
        String name = dir.getFileName().toString();
        Path cib = findCib(dir);
        if (cib == null) {
            throw new IllegalArgumentException(dir + ": no *.xml CIB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(dir.resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("expected.json"), e);
        }
        List<String> features = new ArrayList<>();
        root.path("features").forEach(f -> features.add(f.asText()));
        Map<String, String> nodes = new TreeMap<>();
        required(root, "nodes", dir).properties().forEach(e -> nodes.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> placement = new TreeMap<>();
        required(root, "final", dir).properties().forEach(e -> {
            List<String> entries = new ArrayList<>();
            e.getValue().forEach(i -> entries.add(i.path("node").asText() + " " + i.path("role").asText()));
            placement.put(e.getKey(), entries.stream().sorted().toList());
        });
        List<String> transitions = new ArrayList<>();
        required(root, "transitions_normalized", dir).forEach(t -> transitions.add(t.asText()));
        return new ConformanceCase(name, cib, features, nodes, placement, transitions.stream().sorted().toList());
    }

    private static JsonNode required(JsonNode root, String key, Path dir) {
        JsonNode n = root.get(key);
        if (n == null) {
            throw new IllegalArgumentException(dir.resolve("expected.json") + ": missing key '" + key + "'");
        }
        return n;
    }

    /** {@code <folder name>.xml} if present, else the only (or first by name) {@code *.xml}. */
    private static Path findCib(Path dir) {
        Path preferred = dir.resolve(dir.getFileName() + ".xml");
        if (Files.isRegularFile(preferred)) {
            return preferred;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
