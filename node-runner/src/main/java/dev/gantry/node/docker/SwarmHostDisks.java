package dev.gantry.node.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.node.ClusterNode;
import dev.gantry.node.DiskUsage;
import dev.gantry.node.HostDisks;
import dev.gantry.node.RegistryLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link HostDisks} over Swarm: a {@link SwarmJob} on the workers runs {@value #TOOL} from Gantry's
 * host-tools image, which the control plane builds and publishes to the cluster's registry. The tool
 * speaks to its host's engine through the socket bound into it and prints one line at a time, each
 * starting with the host's name:
 * <ul>
 * <li>{@code df}: the engine's {@code GET /system/df} answer, hex-encoded in numbered pieces
 * ({@code HOST df N HEX}), then {@code HOST df end COUNT}; read here as {@link DiskUsageReport} reads this
 * host's;
 * <li>{@code rm REFERENCE...}: {@code HOST removed REFERENCE} for each reference removed, {@code HOST kept
 * REFERENCE REASON} for one the engine refused (a container uses its image).
 * </ul>
 */
public final class SwarmHostDisks implements HostDisks {

    static final String TOOL = "/usr/local/bin/gantry-host-disk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SwarmJob jobs;
    private final DockerSwarm swarm;
    private final Supplier<Optional<RegistryLogin>> registry;
    private final Supplier<String> toolImage;
    private final String hostSocket;

    /**
     * {@code toolImage}: the host-tools image's reference in the registry, published when asked;
     * {@code hostSocket}: where each worker's engine listens ({@code /var/run/docker.sock}; it may name the
     * host as {@code {{.Node.Hostname}}}).
     */
    public SwarmHostDisks(DockerEngine engine, DockerSwarm swarm, Supplier<Optional<RegistryLogin>> registry,
            Supplier<String> toolImage, String hostSocket) {
        this.jobs = new SwarmJob(engine, swarm);
        this.swarm = swarm;
        this.registry = registry;
        this.toolImage = toolImage;
        this.hostSocket = hostSocket;
    }

    @Override
    public List<HostUsage> usage() {
        Optional<SwarmJob.Outcome> outcome = onWorkers("df", List.of("df"));
        if (outcome.isEmpty()) {
            return List.of();
        }
        List<HostUsage> usage = new ArrayList<>();
        Map<String, String> failed = outcome.get().failed();
        dfByHost(outcome.get().lines()).forEach((host, json) -> {
            if (!failed.containsKey(host)) {
                usage.add(json == null ? new HostUsage(host, empty(), "its report came back incomplete")
                        : new HostUsage(host, read(json), null));
            }
        });
        failed.forEach((host, why) -> usage.add(new HostUsage(host, empty(), why)));
        return usage;
    }

    @Override
    public Map<String, List<String>> removeImages(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        return onWorkers("rm", Stream.concat(Stream.of("rm"), references.stream()).toList())
                .map(outcome -> removedByHost(outcome.lines())).orElse(Map.of());
    }

    /** The tool's text, which the control plane puts in the host-tools image. */
    public static byte[] tool() {
        try (InputStream in = SwarmHostDisks.class.getResourceAsStream("gantry-host-disk")) {
            if (in == null) {
                throw new IllegalStateException("gantry-host-disk is missing from the node runner's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's outcome; empty when there is no cluster or no ready worker to ask. */
    private Optional<SwarmJob.Outcome> onWorkers(String purpose, List<String> arguments) {
        Optional<RegistryLogin> login = registry.get();
        if (login.isEmpty() || swarm.nodes().stream().noneMatch(host -> !host.manager()
                && host.state() == ClusterNode.State.READY)) {
            return Optional.empty();
        }
        List<String> command = Stream.concat(Stream.of(TOOL), arguments.stream()).toList();
        return Optional.of(jobs.run(purpose, toolImage.get(), command, hostSocket, login));
    }

    /** Each host's {@code /system/df} answer from its numbered pieces; null for a host whose pieces are not all there. */
    static Map<String, String> dfByHost(List<String> lines) {
        Map<String, TreeMap<Integer, String>> pieces = new TreeMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.trim().split(" ");
            if (words.length != 4 || !"df".equals(words[1])) {
                continue;
            }
            if ("end".equals(words[2])) {
                counts.put(words[0], Integer.parseInt(words[3]));
            } else {
                pieces.computeIfAbsent(words[0], host -> new TreeMap<>()).put(Integer.parseInt(words[2]), words[3]);
            }
        }
        Map<String, String> answers = new TreeMap<>();
        counts.forEach((host, count) -> {
            TreeMap<Integer, String> got = pieces.getOrDefault(host, new TreeMap<>());
            answers.put(host, got.size() == count && (count == 0 || got.lastKey() == count - 1)
                    ? new String(HexFormat.of().parseHex(String.join("", got.values())), StandardCharsets.UTF_8)
                    : null);
        });
        pieces.keySet().stream().filter(host -> !counts.containsKey(host)).forEach(host -> answers.put(host, null));
        return answers;
    }

    static Map<String, List<String>> removedByHost(List<String> lines) {
        Map<String, List<String>> removed = new TreeMap<>();
        for (String line : lines) {
            String[] words = line.trim().split(" ");
            if (words.length == 3 && "removed".equals(words[1])) {
                removed.computeIfAbsent(words[0], host -> new ArrayList<>()).add(words[2]);
            }
        }
        return removed;
    }

    private static DiskUsage read(String json) {
        try {
            return DiskUsageReport.of(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a host's disk report is not JSON", e);
        }
    }

    private static DiskUsage empty() {
        return new DiskUsage(List.of(), List.of(), List.of());
    }
}
