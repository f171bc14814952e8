package io.vigil.pacemaker.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.pacemaker.Corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class TransitionLinesTest {

    @Test
    void padding_instance_suffix_and_reason_are_dropped() {
        assertThat(TransitionLines.normalize("  * Move       dollies:0     ( ssgtest1a -> ssgtest1b )"))
                .isEqualTo("Move dollies (ssgtest1a -> ssgtest1b)");
        assertThat(TransitionLines.normalize("  * Start      A       ( fc16-builder )  due to unrunnable C start (blocked)"))
                .isEqualTo("Start A (fc16-builder)");
        assertThat(TransitionLines.normalize("Promote    child_rsc1:1     ( Stopped -> Promoted node2 )"))
                .isEqualTo("Promote child_rsc1 (Stopped -> Promoted node2)");
        assertThat(TransitionLines.normalize("  * Stop       rsc1    ( node2 )  blocked"))
                .isEqualTo("Stop rsc1 (node2)");
    }

    @Test
    void fence_lines_keep_the_action_and_node_but_not_the_reason() {
        assertThat(TransitionLines.normalize("  * Fence (reboot) node2 'rsc1 failed there'"))
                .isEqualTo("Fence (reboot) node2");
    }

    @Test
    void normalizing_pacemakers_own_summaries_gives_the_expected_transition_lines() throws IOException {
        Path cases = Corpus.require();
        List<String> mismatches = new ArrayList<>();
        for (Path dir : ConformanceCase.findAll(cases)) {
            Path summary = dir.resolve(dir.getFileName() + ".summary");
            if (!Files.exists(summary)) {
                continue;
            }
            List<String> lines = transitionSummary(Files.readAllLines(summary));
            ConformanceCase c = ConformanceCase.load(dir);
            if (!TransitionLines.normalizeAll(lines).equals(c.transitions())) {
                mismatches.add(dir.getFileName() + ": " + TransitionLines.normalizeAll(lines) + " vs " + c.transitions());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** The lines of the "Transition Summary:" section. */
    private static List<String> transitionSummary(List<String> summary) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : summary) {
            if (line.equals("Transition Summary:")) {
                in = true;
            } else if (in && (line.isBlank() || !line.startsWith(" "))) {
                break;
            } else if (in) {
                out.add(line);
            }
        }
        return out;
    }
}
