#!/usr/bin/env bash
# What Gantry's processes hold in memory (RSS, and PSS, which counts a page shared by several processes
# once), next to nginx's in the same run:
#
#   idle       BENCH_IDLE_SECONDS after the start (default 600: ten minutes)
#   pushes     the peak during PUSHES pushes of a small app, and what is left after them
#   1,000 connections   the peak of the router and of an nginx proxy in front of the same instance,
#              wrk -c1000 for 10 s against each, twice
#
# It runs a Gantry of its own, started with ./gantry's own functions and so with the JVM options
# ./gantry up uses (router/jvm.options, node-runner/jvm.options, control-plane/jvm.options, and
# GANTRY_*_JAVA_OPTS when set), from a built quarkus-app, on its own GANTRY_HOME and ports, loopback
# only. Everything it starts is stopped by PID and everything it made is removed. It fails nothing: it
# prints figures (docs/benchmarks.md, "Memory").
#
# The app is nginx serving a 1 KiB file, in an image made here from this host's nginx binary (no
# registry needed): a backend that is not the bottleneck at 1,000 connections.
#
# Run as root (installs wrk and nginx when missing).
# Usage: bench/memory.sh [PUSHES]   (default 20)
#   GANTRY_APP_DIR       the built control-plane/target/quarkus-app (default: this tree's)
#   BENCH_IDLE_SECONDS   how long Gantry idles before the first figures (default 600)
#   BENCH_PORT_BASE      first of the eight ports used (default 19300)
#   GANTRY_NODE_MODE=process     the node runner as its own process (default: inside the control plane)
#   BENCH_NMT=1          the three JVMs also track their native memory, and what each has committed
#                        by category (heap, metaspace, threads...) is printed after the pushes: what costs
set -euo pipefail
PUSHES=${1:-20}
SRC=$(cd "$(dirname "$0")/.." && pwd)
APP_DIR=${GANTRY_APP_DIR:-$SRC/control-plane/target/quarkus-app}
IDLE=${BENCH_IDLE_SECONDS:-600}
BASE=${BENCH_PORT_BASE:-19300}
# The API's plain loopback port is named: ./gantry's default for it (the API port + 1) is the SSH port here.
export GANTRY_HOME=/var/lib/gantry-bench-memory GANTRY_API_PORT=$BASE GANTRY_SSH_PORT=$((BASE + 1)) \
  GANTRY_ROUTER_PORT=$((BASE + 2)) GANTRY_ROUTER_ADMIN_PORT=$((BASE + 3)) GANTRY_ROUTER_HTTPS_PORT=$((BASE + 4)) \
  GANTRY_NODE_RUNNER_PORT=$((BASE + 5)) GANTRY_SSH_BIND_HOST=127.0.0.1 GANTRY_ROUTER_BIND_HOST=127.0.0.1 \
  GANTRY_PUBLIC_HOST=127.0.0.1 GANTRY_API_LOCAL_PORT=$((BASE + 7))
NGINX_PORT=$((BASE + 6))
if [ "${BENCH_NMT:-0}" = 1 ]; then
  for var in GANTRY_ROUTER_JAVA_OPTS GANTRY_NODE_RUNNER_JAVA_OPTS GANTRY_CONTROL_PLANE_JAVA_OPTS; do
    export "$var=${!var:-} -XX:NativeMemoryTracking=summary"
  done
fi
# shellcheck source=../gantry
source "$SRC/gantry"
# shellcheck source=bench/lib.sh
. "$SRC/bench/lib.sh"

APP=bench-memory
IMAGE=gantry-bench-memory/nginx:latest
[ "$(id -u)" = 0 ] || { echo "run as root (it runs Gantry's processes as $GANTRY_USER, as ./gantry up does)" >&2; exit 1; }
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "no build in $APP_DIR: build first (mvn -o -q package -DskipTests)" >&2; exit 1; }

