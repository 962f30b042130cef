package dev.gantry.node.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.DiskUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskUsageReportTest {

    @Test
    void imagesCountOnlyTheirOwnLayersAndUnmeasuredVolumesCountNothing() throws Exception {
        String df = """
                {"Images":[{"Id":"sha256:app","Size":5000,"SharedSize":3000,"Labels":{"gantry.app":"shop"},
                            "RepoTags":["gantry/shop:build-3"]},
                           {"Id":"sha256:stack","Size":3000,"SharedSize":-1,"Labels":null}],
                 "Containers":[{"Id":"c1","SizeRw":12,"Labels":{"gantry.app":"shop"}}],
                 "Volumes":[{"Name":"gantry-shop-data","Labels":{"gantry.app":"shop"},"UsageData":{"Size":-1}}]}
                """;

        DiskUsage usage = DiskUsageReport.of(new ObjectMapper().readTree(df));

        assertEquals(new DiskUsage.Item("sha256:app", Map.of("gantry.app", "shop"),
                List.of("gantry/shop:build-3"), 2000), usage.images().get(0));
        assertEquals(3000, usage.images().get(1).bytes());
        assertEquals(Map.of(), usage.images().get(1).labels());
        assertEquals(List.of(), usage.images().get(1).tags());
        assertEquals(12, usage.containers().get(0).bytes());
        assertEquals(0, usage.volumes().get(0).bytes());
    }
}
