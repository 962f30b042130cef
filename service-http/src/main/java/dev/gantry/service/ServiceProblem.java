package dev.gantry.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An answer other than success, as RFC 9457 problem details ({@code application/problem+json}): a
 * handler throws it to answer with it, and {@link ServiceClient} throws it when a service answered
 * with one. The message is the detail, written for the person who reads it.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final List<String> allowed;

    public ServiceProblem(int status, String detail) {
        this(status, detail, List.of());
    }

    private ServiceProblem(int status, String detail, List<String> allowed) {
        super(detail != null ? detail : titleOf(status));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a status 400..599, was " + status);
        }
        this.status = status;
        this.allowed = List.copyOf(allowed);
    }

    /** 405, answered with {@code Allow: allowed}. */
    static ServiceProblem methodNotAllowed(String method, List<String> allowed) {
        return new ServiceProblem(405, method + " is not allowed here; use " + String.join(" or ", allowed), allowed);
    }

    public int status() {
        return status;
    }

    public String title() {
        return titleOf(status);
    }

    public String detail() {
        return getMessage();
    }

    /** The methods a 405 names in its {@code Allow} header; empty for other problems. */
    List<String> allowed() {
        return allowed;
    }

    /** The body of a problem answer; {@code type} is left out, which means {@code about:blank}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Details(String title, int status, String detail) {
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
