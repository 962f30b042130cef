package dev.gantry.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON file of the pushed tree (package.json, app.json) that must hold an object. */
final class JsonFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFile() {
    }

    /**
     * @param fix what the refusal asks of the user, after the problem ("Fix it and push again")
     * @throws NoBuildPlanException when the text is not a JSON object, with the parser's line and column
     */
    static JsonNode object(String fileName, String text, String fix) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                throw new NoBuildPlanException(fileName + " is not a JSON object. " + fix);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new NoBuildPlanException(fileName + " is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). " + fix);
        }
    }
}
