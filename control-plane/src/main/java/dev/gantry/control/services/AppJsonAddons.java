package dev.gantry.control.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.common.LineSink;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.deploy.FirstDeployAddons;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * app.json's {@code addons} in Heroku's form, so apps written for it get their databases:
 * {@code ["heroku-postgresql", {"plan": "heroku-redis:mini", "as": "CACHE"}]}. Each becomes a service
 * named after the app and the alias ({@code shop-database}), created and linked on the app's first
 * deploy; a plan's tier means nothing here. An alias the app already has a link under is left alone, so
 * a first deploy that failed can be pushed again.
 */
@ApplicationScoped
public class AppJsonAddons implements FirstDeployAddons {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BackingServices services;
    private final ServiceLinks links;
    private final ServiceCatalog catalog;

    AppJsonAddons(BackingServices services, ServiceLinks links, ServiceCatalog catalog) {
        this.services = services;
        this.links = links;
        this.catalog = catalog;
    }

    /** One addon: its kind and the alias it is linked under. */
    record Addon(ServiceKind kind, String alias) {
    }

    @Override
    public void provision(String app, byte[] appJson, String user, LineSink progress) {
        for (Addon addon : parse(appJson)) {
            if (catalog.linkedAs(app, addon.alias())) {
                continue;
            }
            String name = ServiceNames.checkName(app + "-" + addon.alias().toLowerCase(Locale.ROOT).replace('_', '-'));
            progress.line("-----> app.json asks for " + addon.kind().product() + " as " + addon.alias()
                    + ": creating the service " + name);
            services.create(addon.kind().word(), name, Optional.empty(), user, progress);
            links.link(name, app, Optional.of(addon.alias()), user, progress);
        }
    }

    static List<Addon> parse(byte[] appJson) {
        JsonNode addons;
        try {
            addons = JSON.readTree(appJson).path("addons");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("app.json is not valid JSON (" + e.getOriginalMessage()
                    + "). Fix it, or remove it, and push again");
        } catch (IOException e) {
            throw new InvalidInputException("app.json could not be read (" + e.getMessage() + ")");
        }
        if (addons.isMissingNode() || addons.isNull()) {
            return List.of();
        }
        if (!addons.isArray()) {
            throw new InvalidInputException("app.json: addons must be a list, e.g. [\"heroku-postgresql\"]");
        }
        List<Addon> parsed = new ArrayList<>();
        for (int i = 0; i < addons.size(); i++) {
            parsed.add(addon(addons.get(i), "app.json: addons[" + i + "]"));
        }
        return parsed;
    }

    private static Addon addon(JsonNode entry, String where) {
        String plan = entry.isTextual() ? entry.asText() : entry.path("plan").asText(null);
        if (plan == null) {
            throw new InvalidInputException(where + " must be a name (\"heroku-postgresql\") or an object with a plan"
                    + " ({\"plan\": \"heroku-postgresql\", \"as\": \"ANALYTICS\"})");
        }
        try {
            ServiceKind kind = ServiceKind.ofAddon(plan);
            JsonNode as = entry.path("as");
            return new Addon(kind, as.isTextual() ? ServiceNames.checkAlias(as.asText()) : kind.defaultAlias());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage().replaceFirst("^app\\.json: ", ""));
        }
    }
}