work=$(mktemp -d /tmp/gantry-bench-memory.XXXXXX)
chmod 755 "$work"
proxy_pid=
cleanup() {
  set +e
  [ -z "$proxy_pid" ] || { kill -TERM "$proxy_pid"; wait "$proxy_pid"; } 2>/dev/null
  if running_pid >/dev/null; then (cmd_remote apps:destroy "$APP" --force >/dev/null 2>&1); fi
  stop_gantry
  stop_process "$NODE_RUNNER_PID_FILE" dev.gantry.node.agent.NodeAgentMain
  stop_process "$ROUTER_PID_FILE" dev.gantry.router.RouterMain
  docker image rm -f "$IMAGE" >/dev/null 2>&1
  rm -rf "$work" "$GANTRY_HOME"
}
trap cleanup EXIT

install_wrk_nginx
require_free_ports "$GANTRY_API_PORT" "$GANTRY_SSH_PORT" "$GANTRY_ROUTER_PORT" "$GANTRY_ROUTER_ADMIN_PORT" \
  "$GANTRY_ROUTER_HTTPS_PORT" "$GANTRY_NODE_RUNNER_PORT" "$NGINX_PORT" "$GANTRY_API_LOCAL_PORT"

# --- what is measured ----------------------------------------------------------------------------
# "rss pss" in KiB of a process and, for PostgreSQL and nginx, of its children.
memory_of() {
  local pid rss=0 pss=0
  for pid in "$@"; do
    [ -r "/proc/$pid/smaps_rollup" ] || continue
    rss=$((rss + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")))
    pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup")))
  done
  echo "$rss $pss"
}
postgres_pids() {
  local postmaster
  postmaster=$(head -n1 "$GANTRY_HOME/postgres/postmaster.pid" 2>/dev/null) || return 0
  echo "$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
}
# The processes by name: router, node runner, control plane, PostgreSQL (all its processes).
PROCESSES=(router node-runner control-plane postgresql)
pids_of() {
  case $1 in
    router) router_pid ;;
    node-runner) node_runner_pid ;;
    control-plane) running_pid ;;
    postgresql) postgres_pids ;;
    nginx) echo "$proxy_pid $(pgrep -P "$proxy_pid" | tr '\n' ' ')" ;;
  esac
}
# One line per process and a total: "name rss pss" in KiB, into $1.
snapshot() {
  local name
  for name in "${PROCESSES[@]}"; do
    # shellcheck disable=SC2046
    echo "$name $(memory_of $(pids_of "$name"))"
  done >"$1"
}
# Samples every 0.2 s while process $1 runs, keeping each name's highest RSS and PSS in $2.
sample_peaks() {
  local watched=$1 out=$2 names=("${@:3}") name
  : >"$out"
  while kill -0 "$watched" 2>/dev/null; do
    for name in "${names[@]}"; do
      # shellcheck disable=SC2046
      echo "$name $(memory_of $(pids_of "$name"))"
    done >>"$out"
    sleep 0.2
  done
  awk '{ if ($2 > r[$1]) r[$1] = $2; if ($3 > p[$1]) p[$1] = $3 } END { for (n in r) print n, r[n], p[n] }' "$out" >"$out.max"
  mv "$out.max" "$out"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
# "RSS (PSS)" in MiB of NAME in snapshot file FILE, or - when the file has no line for it.
cell() {
  awk -v n="$1" '$1 == n { printf "%.0f (%.0f)", $2 / 1024, $3 / 1024; found = 1 } END { if (!found) printf "-" }' "$2"
}
total() { awk '$1 != "nginx" { r += $2; p += $3 } END { printf "%.0f (%.0f)", r / 1024, p / 1024 }' "$1"; }

# --- Gantry and the app --------------------------------------------------------------------------
step "Starting a Gantry of its own in $GANTRY_HOME (API $GANTRY_API_PORT, SSH $GANTRY_SSH_PORT, router $GANTRY_ROUTER_PORT)"
rm -rf "$GANTRY_HOME"
install -d -o "$GANTRY_USER" -g "$GANTRY_USER" -m 0750 "$GANTRY_HOME" "$RUN_DIR"
cp -a "$APP_DIR" "$GANTRY_HOME/app"
chown -R "$GANTRY_USER:$GANTRY_USER" "$GANTRY_HOME/app"
start_gantry_processes >/dev/null

# This host's nginx with the libraries it links, as an image; it serves 1 KiB on $PORT (5000).
mkdir -p "$work/image/www" "$work/image/etc" "$work/image/root/var/log/nginx"
install -d -m 1777 "$work/image/root/tmp"
head -c 1024 /dev/zero | tr '\0' 'g' >"$work/image/www/index.html"
cp "$(command -v nginx)" "$work/image/nginx"
ldd "$(command -v nginx)" | grep -oE '/[^ ]+' | while read -r lib; do
  install -D "$lib" "$work/image/root$lib"
done
printf 'root:x:0:0::/:/nginx\nnobody:x:65534:65534::/:/nginx\n' >"$work/image/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$work/image/etc/group"
cat >"$work/image/nginx.conf" <<'EOF'
daemon off;
worker_processes 1;
pid /tmp/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path /tmp/body;
  proxy_temp_path /tmp/proxy;
  fastcgi_temp_path /tmp/fastcgi;
  uwsgi_temp_path /tmp/uwsgi;
  scgi_temp_path /tmp/scgi;
  keepalive_requests 1000000;
  server { listen 5000; root /www; }
}
EOF
cat >"$work/image/Dockerfile" <<'EOF'
FROM scratch
COPY root/ /
COPY etc/ /etc/
COPY www/ /www/
COPY nginx nginx.conf /
CMD ["/nginx", "-c", "/nginx.conf", "-p", "/tmp"]
EOF
DOCKER_BUILDKIT=0 docker build -q -t "$IMAGE" "$work/image" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

