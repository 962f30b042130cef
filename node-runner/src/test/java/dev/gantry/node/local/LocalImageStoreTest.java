package dev.gantry.node.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gantry.node.BuiltImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LocalImageStoreTest {

    private final RecordingEngine recording = new RecordingEngine();
    private final LocalImageStore images = new LocalImageStore(recording.engine());

    @Test
    void aBuiltImageIsAlreadyWhereItsInstancesStartSoItsIdIsTheReference() {
        String reference = images.publish(new BuiltImage("sha256:abc", "gantry/shop:build-7", List.of("sha256:def")));

        assertEquals("sha256:abc", reference);
        assertEquals(List.of(), recording.calls, "nothing moves on one node");
    }

    @Test
    void fetchingAnImageOnlyTellsWhetherTheNodeHasIt() {
        recording.answering("hasImage", args -> false);

        assertFalse(images.fetch("gantry/shop:build-7"));
        assertEquals(List.of("hasImage[gantry/shop:build-7]"), recording.calls, "no registry to pull from");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBuildLineReachesTheProgressSinkAsItComes() {
        recording.answering("build", args -> {
            Consumer<String> output = (Consumer<String>) args[4];
            output.accept("Step 1/2 : FROM base");
            output.accept("Step 2/2 : COPY . /app");
            return new BuiltImage("sha256:abc", (String) args[2]);
        });
        List<String> progress = new ArrayList<>();

        BuiltImage built = images.build(new ByteArrayInputStream(new byte[0]), "Dockerfile", "gantry/shop:build-7",
                Map.of(), progress::add);

        assertEquals("gantry/shop:build-7", built.tag());
        assertEquals(List.of("Step 1/2 : FROM base", "Step 2/2 : COPY . /app"), progress);
    }
}
