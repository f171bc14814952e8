package io.vigil.pacemaker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds Pacemaker's conformance cases ({@code shared/conformance/pacemaker/cases} beside the repository) by
 * walking up from the working directory. They are GPL-licensed test data: read in place, never copied into the
 * project. The system property {@code vigil.conformance.dir} overrides the search.
 */
public final class Corpus {
    private static final Path RELATIVE = Path.of("shared", "conformance", "pacemaker", "cases");

    private Corpus() {
    }

    /** The cases folder, if it exists. */
    public static Optional<Path> find() {
        String override = System.getProperty("vigil.conformance.dir");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The cases folder; skips the calling test (JUnit assumption) when it is absent, saying so. */
    public static Path require() {
        Optional<Path> dir = find();
        assumeTrue(dir.isPresent(), "Pacemaker conformance cases not found (looked for ../shared/conformance/"
                + "pacemaker/cases above " + Path.of("").toAbsolutePath() + "): skipping");
        return dir.get();
    }

    /** The CIB of one case; skips the calling test when the corpus is absent. */
    public static Path cib(String name) {
        return require().resolve(name).resolve(name + ".xml");
    }
}
