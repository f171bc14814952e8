package io.vigil.core.cluster;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Many more seeded random fault schedules, on 3, 5 and 7 nodes and for longer. Run with {@code -Dsoak}. */
@Tag("soak")
class SimulationSoakTest {
    static LongStream seeds() {
        return LongStream.range(Long.getLong("soak.from", 100), Long.getLong("soak.to", 300));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_faults_never_lose_an_acknowledged_change(long seed) {
        RandomFaults.run(seed, 3 + 2 * (int) (seed % 3), 180_000);
    }
}
