package dev.gantry.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.build.AppJson;
import dev.gantry.build.ProcessTypes;
import dev.gantry.build.Procfile;
import dev.gantry.control.InvalidInputException;
import dev.gantry.control.checks.HealthCheckSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppJsonDeclarationsTest {

    private static final ProcessTypes WEB_AND_WORKER = Procfile.parse("web: ./web\nworker: ./work\n");

    private static AppJsonDeclarations read(String json) {
        return AppJsonDeclarations.of(Optional.of(AppJson.parse(json)), WEB_AND_WORKER, HealthCheckSpec.DEFAULT);
    }

    @Test
    void herokusFormationGivesTheCountsAndIgnoresOtherFields() {
        assertEquals(Map.of("web", 2, "worker", 0), read("""
                {"formation": {"web": {"quantity": 2, "size": "standard-1x"}, "worker": {"quantity": 0}}}""")
                .formation());
        assertEquals(Map.of(), read("{\"formation\": {\"worker\": {\"size\": \"basic\"}}}").formation());
    }

    @Test
    void aFormationTypeThePushDoesNotDeclareOrABadQuantityIsRefused() {
        assertEquals("app.json: formation names 'clock', which is not a process type of this push (its types: web,"
                + " worker). Declare it in the Procfile, or remove it from the formation, and push again",
                assertThrows(InvalidInputException.class,
                        () -> read("{\"formation\": {\"clock\": {\"quantity\": 1}}}")).getMessage());
        assertEquals("app.json: formation.web.quantity must be a whole number from 0 to 50. Fix it and push again",
                assertThrows(InvalidInputException.class,
                        () -> read("{\"formation\": {\"web\": {\"quantity\": 1.5}}}")).getMessage());
    }

    @Test
    void dokkusDeployScriptsAreRead() {
        DeployScripts scripts = read("{\"scripts\": {\"dokku\": {\"predeploy\": \"./migrate\", \"postdeploy\":"
                + " \"./notify\"}, \"postdeploy\": \"heroku's, not used\"}}").scripts();

        assertEquals(Optional.of("./migrate"), scripts.predeploy());
        assertEquals(Optional.of("./notify"), scripts.postdeploy());
        assertEquals("app.json: scripts.dokku.predeploy must be a command (a string), such as \"python3 manage.py"
                + " migrate\". Fix it and push again", assertThrows(InvalidInputException.class,
                        () -> read("{\"scripts\": {\"dokku\": {\"predeploy\": [\"./migrate\"]}}}")).getMessage());
    }

    @Test
    void noAppJsonDeclaresNothing() {
        AppJsonDeclarations none = AppJsonDeclarations.of(Optional.empty(), WEB_AND_WORKER, HealthCheckSpec.DEFAULT);

        assertEquals(Optional.empty(), none.checks());
        assertEquals(DeployScripts.NONE, none.scripts());
        assertEquals(Map.of(), none.formation());
    }
}
