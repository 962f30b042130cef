package dev.gantry.router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A keep-alive HTTP/1.1 client that talks to the router on 127.0.0.1 and names the app in Host.
 * Setting Host needs {@code jdk.httpclient.allowRestrictedHeaders}, set for the tests in the pom.
 */
final class TestClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int routerPort;

    TestClient(int routerPort) {
        this.routerPort = routerPort;
    }

    HttpResponse<String> get(String host, String path) throws Exception {
        return http.send(request(host, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String host, String path) {
        return http.sendAsync(request(host, path).build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(request.build(), body);
    }

    HttpClient http() {
        return http;
    }

    HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + path))
                .timeout(TIMEOUT)
                .header("Host", host);
    }
}