ssh-keygen -q -t ed25519 -N '' -C bench-memory -f "$work/key"
(cmd_remote keys:add admin "$work/key.pub" >/dev/null)
export GIT_SSH_COMMAND="ssh -i $work/key -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
git init -q -b main "$work/app"
git -C "$work/app" config user.email bench@localhost
git -C "$work/app" config user.name bench
git -C "$work/app" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$APP"
printf 'FROM %s\nCOPY index.html /www/index.html\n' "$IMAGE" >"$work/app/Dockerfile"
push() {
  echo "push $1" >"$work/app/index.html"
  git -C "$work/app" add -A
  git -C "$work/app" commit -qm "push $1"
  git -C "$work/app" push -q paas main >"$work/push.log" 2>&1 || { cat "$work/push.log" >&2; return 1; }
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r);" \
  "java: $(java -version 2>&1 | head -1); $(nginx -v 2>&1)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM options: router: $(java_options router "${GANTRY_ROUTER_JAVA_OPTS:-}")"
echo "             node runner: $(java_options node-runner "${GANTRY_NODE_RUNNER_JAVA_OPTS:-}")"
echo "             control plane: $(java_options control-plane "${GANTRY_CONTROL_PLANE_JAVA_OPTS:-}")"

step "Idle for $IDLE s"
sleep "$IDLE"
snapshot "$work/idle"

