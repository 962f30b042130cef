package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.AsyncDockerCmd;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.command.LogSwarmObjectCmd;
import com.github.dockerjava.api.model.Frame;
import java.time.Instant;

/**
 * One read of the output of what the engine keeps logs of, stdout and stderr with the engine's
 * timestamps: a container on this engine, or a Swarm service, whose tasks' output the manager gathers
 * from whichever host runs them. Both answer in the same frames, so {@link LogFollower} and
 * {@link LogTail} read either.
 */
interface LogRequest {

    /**
     * The engine's command for the output from {@code since} (null: from the first line; the engine
     * takes whole seconds) with each line's time, following it when {@code follow}.
     */
    AsyncDockerCmd<?, Frame> read(Instant since, boolean follow);

    /** The engine's command for the last {@code lines} lines, without times. */
    AsyncDockerCmd<?, Frame> tail(int lines);

    /** What the read is of, for the node's own log. */
    String subject();

    static LogRequest container(DockerClient client, String container) {
        return new LogRequest() {
            @Override
            public AsyncDockerCmd<?, Frame> read(Instant since, boolean follow) {
                LogContainerCmd logs = both().withTimestamps(true).withFollowStream(follow);
                return since == null ? logs : logs.withSince(seconds(since));
            }

            @Override
            public AsyncDockerCmd<?, Frame> tail(int lines) {
                return both().withTail(lines);
            }

            private LogContainerCmd both() {
                return client.logContainerCmd(container).withStdOut(true).withStdErr(true);
            }

            @Override
            public String subject() {
                return container;
            }
        };
    }

    /** A service's output, read through the manager: every host streams its tasks' logs there. */
    static LogRequest service(DockerClient client, String service) {
        return new LogRequest() {
            @Override
            public AsyncDockerCmd<?, Frame> read(Instant since, boolean follow) {
                LogSwarmObjectCmd logs = both().withTimestamps(true).withFollow(follow);
                return since == null ? logs : logs.withSince(seconds(since));
            }

            @Override
            public AsyncDockerCmd<?, Frame> tail(int lines) {
                return both().withTail(lines);
            }

            private LogSwarmObjectCmd both() {
                return client.logServiceCmd(service).withStdout(true).withStderr(true);
            }

            @Override
            public String subject() {
                return "service " + service;
            }
        };
    }

    private static int seconds(Instant since) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, since.getEpochSecond()));
    }
}
