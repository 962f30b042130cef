package dev.gantry.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server on a free port of 127.0.0.1 and the real client, over a small service of notes. */
class ServiceServerTest {

    private static final String TOKEN = "0123456789abcdef";
    private static final String AUTHORIZATION = "Bearer " + TOKEN;
    private static final String HINT = "send the token in TEST_HOME/token as 'Authorization: Bearer TOKEN'";
    private static final Instant WRITTEN = Instant.parse("2026-12-02T10:15:30.123Z");

    record Note(String text, Instant written) {
        Note {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text: required, the note itself");
            }
        }
    }

    /** The service's own exception, which it answers as 422. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final List<String> heard = new ArrayList<>();
    private ServiceServer server;
    private ServiceClient client;

    @BeforeEach
    void serve() throws Exception {
        server = start(0);
        client = new ServiceClient(URI.create("http://127.0.0.1:" + server.port() + "/"), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ServiceServer start(int port) throws Exception {
        Endpoints endpoints = Endpoints.builder()
                .get("/v1/notes/latest", request -> ServiceResponse.text("text/plain; charset=utf-8", "the latest"))
                .get("/v1/notes/{name}", request -> ServiceResponse.json(new Note(request.parameter("name"), WRITTEN)))
                .put("/v1/notes/{name}", request -> {
                    Note note = request.body(Note.class);
                    heard.add(request.parameter("name") + ": " + note.text() + " at " + note.written());
                    return ServiceResponse.json(note);
                })
                .delete("/v1/notes/{name}", request -> {
                    heard.add("deleted " + request.parameter("name") + " tagged " + request.queries("tag"));
                    return ServiceResponse.noContent();
                })
                .post("/v1/fail/{how}", request -> {
                    switch (request.parameter("how")) {
                        case "argument" -> throw new IllegalArgumentException("grace: must be whole seconds, was 'soon'");
                        case "refused" -> throw new Refused("no such image");
                        case "gone" -> throw new ServiceProblem(404, "no note x");
                        default -> throw new IllegalStateException("the disk is full");
                    }
                })
                .build();
        return ServiceServer.builder("notes", endpoints, TOKEN, HINT)
                .maxBodyBytes(1024)
                .problems(e -> e instanceof Refused ? new ServiceProblem(422, e.getMessage()) : null)
                .start("127.0.0.1", port);
    }

    @Test
    void aCallReachesItsEndpointWithItsParametersAndJsonComesBackTyped() {
        Note sent = new Note("hé \"there\"\n", WRITTEN);

        assertEquals(sent, client.call("PUT", "/v1/notes/" + ServiceClient.segment("a b/c")).body(sent).send(Note.class));
        assertEquals(List.of("a b/c: hé \"there\"\n at 2026-12-02T10:15:30.123Z"), heard);
        assertEquals(new Note("x y", WRITTEN), client.call("GET", "/v1/notes/x%20y").send(Note.class));
        assertEquals(Map.of("text", "x", "written", "2026-12-02T10:15:30.123Z"),
                client.call("GET", "/v1/notes/x").send(new TypeReference<Map<String, String>>() { }));
        assertEquals("the latest", client.call("GET", "/v1/notes/latest").text(), "a literal declared first wins");

        assertNull(client.call("DELETE", "/v1/notes/x?tag=a%26b&tag=c&other=d").send(Void.class));
        assertEquals("deleted x tagged [a&b, c]", heard.get(1));
    }

    @Test
    void withoutTheTokenEveryRequestIsRefusedBeforeItsPathIsLookedAt() throws Exception {
        for (String authorization : List.of("", "Bearer wrong", "Bearer " + TOKEN + "x", TOKEN)) {
            for (String path : List.of("/v1/notes/x", "/nowhere")) {
                HttpResponse<String> answer = raw("GET", path, authorization, null);
                assertEquals(401, answer.statusCode(), authorization + " " + path);
                assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(""));
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
                assertEquals("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + HINT + "\"}",
                        answer.body());
            }
        }
        ServiceProblem refused = assertThrows(ServiceProblem.class,
                () -> new ServiceClient(URI.create(client.base()), "wrong").call("GET", "/v1/notes/x").send(Note.class));
        assertEquals(401, refused.status());
        assertEquals(HINT, refused.detail());
    }

    @Test
    void unknownPathsAnswer404AndOtherMethods405WithAllow() throws Exception {
        HttpResponse<String> nowhere = raw("GET", "/v1/nowhere", AUTHORIZATION, null);
        assertEquals(404, nowhere.statusCode());
        assertTrue(nowhere.body().contains("no such resource: /v1/nowhere"), nowhere.body());
        assertEquals(404, raw("GET", "/v1/notes/", AUTHORIZATION, null).statusCode(), "a parameter is never empty");
        assertEquals(404, raw("GET", "/v1/notes/x/y", AUTHORIZATION, null).statusCode());

        HttpResponse<String> post = raw("POST", "/v1/notes/x", AUTHORIZATION, null);
        assertEquals(405, post.statusCode());
        assertEquals("GET, PUT, DELETE", post.headers().firstValue("Allow").orElse(""));
        assertTrue(post.body().contains("POST is not allowed here; use GET or PUT or DELETE"), post.body());
    }

    @Test
    void aBodyThatCannotBeReadIsRefusedSayingWhatWasWrong() throws Exception {
        HttpResponse<String> malformed = raw("PUT", "/v1/notes/x", AUTHORIZATION, "{\"text\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("line 1, column 10"), malformed.body());

        ServiceProblem unknown = assertThrows(ServiceProblem.class,
                () -> client.call("PUT", "/v1/notes/x").body(Map.of("text", "t", "colour", "red")).send(Note.class));
        assertEquals(400, unknown.status());
        assertTrue(unknown.detail().startsWith("the body is not what this request takes: "), unknown.detail());
        assertTrue(unknown.detail().contains("\"colour\""), unknown.detail());

        ServiceProblem invalid = assertThrows(ServiceProblem.class,
                () -> client.call("PUT", "/v1/notes/x").body(Map.of("text", " ")).send(Note.class));
        assertEquals(400, invalid.status());
        assertTrue(invalid.detail().contains("text: required, the note itself"), invalid.detail());

        ServiceProblem empty = assertThrows(ServiceProblem.class, () -> client.call("PUT", "/v1/notes/x").send(Note.class));
        assertEquals(400, empty.status());

        ServiceProblem tooLarge = assertThrows(ServiceProblem.class,
                () -> client.call("PUT", "/v1/notes/x").body(new Note("x".repeat(1100), WRITTEN)).send(Note.class));
        assertEquals(413, tooLarge.status());
        assertEquals("the body is over 1024 bytes", tooLarge.detail());
        assertEquals(List.of(), heard);
    }

    @Test
    void exceptionsBecomeProblemsTheClientSeesWithStatusAndDetail() {
        assertProblem(400, "grace: must be whole seconds, was 'soon'", "argument");
        assertProblem(422, "no such image", "refused");
        assertProblem(404, "no note x", "gone");
        assertProblem(500, "the disk is full", "broken");
    }

    private void assertProblem(int status, String detail, String how) {
        ServiceProblem problem = assertThrows(ServiceProblem.class, () -> client.call("POST", "/v1/fail/" + how).send(Void.class));
        assertEquals(status, problem.status(), how);
        assertEquals(detail, problem.detail(), how);
        assertEquals(detail, problem.getMessage(), how);
    }

    @Test
    void anAsynchronousCallAnswersOrFailsAsASynchronousOne() throws Exception {
        assertEquals(new Note("x", WRITTEN), client.call("GET", "/v1/notes/x").sendAsync(Note.class).get(10, TimeUnit.SECONDS));

        CompletionException failed = assertThrows(CompletionException.class,
                () -> client.call("POST", "/v1/fail/refused").sendAsync(Void.class).join());
        assertEquals(422, ((ServiceProblem) failed.getCause()).status());
    }

    @Test
    void aCallWithPatienceWaitsForAServiceThatIsRestartingAndGivesUpAfterIt() throws Exception {
        int port = server.port();
        server.close();

        ServiceUnreachableException once = assertThrows(ServiceUnreachableException.class,
                () -> client.call("GET", "/v1/notes/x").send(Note.class));
        assertTrue(once.getMessage().startsWith("http://127.0.0.1:" + port + " does not answer GET /v1/notes/x ("),
                once.getMessage());
        long waiting = System.nanoTime();
        assertThrows(ServiceUnreachableException.class,
                () -> client.call("GET", "/v1/notes/x").patience(Duration.ofMillis(500)).send(Note.class));
        assertTrue(System.nanoTime() - waiting >= TimeUnit.MILLISECONDS.toNanos(500), "waited its patience");

        CompletableFuture<Note> put = CompletableFuture.supplyAsync(() -> client.call("PUT", "/v1/notes/x")
                .body(new Note("late", WRITTEN)).patience(Duration.ofSeconds(20)).send(Note.class));
        Thread.sleep(1000);
        server = start(port);
        assertEquals(new Note("late", WRITTEN), put.get(20, TimeUnit.SECONDS));
        assertEquals(List.of("x: late at 2026-12-02T10:15:30.123Z"), heard);
    }

    @Test
    void aPortInUseIsRefusedAtStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThrows(java.net.BindException.class, () -> start(taken.getLocalPort()));
        }
    }

    /** A request {@link ServiceClient} would not send: without the right token, or with a body that is not JSON. */
    private HttpResponse<String> raw(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
