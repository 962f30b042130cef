package dev.gantry.control.cluster;

import dev.gantry.node.NodeMembership.JoinTicket;
import dev.gantry.node.RegistryLogin;

/**
 * The POSIX shell script that adds a host to the cluster, run as root on the new host: it trusts the
 * registry's CA, logs the engine's client in to the registry and joins the swarm as a worker. It runs
 * {@code docker} alone (so it honours {@code DOCKER_HOST} and {@code DOCKER_CONFIG}) and needs only
 * Debian's docker.io there. Running it again on a host that has joined changes nothing.
 */
final class JoinScript {

    private JoinScript() {
    }

    static String render(String caCertificate, RegistryLogin registry, JoinTicket ticket) {
        return """
                #!/bin/sh
                # Adds this host to the Gantry cluster managed at %1$s. Run it as root on the new host, e.g.
                #   ssh root@HOST sh < <(./gantry cluster:join-command)
                # It needs Debian's docker.io (a running engine) and honours DOCKER_HOST. It holds the cluster's
                # join token and the registry's password: keep no copy of it.
                set -eu
                manager=%1$s
                registry=%2$s
                fail() { echo "error: $*" >&2; exit 1; }
                command -v docker >/dev/null 2>&1 \\
                  || fail "no docker command on this host. Install Debian's docker.io (apt-get install docker.io), then run this again"
                docker info >/dev/null 2>&1 \\
                  || fail "the Docker engine does not answer at ${DOCKER_HOST:-unix:///var/run/docker.sock}. Start it, then run this again"
                host=$(docker info --format '{{.Name}}')

                echo "-----> $host trusts the registry's CA (/etc/docker/certs.d/$registry/ca.crt)"
                mkdir -p "/etc/docker/certs.d/$registry"
                cat >"/etc/docker/certs.d/$registry/ca.crt" <<'GANTRY_CLUSTER_CA'
                %3$sGANTRY_CLUSTER_CA

                echo "-----> Logging in to the registry at $registry"
                login=$(printf '%%s\\n' '%4$s' | docker login --username '%5$s' --password-stdin "$registry" 2>&1) \\
                  || fail "the registry at $registry refused the login: $login. Check that this host reaches $registry (TCP)"

                if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = active ]; then
                  case " $(docker info --format '{{range .Swarm.RemoteManagers}}{{.Addr}} {{end}}')" in
                    *" $manager "*) echo "=====> $host is in the cluster already"; exit 0 ;;
                    *) fail "$host is in another swarm. Leave it first (docker swarm leave), then run this again" ;;
                  esac
                fi
                echo "-----> Joining the cluster at $manager"
                joined=$(docker swarm join --token '%6$s' "$manager" 2>&1) \\
                  || fail "could not join the cluster at $manager: $joined. Check that this host reaches $manager (TCP) and that 7946/tcp+udp and 4789/udp are open between the hosts"
                echo "=====> $host joined the cluster; ./gantry nodes on the manager lists it"
                """.formatted(ticket.managerAddress(), registry.address(), caCertificate.endsWith("\n") ? caCertificate
                        : caCertificate + "\n", registry.password(), registry.user(), ticket.token());
    }
}
