package dev.gantry.control.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A secret text column (a certificate's private key), sealed with the config key like config values. */
@Converter
public class EncryptedTextConverter implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String text) {
        return text == null ? null : ConfigCipher.current().encrypt(text);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : ConfigCipher.current().decrypt(stored);
    }
}
