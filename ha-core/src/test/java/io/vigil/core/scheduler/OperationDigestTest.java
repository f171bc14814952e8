package io.vigil.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.core.model.Configuration;
import io.vigil.core.model.Primitive;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OperationDigestTest {
    /** What Pacemaker records for an operation of a resource without parameters. */
    private static final String NO_PARAMETERS = "f2317cad3d54cec5d7d7aa7d0bf35cf8";

    @Test
    void a_one_off_operation_of_a_resource_without_parameters_has_pacemakers_empty_digest() {
        Configuration c = Configuration.builder().nodes("n1").primitive("r", "ocf:pacemaker:Dummy").build();
        Primitive r = (Primitive) c.resources().get(0);

        assertThat(OperationDigest.of(c, r, "start", Duration.ZERO)).isEqualTo(NO_PARAMETERS);
        assertThat(OperationDigest.of(c, r, "monitor", null)).isEqualTo(NO_PARAMETERS);
    }

    @Test
    void a_recurring_operation_digests_its_timeout_and_parameters_change_every_digest() {
        Configuration plain = Configuration.builder().nodes("n1")
                .primitive("r", "ocf:pacemaker:Dummy", s -> s.monitor(Duration.ofSeconds(10))).build();
        Configuration withParam = Configuration.builder().nodes("n1")
                .primitive("r", "ocf:pacemaker:Dummy", s -> s.monitor(Duration.ofSeconds(10)).param("state", "/x"))
                .build();
        Primitive p = (Primitive) plain.resources().get(0);
        Primitive q = (Primitive) withParam.resources().get(0);

        String monitor = OperationDigest.of(plain, p, "monitor", Duration.ofSeconds(10));
        assertThat(monitor).matches("[0-9a-f]{32}").isNotEqualTo(NO_PARAMETERS);
        assertThat(OperationDigest.of(plain, p, "monitor", Duration.ofSeconds(10))).isEqualTo(monitor);
        assertThat(OperationDigest.of(withParam, q, "monitor", Duration.ofSeconds(10))).isNotEqualTo(monitor);
        assertThat(OperationDigest.of(withParam, q, "start", Duration.ZERO)).isNotEqualTo(NO_PARAMETERS);
    }
}
