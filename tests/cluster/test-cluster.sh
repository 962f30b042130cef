#!/usr/bin/env bash
# Cluster tests of issue 18, which need root: a cluster of three test hosts on this machine (network
# namespaces on a bridge, an engine each: testbed.sh), and a Gantry of its own on the first as their
# manager, started from an already built quarkus-app with ./gantry's own functions. Through Gantry's own
# commands: the one host before cluster:init; cluster:init; hosts joining by the printed script; nodes
# (and GET /api/v1/nodes) listing them; a pushed build published to the registry and pulled by digest
# on another host; an anonymous pull refused; a host cut off the network shown down; logs (and logs -f)
# of instances on other hosts; run reaching instances across hosts; a buildpack app (no Dockerfile) serving
# from a worker that pulled its stack's run image through the registry; a rollout onto a host that cannot
# pull failing in one line while the release before serves on; system:df and system:prune on every
# host and in the registry; drain and remove over REST. Traffic goes to
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
# Each test host's engine has a socket of its own (testbed.sh), which the disk jobs on the workers bind.
export GANTRY_HOST_ENGINE_SOCKET='/run/{{.Node.Hostname}}/docker.sock'
# shellcheck source=../../gantry
source "$SRC/gantry"
# shellcheck source=testbed.sh
source "$SRC/tests/cluster/testbed.sh"

APP=clustered
MANAGER=$(host_address 1)
REGISTRY=$MANAGER:5000
DOWN_WITHIN=30 # seconds a cut-off host may take to show down
RECOVER_WITHIN=30 # seconds a cut-off host's instances may take to serve from other hosts
WORK=$(mktemp -d /tmp/gantry-cluster.XXXXXX)
STACKED=stacked # a buildpack app: test-apps/static pushed unchanged, no Dockerfile
STACK_IMAGE=gantry/stack-static:run # the run image of its stack
EDGE=3 # the worker it runs on, which pull_blocked cuts off from the registry
BLOCKED="" # the host whose way to the registry is blocked now and how, for the cleanup to open again
# shellcheck source=../verdicts.sh
source "$SRC/tests/verdicts.sh"

cleanup() {
  local status=$?
  set +e
  fail_if_set_up_stopped $status
  # What the control plane logged about a failure is gone with GANTRY_HOME below.
  [ $failures -eq 0 ] || grep -E -A12 'ERROR|Exception' "$GANTRY_HOME/gantry.log" 2>/dev/null | tail -n 80
  stop_gantry
  stop_process "$REGISTRY_DIR/registry.pid" docker-registry
  # shellcheck disable=SC2086 # host and target
  [ -z "$BLOCKED" ] || registry_unblock $BLOCKED
  testbed_down
  rm -rf "/etc/docker/certs.d/$REGISTRY" "$WORK" "$GANTRY_HOME"
}
trap cleanup EXIT

# ./gantry on the manager: its API, SSH and router listen on the manager's loopback.
on_manager() { host_exec 1 "$SRC/gantry" "$@" </dev/null; }

