package dev.gantry.control.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Stores a config snapshot's variables as one encrypted JSON document. */
@Converter
public class EncryptedVarsConverter implements AttributeConverter<Map<String, String>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> VARS = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(Map<String, String> vars) {
        try {
            return ConfigCipher.current().encrypt(JSON.writeValueAsString(vars == null ? Map.of() : vars));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not store config: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String stored) {
        try {
            return JSON.readValue(ConfigCipher.isEncrypted(stored) ? ConfigCipher.current().decrypt(stored) : stored, VARS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored config is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
