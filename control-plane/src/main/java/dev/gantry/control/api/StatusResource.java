package dev.gantry.control.api;

import dev.gantry.control.GantryConfig;
import dev.gantry.git.GitSshServer;
import dev.gantry.router.api.RouteControl;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Answers once Gantry is up; {@code ./gantry up} waits for it and prints the ports. */
@Path("/api/v1/status")
public class StatusResource {

    private final RouteControl router;
    private final GitSshServer ssh;
    private final GantryConfig config;

    StatusResource(RouteControl router, GitSshServer ssh, GantryConfig config) {
        this.router = router;
        this.ssh = ssh;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        return Map.of("status", "up", "routerPort", config.router().port(), "sshPort", ssh.port(),
                "baseDomain", config.baseDomain());
    }
}
