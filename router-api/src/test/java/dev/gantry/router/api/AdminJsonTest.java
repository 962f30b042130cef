package dev.gantry.router.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gantry.service.ServiceJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admin interface's JSON, exactly as the Vert.x-based interface wrote it, and what reading refuses. */
class AdminJsonTest {

    private static final Backend A = new Backend("127.0.0.1", 32768);

    @Test
    void aRouteIsWrittenWithItsHostnamesSortedAndReadBack() throws Exception {
        AppRoute route = new AppRoute("shop", Set.of("www.shop.test", "shop.test"), List.of(A));

        String json = ServiceJson.MAPPER.writeValueAsString(AdminJson.routes(Map.of("shop", route)));

        assertEquals("{\"shop\":{\"hostnames\":[\"shop.test\",\"www.shop.test\"],\"backends\":[{\"host\":\"127.0.0.1\","
                + "\"port\":32768}],\"certificates\":[],\"redirectHttps\":false}}", json);
        assertEquals(Map.of("shop", route), AdminJson.routes(ServiceJson.MAPPER.readValue(json, AdminJson.ROUTES), "routes"));
    }

    @Test
    void aRouteWithoutCertificatesOrRedirectIsPlainHttp() throws Exception {
        AdminJson.RouteJson json = ServiceJson.MAPPER.readValue(
                "{\"hostnames\":[\"shop.test\"],\"backends\":[{\"host\":\"127.0.0.1\",\"port\":32768}]}", AdminJson.RouteJson.class);

        assertEquals(new AppRoute("shop", Set.of("shop.test"), List.of(A)), json.read("shop"));
    }

    @Test
    void readingNamesTheFieldThatIsWrong() {
        assertEquals("shop.backends[0].port: must be a whole number 1..65535, was 70000", refused(
                new AdminJson.RouteJson(List.of("shop.test"), List.of(new AdminJson.BackendJson("h", 70000)), null, null)));
        assertEquals("shop.backends[0].host: must not be blank", refused(
                new AdminJson.RouteJson(List.of("shop.test"), List.of(new AdminJson.BackendJson(" ", 80)), null, null)));
        assertEquals("shop.backends: must be an array of {\"host\": ..., \"port\": ...}", refused(
                new AdminJson.RouteJson(List.of("shop.test"), null, null, null)));
        assertEquals("shop.hostnames: must be an array of host names", refused(
                new AdminJson.RouteJson(null, List.of(), null, null)));
        assertEquals("shop.certificates[0].key: must be a string, was null", refused(new AdminJson.RouteJson(
                List.of("shop.test"), List.of(), List.of(new AdminJson.CertificateJson("PEM", null)), null)));
        assertEquals("timeoutMillis: must be a whole number >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> new AdminJson.Drain(List.of(), -1L).timeout()).getMessage());
    }

    private static String refused(AdminJson.RouteJson json) {
        return assertThrows(IllegalArgumentException.class, () -> json.read("shop")).getMessage();
    }

    @Test
    void statsKeepTheirShape() throws Exception {
        AppStats stats = new AppStats(3, 0, 1, 2, 1, 0, 0, 4, 1, List.of(new BackendStats(A, 2, 1, false)),
                List.of(1L, 2L, 2L, 3L, 3L, 3L, 3L, 3L, 4L, 4L, 5L, 6L));

        String json = ServiceJson.MAPPER.writeValueAsString(AdminJson.stats(Map.of("shop", stats)));

        assertEquals("{\"shop\":{\"responses\":{\"2xx\":3,\"3xx\":0,\"4xx\":1,\"5xx\":2},\"routerErrors\":{\"502\":1,"
                + "\"503\":0,\"504\":0},\"clientAborts\":4,\"inFlight\":1,\"backends\":[{\"host\":\"127.0.0.1\",\"port\":32768,"
                + "\"responses5xx\":2,\"connectFailures\":1,\"healthy\":false}],\"latencyBuckets\":[1,2,2,3,3,3,3,3,4,4,5,6]}}",
                json);
        assertEquals(stats, ServiceJson.MAPPER.readValue(json, AdminJson.STATS).get("shop").read());
        assertEquals("{\"status\":\"up\",\"port\":8080,\"routes\":2}",
                ServiceJson.MAPPER.writeValueAsString(new AdminJson.Health("up", 8080, 2)));
    }

    @Test
    void statsOfARouterWithoutLatencyBucketsReadAsNone() throws Exception {
        String json = "{\"shop\":{\"responses\":{\"2xx\":3,\"3xx\":0,\"4xx\":0,\"5xx\":0},\"routerErrors\":{\"502\":0,"
                + "\"503\":0,\"504\":0},\"clientAborts\":0,\"inFlight\":0,\"backends\":[]}}";

        assertEquals(List.of(), ServiceJson.MAPPER.readValue(json, AdminJson.STATS).get("shop").read().latencyBuckets());
    }
}
