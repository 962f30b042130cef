package dev.gantry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeVersionRangeTest {

    @ParameterizedTest(name = "{0} includes 18.20.4: {1}")
    @CsvSource(delimiter = ';', value = {
        "18.x              ; true",
        "18                ; true",
        "18.20.4           ; true",
        "v18.20.4          ; true",
        "18.20.5           ; false",
        ">=18              ; true",
        ">= 18.0.0         ; true",
        ">18               ; false",
        ">18.19            ; true",
        "^18.17.0          ; true",
        "^18.21.0          ; false",
        "~18.20.1          ; true",
        "~18.19            ; false",
        "20.x              ; false",
        "20.x || 18.x      ; true",
        ">=16 <19          ; true",
        ">=16 <18.20.4     ; false",
        "16 - 18           ; true",
        "16 - 18.19.0      ; false",
        "*                 ; true",
        "''                ; true",
        "<=18.20           ; true",
        "<18               ; false",
        "^0.10.0           ; false",
        "22.x              ; false",
    })
    void decidesWhetherAVersionIsInTheRangeAsNpmDoes(String range, boolean included) {
        assertEquals(included, NodeVersionRange.parse(range).includes("18.20.4"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"lts/*", "node 18", ">=eighteen"})
    void aRangeNpmCannotReadIsRefused(String range) {
        assertThrows(IllegalArgumentException.class, () -> NodeVersionRange.parse(range));
    }
}
