package dev.gantry.control.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.RegistryLogin;
import dev.gantry.service.ServiceTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The registry's HTTP API with Gantry's credentials, for what its garbage collection needs: the
 * repositories, their tags, the digest a tag names, deleting a manifest. Over TLS trusting the
 * cluster's CA alone, as every host reaches it.
 */
final class RegistryApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CATALOG_PAGE = 1000;
    /** The manifest kinds an engine pushes; the registry answers a tag's digest only for a kind asked for. */
    private static final String MANIFESTS = "application/vnd.docker.distribution.manifest.v2+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json,application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.oci.image.index.v1+json";

    private final HttpClient http;
    private final String base;
    private final String authorization;

    RegistryApi(RegistryLogin login, String caCertificate) {
        this.http = HttpClient.newBuilder().sslContext(ServiceTls.trusting(caCertificate)).connectTimeout(TIMEOUT).build();
        this.base = "https://" + login.address() + "/v2/";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (login.user() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** Every repository, a page at a time: Distribution 2.8.2 refuses a page larger than it serves (1000). */
    List<String> repositories() throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        while (true) {
            String after = all.isEmpty() ? "" : "&last=" + URLEncoder.encode(all.get(all.size() - 1), StandardCharsets.UTF_8);
            List<String> page = strings(json("_catalog?n=" + CATALOG_PAGE + after).path("repositories"));
            all.addAll(page);
            if (page.size() < CATALOG_PAGE) {
                return all;
            }
        }
    }

    List<String> tags(String repository) throws IOException, InterruptedException {
        return strings(json(repository + "/tags/list").path("tags"));
    }

    /** The digest ({@code sha256:...}) of the manifest a tag names, if it still names one. */
    Optional<String> digestOf(String repository, String tag) throws IOException, InterruptedException {
        HttpResponse<Void> answer = http.send(request(repository + "/manifests/" + tag).header("Accept", MANIFESTS)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 200 ? answer.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    /** Deletes a manifest (every tag naming it goes with it); one already gone is fine. */
    void delete(String repository, String digest) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(repository + "/manifests/" + digest).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202 && answer.statusCode() != 404) {
            throw new IOException("the registry refused to delete " + repository + "@" + digest + " (" + answer.statusCode()
                    + "): " + answer.body());
        }
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return JSON.createObjectNode();
        }
        if (answer.statusCode() != 200) {
            throw new IOException("the registry answered " + answer.statusCode() + " to " + path + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
