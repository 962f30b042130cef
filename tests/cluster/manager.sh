# shellcheck shell=bash
# A Gantry of its own managing a cluster of test hosts (testbed.sh), for scripts that need a formed cluster
# to work on (tests/cluster/test-services.sh, bench/cluster.sh). Sourced, as root, with GANTRY_APP_DIR set
# to a built control-plane/target/quarkus-app; it sources ./gantry's functions and testbed.sh itself:
#
#   manager_up 3        manager_start 3, then manager_form
#   manager_start 3     hosts gtc-h1..gtc-h3, Gantry on gtc-h1 (router and node runner inside the control plane)
#                       as one host, and an admin SSH key
#   manager_form        cluster:init on gtc-h1, the other hosts joined by the printed script, all ready
#   on_manager nodes    ./gantry on the manager (its API, SSH and router listen on the manager's loopback)
#   ssh_manager CMD     a command over Gantry's SSH door, as the admin, stdin passed on
#   app_repo DIR        a git repository at DIR whose remote paas is the app named after DIR
#   push DIR            git push of DIR's main to the manager; the push's output is in DIR.push.log
#   through_router APP [PATH] [SECONDS]   a GET through the router for the app's hostname (10 s at most): its body
#   load_start APP DIR  a GET through the router every 20 ms (20000 at most) until load_stop DIR, each
#                       "EPOCH_MS STATUS" in DIR/log; load_counts DIR [SINCE_MS] prints "REQUESTS FAILED"
#   manager_down        Gantry and the registry stopped by their pid files, the hosts removed
#
# Traffic goes only to loopback and to the test hosts' addresses.

MANAGER_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MANAGER_APP_DIR=${GANTRY_APP_DIR:?set GANTRY_APP_DIR to a built control-plane/target/quarkus-app}
export GANTRY_HOME=/var/lib/gantry-cluster-manager GANTRY_API_PORT=18200 GANTRY_API_LOCAL_PORT=18201 \
  GANTRY_SSH_PORT=12422 GANTRY_ROUTER_PORT=18280 GANTRY_ROUTER_HTTPS_PORT=0 GANTRY_ROUTER_ADMIN_PORT=18281 \
  GANTRY_NODE_RUNNER_PORT=18282 GANTRY_ROUTER_MODE=embedded GANTRY_NODE_MODE=embedded GANTRY_PUBLIC_HOST=127.0.0.1 \
  GANTRY_SSH_BIND_HOST=127.0.0.1 GANTRY_ROUTER_BIND_HOST=127.0.0.1
# shellcheck source=../../gantry
source "$MANAGER_SRC/gantry"
# shellcheck source=testbed.sh
source "$MANAGER_SRC/tests/cluster/testbed.sh"

MANAGER_ADDRESS=$(host_address 1)
MANAGER_REGISTRY=$MANAGER_ADDRESS:5000
MANAGER_KEY=$GANTRY_HOME-key/id_ed25519

on_manager() { host_exec 1 "$MANAGER_SRC/gantry" "$@" </dev/null; }

ssh_manager() {
  host_exec 1 ssh -i "$MANAGER_KEY" -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o LogLevel=ERROR -p "$GANTRY_SSH_PORT" gantry@127.0.0.1 "$@"
}

manager_up() { manager_start "$1" && manager_form; }

manager_start() {
  # A machine that cannot make network namespaces cannot make test hosts: say so rather than pass unrun.
  unshare --net true 2>/dev/null || {
    printf 'error: this machine cannot make network namespaces (unshare --net failed): run as root with CAP_SYS_ADMIN\n' >&2
    return 1
  }
  rm -rf "$GANTRY_HOME" "$GANTRY_HOME-key"
  testbed_up "$1"
  install -d -o "$GANTRY_USER" -g "$GANTRY_USER" -m 0750 "$GANTRY_HOME" "$RUN_DIR"
  cp -a "$MANAGER_APP_DIR" "$GANTRY_HOME/app"
  chown -R "$GANTRY_USER:$GANTRY_USER" "$GANTRY_HOME/app"
  DOCKER_HOST=$(host_socket 1) host_exec 1 bash -c "source '$MANAGER_SRC/gantry'; start_gantry" >/dev/null
  install -d -m 0700 "$GANTRY_HOME-key"
  ssh-keygen -q -t ed25519 -N '' -C manager@test -f "$MANAGER_KEY"
  on_manager keys:add admin "$MANAGER_KEY.pub" >/dev/null
}

