package io.vigil.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void iso_durations_without_the_time_designator_are_read_like_Pacemaker_reads_them() {
        assertThat(Durations.parse("P10S", "interval")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("PT10S", "interval")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("P1DT2H", "interval")).isEqualTo(Duration.ofHours(26));
        assertThat(Durations.parse("PT2M", "interval")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("P1W", "interval")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void the_T_tells_months_from_minutes() {
        assertThat(Durations.parse("P1M", "timeout")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("PT1M", "timeout")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void fractional_iso_seconds_and_simple_units_still_work() {
        assertThat(Durations.parse("PT1.5S", "timeout")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("500ms", "timeout")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30", "timeout")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_duration_without_amounts_or_with_an_unknown_unit_is_refused_naming_field_and_value() {
        assertThatThrownBy(() -> Durations.parse("P", "interval"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval").hasMessageContaining("'P'");
        assertThatThrownBy(() -> Durations.parse("P10X", "interval"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'P10X'");
    }
}
