package dev.gantry.control.api;

import dev.gantry.control.ConflictException;
import dev.gantry.control.InvalidInputException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answers to POSTs sent with an {@code Idempotency-Key}, kept 24 hours per user. The key is
 * claimed before the request runs (the table's unique key decides between two concurrent sends),
 * its answer stored when it succeeds, and the claim dropped when it fails, so a failed request can
 * be sent again with the same key.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    /** A claim older than this whose request never finished (the server stopped) may be taken over. */
    static final Duration ABANDONED = Duration.ofHours(1);

    /** The first request's answer. */
    public record Answer(int status, String contentType, String body) {
    }

    /** Claims the key for this request; an answer when the key was used before, empty when the request should run. */
    @Transactional
    public Optional<Answer> claim(String user, String key, String request) {
        EntityManager em = Panache.getEntityManager();
        Instant now = Instant.now();
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1 OR (status IS NULL AND created_at < ?2)")
                .setParameter(1, now.minus(KEPT)).setParameter(2, now.minus(ABANDONED)).executeUpdate();
        int claimed = em.createNativeQuery("INSERT INTO idempotency_key (user_name, request_key, request, created_at)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_name, request_key) DO NOTHING")
                .setParameter(1, user).setParameter(2, key).setParameter(3, request).setParameter(4, now)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request, status, content_type, body FROM idempotency_key"
                + " WHERE user_name = ?1 AND request_key = ?2").setParameter(1, user).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            throw new ConflictException("Idempotency-Key '" + key + "' was just released by a failed request. Send again");
        }
        Object[] first = rows.get(0);
        if (!request.equals(first[0])) {
            throw new InvalidInputException("Idempotency-Key '" + key + "' was used for " + first[0]
                    + " within the last 24 hours. Use a new key for each request");
        }
        if (first[1] == null) {
            throw new ConflictException("the request with Idempotency-Key '" + key + "' is still running."
                    + " Send it again once it has finished to get its answer");
        }
        return Optional.of(new Answer(((Number) first[1]).intValue(), (String) first[2], (String) first[3]));
    }

    @Transactional
    public void answered(String user, String key, Answer answer) {
        Panache.getEntityManager().createNativeQuery("UPDATE idempotency_key SET status = ?3, content_type = ?4,"
                + " body = ?5 WHERE user_name = ?1 AND request_key = ?2")
                .setParameter(1, user).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.contentType()).setParameter(5, answer.body()).executeUpdate();
    }

    @Transactional
    public void release(String user, String key) {
        Panache.getEntityManager().createNativeQuery("DELETE FROM idempotency_key WHERE user_name = ?1"
                + " AND request_key = ?2").setParameter(1, user).setParameter(2, key).executeUpdate();
    }
}
