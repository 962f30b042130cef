package dev.gantry.control.secrets;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Rewrites stored config snapshots in place (they are otherwise never updated): at start, those
 * stored in plain JSON by a version before encryption; on a key rotation, all of them (and the
 * certificates' private keys, the backing services' passwords).
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

    /**
     * Opens every snapshot with {@code cipher}'s keys and seals it again with its current key; so too
     * the certificates' private keys and the backing services' passwords, sealed with the same key.
     * Returns the number of snapshots.
     */
    @Transactional
    public int reencryptAll(ConfigCipher cipher) {
        reseal(cipher, "certificate", "private_key");
        reseal(cipher, "backing_service", "password");
        return reseal(cipher, "config", "vars");
    }

    private static int reseal(ConfigCipher cipher, String table, String column) {
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + column + " FROM " + table + " WHERE " + column
                + " LIKE 'v1:%' FOR UPDATE").getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("UPDATE " + table + " SET " + column + " = ?1 WHERE id = ?2")
                    .setParameter(1, cipher.encrypt(cipher.decrypt((String) row[1])))
                    .setParameter(2, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        return rows.size();
    }
}