set_up() {
  # A container without CAP_SYS_ADMIN cannot make test hosts. The cluster tests then fail with the reason,
  # as the fault tests do: a test that passes without running proves nothing.
  unshare --net true 2>/dev/null || {
    printf 'error: this machine cannot make network namespaces (unshare --net failed): run ./gantry test as root with CAP_SYS_ADMIN\n' >&2
    exit 1
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
  # Gantry's base image, which the tools it runs on the other hosts are built on, as ./gantry up leaves it.
  docker image inspect "$GANTRY_BASE_IMAGE" >/dev/null 2>&1 \
    || { printf 'error: %s is missing on this machine: run ./gantry base-image first\n' "$GANTRY_BASE_IMAGE" >&2; exit 1; }
  docker save "$GANTRY_BASE_IMAGE" | host_docker 1 load -q >/dev/null
  # The static stack's run image, which the buildpack app builds on (the manager's engine could not build it:
  # the test hosts have no way to Debian's mirrors).
  docker image inspect "$STACK_IMAGE" >/dev/null 2>&1 \
    || { printf 'error: %s is missing on this machine: run ./gantry test -Dit.test=BuildpacksIT once first\n' "$STACK_IMAGE" >&2; exit 1; }
  docker save "$STACK_IMAGE" | host_docker 1 load -q >/dev/null

  ssh-keygen -q -t ed25519 -N '' -C cluster@test -f "$WORK/id_ed25519"
  on_manager keys:add admin "$WORK/id_ed25519.pub" >/dev/null
  git init -q -b main "$WORK/$APP"
  git -C "$WORK/$APP" config user.email cluster@example.com
  git -C "$WORK/$APP" config user.name Cluster
  git -C "$WORK/$APP" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$APP"
  # Each instance says it serves, and /cgi-bin/hit makes it print a line: the logs cases look for both.
  printf 'FROM gantry-cluster/busybox:latest\nCOPY hit /www/cgi-bin/hit\nCMD echo "serving $GANTRY_INSTANCE" && echo "$GANTRY_RELEASE" >/www/index.html && exec httpd -f -p $PORT -h /www\n' \
    >"$WORK/$APP/Dockerfile"
  printf '#!/bin/sh\necho "hit $GANTRY_INSTANCE" >&2\nprintf "Content-Type: text/plain\\r\\n\\r\\nhit\\n"\n' >"$WORK/$APP/hit"
  chmod +x "$WORK/$APP/hit"
  git -C "$WORK/$APP" add -A
  git -C "$WORK/$APP" commit -q -m v1
}

# git push of the app's repository in $WORK ($APP unless given); its output is in $WORK/push.log, and on
# stdout when it fails.
push() {
  GIT_SSH_COMMAND="ssh -i $WORK/id_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" host_exec 1 git -C "$WORK/${1:-$APP}" push -q paas main >"$WORK/push.log" 2>&1 \
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
  local image out host
  push || { fail "git push to the manager failed (log above)"; return 1; }
  image=$(on_manager releases:info "$APP" v1 | awk '/^Image:/ {print $2}')
  if [[ $image == "$REGISTRY/gantry/$APP@sha256:"* ]]; then
    pass "the pushed build was published to the registry: v1 runs $image"
  else
    fail "v1's image is '$image', want $REGISTRY/gantry/$APP@sha256:..."
    return 1
  fi
  out=$(answer)
  host=$(web_rows | awk '$1 == "web.1" {print $2}')
  if [ "$out" = v1 ] && [[ $host == gtc-h? ]]; then
    pass "v1 serves from the published image, a service on $host (ps names the host)"
  else
    fail "the app answered '$out' (want v1), and ps says: $(on_manager ps "$APP")"
  fi
  # On a worker that has not got the image yet: an engine that holds it answers a pull by digest
  # itself, login or not. First without a login, then with the one the join script left there.
  local n=2
  [ "$host" = gtc-h2 ] && n=3
  install -d "$WORK/anonymous"
  if out=$(DOCKER_CONFIG="$WORK/anonymous" host_docker "$n" pull -q "$image" 2>&1); then
    fail "an anonymous pull on gtc-h$n was let through: $out"
  else
    pass "an anonymous pull on gtc-h$n is refused: $out"
  fi
  if out=$(DOCKER_CONFIG="$WORK/docker-h$n" host_docker "$n" pull -q "$image" 2>&1); then
    pass "gtc-h$n pulled $image by digest with the login the join script left"
  else
    fail "gtc-h$n could not pull $image: $out"
  fi
}

# The app's web instances that are up, as "SLOT HOST", from ps.
web_rows() {
  on_manager ps "$APP" | awk '$1 ~ /^web\./ && $3 == "up" {print $1, $6}' | sort
}

# Waits until ps shows $1 web instances up (on hosts other than $2 when given); prints how long it took.
await_web() {
  local want=$1 not_on=${2:-} since rows waited=0
  since=$(date +%s%3N)
  until rows=$(web_rows) && [ "$(wc -l <<<"$rows" | tr -d ' ')" -eq "$want" ] && [ -n "$rows" ] \
      && { [ -z "$not_on" ] || ! grep -q " $not_on\$" <<<"$rows"; }; do
    [ $waited -ge 240 ] && return 1
    sleep 0.5; waited=$((waited + 1))
  done
  awk -v ms=$(($(date +%s%3N) - since)) 'BEGIN {printf "%.1f", ms / 1000}'
}

# The body of GET /PATH ($1) through the router for the app ($APP unless $2 names another).
answer() {
  host_exec 1 curl -s -m 5 -H "Host: ${2:-$APP}.$GANTRY_BASE_DOMAIN" "http://127.0.0.1:$GANTRY_ROUTER_PORT/${1:-}" 2>&1
}

# The web slots running on hosts other than the manager.
worker_slots() { web_rows | awk '$2 != "gtc-h1" {print $1}'; }

# Every instance's output reaches logs, those on other hosts too (the manager's service logs), and logs -f
# shows a line an instance on another host prints while it follows.
logs_from_workers() {
  local slots slot missing="" waited=0
  slots=$(worker_slots)
  [ -n "$slots" ] || { fail "no web instance on another host than gtc-h1: $(web_rows)"; return 1; }
  for _ in 1 2 3 4 5 6 7 8; do answer cgi-bin/hit >/dev/null; done # round robin: each instance twice
  for slot in $slots; do
    until on_manager logs "$APP" -n 500 | grep -q "serving $slot\$" && on_manager logs "$APP" -n 500 | grep -q "hit $slot\$"; do
      [ $waited -ge 20 ] && { missing="$missing $slot"; break; }
      sleep 0.5; waited=$((waited + 1))
    done
  done
  if [ -z "$missing" ]; then
    pass "logs shows what the instances on other hosts printed ($(tr '\n' ' ' <<<"$slots")on $(worker_hosts))"
  else
    fail "logs lacks the lines of$missing: $(on_manager logs "$APP" -n 40 | tail -n 20)"
  fi
  host_exec 1 timeout 30 "$SRC/gantry" logs "$APP" -f -n 1 >"$WORK/follow.log" 2>&1 </dev/null &
  local follow=$! seen=""
  sleep 3
  for _ in 1 2 3 4 5 6 7 8; do answer cgi-bin/hit >/dev/null; done
  for _ in $(seq 1 30); do
    for slot in $slots; do grep -q "hit $slot\$" "$WORK/follow.log" && seen=$slot && break 2; done
    sleep 0.5
  done
  kill "$follow" 2>/dev/null; wait "$follow" 2>/dev/null || true
  if [ -n "$seen" ]; then
    pass "logs -f showed a line $seen printed on $(web_rows | awk -v slot="$seen" '$1 == slot {print $2}') while it followed"
  else
    fail "logs -f showed no line of the instances on other hosts: $(tail -n 10 "$WORK/follow.log")"
  fi
}

worker_hosts() { web_rows | awk '$2 != "gtc-h1" {print $2}' | sort -u | tr '\n' ' ' | sed 's/ $//'; }

# run on a cluster reaches the instances on every host by their names, and gives back the command's exit code.
run_in_cluster() {
  local slot out status
  slot=$(worker_slots | head -n 1)
  out=$(on_manager run "$APP" -- sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $slot.internal 5000 | tail -n 1" 2>&1)
  if [ "$out" = v1 ]; then
    pass "run $APP reached $slot on $(web_rows | awk -v slot="$slot" '$1 == slot {print $2}') by the name $slot.internal"
  else
    fail "run $APP -- ... nc $slot.internal 5000 said: $out"
  fi
  status=0
  on_manager run "$APP" -- sh -c 'exit 3' >/dev/null 2>&1 || status=$?
  [ "$status" = 3 ] && pass "run on a cluster exits with the command's code (3)" || fail "run ... exit 3 exited $status"
}

# system:df counts every host, and system:prune removes from the other hosts and the registry what no
# release keeps: here, everything of an app that was destroyed.
df_and_prune_on_hosts() {
  local out other=discard host n digest before=0 left=0 status
  # An image of its own (a build of the same Dockerfile would be the very image the other app runs).
  git -C "$WORK/$APP" checkout -q -b "$other"
  sed -i '1a ENV GANTRY_TEST_APP=discard' "$WORK/$APP/Dockerfile"
  git -C "$WORK/$APP" commit -q -am "$other"
  git -C "$WORK/$APP" checkout -q main
  git -C "$WORK/$APP" remote add "$other" "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$other"
  GIT_SSH_COMMAND="ssh -i $WORK/id_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" host_exec 1 git -C "$WORK/$APP" push -q "$other" "$other:main" >"$WORK/push.log" 2>&1 \
    || { cat "$WORK/push.log"; fail "the push of $other failed"; return 1; }
  on_manager ps:scale "$other" web=3 >/dev/null || { fail "ps:scale $other web=3 failed"; return 1; }
  out=$(on_manager system:df 2>&1)
  # An app's image there counts the layers no other image there shares: both apps' share busybox's.
  if grep -Eq "^Host gtc-h2: apps [0-9.]+ (B|[KMG]iB)" <<<"$out" && grep -Eq "^Host gtc-h3: apps [0-9.]+ (B|[KMG]iB)" <<<"$out"; then
    pass "system:df reports the other hosts: $(grep '^Host' <<<"$out" | tr '\n' ';')"
  else
    fail "system:df does not report gtc-h2 and gtc-h3: $out"
  fi
  digest=$(on_manager releases:info "$other" v1 | awk '/^Image:/ {print $2}' | sed 's/.*@//')
  for n in 2 3; do
    host_docker "$n" images --digests --format '{{.Digest}}' | grep -q "$digest" && before=$((before + 1))
  done
  [ "$before" -gt 0 ] || { fail "no other host pulled $other's image $digest"; return 1; }
  on_manager apps:destroy "$other" --force >/dev/null || { fail "apps:destroy $other failed"; return 1; }
  # Swarm removes the containers of the app's services a moment after the services; until then the
  # engines keep the image, as they should.
  for _ in $(seq 1 60); do
    [ -z "$(host_docker 2 ps -aq --filter "label=gantry.app=$other")$(host_docker 3 ps -aq --filter "label=gantry.app=$other")" ] && break
    sleep 0.5
  done
  out=$(on_manager system:prune 2>&1) || { fail "system:prune failed: $out"; return 1; }
  for n in 2 3; do
    host_docker "$n" images --digests --format '{{.Digest}}' | grep -q "$digest" && left=$((left + 1))
  done
  status=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$GANTRY_HOME/cluster/ca.crt" \
    -u "gantry:$(cat "$GANTRY_HOME/registry/password")" "https://$REGISTRY/v2/gantry/$other/manifests/$digest")
  if [ "$left" = 0 ] && grep -q "on gtc-h" <<<"$out" && [ "$status" = 404 ] \
      && grep -q "registry gantry/$other@$digest" <<<"$out"; then
    pass "system:prune removed the destroyed app's image from the $before host(s) that pulled it and from the registry"
  else
    fail "after system:prune $left host(s) still hold $digest, the registry answers $status for it: $out; Gantry's log: $(grep -E 'WARN|registry|removed image' "$LOG_FILE" | tail -n 8)"
  fi
  status=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$GANTRY_HOME/cluster/ca.crt" \
    -u "gantry:$(cat "$GANTRY_HOME/registry/password")" -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "https://$REGISTRY/v2/gantry/$APP/manifests/$(on_manager releases:info "$APP" v1 | awk '/^Image:/ {print $2}' | sed 's/.*@//')")
  [ "$status" = 200 ] && pass "the serving app's image stays in the registry" || fail "the registry answers $status for $APP's v1 image"
}

# A GET through the router for the app ($APP unless given) every 50 ms (at most LOAD_MAX of them) until
# load_stop: "MILLIS STATUS" lines.
LOAD_MAX=6000
load_start() {
  local app=${1:-$APP}
  rm -f "$WORK/load.stop"
  : >"$WORK/load.log"
  host_exec 1 bash -c 'for _ in $(seq 1 '"$LOAD_MAX"'); do
      [ -f "'"$WORK"'/load.stop" ] && break
      printf "%s %s\n" "$(date +%s%3N)" "$(curl -s -o /dev/null -m 10 -w "%{http_code}" -H "Host: '"$app.$GANTRY_BASE_DOMAIN"'" \
        "http://127.0.0.1:'"$GANTRY_ROUTER_PORT"'/")" >>"'"$WORK"'/load.log"
      sleep 0.05
    done' &
  LOAD_PID=$!
}
load_stop() { touch "$WORK/load.stop"; wait "$LOAD_PID" || true; }
load_summary() { awk '{n++} $2 != 200 {f++} END {printf "%d requests, %d failed", n, f + 0}' "$WORK/load.log"; }
load_failures() { awk '$2 != 200' "$WORK/load.log" | wc -l; }

spread_over_hosts() {
  local took rows hosts since
  since=$(date +%s%3N)
  on_manager ps:scale "$APP" web=4 >/dev/null || { fail "ps:scale $APP web=4 failed"; return 1; }
  await_web 4 >/dev/null || { fail "web=4 is not up after 2 minutes: $(on_manager ps "$APP")"; return 1; }
  took=$(awk -v ms=$(($(date +%s%3N) - since)) 'BEGIN {printf "%.1f", ms / 1000}')
  rows=$(web_rows)
  hosts=$(awk '{print $2}' <<<"$rows" | sort -u | tr '\n' ' ')
  if [ "$(awk '{print $2}' <<<"$rows" | sort -u | wc -l)" = 3 ]; then
    pass "web=4 spread over the three hosts ($hosts) in $took s"
  else
    fail "web=4 runs on $hosts only: $(on_manager ps "$APP")"
  fi
  [ "$(answer)" = v1 ] && pass "the router answers from the spread instances" || fail "the app answered '$(answer)', want v1"
}

deploy_and_rollback_under_load() {
  local out
  load_start
  printf 'v2\n' >"$WORK/$APP/VERSION"
  git -C "$WORK/$APP" add -A
  git -C "$WORK/$APP" commit -q -m v2
  push || { load_stop; fail "the push of v2 failed (log above)"; return 1; }
  out=$(answer)
  [ "$out" = v2 ] && pass "a deploy across the hosts serves v2" || fail "after the push of v2 the app answered '$out'"
  out=$(on_manager rollback "$APP" v1 2>&1) || { load_stop; fail "rollback to v1 failed: $out"; return 1; }
  out=$(answer)
  [ "$out" = v3 ] && pass "a rollback across the hosts serves v3 (v1's build)" || fail "after the rollback the app answered '$out'"
  await_web 4 >/dev/null || fail "after the rollback web=4 is not up: $(on_manager ps "$APP")"
  load_stop
  if [ "$(load_failures)" -eq 0 ]; then
    pass "no failed request through the deploy and the rollback ($(load_summary))"
  else
    fail "requests failed during the deploy and the rollback ($(load_summary))"
  fi
}

restart_adopts() {
  local before after hosts
  before=$(on_manager ps "$APP" | awk '$1 ~ /^web\./ {print $1, $6, $7}' | sort)
  stop_gantry >/dev/null
  DOCKER_HOST=$(host_socket 1) host_exec 1 bash -c "source '$SRC/gantry'; start_gantry" >/dev/null
  after=$(on_manager ps "$APP" | awk '$1 ~ /^web\./ {print $1, $6, $7}' | sort)
  hosts=$(awk '{print $2}' <<<"$after" | sort -u | wc -l)
  if [ "$before" = "$after" ] && [ "$hosts" -ge 2 ] && [ "$(answer)" = v3 ]; then
    pass "a restart of the control plane adopted the instances on $hosts hosts as they were"
  else
    fail "before the restart ps said: $before; after: $after"
  fi
}

host_lost() {
  local cut_at down_after recovered waited=0 failures_after
  # Swarm places each one-task service on the least busy host, which after a rollout need not be every
  # host: the worker to lose is one that runs an instance, gtc-h3 when it does.
  if ! grep -q " gtc-h$LOST\$" <<<"$(web_rows)"; then
    LOST=$(web_rows | awk '$2 != "gtc-h1" {sub("gtc-h", "", $2); print $2; exit}')
  fi
  [ -n "$LOST" ] || { fail "no web instance on a worker to lose: $(web_rows)"; return 1; }
  load_start
  sleep 1
  host_cut "$LOST"
  cut_at=$(date +%s%3N)
  until on_manager nodes | grep -Eq "^gtc-h$LOST +[0-9.]+ +down "; do
    if [ $waited -ge $((DOWN_WITHIN * 2)) ]; then
      load_stop
      fail "gtc-h$LOST was cut off $DOWN_WITHIN s ago and nodes still says: $(on_manager nodes | grep gtc-h$LOST)"
      return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  down_after=$(($(date +%s%3N) - cut_at))
  if ! await_web 4 gtc-h$LOST >/dev/null; then
    load_stop
    fail "gtc-h$LOST's instances were not replaced: $(on_manager ps "$APP")"
    return 1
  fi
  recovered=$(($(date +%s%3N) - cut_at))
  sleep 2
  load_stop
  failures_after=$(awk -v at=$((cut_at + recovered)) '$1 > at && $2 != 200' "$WORK/load.log" | wc -l)
  local seconds
  seconds=$(awk -v ms=$recovered 'BEGIN {printf "%.1f", ms / 1000}')
  if [ $recovered -le $((RECOVER_WITHIN * 1000)) ] && [ "$failures_after" -eq 0 ]; then
    pass "gtc-h$LOST cut off: down after $(awk -v ms=$down_after 'BEGIN {printf "%.1f", ms / 1000}') s, its instances serving from the other hosts after $seconds s (bound $RECOVER_WITHIN s); $(load_summary), none after"
  else
    fail "gtc-h$LOST cut off: recovered after $seconds s (bound $RECOVER_WITHIN s), $failures_after failed request(s) after; $(load_summary)"
  fi
}

# The host comes back: the instances it ran were replaced, so its engine stops them.
host_returns() {
  local waited=0
  host_reconnect "$LOST"
  until [ -z "$(host_docker "$LOST" ps -q --filter "label=gantry.app=$APP")" ]; do
    if [ $waited -ge 60 ]; then
      fail "gtc-h$LOST is back and still runs: $(host_docker "$LOST" ps --filter "label=gantry.app=$APP" --format '{{.Names}}')"
      return 1
    fi
    sleep 0.5; waited=$((waited + 1))
  done
  pass "gtc-h$LOST came back and stopped what it ran within $((waited / 2)) s: nothing runs twice"
  # The cases after this one place instances by label on any worker: they need it ready again.
  waited=0
  until on_manager nodes | grep -Eq "^gtc-h$LOST +[0-9.]+ +ready "; do
    [ $waited -ge 60 ] && { fail "gtc-h$LOST is back but not ready after 30 s: $(on_manager nodes)"; return 1; }
    sleep 0.5; waited=$((waited + 1))
  done
}

# web.internal names every web instance, web.N.internal one, from any host (the app's overlay, dnsrr).
names_across_hosts() {
  local rows here other_slot other_host container out
  rows=$(web_rows)
  other_slot=$(awk '$2 != "gtc-h1" {print $1; exit}' <<<"$rows")
  other_host=$(awk -v slot="$other_slot" '$1 == slot {print $2}' <<<"$rows")
  container=$(host_docker 1 ps -q --filter "label=gantry.app=$APP" | head -n 1)
  if [ -z "$container" ] || [ -z "$other_slot" ]; then
    fail "no web instance on gtc-h1 and another elsewhere to try names between: $rows"
    return 1
  fi
  out=$(host_docker 1 exec "$container" nslookup web.internal 2>&1 | awk '/^Address/ && !/127\.0\.0\.11/ {n++} END {print n + 0}')
  if [ "$out" = 4 ]; then
    pass "web.internal answers with the four web instances' addresses on every host (dnsrr)"
  else
    fail "web.internal answered $out address(es), want 4: $(host_docker 1 exec "$container" nslookup web.internal 2>&1 | tr '\n' ' ')"
  fi
  # nc, not busybox's wget, which crashes in this scratch image.
  out=$(host_docker 1 exec "$container" sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $other_slot.internal 5000" 2>&1 | tail -n 1)
  if [ "$out" = v1 ]; then
    pass "an instance on gtc-h1 reaches $other_slot on $other_host by the name $other_slot.internal"
  else
    fail "from gtc-h1, http://$other_slot.internal:5000/ ($other_host) answered: $out"
  fi
}

# ps:place keeps web on the hosts with a label: they move there with no failed request, and back anywhere.
placed_by_label() {
  local out hosts
  out=$(on_manager nodes:label gtc-h2 zone=a 2>&1) || { fail "nodes:label gtc-h2 zone=a failed: $out"; return 1; }
  on_manager nodes | grep -Eq '^gtc-h2 .* zone=a ' && pass "nodes:label gtc-h2 zone=a shows in nodes" \
    || fail "nodes does not show gtc-h2's label: $(on_manager nodes)"
  load_start
  out=$(on_manager ps:place "$APP" web zone=a 2>&1) || { load_stop; fail "ps:place $APP web zone=a failed: $out"; return 1; }
  load_stop
  hosts=$(web_rows | awk '{print $2}' | sort -u | tr '\n' ' ')
  if [ "$hosts" = "gtc-h2 " ] && [ "$(web_rows | wc -l)" = 4 ] && [ "$(load_failures)" -eq 0 ]; then
    pass "ps:place $APP web zone=a moved web=4 to gtc-h2 with no failed request ($(load_summary))"
  else
    fail "after ps:place web runs on '$hosts' ($(load_summary)): $out"
  fi
  out=$(on_manager ps:place "$APP" web zone=b 2>&1) && fail "ps:place with a label no host carries passed: $out"
  grep -q "no ready host carries zone=b" <<<"$out" && pass "ps:place with a label no host carries is refused: $(grep '^error' <<<"$out")" \
    || fail "ps:place web zone=b said: $out"
  on_manager ps:place "$APP" web default >/dev/null || fail "ps:place $APP web default failed"
  out=$(api_patch /api/v1/nodes/gtc-h3/labels '{"disk":"ssd"}')
  if [ "$out" = '{"disk":"ssd"}' ] && [ "$(api_patch /api/v1/nodes/gtc-h3/labels '{"disk":""}')" = '{}' ]; then
    pass "PATCH /api/v1/nodes/gtc-h3/labels sets a label and an empty value removes it"
  else
    fail "PATCH /api/v1/nodes/gtc-h3/labels answered: $out"
  fi
}

api_patch() {
  host_exec 1 curl -sS -X PATCH -H "Authorization: Bearer $(cat "$GANTRY_HOME/cli-token")" \
    -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$GANTRY_API_LOCAL_PORT$1"
}

# nodes:drain moves every instance off a host under load, then it takes none.
drained() {
  local out
  load_start
  out=$(on_manager nodes:drain gtc-h2 2>&1) || { load_stop; fail "nodes:drain gtc-h2 failed: $out"; return 1; }
  load_stop
  if ! web_rows | grep -q ' gtc-h2$' && [ "$(web_rows | wc -l)" = 4 ] && [ "$(load_failures)" -eq 0 ] \
      && on_manager nodes | grep -Eq '^gtc-h2 +[0-9.]+ +drained '; then
    pass "nodes:drain gtc-h2 moved its instances to $(web_rows | awk '{print $2}' | sort -u | tr '\n' ' ')with no failed request ($(load_summary))"
  else
    fail "after nodes:drain gtc-h2 ($(load_summary)): $(on_manager ps "$APP"); $out"
  fi
}

# nodes:remove: refused while the host still answers, done once it left.
removed() {
  local out waited=0
  out=$(on_manager nodes:remove gtc-h2 2>&1) && fail "nodes:remove of a host that answers passed: $out"
  grep -q "still answers the cluster" <<<"$out" && pass "nodes:remove of a host that still answers is refused: $(grep '^error' <<<"$out")" \
    || fail "nodes:remove gtc-h2 said: $out"
  host_docker 2 swarm leave >/dev/null
  until on_manager nodes | grep -Eq '^gtc-h2 +[0-9.]+ +down '; do
    [ $waited -ge 60 ] && { fail "gtc-h2 left and does not show down: $(on_manager nodes)"; return 1; }
    sleep 0.5; waited=$((waited + 1))
  done
  out=$(on_manager nodes:remove gtc-h2 2>&1) || { fail "nodes:remove gtc-h2 failed: $out"; return 1; }
  if ! on_manager nodes | grep -q '^gtc-h2 '; then
    pass "gtc-h2 left the cluster and nodes:remove took it out of nodes"
  else
    fail "nodes still lists gtc-h2: $(on_manager nodes)"
  fi
}

# Drain and remove over REST: the same as nodes:drain and nodes:remove, answered as JSON and problem+json.
drained_and_removed_over_rest() {
  local out status waited=0
  load_start
  out=$(host_exec 1 curl -sS -X POST -H "Authorization: Bearer $(cat "$GANTRY_HOME/cli-token")" \
    "http://127.0.0.1:$GANTRY_API_LOCAL_PORT/api/v1/nodes/gtc-h3/drain")
  load_stop
  if grep -Eq '^\{"node":"gtc-h3","moved":[0-9]+\}$' <<<"$out" && ! web_rows | grep -q ' gtc-h3$' \
      && [ "$(web_rows | wc -l)" = 4 ] && [ "$(load_failures)" -eq 0 ] && on_manager nodes | grep -Eq '^gtc-h3 +[0-9.]+ +drained '; then
    pass "POST /api/v1/nodes/gtc-h3/drain answered $out, with no failed request ($(load_summary))"
  else
    fail "POST /api/v1/nodes/gtc-h3/drain answered $out ($(load_summary)): $(on_manager ps "$APP")"
  fi
  out=$(host_exec 1 curl -sS -w ' %{http_code} %{content_type}' -X DELETE -H "Authorization: Bearer $(cat "$GANTRY_HOME/cli-token")" \
    "http://127.0.0.1:$GANTRY_API_LOCAL_PORT/api/v1/nodes/gtc-h3")
  if grep -q 'still answers the cluster' <<<"$out" && grep -q ' 409 application/problem+json' <<<"$out"; then
    pass "DELETE /api/v1/nodes/gtc-h3 of a host that answers is refused: 409 problem+json"
  else
    fail "DELETE /api/v1/nodes/gtc-h3 of a host that answers got: $out"
  fi
  host_docker 3 swarm leave >/dev/null
  until on_manager nodes | grep -Eq '^gtc-h3 +[0-9.]+ +down '; do
    [ $waited -ge 60 ] && { fail "gtc-h3 left and does not show down: $(on_manager nodes)"; return 1; }
    sleep 0.5; waited=$((waited + 1))
  done
  status=$(host_exec 1 curl -sS -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $(cat "$GANTRY_HOME/cli-token")" \
    "http://127.0.0.1:$GANTRY_API_LOCAL_PORT/api/v1/nodes/gtc-h3")
  if [ "$status" = 204 ] && ! on_manager nodes | grep -q '^gtc-h3 '; then
    pass "DELETE /api/v1/nodes/gtc-h3 took the host that left out of the cluster (204)"
  else
    fail "DELETE /api/v1/nodes/gtc-h3 answered $status; nodes: $(on_manager nodes)"
  fi
}

# A process type that mounts a volume runs where the volume is, the manager, and cannot be placed elsewhere.
volume_stays_on_host() {
  local out hosts
  on_manager storage:create "$APP" data >/dev/null || { fail "storage:create $APP data failed"; return 1; }
  on_manager nodes:label gtc-h1 zone=m >/dev/null && on_manager ps:place "$APP" web zone=m >/dev/null \
    || { fail "placing web on gtc-h1 by a label failed"; return 1; }
  out=$(on_manager storage:mount "$APP" data:/data --type web 2>&1) && fail "storage:mount into a placed type passed: $out"
  grep -q "Run ps:place $APP web default first" <<<"$out" && pass "storage:mount into a placed type is refused: $(grep '^error' <<<"$out")" \
    || fail "storage:mount into a placed type said: $out"
  on_manager ps:place "$APP" web default >/dev/null || { fail "ps:place $APP web default failed"; return 1; }
  on_manager storage:mount "$APP" data:/data --type web >/dev/null || { fail "storage:mount failed"; return 1; }
  out=$(on_manager ps:restart "$APP" web 2>&1) || { fail "ps:restart $APP web failed: $out"; return 1; }
  hosts=$(web_rows | awk '{print $2}' | sort -u | tr '\n' ' ')
  if [ "$hosts" = "gtc-h1 " ] && [ "$(web_rows | wc -l)" = 4 ]; then
    pass "with a volume mounted, web=4 runs on gtc-h1, the host that holds it"
  else
    fail "with a volume mounted, web runs on '$hosts': $(on_manager ps "$APP")"
  fi
  out=$(on_manager ps:place "$APP" web zone=a 2>&1) && fail "ps:place of a type with a volume passed: $out"
  grep -q "mounts data, which lives on this host" <<<"$out" && pass "ps:place of a type with a volume is refused: $(grep '^error' <<<"$out")" \
    || fail "ps:place of a type with a volume said: $out"
  out=$(on_manager ps:scale "$APP" web=2 2>&1) || { fail "ps:scale $APP web=2 failed: $out"; return 1; }
  grep -q "web mounts data, which lives on gtc-h1, the cluster's manager: all 2 of its instances run there" <<<"$out" \
    && pass "ps:scale of a type with a volume says where it runs: $(grep 'mounts data' <<<"$out" | sed 's/^-*> //')" \
    || fail "ps:scale $APP web=2 said: $out"
}

# What Swarm cannot give an instance (no-new-privileges, no swap on Docker 20.10) is said, not claimed.
isolation_reported() {
  local out
  out=$(on_manager isolation:report "$APP" 2>&1)
  if grep -q "^On this cluster: no-new-privileges and no swap only where" <<<"$out" \
      && ! grep -q "^Always: *no-new-privileges" <<<"$out"; then
    pass "isolation:report on a cluster says what Swarm cannot set: $(grep '^On this cluster' <<<"$out")"
  else
    fail "isolation:report on a cluster said: $out"
  fi
}

# Test host $1's packets to the registry's port are refused (REJECT: the connection is refused at once) or
# dropped (DROP: it waits for an answer that never comes), or again let through.
registry_block() { host_exec "$1" iptables -I OUTPUT -p tcp -d "$MANAGER" --dport "${REGISTRY##*:}" -j "$2"; }
registry_unblock() { host_exec "$1" iptables -D OUTPUT -p tcp -d "$MANAGER" --dport "${REGISTRY##*:}" -j "$2"; }

# The push's failure ($WORK/push.log) is one line naming host $1 that could not pull $STACKED's image, the
# cause and the fix: Gantry's " !" line, which git repeats as the ref's reason. Prints it; fails without it.
one_pull_failure() {
  local line reason
  line=$(grep '^remote: *! ' "$WORK/push.log" | grep 'could not pull') || return 1
  reason=$(sed -E 's/^remote: +! +//; s/ +$//' <<<"$line")
  [ "$(grep -c . <<<"$line")" = 1 ] && grep -qF "[remote rejected] main -> main ($reason)" "$WORK/push.log" \
    && grep -q "^web.1 of v[0-9]* could not be started: gtc-h$1 ($(host_address "$1")) could not pull $REGISTRY/gantry/$STACKED@sha256:[0-9a-f]* from the registry at $REGISTRY\. .*the previous release keeps serving; make sure gtc-h$1 reaches the registry at $REGISTRY" <<<"$reason" \
    && printf '%s' "$reason"
}

# Each layer of image $2 on test host $1's engine, one a line.
image_layers() { host_docker "$1" image inspect "$2" --format '{{range .RootFS.Layers}}{{println .}}{{end}}' 2>/dev/null | sed '/^$/d'; }

# A buildpack app pushed unchanged (test-apps/static: no Dockerfile) serves from a worker, which pulled its
# image by digest with the registry's credentials, and with it every layer of the static stack's run image,
# which only the manager's engine held.
stack_on_worker() {
  local out image host stack_layers missing
  cp -a "$SRC/test-apps/static" "$WORK/$STACKED"
  git init -q -b main "$WORK/$STACKED"
  git -C "$WORK/$STACKED" config user.email cluster@example.com
  git -C "$WORK/$STACKED" config user.name Cluster
  git -C "$WORK/$STACKED" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$STACKED"
  git -C "$WORK/$STACKED" add -A
  git -C "$WORK/$STACKED" commit -q -m v1
  push "$STACKED" || { fail "the push of $STACKED failed (log above)"; return 1; }
  grep -q "with the static buildpack" "$WORK/push.log" || { fail "$STACKED was not built by the static buildpack: $(cat "$WORK/push.log")"; return 1; }
  out=$(on_manager nodes:label "gtc-h$EDGE" tier=edge 2>&1) && out=$(on_manager ps:place "$STACKED" web tier=edge 2>&1) \
    || { fail "placing $STACKED's web on gtc-h$EDGE failed: $out"; return 1; }
  host=$(on_manager ps "$STACKED" | awk '$1 == "web.1" && $3 == "up" {print $6}')
  image=$(on_manager releases:info "$STACKED" v1 | awk '/^Image:/ {print $2}')
  stack_layers=$(image_layers 1 "$STACK_IMAGE")
  missing=$(grep -cvxFf <(image_layers "$EDGE" "$image"; echo none) <<<"$stack_layers" || true)
  if [ "$host" = "gtc-h$EDGE" ] && [[ $image == "$REGISTRY/gantry/$STACKED@sha256:"* ]] && [ -n "$stack_layers" ] \
      && [ "$missing" = 0 ] && [ -z "$(host_docker "$EDGE" images -q "${STACK_IMAGE%:*}")" ] \
      && grep -q '<h1>hello from static</h1>' <<<"$(answer '' "$STACKED")"; then
    pass "a buildpack app (test-apps/static, no Dockerfile) serves from gtc-h$EDGE, which pulled $image and in it the $(wc -l <<<"$stack_layers") layers of $STACK_IMAGE"
  else
    fail "$STACKED's web.1 runs on '$host' from '$image', $missing of $STACK_IMAGE's layers missing there; it answered: $(answer '' "$STACKED" | head -c 200)"
  fi
}

# A host that cannot pull fails the rollout onto it in one line naming it, the cause and the fix; the release
# before serves on throughout and stays the current one. Refused connections fail it at once; dropped ones
# once the host's engine gives up, within PULL_DROPPED_WITHIN. Once the host reaches the registry, the same push deploys.
PULL_DROPPED_WITHIN=60
pull_blocked() {
  local line since took=0 current
  registry_block "$EDGE" REJECT
  BLOCKED="$EDGE REJECT"
  sed -i 's/hello from static/hello from static v2/' "$WORK/$STACKED/public/index.html"
  git -C "$WORK/$STACKED" commit -q -am v2
  load_start "$STACKED"
  since=$(date +%s%3N)
  if push "$STACKED" >/dev/null; then
    load_stop
    fail "the push of $STACKED v2 onto gtc-h$EDGE, which cannot reach the registry, passed"
    return 1
  fi
  took=$(awk -v ms=$(($(date +%s%3N) - since)) 'BEGIN {printf "%.1f", ms / 1000}')
  sleep 1
  load_stop
  if line=$(one_pull_failure "$EDGE"); then
    pass "the push onto gtc-h$EDGE, refused by the registry's host, failed after $took s in one line: $line"
  else
    fail "the push onto gtc-h$EDGE, refused by the registry's host, said after $took s: $(cat "$WORK/push.log")"
  fi
  current=$(on_manager releases "$STACKED" | awk '$2 == "current" {print $1}')
  if [ "$(load_failures)" -eq 0 ] && [ "$current" = v1 ] && grep -q '<h1>hello from static</h1>' <<<"$(answer '' "$STACKED")" \
      && on_manager releases "$STACKED" | grep -Eq '^v2 +failed '; then
    pass "v1 served throughout the failed rollout ($(load_summary)) and is still the current release, v2 failed"
  else
    fail "during the failed rollout: $(load_summary); the current release is '$current': $(on_manager releases "$STACKED")"
  fi
  registry_unblock "$EDGE" REJECT
  registry_block "$EDGE" DROP
  BLOCKED="$EDGE DROP"
  since=$(date +%s)
  if push "$STACKED" >/dev/null; then
    fail "the push of $STACKED v2 onto gtc-h$EDGE, whose packets to the registry are dropped, passed"
  elif took=$(($(date +%s) - since)) && one_pull_failure "$EDGE" >/dev/null && [ "$took" -le $PULL_DROPPED_WITHIN ] \
      && { [ "$took" -le 10 ] || grep -q '^remote: *web\.1 of v[0-9]* is not running yet after 10 s' "$WORK/push.log"; }; then
    pass "with its packets to the registry dropped, the push onto gtc-h$EDGE failed after $took s (bound $PULL_DROPPED_WITHIN s) in the same line, and past 10 s said that web.1 was not running yet"
  else
    fail "with its packets to the registry dropped, the push onto gtc-h$EDGE said after $took s: $(cat "$WORK/push.log")"
  fi
  registry_unblock "$EDGE" DROP
  BLOCKED=""
  if push "$STACKED" >/dev/null && grep -q '<h1>hello from static v2</h1>' <<<"$(answer '' "$STACKED")"; then
    pass "once gtc-h$EDGE reaches the registry again, the same push deploys there"
  else
    fail "with gtc-h$EDGE reaching the registry again the push said: $(cat "$WORK/push.log")"
  fi
  on_manager apps:destroy "$STACKED" --force >/dev/null || fail "apps:destroy $STACKED failed"
  on_manager nodes:label "gtc-h$EDGE" tier= >/dev/null || fail "nodes:label gtc-h$EDGE tier= failed"
}

LOST=3 # the worker host_lost cuts off
started=$(date +%s)
set_up
one_host_before_init
init_cluster
registry_supervised || true
join_hosts
nodes_listed
published_and_pulled || true
spread_over_hosts || true
isolation_reported || true
names_across_hosts || true
logs_from_workers || true
run_in_cluster || true
deploy_and_rollback_under_load || true
restart_adopts || true
host_lost || true
host_returns || true
stack_on_worker && pull_blocked || true
df_and_prune_on_hosts || true
placed_by_label || true
drained || true
removed || true
drained_and_removed_over_rest || true
volume_stays_on_host || true
printf '%s: %d failure(s) in %d s\n' "${BASH_SOURCE[0]##*/}" "$failures" "$(($(date +%s) - started))"
[ "$failures" -eq 0 ]
