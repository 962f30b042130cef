package dev.gantry.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuncAdvisoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.1.5+ds1-1+deb12u1", "v1.1.11", "1.0.3", "0.9.0"})
    void warnsAboutRuncOlderThanTheFix(String version) {
        Optional<String> warning = RuncAdvisory.warning(version);

        assertTrue(warning.isPresent(), version);
        assertTrue(warning.get().contains("CVE-2024-21626"), warning.get());
        assertTrue(warning.get().contains(version), warning.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.12", "v1.1.14", "1.2.0", "2.0.0-rc.1", "", "unknown"})
    void saysNothingAboutFixedOrUnknownVersions(String version) {
        assertEquals(Optional.empty(), RuncAdvisory.warning(version));
    }
}
