package dev.gantry.router;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gantry.router.api.AppRoute;
import dev.gantry.router.api.Backend;
import dev.gantry.router.api.SelfSignedCertificates;
import dev.gantry.router.api.TlsCertificate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table saved before the router wrote its JSON with Jackson (it used Vert.x's JsonObject) still loads. */
class RouteStateFileTest {

    @TempDir
    Path dir;

    @Test
    void aTableSavedWithVertxJsonLoads() throws Exception {
        TlsCertificate shop = SelfSignedCertificates.generate(List.of("shop.example.com"), 30);
        JsonObject pem = new JsonObject().put("certificate", shop.certificatePem()).put("key", shop.keyPem());
        JsonObject route = new JsonObject()
                .put("hostnames", new JsonArray().add("shop.example.com"))
                .put("backends", new JsonArray().add(new JsonObject().put("host", "127.0.0.1").put("port", 32768)))
                .put("certificates", new JsonArray().add(pem))
                .put("redirectHttps", true);
        Path file = dir.resolve("routes.json");
        Files.writeString(file, new JsonObject().put("version", 1).put("routes", new JsonObject().put("shop", route))
                .put("defaultCertificate", pem).encodePrettily() + "\n");

        RouteTable table = new RouteStateFile(file).load();

        assertEquals(Map.of("shop", new AppRoute("shop", Set.of("shop.example.com"), List.of(new Backend("127.0.0.1", 32768)),
                List.of(shop), true)), table.apps());
        assertEquals(shop, table.defaultCertificate());
    }

    @Test
    void whatItSavesItLoads() {
        RouteStateFile file = new RouteStateFile(dir.resolve("routes.json"));
        RouteTable table = RouteTable.EMPTY.with(new AppRoute("blog", Set.of("blog.example.com"),
                List.of(new Backend("127.0.0.1", 32769))));

        file.save(table);

        assertEquals(table.apps(), file.load().apps());
    }
}
