package dev.gantry.control.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gantry fits on a small host: started as ./gantry up starts it (the JVM options of each module's
 * jvm.options), the control plane, the router and, when it is a process of its own, the node runner
 * run with bounded heaps and the serial collector, and after a push each holds no more memory than its
 * budget. Without options, the JVM would take a quarter of the host's memory for the heap of each.
 */
class FootprintIT {

    private static final long MIB = 1024 * 1024;
    /** Largest heap and resident memory (RSS, MiB) after a push: measured plus some 20% (docs/benchmarks.md, "Memory"). */
    private static final Map<String, Budget> BUDGETS = Map.of(
            "control-plane", new Budget(128, 320),
            "router", new Budget(32, 128),
            "node-runner", new Budget(48, 110));

    private record Budget(long heapMiB, long rssMiB) {
    }

    @ParameterizedTest(name = "node runner {0}")
    @ValueSource(strings = {"embedded", "process"})
    void everyProcessRunsInABoundedHeapAndBudget(String nodeMode) throws Exception {
        try (GantryTestbed testbed = GantryTestbed.start("e2e-footprint", Map.of("GANTRY_NODE_MODE", nodeMode))) {
            Cli.Result push = testbed.push("small", TestImages.ECHO_RELEASE);
            assertTrue(push.ok(), push.output());
            assertEquals(200, testbed.user.get(testbed.app).statusCode(), "the pushed app answers through the router");

            Map<String, ProcessHandle> processes = testbed.gantry.processes();
            assertEquals(nodeMode.equals("process") ? BUDGETS.keySet() : Set.of("control-plane", "router"), processes.keySet());
            for (Map.Entry<String, ProcessHandle> process : processes.entrySet()) {
                Budget budget = BUDGETS.get(process.getKey());
                long pid = process.getValue().pid();
                String flags = vmFlags(pid);
                assertTrue(flags.contains("-XX:+UseSerialGC"), process.getKey() + " runs the serial collector: " + flags);
                long maxHeap = flag(flags, "MaxHeapSize");
                assertTrue(maxHeap <= budget.heapMiB() * MIB, process.getKey() + "'s heap may grow to "
                        + maxHeap / MIB + " MiB, more than " + budget.heapMiB() + " MiB: " + flags);
                long rss = residentMiB(pid);
                assertTrue(rss <= budget.rssMiB(), process.getKey() + " holds " + rss + " MiB (RSS) after a push, more than "
                        + budget.rssMiB() + " MiB");
            }
        }
    }

    /** The flags the JVM runs with, as it reports them itself (jcmd; the same user may ask). */
    private static String vmFlags(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Cli.Result result = Cli.run(Path.of("."), Map.of(), List.of(jcmd.toString(), Long.toString(pid), "VM.flags"));
        assertTrue(result.ok(), "jcmd " + pid + " VM.flags: " + result.output());
        return result.output();
    }

    private static long flag(String flags, String name) {
        Matcher matcher = Pattern.compile("-XX:" + name + "=(\\d+)").matcher(flags);
        assertTrue(matcher.find(), name + " in " + flags);
        return Long.parseLong(matcher.group(1));
    }

    private static long residentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new AssertionError("no VmRSS in /proc/" + pid + "/status");
    }
}
