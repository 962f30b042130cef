# shellcheck shell=bash
# A test cluster on this machine, for the tests in tests/cluster (sourced; needs root). Each test host
# is a network namespace on a bridge of its own, with its own dockerd (own data root, exec root,
# socket, pid file, cgroup parent and hostname), as docs/operator-guide.md#test-clusters describes:
#
#   testbed_up 3        hosts gtc-h1..gtc-h3 at 10.98.0.11..13, engines ready
#   host_docker 2 ps    the docker CLI on host 2's engine
#   host_cut 3          host 3 loses the network (its link on the bridge goes down)
#   testbed_down        every engine stopped by its pid, namespaces, bridge and firewall rule removed
#
# Traffic goes only to loopback and to these hosts' addresses.

TESTBED_BRIDGE=${TESTBED_BRIDGE:-gtc-br0}
TESTBED_NET=${TESTBED_NET:-10.98.0}
TESTBED_ROOT=${TESTBED_ROOT:-/var/lib/gantry-testbed}
TESTBED_HOSTS=0

host_name() { echo "gtc-h$1"; }
host_address() { echo "$TESTBED_NET.$((10 + $1))"; }
host_socket() { echo "unix:///run/$(host_name "$1")/docker.sock"; }
host_docker() { local n=$1; shift; DOCKER_HOST=$(host_socket "$n") docker "$@"; }
# Runs a command in host $1's network namespace (not for dockerd: `ip netns exec` remounts /sys, and
# dockerd then finds no cgroups).
host_exec() { local n=$1; shift; nsenter --net="/run/netns/$(host_name "$n")" "$@"; }

testbed_up() {
  local count=$1 n
  ip link add "$TESTBED_BRIDGE" type bridge
  ip addr add "$TESTBED_NET.1/24" dev "$TESTBED_BRIDGE"
  ip link set "$TESTBED_BRIDGE" up
  # With Docker on this machine the FORWARD chain drops what crosses the bridge.
  iptables -I FORWARD -i "$TESTBED_BRIDGE" -o "$TESTBED_BRIDGE" -j ACCEPT
  for n in $(seq 1 "$count"); do
    host_network "$n"
    host_engine_start "$n"
    TESTBED_HOSTS=$n
  done
  for n in $(seq 1 "$count"); do host_engine_await "$n"; done
}

host_network() {
  local n=$1 name
  name=$(host_name "$n")
  ip netns add "$name"
  ip link add "$name" type veth peer name eth0 netns "$name"
  ip link set "$name" master "$TESTBED_BRIDGE" up
  ip -n "$name" addr add "$(host_address "$n")/24" dev eth0
  ip -n "$name" link set lo up
  ip -n "$name" link set eth0 up
  ip -n "$name" route add default via "$TESTBED_NET.1"
}

# nsenter, not `ip netns exec`: the latter remounts /sys, and dockerd then finds no cgroups.
host_engine_start() {
  local n=$1 name
  name=$(host_name "$n")
  mkdir -p "$TESTBED_ROOT/$name" "/run/$name"
  ( exec setsid nsenter --net="/run/netns/$name" unshare --uts sh -c "hostname $name; exec dockerd \
      --data-root $TESTBED_ROOT/$name/docker --exec-root /run/$name/exec --pidfile /run/$name/dockerd.pid \
      -H $(host_socket "$n") --cgroup-parent $name" >"$TESTBED_ROOT/$name/dockerd.log" 2>&1 </dev/null ) &
}

host_engine_await() {
  local n=$1 waited=0
  until host_docker "$n" info >/dev/null 2>&1; do
    if [ $waited -ge 60 ]; then
      tail -n 20 "$TESTBED_ROOT/$(host_name "$n")/dockerd.log" >&2
      echo "the engine of $(host_name "$n") did not start within 30 s (log above)" >&2
      return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
}

host_cut() { ip link set "$(host_name "$1")" down; }

testbed_down() {
  local n name pid
  for n in $(seq 1 "$TESTBED_HOSTS"); do
    name=$(host_name "$n")
    pid=$(cat "/run/$name/dockerd.pid" 2>/dev/null) || continue
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for n in $(seq 1 "$TESTBED_HOSTS"); do
    name=$(host_name "$n")
    ip link del "$name" 2>/dev/null || true
    ip netns del "$name" 2>/dev/null || true
    rm -rf "/run/$name"
  done
  ip link del "$TESTBED_BRIDGE" 2>/dev/null || true
  iptables -D FORWARD -i "$TESTBED_BRIDGE" -o "$TESTBED_BRIDGE" -j ACCEPT 2>/dev/null || true
  rm -rf "$TESTBED_ROOT"
}
