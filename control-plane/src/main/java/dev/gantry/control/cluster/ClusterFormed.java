package dev.gantry.control.cluster;

/**
 * Fired once {@code cluster:init} has made this host a cluster's manager with its registry ready (also
 * when run again): what was set up for one host, such as a backing service on its apps' bridges, can now
 * reach the apps' instances on the other hosts.
 */
public record ClusterFormed(String advertiseAddress) {
}
