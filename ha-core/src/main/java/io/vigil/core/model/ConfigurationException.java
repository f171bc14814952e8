package io.vigil.core.model;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration was rejected; {@link #problems()} lists every reason, each with its path. */
public class ConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems every problem found (at least one) */
    public ConfigurationException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the validator met them. */
    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        return "invalid configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "):" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
