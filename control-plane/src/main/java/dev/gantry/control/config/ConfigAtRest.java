package dev.gantry.control.config;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Encrypts config snapshots that were stored in plain JSON by a version before encryption. Runs
 * at start; each row is rewritten in place because snapshots are otherwise never updated.
 */
@ApplicationScoped
public class ConfigAtRest {

    @Transactional
    public int encryptPlainSnapshots() {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> plain = em.createNativeQuery("SELECT id, vars FROM config WHERE vars NOT LIKE 'v1:%'")
                .getResultList();
        ConfigCipher cipher = ConfigCipher.current();
        for (Object[] row : plain) {
            em.createNativeQuery("UPDATE config SET vars = ?1 WHERE id = ?2")
                    .setParameter(1, cipher.encrypt((String) row[1]))
                    .setParameter(2, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        return plain.size();
    }
}
