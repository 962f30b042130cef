package dev.gantry.control.api;

import dev.gantry.control.InvalidInputException;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code ?limit=&page=} of every list endpoint: the body stays a plain JSON array (typed, so the
 * OpenAPI document still describes it), and the pages around
 * this one are in a {@code Link} header (RFC 8288: {@code rel="next"}, {@code "prev"}, {@code "first"},
 * {@code "last"}) with the total count in {@code X-Total-Count}, so a client follows {@code next} until
 * there is none. Pages count from 1.
 */
final class Pages {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String TOTAL_COUNT = "X-Total-Count";

    private final int limit;
    private final int page;

    private Pages(int limit, int page) {
        this.limit = limit;
        this.page = page;
    }

    /** The query parameters as given (null when absent), checked: 422 naming the parameter otherwise. */
    static Pages of(String limit, String page) {
        return new Pages(number("limit", limit, DEFAULT_LIMIT, MAX_LIMIT), number("page", page, 1, Integer.MAX_VALUE));
    }

    private static int number(String name, String value, int absent, int max) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, with the range
        }
        throw new InvalidInputException(name + ": '" + value + "' must be a whole number from 1 to "
                + (max == Integer.MAX_VALUE ? "the last page" : max) + ", e.g. ?limit=" + DEFAULT_LIMIT + "&page=1");
    }

    int limit() {
        return limit;
    }

    int offset() {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * limit);
    }

    /** This page of a list held whole in memory. */
    <T> RestResponse<List<T>> answer(List<T> all, UriInfo uri) {
        int from = Math.min(offset(), all.size());
        return answer(all.subList(from, Math.min(all.size(), from + limit)), all.size(), uri);
    }

    /** A page the caller fetched itself (at {@link #offset()}, at most {@link #limit()} items) of {@code total}. */
    <T> RestResponse<List<T>> answer(List<T> items, long total, UriInfo uri) {
        int last = (int) Math.max(1, (total + limit - 1) / limit);
        List<Link> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        links.add(link(uri, last, "last"));
        if (page > 1) {
            links.add(link(uri, Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(uri, page + 1, "next"));
        }
        return RestResponse.ResponseBuilder.ok(items).header(TOTAL_COUNT, total).links(links.toArray(Link[]::new))
                .build();
    }

    private Link link(UriInfo uri, int target, String rel) {
        return Link.fromUriBuilder(uri.getRequestUriBuilder().replaceQueryParam("limit", limit)
                .replaceQueryParam("page", target)).rel(rel).build();
    }
}
