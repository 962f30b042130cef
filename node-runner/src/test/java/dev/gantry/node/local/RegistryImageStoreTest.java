package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.BuiltImage;
import dev.gantry.node.RegistryLogin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RegistryImageStoreTest {

    private static final RegistryLogin REGISTRY = new RegistryLogin("10.0.0.11:5000", "gantry", "secret");
    private static final String DIGEST_REFERENCE = "10.0.0.11:5000/gantry/shop@sha256:0123";

    private final RecordingEngine recording = new RecordingEngine();
    private Optional<RegistryLogin> registry = Optional.empty();
    private final RegistryImageStore images = new RegistryImageStore(recording.engine(), () -> registry);

    @Test
    void withoutARegistryAPublishedImageIsItsIdAndNothingMoves() {
        String reference = images.publish(new BuiltImage("sha256:abc", "gantry/shop:build-7"));

        assertEquals("sha256:abc", reference);
        assertEquals(List.of(), recording.calls, "one host stays exactly as it was");
    }

    @Test
    void withARegistryABuildIsPushedUnderTheRegistrysNameAndNamedByItsDigest() {
        registry = Optional.of(REGISTRY);
        recording.answering("pushImage", args -> DIGEST_REFERENCE);

        String reference = images.publish(new BuiltImage("sha256:abc", "gantry/shop:build-7"));

        assertEquals(DIGEST_REFERENCE, reference);
        assertEquals(List.of("tagImage[sha256:abc, 10.0.0.11:5000/gantry/shop:build-7]",
                "pushImage[10.0.0.11:5000/gantry/shop:build-7, RegistryLogin[gantry@10.0.0.11:5000]]"), recording.calls);
    }

    @Test
    void aPublishWaitsWhilePublishingIsHeldForTheRegistrysGarbageCollection() throws Exception {
        registry = Optional.of(REGISTRY);
        recording.answering("pushImage", args -> DIGEST_REFERENCE);
        CompletableFuture<String> published = new CompletableFuture<>();

        images.whilePublishingHeld(() -> {
            Thread pusher = new Thread(() -> published.complete(images.publish(new BuiltImage("sha256:abc", "gantry/shop:build-7"))));
            pusher.start();
            try {
                pusher.join(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertFalse(published.isDone(), "a push under the hold would lose its layers to the collection");
        });

        assertEquals(DIGEST_REFERENCE, published.get(5, TimeUnit.SECONDS));
    }

    @Test
    void fetchPullsByDigestOnlyWhatIsMissingAndOnlyFromTheClustersRegistry() {
        registry = Optional.of(REGISTRY);
        boolean[] pulled = {false};
        recording.answering("hasImage", args -> pulled[0]).answering("pullImage", args -> pulled[0] = true);

        assertFalse(images.fetch("elsewhere.example:5000/app@sha256:0123"), "no credentials for another registry");
        assertTrue(images.fetch(DIGEST_REFERENCE));
        assertTrue(images.fetch(DIGEST_REFERENCE));

        assertEquals(1, recording.calls.stream().filter(call -> call.startsWith("pullImage")).count(),
                "pulled once, then found: " + recording.calls);
    }

    @Test
    void aBuildsTwoTagsAreListedAndRemovedTogether() {
        registry = Optional.of(REGISTRY);
        recording.answering("tagsIn", args -> args[0].equals("gantry/shop") ? List.of("gantry/shop:build-7")
                        : List.of("10.0.0.11:5000/gantry/shop:build-7", "10.0.0.11:5000/gantry/shop:build-6"))
                .answering("removeImage", args -> true)
                .answering("hasImage", args -> false);

        assertEquals(List.of("gantry/shop:build-7", "gantry/shop:build-6"), images.tagsIn("gantry/shop"),
                "build-6 lost its own tag earlier, while an instance still used it");
        assertTrue(images.remove("gantry/shop:build-6"));
        assertTrue(recording.calls.contains("removeImage[10.0.0.11:5000/gantry/shop:build-6]"), recording.calls.toString());
    }

    @Test
    void anImageStillInUseUnderTheRegistrysTagIsNotReportedRemoved() {
        registry = Optional.of(REGISTRY);
        recording.answering("removeImage", args -> !args[0].toString().startsWith("10.0.0.11"))
                .answering("hasImage", args -> true);

        assertFalse(images.remove("gantry/shop:build-6"), "the engine kept it: a container uses it");
    }
}
