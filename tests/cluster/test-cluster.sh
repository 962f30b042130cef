#!/usr/bin/env bash
# Cluster tests of issue 18, which need root: a cluster of three test hosts on this machine (network
# namespaces on a bridge, an engine each: testbed.sh), and a Gantry of its own on the first as their
# manager, started from an already built quarkus-app with ./gantry's own functions. Through Gantry's own
# commands: the one host before cluster:init; cluster:init; hosts joining by the printed script; nodes
# (and GET /api/v1/nodes) listing them; a pushed build published to the registry and pulled by digest
# on another host; an anonymous pull refused; a host cut off the network shown down. Traffic goes to
# loopback and to the test hosts' addresses only; everything is removed at the end, processes by pid.
#
#   GANTRY_APP_DIR  the built control-plane/target/quarkus-app (required)
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_DIR=${GANTRY_APP_DIR:?set GANTRY_APP_DIR to a built control-plane/target/quarkus-app}
# One process on the manager: the router and the node runner inside the control plane.
export GANTRY_HOME=/var/lib/gantry-cluster-test GANTRY_API_PORT=18200 GANTRY_API_LOCAL_PORT=18201 GANTRY_SSH_PORT=12422 \
  GANTRY_ROUTER_PORT=18280 GANTRY_ROUTER_HTTPS_PORT=0 GANTRY_ROUTER_ADMIN_PORT=18281 GANTRY_NODE_RUNNER_PORT=18282 \
  GANTRY_ROUTER_MODE=embedded GANTRY_NODE_MODE=embedded GANTRY_PUBLIC_HOST=127.0.0.1 \
  GANTRY_SSH_BIND_HOST=127.0.0.1 GANTRY_ROUTER_BIND_HOST=127.0.0.1
# shellcheck source=../../gantry
source "$SRC/gantry"
# shellcheck source=testbed.sh
source "$SRC/tests/cluster/testbed.sh"

APP=clustered
MANAGER=$(host_address 1)
REGISTRY=$MANAGER:5000
DOWN_WITHIN=30 # seconds a cut-off host may take to show down
WORK=$(mktemp -d /tmp/gantry-cluster.XXXXXX)
# shellcheck source=../verdicts.sh
source "$SRC/tests/verdicts.sh"

cleanup() {
  local status=$?
  set +e
  fail_if_set_up_stopped $status
  stop_gantry
  stop_process "$REGISTRY_DIR/registry.pid" docker-registry
  testbed_down
  rm -rf "/etc/docker/certs.d/$REGISTRY" "$WORK" "$GANTRY_HOME"
}
trap cleanup EXIT

# ./gantry on the manager: its API, SSH and router listen on the manager's loopback.
on_manager() { host_exec 1 "$SRC/gantry" "$@" </dev/null; }

set_up() {
  # A container without CAP_SYS_ADMIN (some CI runners) cannot make test hosts: say so, as the fault tests do.
  unshare --net true 2>/dev/null || {
    printf 'SKIP cluster tests: this machine cannot make network namespaces (unshare --net failed)\n'
    exit 0
  }
  rm -rf "$GANTRY_HOME"
  testbed_up 3
  install -d -o "$GANTRY_USER" -g "$GANTRY_USER" -m 0750 "$GANTRY_HOME" "$RUN_DIR"
  cp -a "$APP_DIR" "$GANTRY_HOME/app"
  chown -R "$GANTRY_USER:$GANTRY_USER" "$GANTRY_HOME/app"
  # The control plane drives the manager's engine, and listens in the manager's network namespace.
  DOCKER_HOST=$(host_socket 1) host_exec 1 bash -c "source '$SRC/gantry'; start_gantry" >/dev/null

  # The app's image: Debian's static busybox, built on the manager's engine without a registry.
  install -d "$WORK/image"
  cp /bin/busybox "$WORK/image/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' >"$WORK/image/Dockerfile"
  DOCKER_BUILDKIT=0 host_docker 1 build -q -t gantry-cluster/busybox:latest "$WORK/image" >/dev/null

  ssh-keygen -q -t ed25519 -N '' -C cluster@test -f "$WORK/id_ed25519"
  on_manager keys:add admin "$WORK/id_ed25519.pub" >/dev/null
  git init -q -b main "$WORK/$APP"
  git -C "$WORK/$APP" config user.email cluster@example.com
  git -C "$WORK/$APP" config user.name Cluster
  git -C "$WORK/$APP" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$APP"
  printf 'FROM gantry-cluster/busybox:latest\nCMD mkdir -p /www && echo "$GANTRY_RELEASE" >/www/index.html && exec httpd -f -p $PORT -h /www\n' \
    >"$WORK/$APP/Dockerfile"
  git -C "$WORK/$APP" add -A
  git -C "$WORK/$APP" commit -q -m v1
}

