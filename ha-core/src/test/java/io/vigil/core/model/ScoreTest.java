package io.vigil.core.model;

import static io.vigil.core.model.Score.INFINITY;
import static io.vigil.core.model.Score.MINUS_INFINITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Pacemaker's score arithmetic: saturating at ±INFINITY, where a ban (-INFINITY) always wins. */
class ScoreTest {

    /** Scores as they occur: mostly ordinary values, often exactly ±INFINITY, sometimes beyond it. */
    @Provide
    Arbitrary<Integer> scores() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(MINUS_INFINITY + 1, INFINITY - 1)),
                Tuple.of(1, Arbitraries.of(INFINITY, MINUS_INFINITY, 0)),
                Tuple.of(1, Arbitraries.integers()));
    }

    @Property
    void addition_is_commutative(@ForAll("scores") int a, @ForAll("scores") int b) {
        assertThat(Score.add(a, b)).isEqualTo(Score.add(b, a));
    }

    @Property
    void a_sum_never_leaves_the_score_range(@ForAll("scores") int a, @ForAll("scores") int b) {
        assertThat(Score.add(a, b)).isBetween(MINUS_INFINITY, INFINITY);
    }

    @Property
    void minus_infinity_absorbs_everything_even_infinity(@ForAll("scores") int a) {
        assertThat(Score.add(MINUS_INFINITY, a)).isEqualTo(MINUS_INFINITY);
        assertThat(Score.add(a, MINUS_INFINITY)).isEqualTo(MINUS_INFINITY);
    }

    @Example
    void minus_infinity_plus_infinity_is_minus_infinity() {
        assertThat(Score.add(MINUS_INFINITY, INFINITY)).isEqualTo(MINUS_INFINITY);
        assertThat(Score.add(INFINITY, MINUS_INFINITY)).isEqualTo(MINUS_INFINITY);
    }

    @Property
    void infinity_absorbs_every_score_but_minus_infinity(@ForAll("scores") int a) {
        int expected = Score.isMinusInfinite(a) ? MINUS_INFINITY : INFINITY;
        assertThat(Score.add(INFINITY, a)).isEqualTo(expected);
    }

    @Property
    void finite_scores_add_exactly_while_the_sum_is_in_range(
            @ForAll @IntRange(min = -999_999, max = 999_999) int a,
            @ForAll @IntRange(min = -999_999, max = 999_999) int b) {
        long sum = (long) a + b;
        int expected = sum >= INFINITY ? INFINITY : sum <= MINUS_INFINITY ? MINUS_INFINITY : (int) sum;
        assertThat(Score.add(a, b)).isEqualTo(expected);
    }

    @Property
    void addition_saturates_instead_of_overflowing(@ForAll @IntRange(min = 1, max = 999_999) int a) {
        assertThat(Score.add(INFINITY - 1, a)).isEqualTo(INFINITY);
        assertThat(Score.add(MINUS_INFINITY + 1, -a)).isEqualTo(MINUS_INFINITY);
        assertThat(Score.add(Integer.MAX_VALUE, a)).isEqualTo(INFINITY);
        assertThat(Score.add(Integer.MIN_VALUE, a)).isEqualTo(MINUS_INFINITY);
    }

    @Property
    void addition_is_monotonic(@ForAll("scores") int a, @ForAll("scores") int b, @ForAll("scores") int c) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        assertThat(Score.add(low, c)).isLessThanOrEqualTo(Score.add(high, c));
    }

    @Property
    void clamping_keeps_scores_in_range_and_in_range_values_unchanged(@ForAll long value) {
        int clamped = Score.clamp(value);
        assertThat(clamped).isBetween(MINUS_INFINITY, INFINITY);
        if (value > MINUS_INFINITY && value < INFINITY) {
            assertThat(clamped).isEqualTo((int) value);
        } else {
            assertThat(clamped).isEqualTo(value > 0 ? INFINITY : MINUS_INFINITY);
        }
    }

    @Property
    void printing_then_parsing_gives_the_score_back(@ForAll("scores") int score) {
        assertThat(Score.parse(Score.toString(score))).isEqualTo(Score.clamp(score));
    }

    @Property
    void any_integer_text_parses_clamped(@ForAll @LongRange(min = Long.MIN_VALUE, max = Long.MAX_VALUE) long value) {
        assertThat(Score.parse(Long.toString(value))).isEqualTo(Score.clamp(value));
        if (value >= 0) {
            assertThat(Score.parse("+" + value)).isEqualTo(Score.clamp(value));
        }
    }

    @Example
    void integers_beyond_the_long_range_parse_clamped() {
        assertThat(Score.parse("123456789012345678901234567890")).isEqualTo(INFINITY);
        assertThat(Score.parse("-123456789012345678901234567890")).isEqualTo(MINUS_INFINITY);
    }

    @Example
    void infinity_is_printed_the_pacemaker_way() {
        assertThat(Score.toString(INFINITY)).isEqualTo("INFINITY");
        assertThat(Score.toString(MINUS_INFINITY)).isEqualTo("-INFINITY");
        assertThat(Score.toString(2_000_000)).isEqualTo("INFINITY");
        assertThat(Score.toString(-42)).isEqualTo("-42");
    }

    @Example
    void every_spelling_of_infinity_parses() {
        for (String plus : new String[] {"INFINITY", "+INFINITY", "infinity", "Infinity", "inf", "+inf", "INF",
                " INFINITY "}) {
            assertThat(Score.parse(plus)).as(plus).isEqualTo(INFINITY);
        }
        for (String minus : new String[] {"-INFINITY", "-infinity", "-inf", "-INF", "\t-INFINITY"}) {
            assertThat(Score.parse(minus)).as(minus).isEqualTo(MINUS_INFINITY);
        }
    }

    @Example
    void text_that_is_no_score_is_refused_with_the_text_in_the_message() {
        for (String bad : new String[] {"", "abc", "1.5", "--1", "+-1", "infinite", "10 0"}) {
            assertThatThrownBy(() -> Score.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid score '" + bad + "': expected an integer or [+-]INFINITY");
        }
        assertThatThrownBy(() -> Score.parse(null)).hasMessage("score must not be null");
    }
}
