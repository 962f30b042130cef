package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import dev.gantry.node.EngineUnavailableException;
import dev.gantry.node.RegistryLogin;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Moves images between the engine and a registry. The engine reports a registry's refusal inside its
 * progress stream, not as an HTTP error, so each stream is read for its first error item.
 */
final class ImageTransfer {

    /** A push or pull that takes longer is given up, so a registry that hangs cannot hold a deploy forever. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ImageTransfer() {
    }

    static String push(DockerClient client, String reference, RegistryLogin login) {
        Reference ref = Reference.parse(reference);
        FirstError<PushResponseItem> stream = new FirstError<>();
        client.pushImageCmd(ref.repository()).withTag(ref.tagOrDigest()).withAuthConfig(auth(login)).exec(stream);
        stream.await("push " + reference, login);
        List<String> digests = Optional.ofNullable(client.inspectImageCmd(reference).exec().getRepoDigests())
                .orElse(List.of());
        return digests.stream().filter(digest -> digest.startsWith(ref.repository() + "@")).findFirst()
                .orElseThrow(() -> new EngineUnavailableException("the registry at " + login.address()
                        + " took " + reference + " but the engine recorded no digest for it; push again", null));
    }

    static boolean pull(DockerClient client, String reference, RegistryLogin login) {
        Reference ref = Reference.parse(reference);
        FirstError<PullResponseItem> stream = new FirstError<>();
        try {
            client.pullImageCmd(ref.repository()).withTag(ref.tagOrDigest()).withAuthConfig(auth(login)).exec(stream);
            stream.await("pull " + reference, login);
            return true;
        } catch (NotFoundException missing) {
            return false;
        } catch (EngineUnavailableException refused) {
            if (refused.getMessage().contains("manifest unknown") || refused.getMessage().contains("not found")) {
                return false;
            }
            throw refused;
        }
    }

    private static AuthConfig auth(RegistryLogin login) {
        return new AuthConfig().withRegistryAddress(login.address()).withUsername(login.user())
                .withPassword(login.password());
    }

    /** {@code repository:tag} or {@code repository@sha256:...}; a port in the registry's address is no tag. */
    record Reference(String repository, String tagOrDigest) {

        static Reference parse(String reference) {
            int at = reference.indexOf('@');
            if (at > 0) {
                return new Reference(reference.substring(0, at), reference.substring(at + 1));
            }
            int colon = reference.lastIndexOf(':');
            if (colon <= 0 || reference.indexOf('/', colon) >= 0) {
                throw new IllegalArgumentException("an image reference is repository:tag or repository@digest, was '"
                        + reference + "'");
            }
            return new Reference(reference.substring(0, colon), reference.substring(colon + 1));
        }
    }

    /** Keeps the first error the engine reports in a progress stream, and the stream's own failure. */
    private static final class FirstError<T extends ResponseItem> extends ResultCallback.Adapter<T> {

        private volatile String error;

        @Override
        public void onNext(T item) {
            if (error == null && item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            }
        }

        void await(String what, RegistryLogin login) {
            try {
                // Closes the stream either way, and rethrows what broke it (the engine's own HTTP error).
                if (!awaitCompletion(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new EngineUnavailableException("could not " + what + ": no answer from the registry at "
                            + login.address() + " within " + TIMEOUT.toMinutes() + " minutes", null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineUnavailableException("interrupted while waiting to " + what, e);
            } catch (NotFoundException missing) {
                throw missing;
            } catch (DockerException refused) {
                // Refusals the engine answers before streaming (wrong credentials, say) come as HTTP errors.
                String reason = EngineFailures.engineMessage(refused);
                throw new EngineUnavailableException("could not " + what + ": " + reason + hint(reason, login), refused);
            }
            if (error != null) {
                throw new EngineUnavailableException("could not " + what + ": " + error + hint(error, login), null);
            }
        }

        private static String hint(String error, RegistryLogin login) {
            String text = error.toLowerCase(Locale.ROOT);
            if (text.contains("x509") || text.contains("certificate")) {
                return ". This host's engine does not trust the registry's CA: it belongs in /etc/docker/certs.d/"
                        + login.address() + "/ca.crt (./gantry cluster:init puts it there on the manager, the join"
                        + " script on every other host)";
            }
            if (text.contains("unauthorized") || text.contains("no basic auth")) {
                return ". The registry refused Gantry's credentials: run ./gantry cluster:init again on the manager"
                        + " to write them anew";
            }
            return "";
        }
    }
}
