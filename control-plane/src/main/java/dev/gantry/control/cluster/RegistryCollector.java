package dev.gantry.control.cluster;

import dev.gantry.control.GantryConfig;
import dev.gantry.control.apps.AppLocks;
import dev.gantry.control.releases.ReleaseLedger;
import dev.gantry.node.ImageStore;
import dev.gantry.node.RegistryLogin;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The registry's own garbage collection, in two steps. First the manifests of images no release keeps
 * (the same newest releases as on the hosts, and every image of an app that is gone) are deleted through
 * the registry's API, an app's under its lock, so none goes between a deploy's push and the release that
 * records it. Then Distribution's {@code docker-registry garbage-collect} removes the layers no manifest
 * references any more, while Gantry holds its publishes ({@link ImageStore#whilePublishingHeld}): the
 * layers of a push under way belong to no manifest until its last step, and would be taken. Only Gantry
 * pushes there, so that hold is enough, and the registry keeps serving pulls throughout (no read-only
 * restart); its config sets no blob descriptor cache, which could go on announcing a removed layer.
 */
@ApplicationScoped
public class RegistryCollector {

    private static final Logger LOG = Logger.getLogger(RegistryCollector.class);
    private static final String APPS = "gantry/";
    private static final Duration COLLECT_LIMIT = Duration.ofMinutes(10);

    private final ClusterRegistry registry;
    private final ReleaseLedger ledger;
    private final AppLocks locks;
    private final ImageStore images;
    private final GantryConfig config;

    RegistryCollector(ClusterRegistry registry, ReleaseLedger ledger, AppLocks locks, ImageStore images, GantryConfig config) {
        this.registry = registry;
        this.ledger = ledger;
        this.locks = locks;
        this.images = images;
        this.config = config;
    }

    /** One pass; answers {@code registry gantry/APP@sha256:...} for each manifest deleted. Nothing before cluster:init. */
    public List<String> collect(Set<String> known, Duration patience) {
        Optional<RegistryLogin> login = registry.login();
        if (login.isEmpty()) {
            return List.of();
        }
        RegistryApi api = new RegistryApi(login.get(), registry.caCertificate());
        List<String> removed = new ArrayList<>();
        try {
            for (String repository : api.repositories()) {
                String app = repository.startsWith(APPS) ? repository.substring(APPS.length()) : null;
                if (app == null) {
                    continue; // Gantry's own tools, outside the apps' namespace
                }
                if (!known.contains(app)) {
                    removed.addAll(deleteUnkept(api, repository, Set.of()));
                    continue;
                }
                Optional<AppLocks.Held> lock = locks.tryAcquire(app, patience);
                if (lock.isPresent()) {
                    try (AppLocks.Held held = lock.get()) {
                        removed.addAll(deleteUnkept(api, repository, keptDigests(login.get(), app)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the registry's garbage collection failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting the registry's garbage", e);
        }
        if (!removed.isEmpty()) {
            images.whilePublishingHeld(this::removeUnreferencedLayers);
        }
        return removed;
    }

    private Set<String> keptDigests(RegistryLogin login, String app) {
        return ledger.publishedImagesToKeep(app, config.releases().imagesKept()).stream()
                .filter(login::holds).filter(reference -> reference.contains("@"))
                .map(reference -> reference.substring(reference.indexOf('@') + 1)).collect(Collectors.toSet());
    }

    private static List<String> deleteUnkept(RegistryApi api, String repository, Set<String> kept)
            throws IOException, InterruptedException {
        Set<String> unkept = new LinkedHashSet<>();
        for (String tag : api.tags(repository)) {
            api.digestOf(repository, tag).filter(digest -> !kept.contains(digest)).ifPresent(unkept::add);
        }
        List<String> removed = new ArrayList<>();
        for (String digest : unkept) {
            api.delete(repository, digest);
            LOG.infof("registry: deleted %s@%s, which no release keeps", repository, digest);
            removed.add("registry " + repository + "@" + digest);
        }
        return removed;
    }

    private void removeUnreferencedLayers() {
        try {
            Process collect = new ProcessBuilder(RegistrySupervisor.binary().toString(), "garbage-collect",
                    registry.configFile().toString()).redirectErrorStream(true).start();
            collect.getOutputStream().close();
            byte[] output = collect.getInputStream().readAllBytes();
            if (!collect.waitFor(COLLECT_LIMIT.toMinutes(), TimeUnit.MINUTES) || collect.exitValue() != 0) {
                collect.destroyForcibly();
                throw new IllegalStateException("docker-registry garbage-collect failed: "
                        + lastLine(new String(output, StandardCharsets.UTF_8)));
            }
            LOG.infof("registry: garbage-collect removed the layers no manifest uses (%s)",
                    lastLine(new String(output, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run docker-registry garbage-collect: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while docker-registry garbage-collect ran", e);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
