package dev.gantry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;

/**
 * The calling end of a {@link ServiceServer}: sends the bearer token, writes and reads JSON with
 * {@link ServiceJson}, and turns an answer other than 2xx into a {@link ServiceProblem} with the
 * service's status and detail. A service that does not answer raises
 * {@link ServiceUnreachableException}, at once or, for a call with {@link Call#patience}, once it has
 * not answered for that long (for idempotent calls that should ride out a restart of the service).
 */
public final class ServiceClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final String base;
    private final String authorization;
    private final HttpClient http;

    /**
     * @param base the service, e.g. {@code http://127.0.0.1:8081}
     * @param token its bearer token
     */
    public ServiceClient(URI base, String token) {
        this(base, token, null);
    }

    /**
     * A service over HTTPS whose certificate {@code tls} trusts (see {@link ServiceTls#trusting}); null
     * trusts the JDK's authorities.
     */
    public ServiceClient(URI base, String token, SSLContext tls) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the token for " + this.base + " must not be blank");
        }
        this.authorization = "Bearer " + token.trim();
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT);
        if (tls != null) {
            http.sslContext(tls);
        }
        this.http = http.build();
    }

    /** The service's address, without a trailing slash, as messages name it. */
    public String base() {
        return base;
    }

    /** A call of {@code method} on {@code path} (encode its parameters with {@link #segment}). */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** {@code value} percent-encoded as one path segment (or query value). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public final class Call {

        private final String method;
        private final String path;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private boolean hasBody;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration patience = Duration.ZERO;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Sends {@code value} as JSON. */
        public Call body(Object value) {
            this.body = HttpRequest.BodyPublishers.ofByteArray(ServiceJson.bytes(value));
            this.hasBody = true;
            return this;
        }

        /** How long to wait for the answer once sent; 30 s unless set. */
        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends again, every 200 ms, while the service does not answer, until {@code patience} has passed. */
        public Call patience(Duration patience) {
            this.patience = patience;
            return this;
        }

        /** The answer as a {@code type}; null for {@code Void} or an empty body. */
        public <T> T send(Class<T> type) {
            return read(exchange(), ServiceJson.MAPPER.constructType(type));
        }

        public <T> T send(TypeReference<T> type) {
            return read(exchange(), ServiceJson.MAPPER.getTypeFactory().constructType(type));
        }

        /** The answer's body as text, e.g. for a service's metrics. */
        public String text() {
            return exchange().body();
        }

        /** {@link #send(Class)} without waiting and without patience; the future fails as the call would. */
        public <T> CompletableFuture<T> sendAsync(Class<T> type) {
            HttpRequest request = request();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((answer, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    throw unreachable(cause);
                }
                return read(checked(answer), ServiceJson.MAPPER.constructType(type));
            });
        }

        private HttpResponse<String> exchange() {
            HttpRequest request = request();
            long deadline = System.nanoTime() + patience.toNanos();
            while (true) {
                try {
                    return checked(http.send(request, HttpResponse.BodyHandlers.ofString()));
                } catch (IOException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw unreachable(e);
                    }
                    pause(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unreachable(e);
                }
            }
        }

        private HttpRequest request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Authorization", authorization)
                    .method(method, body);
            if (hasBody) {
                request.header("Content-Type", "application/json");
            }
            return request.build();
        }

        private HttpResponse<String> checked(HttpResponse<String> answer) {
            int status = answer.statusCode();
            if (status / 100 == 2) {
                return answer;
            }
            throw new ServiceProblem(status >= 400 && status <= 599 ? status : 500, detail(answer.body()));
        }

        private <T> T read(HttpResponse<String> answer, JavaType type) {
            if (type.getRawClass() == Void.class || answer.body().isEmpty()) {
                return null;
            }
            try {
                return ServiceJson.MAPPER.readValue(answer.body(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the answer of " + base + " to " + method + " " + path
                        + " cannot be read: " + ServiceJson.describe(e), e);
            }
        }

        private ServiceUnreachableException unreachable(Throwable cause) {
            return new ServiceUnreachableException(base + " does not answer " + method + " " + path + " (" + cause + ")",
                    cause);
        }

        private void pause(IOException unreachable) {
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(unreachable);
            }
        }
    }

    /** A problem's detail, or the whole body when it is not problem details. */
    private static String detail(String body) {
        try {
            ServiceProblem.Details details = ServiceJson.MAPPER.readValue(body, ServiceProblem.Details.class);
            return details.detail() != null ? details.detail() : body;
        } catch (JsonProcessingException notAProblem) {
            return body;
        }
    }
}