push() {
  GIT_SSH_COMMAND="ssh -i $WORK/id_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" host_exec 1 git -C "$WORK/$APP" push -q paas main >"$WORK/push.log" 2>&1 \
    || { cat "$WORK/push.log"; return 1; }
}

# nodes' rows as "NAME ADDRESS STATE INSTANCES", sorted.
node_rows() {
  on_manager nodes | awk 'NR > 1 && $1 ~ /^gtc-/ {print $1, $2, $3, $5}' | sort
}

one_host_before_init() {
  local out
  out=$(on_manager nodes)
  if [ "$(node_rows)" = "gtc-h1 127.0.0.1 ready 0" ] && grep -q '^One host' <<<"$out"; then
    pass "before cluster:init, nodes lists this host alone, ready"
  else
    fail "before cluster:init, nodes said: $out"
  fi
}

init_cluster() {
  local out status
  out=$(on_manager cluster:init --advertise "$MANAGER" 2>&1) || { fail "cluster:init failed: $out"; return 1; }
  if grep -q "registry answers at https://$REGISTRY" <<<"$out" && [ -f "/etc/docker/certs.d/$REGISTRY/ca.crt" ]; then
    pass "cluster:init formed the cluster, started the registry and made this host's engine trust it"
  else
    fail "cluster:init said: $out"
  fi
  status=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$GANTRY_HOME/cluster/ca.crt" "https://$REGISTRY/v2/")
  if [ "$status" = 401 ]; then
    pass "the registry answers over TLS by the cluster's CA and refuses an anonymous request (401)"
  else
    fail "an anonymous request to https://$REGISTRY/v2/ got '$status', want 401"
  fi
  out=$(on_manager cluster:init --advertise "$(host_address 2)" 2>&1) && fail "cluster:init with another address passed"
  out=$(grep '^error:' <<<"$out") && grep -q "manages a cluster advertised at $MANAGER already" <<<"$out" \
    && pass "cluster:init with another address is refused: $out" || fail "cluster:init with another address said: $out"
}

# Gantry starts the registry again when it stops.
registry_supervised() {
  local old new waited=0
  old=$(cat "$REGISTRY_DIR/registry.pid")
  kill -KILL "$old"
  until new=$(cat "$REGISTRY_DIR/registry.pid") && [ "$new" != "$old" ] \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$GANTRY_HOME/cluster/ca.crt" "https://$REGISTRY/v2/")" = 401 ]; do
    if [ $waited -ge 40 ]; then
      fail "the registry (pid $old) was killed and no new one answers after 20 s"
      return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  pass "the registry was killed and Gantry started it again (pid $old, then $new) within $((waited / 2 + 1)) s"
}

join_hosts() {
  local n out
  on_manager cluster:join-command >"$WORK/join.sh"
  for n in 2 3; do
    # sh: Debian's dash, so the script is held to POSIX. Each host keeps its client's login apart.
    if out=$(DOCKER_HOST=$(host_socket "$n") DOCKER_CONFIG="$WORK/docker-h$n" sh "$WORK/join.sh" 2>&1) \
        && grep -q "gtc-h$n joined the cluster" <<<"$out"; then
      pass "gtc-h$n joined through the printed script"
    else
      fail "the join script on gtc-h$n said: $out"
    fi
  done
  out=$(DOCKER_HOST=$(host_socket 2) DOCKER_CONFIG="$WORK/docker-h2" sh "$WORK/join.sh" 2>&1)
  grep -q "in the cluster already" <<<"$out" && pass "the join script run again changes nothing" \
    || fail "the join script run again said: $out"
}

