package dev.gantry.node.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;

/**
 * Picks the API version both sides speak, like the docker CLI does: the engine's own version,
 * capped at the newest one this docker-java release models. Pinning one version instead would
 * break either old engines (Docker 20.10 stops at 1.41) or new ones (Docker 29 refuses below 1.44).
 */
final class ApiVersionNegotiation {

    static final RemoteApiVersion NEWEST_MODELLED = RemoteApiVersion.VERSION_1_44;

    private ApiVersionNegotiation() {
    }

    /** Asks the engine over an unversioned path, which every engine answers in its own newest version. */
    static DockerClient negotiatedClient(String dockerHost, DockerHttpClient http) {
        DockerClient probe = DockerClientImpl.getInstance(config(dockerHost, RemoteApiVersion.UNKNOWN_VERSION), http);
        String engineVersion = probe.versionCmd().exec().getApiVersion();
        return DockerClientImpl.getInstance(config(dockerHost, choose(engineVersion)), http);
    }

    static RemoteApiVersion choose(String engineVersion) {
        RemoteApiVersion engine = RemoteApiVersion.parseConfigWithDefault(engineVersion);
        if (engine.equals(RemoteApiVersion.UNKNOWN_VERSION) || engine.isGreater(NEWEST_MODELLED)) {
            return NEWEST_MODELLED;
        }
        return engine;
    }

    static DefaultDockerClientConfig config(String dockerHost, RemoteApiVersion version) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .withApiVersion(version)
                .build();
    }
}
