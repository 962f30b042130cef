package dev.gantry.control.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A user an app was shared with ({@code apps:share APP USER}). */
@Entity
@Table(name = "app_member")
public class AppMember extends IdentifiedEntity {

    @ManyToOne(optional = false)
    public App app;

    @ManyToOne(optional = false)
    public User user;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public static boolean exists(App app, User user) {
        return count("app = ?1 and user = ?2", app, user) > 0;
    }

    public static List<AppMember> of(App app) {
        return list("app = ?1 order by user.name", app);
    }
}
