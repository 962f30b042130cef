package dev.gantry.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.build.AppJson;
import dev.gantry.build.ProcessTypes;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.domain.Formation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * app.json's {@code formation}, as Heroku and Dokku write it: {@code {"web": {"quantity": 2},
 * "worker": {"quantity": 1}}}, the instance counts of an app's first deploy. Later deploys keep the
 * counts people chose with {@code ps:scale}; other fields (Heroku's {@code size}) are left alone.
 */
final class AppJsonFormation {

    private AppJsonFormation() {
    }

    /** @throws InvalidInputException naming the entry, for a type the push does not declare or a bad quantity */
    static Map<String, Integer> read(AppJson appJson, ProcessTypes types) {
        JsonNode formation = appJson.section("formation");
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (formation.isMissingNode() || formation.isNull()) {
            return counts;
        }
        if (!formation.isObject()) {
            throw new InvalidInputException(AppJson.FILE_NAME + ": formation must be an object such as {\"web\":"
                    + " {\"quantity\": 1}}. Fix it and push again");
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = formation.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String type = entry.getKey();
            if (!types.has(type)) {
                throw new InvalidInputException(AppJson.FILE_NAME + ": formation names '" + type + "', which is not a"
                        + " process type of this push (its types: " + types + "). Declare it in the Procfile, or"
                        + " remove it from the formation, and push again");
            }
            JsonNode quantity = entry.getValue().path("quantity");
            if (quantity.isMissingNode()) {
                continue;
            }
            if (!quantity.canConvertToInt() || !quantity.isIntegralNumber() || quantity.asInt() < 0
                    || quantity.asInt() > Formation.MAX_QUANTITY) {
                throw new InvalidInputException(AppJson.FILE_NAME + ": formation." + type + ".quantity must be a whole"
                        + " number from 0 to " + Formation.MAX_QUANTITY + ". Fix it and push again");
            }
            counts.put(type, quantity.asInt());
        }
        return counts;
    }
}
