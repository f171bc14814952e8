package io.vigil.pacemaker.conformance;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one conformance case.
 *
 * @param name        the case name
 * @param features    its feature tags
 * @param differences what differed from the expectation (or the error that stopped the case); empty = passed
 */
public record CaseResult(String name, List<String> features, List<String> differences) {
    public CaseResult {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        differences = List.copyOf(differences);
    }

    /** True when nothing differed. */
    public boolean passed() {
        return differences.isEmpty();
    }

    /** {@code PASS name} or {@code FAIL name: difference; difference}. */
    public String line() {
        return passed() ? "PASS " + name : "FAIL " + name + ": " + String.join("; ", differences);
    }
}