nodes_listed() {
  local want rows json
  want=$(printf 'gtc-h1 %s ready 0\ngtc-h2 %s ready 0\ngtc-h3 %s ready 0' "$MANAGER" "$(host_address 2)" "$(host_address 3)")
  # A joined host is Ready once its first heartbeat reached the manager.
  for _ in $(seq 1 20); do rows=$(node_rows); [ "$rows" = "$want" ] && break; sleep 0.5; done
  if [ "$rows" = "$want" ] && on_manager nodes | grep -q "^Manager: gtc-h1 (this host); registry at $REGISTRY"; then
    pass "nodes lists the three hosts ready, with their addresses"
  else
    fail "nodes said: $(on_manager nodes)"
  fi
  json=$(host_exec 1 curl -fsS -H "Authorization: Bearer $(cat "$GANTRY_HOME/cli-token")" \
    "http://127.0.0.1:$GANTRY_API_LOCAL_PORT/api/v1/nodes")
  if [ "$(grep -o '"state":"ready"' <<<"$json" | wc -l)" = 3 ] && grep -q '"name":"gtc-h3"' <<<"$json"; then
    pass "GET /api/v1/nodes lists the three hosts"
  else
    fail "GET /api/v1/nodes answered: $json"
  fi
}

published_and_pulled() {
  local image out
  push || { fail "git push to the manager failed (log above)"; return 1; }
  image=$(on_manager releases:info "$APP" v1 | awk '/^Image:/ {print $2}')
  if [[ $image == "$REGISTRY/gantry/$APP@sha256:"* ]]; then
    pass "the pushed build was published to the registry: v1 runs $image"
  else
    fail "v1's image is '$image', want $REGISTRY/gantry/$APP@sha256:..."
    return 1
  fi
  out=$(host_exec 1 curl -fsS -m 5 -H "Host: $APP.$GANTRY_BASE_DOMAIN" "http://127.0.0.1:$GANTRY_ROUTER_PORT/" 2>&1)
  [ "$out" = v1 ] && pass "the manager serves v1 from the published image" || fail "the app answered '$out', want v1"
  if out=$(DOCKER_CONFIG="$WORK/docker-h2" host_docker 2 pull -q "$image" 2>&1); then
    pass "gtc-h2 pulled $image by digest with the login the join script left"
  else
    fail "gtc-h2 could not pull $image: $out"
  fi
  install -d "$WORK/anonymous"
  if out=$(DOCKER_CONFIG="$WORK/anonymous" host_docker 3 pull -q "$image" 2>&1); then
    fail "an anonymous pull on gtc-h3 was let through: $out"
  else
    pass "an anonymous pull on gtc-h3 is refused: $out"
  fi
}

host_cut_off_shows_down() {
  local cut_at waited=0
  host_cut 3
  cut_at=$(date +%s%3N)
  until on_manager nodes | grep -Eq "^gtc-h3 +[0-9.]+ +down "; do
    if [ $waited -ge $((DOWN_WITHIN * 2)) ]; then
      fail "gtc-h3 was cut off $DOWN_WITHIN s ago and nodes still says: $(on_manager nodes | grep gtc-h3)"
      return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  pass "gtc-h3 shows down $(awk -v ms=$(($(date +%s%3N) - cut_at)) 'BEGIN {printf "%.1f", ms / 1000}') s after it was cut off (bound ${DOWN_WITHIN} s)"
}

started=$(date +%s)
set_up
one_host_before_init
init_cluster
registry_supervised || true
join_hosts
nodes_listed
published_and_pulled || true
host_cut_off_shows_down || true
printf '%s: %d failure(s) in %d s\n' "${BASH_SOURCE[0]##*/}" "$failures" "$(($(date +%s) - started))"
[ "$failures" -eq 0 ]