step "$PUSHES pushes"
started=$(now)
(for i in $(seq 1 "$PUSHES"); do push "$i"; done) &
pushing=$!
sample_peaks "$pushing" "$work/push-peak" "${PROCESSES[@]}"
wait "$pushing"
echo "$PUSHES pushes in $(elapsed "$started" "$(now)") s"
sleep 5
snapshot "$work/pushed"
if [ "${BENCH_NMT:-0}" = 1 ]; then
  for name in router node-runner control-plane; do
    [ -n "$(pids_of "$name")" ] || continue # the node runner inside the control plane
    # Committed MiB by category, from the JVM itself (the attach needs the JVM's own user).
    echo "native memory of the $name after the pushes (committed MiB):"
    runuser -u "$GANTRY_USER" -- jcmd "$(pids_of "$name")" VM.native_memory summary | awk '
      function committed(line) { match(line, /committed=[0-9]+KB/); return substr(line, RSTART + 10, RLENGTH - 12) / 1024 }
      /^Total:/ { printf "  total %.0f;", committed($0) }
      /^-.*committed=/ { what = $0; sub(/^- */, "", what); sub(/ *\(reserved.*/, "", what)
        if (committed($0) >= 1) printf " %s %.0f,", what, committed($0) }
      END { print "" }'
  done
fi

# nginx as a proxy in front of the app's instance, as the router is (keep-alive upstream).
instance=$(docker ps --filter "label=gantry.app=$APP" --filter label=gantry.instance --format '{{.Ports}}' \
  | grep -oE '127\.0\.0\.1:[0-9]+' | head -n1)
mkdir -p "$work/proxy/tmp"
cat >"$work/proxy/nginx.conf" <<EOF
worker_processes auto;
# Each of the 1,000 client connections and its upstream one is a file: more than the default 1,024.
worker_rlimit_nofile 16384;
pid $work/proxy/nginx.pid;
error_log $work/proxy/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $work/proxy/tmp/body;
  proxy_temp_path $work/proxy/tmp/proxy;
  fastcgi_temp_path $work/proxy/tmp/fastcgi;
  uwsgi_temp_path $work/proxy/tmp/uwsgi;
  scgi_temp_path $work/proxy/tmp/scgi;
  keepalive_requests 1000000;
  upstream app { server $instance; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
nginx -p "$work/proxy" -c "$work/proxy/nginx.conf" -g 'daemon off;' &
proxy_pid=$!
sleep 1

step "1,000 connections (wrk -t1 -c1000 -d10s), twice each, to nginx and to the router, in front of the same instance"
: >"$work/load"
for target in nginx router nginx router; do
  port=$([ "$target" = nginx ] && echo "$NGINX_PORT" || echo "$GANTRY_ROUTER_PORT")
  wrk -t1 -c1000 -d10s -H "Host: $APP.localhost" "http://127.0.0.1:$port/" >"$work/wrk.out" 2>&1 &
  sample_peaks $! "$work/peak" "$target"
  cat "$work/peak" >>"$work/load"
  printf '%-7s %s requests/s, %s failed\n' "$target" "$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.out")" \
    "$(wrk_errors <"$work/wrk.out")"
done
awk '{ if ($2 > r[$1]) r[$1] = $2; if ($3 > p[$1]) p[$1] = $3 } END { for (n in r) print n, r[n], p[n] }' \
  "$work/load" >"$work/load-peak"
snapshot "$work/after"
echo "nginx $(memory_of $(pids_of nginx))" >>"$work/after"

echo
echo "MiB: RSS (PSS). PostgreSQL: all its processes; nginx: master and workers."
printf '%-14s %14s %18s %18s %22s %14s\n' process idle "peak of $PUSHES pushes" "after $PUSHES pushes" \
  "peak, 1,000 connections" "at the end"
for name in "${PROCESSES[@]}" nginx; do
  printf '%-14s %14s %18s %18s %22s %14s\n' "$name" "$(cell "$name" "$work/idle")" \
    "$(cell "$name" "$work/push-peak")" "$(cell "$name" "$work/pushed")" "$(cell "$name" "$work/load-peak")" \
    "$(cell "$name" "$work/after")"
done
printf '%-14s %14s %18s %18s %22s %14s\n' "Gantry, all" "$(total "$work/idle")" "$(total "$work/push-peak")" \
  "$(total "$work/pushed")" "-" "$(total "$work/after")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
