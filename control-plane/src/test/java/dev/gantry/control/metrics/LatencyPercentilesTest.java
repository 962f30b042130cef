package dev.gantry.control.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    // Bounds (ms): 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, then +Inf.
    @Test
    void aPercentileLiesOnAStraightLineWithinItsBucket() {
        // 100 responses: 50 within 5 ms, 40 within 5..10 ms, 10 within 50..100 ms.
        long[] buckets = {50, 90, 90, 90, 100, 100, 100, 100, 100, 100, 100, 100};

        assertEquals(5.0, LatencyPercentiles.of(buckets, 0.50), 1e-9);
        assertEquals(55.0, LatencyPercentiles.of(buckets, 0.91), 1e-9);
        assertEquals(95.0, LatencyPercentiles.of(buckets, 0.99), 1e-9);
    }

    @Test
    void slowerThanTheLastBoundIsTheLastBoundAndNoResponseIsNoFigure() {
        assertEquals(10_000.0, LatencyPercentiles.of(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, 0.5), 1e-9);
        assertNull(LatencyPercentiles.of(new long[12], 0.5));
    }

    @Test
    void betweenTwoReadingsIsWhatWasCountedMeanwhileOrAllAfterARestart() {
        List<Long> before = List.of(1L, 2L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L);
        List<Long> after = List.of(2L, 4L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 6L, 7L);
        List<Long> restarted = List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);

        assertEquals(List.of(1L, 2L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 4L),
                Arrays.stream(LatencyPercentiles.between(before, after)).boxed().toList());
        assertEquals(restarted, Arrays.stream(LatencyPercentiles.between(after, restarted)).boxed().toList());
    }
}