manager_form() {
  local n out rows
  out=$(on_manager cluster:init --advertise "$MANAGER_ADDRESS" 2>&1) || { printf 'cluster:init failed: %s\n' "$out" >&2; return 1; }
  on_manager cluster:join-command >"$GANTRY_HOME-key/join.sh"
  for n in $(seq 2 "$TESTBED_HOSTS"); do
    out=$(DOCKER_HOST=$(host_socket "$n") DOCKER_CONFIG="$GANTRY_HOME-key/docker-h$n" sh "$GANTRY_HOME-key/join.sh" 2>&1) \
      || { printf 'the join script failed on %s: %s\n' "$(host_name "$n")" "$out" >&2; return 1; }
  done
  # A joined host is ready once its first heartbeat reached the manager.
  for _ in $(seq 1 40); do
    rows=$(on_manager nodes | awk '$1 ~ /^gtc-/ && $3 == "ready"' | wc -l)
    [ "$rows" -eq "$TESTBED_HOSTS" ] && return 0
    sleep 0.5
  done
  printf 'the hosts are not all ready after 20 s: %s\n' "$(on_manager nodes)" >&2
  return 1
}

# Loads an image of this machine's engine into the manager's (whose host has no way out to a registry).
manager_load_image() {
  docker save "$1" | host_docker 1 load -q >/dev/null
}

app_repo() {
  local dir=$1
  git init -q -b main "$dir"
  git -C "$dir" config user.email manager@example.com
  git -C "$dir" config user.name Manager
  git -C "$dir" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/${dir##*/}"
}

push() {
  local dir=$1
  GIT_SSH_COMMAND="ssh -i $MANAGER_KEY -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
-o LogLevel=ERROR" host_exec 1 git -C "$dir" push -q paas main >"$dir.push.log" 2>&1
}

through_router() {
  host_exec 1 curl -s -m "${3:-10}" -H "Host: $1.$GANTRY_BASE_DOMAIN" "http://127.0.0.1:$GANTRY_ROUTER_PORT${2:-/}" 2>&1
}

load_start() {
  local app=$1 dir=$2
  install -d "$dir"
  rm -f "$dir/stop"
  : >"$dir/log"
  host_exec 1 bash -c 'for _ in $(seq 1 20000); do
      [ -f "'"$dir"'/stop" ] && break
      printf "%s %s\n" "$(date +%s%3N)" "$(curl -s -o /dev/null -m 10 -w "%{http_code}" -H "Host: '"$app.$GANTRY_BASE_DOMAIN"'" \
        "http://127.0.0.1:'"$GANTRY_ROUTER_PORT"'/")" >>"'"$dir"'/log"
      sleep 0.02
    done' &
  echo $! >"$dir/pid"
}

load_stop() {
  [ -f "$1/pid" ] || return 0
  touch "$1/stop"
  wait "$(cat "$1/pid")" || true
  rm -f "$1/pid"
}

load_counts() { awk -v since="${2:-0}" '$1 >= since {n++; if ($2 != 200) f++} END {printf "%d %d\n", n, f + 0}' "$1/log"; }

manager_down() {
  stop_gantry
  stop_process "$REGISTRY_DIR/registry.pid" docker-registry
  testbed_down
  rm -rf "/etc/docker/certs.d/$MANAGER_REGISTRY" "$GANTRY_HOME" "$GANTRY_HOME-key"
}
