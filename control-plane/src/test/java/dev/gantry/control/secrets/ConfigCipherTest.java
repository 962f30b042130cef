package dev.gantry.control.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigCipherTest {

    private final ConfigCipher cipher = new ConfigCipher(filled(7));

    @Test
    void roundTripsAnyTextAndNeverRepeatsACiphertext() {
        String secret = "{\"KEY\":\"line one\\nü = $(id)\"}";

        String first = cipher.encrypt(secret);
        String second = cipher.encrypt(secret);

        assertTrue(first.startsWith("v1:"), first);
        assertFalse(first.contains("line one"), first);
        assertNotEquals(first, second, "a fresh nonce every time");
        assertEquals(secret, cipher.decrypt(first));
    }

    @Test
    void anotherKeyOrATamperedValueIsRefusedWithTheFix() {
        String sealed = cipher.encrypt("{\"A\":\"b\"}");

        IllegalStateException wrongKey = assertThrows(IllegalStateException.class,
                () -> new ConfigCipher(filled(8)).decrypt(sealed));
        assertTrue(wrongKey.getMessage().contains("Restore GANTRY_HOME/config-key"), wrongKey.getMessage());

        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
    }

    @Test
    void aRotatedCipherOpensWhatTheOldKeySealedAndSealsOnlyWithTheNewKey() {
        String sealedBefore = cipher.encrypt("{\"A\":\"old\"}");
        ConfigCipher rotated = cipher.rotatedTo(filled(9));

        String sealedAfter = rotated.encrypt("{\"A\":\"new\"}");

        assertEquals("{\"A\":\"old\"}", rotated.decrypt(sealedBefore));
        assertEquals("{\"A\":\"new\"}", new ConfigCipher(filled(9)).decrypt(sealedAfter));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealedAfter), "the old key alone cannot");
        assertNotEquals(cipher.keyId(), rotated.keyId());
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(IllegalStateException.class, () -> new ConfigCipher(new byte[16]));
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
