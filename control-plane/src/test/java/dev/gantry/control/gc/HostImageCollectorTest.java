package dev.gantry.control.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gantry.node.DiskUsage;
import dev.gantry.node.HostDisks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which images on the cluster's other hosts go, and which app an image is, without hosts. */
class HostImageCollectorTest {

    private static final String REGISTRY = "10.0.0.11:5000/";

    private static DiskUsage.Item image(String id, String... names) {
        return new DiskUsage.Item(id, Map.of(), List.of(names), 1000);
    }

    private static HostDisks.HostUsage host(String name, DiskUsage.Item... images) {
        return new HostDisks.HostUsage(name, new DiskUsage(List.of(images), List.of(), List.of()), null);
    }

    @Test
    void imagesOfReleasesNotKeptAndOfAppsGoneGoTheKeptAndGantrysOwnStay() {
        String kept = REGISTRY + "gantry/shop@sha256:k";
        String old = REGISTRY + "gantry/shop@sha256:old";
        String gone = REGISTRY + "gantry/gone@sha256:g";
        List<HostDisks.HostUsage> usage = List.of(
                host("h2", image("sha256:1", kept), image("sha256:2", old), image("sha256:3", gone),
                        image("sha256:4", REGISTRY + "gantry-tools/host-disk@sha256:t"), image("sha256:5", "busybox:latest")),
                host("h3", image("sha256:2", old)));

        Map<String, Set<String>> unwanted = HostImageCollector.unwanted(usage, Set.of("shop"),
                app -> "shop".equals(app) ? Set.of(kept) : Set.of());

        assertEquals(Map.of("shop", Set.of(old), "gone", Set.of(gone)), unwanted);
    }

    @Test
    void anImageTwoAppsNameLosesOnlyTheNameOfTheAppThatIsGone() {
        String kept = REGISTRY + "gantry/shop@sha256:same";
        String gone = REGISTRY + "gantry/gone@sha256:same";

        Map<String, Set<String>> unwanted = HostImageCollector.unwanted(List.of(host("h2", image("sha256:1", kept, gone))),
                Set.of("shop"), app -> Set.of(kept));

        assertEquals(Map.of("gone", Set.of(gone)), unwanted);
    }

    @Test
    void anAppsImagesAreNamedByItsRepositoryHereAndByDigestElsewhere() {
        assertTrue(AppImages.of(image("sha256:1", "gantry/shop:build-3"), "shop"));
        assertTrue(AppImages.of(image("sha256:1", REGISTRY + "gantry/shop@sha256:abc"), "shop"));
        assertFalse(AppImages.of(image("sha256:1", "gantry/shop-two:build-3"), "shop"));
        assertFalse(AppImages.of(image("sha256:1", "notgantry/shop:build-3"), "shop"));
        assertTrue(AppImages.pulledAs("gantry/shop:build-3").isEmpty(), "a local tag is not a pull");
    }
}
