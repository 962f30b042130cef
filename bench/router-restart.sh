#!/usr/bin/env bash
# Failed requests across router restarts (fault case F12), in one session:
#
#   handover    a new RouterMain starts beside the running one (SO_REUSEPORT); once it is ready
#               (GANTRY_HOME/run/router.ready names it) the old one gets SIGTERM, as ./gantry restart-router does
#   stop-start  the old one gets SIGTERM and exits, then a new one starts (a restart before the handover)
#
# wrk (-t1 -c4, pinned to core 1) sends GETs through the router to an nginx serving a 1 KiB file while
# the router is restarted RESTARTS times: once with keep-alive connections, once with a new connection
# per request (Connection: close). Handovers run with net.ipv4.tcp_migrate_req at 0 and at 1 where it
# can be changed (the value found is restored at the end). Failed = socket errors + non-2xx, as wrk counts.
#
# Run as root (installs wrk/nginx if missing). Loopback only; every run is bounded by -d.
# Usage: bench/router-restart.sh [RESTARTS]   (default 5)
#   BENCH_PORT_BASE=19180  first of the three ports used (backend, router, admin)
set -euo pipefail
RESTARTS=${1:-5}
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
BASE=${BENCH_PORT_BASE:-19180}
BACKEND_PORT=$BASE ROUTER_PORT=$((BASE + 1)) ADMIN_PORT=$((BASE + 2))
HOST=bench.localhost
# The options ./gantry starts the router with.
JAVA_OPTS=${BENCH_JAVA_OPTS:-$(router_java_opts "$GANTRY_SRC")}
MIGRATE=/proc/sys/net/ipv4/tcp_migrate_req

[ "$(id -u)" = 0 ] || { echo "run as root (installs wrk and nginx when missing)" >&2; exit 1; }

work=$(mktemp -d /tmp/gantry-bench-restart.XXXXXX)
chmod 755 "$work"
backend_pid= router_pid= started_pid=
migrate_found=$(cat "$MIGRATE" 2>/dev/null || echo "")
cleanup() {
  local pids=($backend_pid $router_pid $started_pid) pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [ -z "$migrate_found" ] || echo "$migrate_found" > "$MIGRATE" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------
install_wrk_nginx
require_free_ports $BACKEND_PORT $ROUTER_PORT $ADMIN_PORT
CLIENT=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then CLIENT=(taskset -c 1); fi
ROUTER_CP=$(router_classpath "$GANTRY_SRC" "$work/cp.txt")

# --- backend (its own nginx master, config and pid, started here) ----------------------------------
mkdir -p "$work/www" "$work/tmp" "$work/home"
head -c 1024 /dev/zero | tr '\0' 'g' > "$work/www/index.html"
chmod -R a+rX "$work"
cat > "$work/backend.conf" <<EOF
worker_processes 1;
pid $work/backend.pid;
error_log $work/backend-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; root $work/www; }
}
EOF
nginx -p "$work" -c "$work/backend.conf" -g 'daemon off;' &
backend_pid=$!

# --- routers ---------------------------------------------------------------------------------------
READY="$work/home/run/router.ready"

start_router() { # starts a RouterMain in the background; sets started_pid
  env GANTRY_HOME="$work/home" GANTRY_ROUTER_BIND_HOST=127.0.0.1 GANTRY_ROUTER_PORT="$ROUTER_PORT" \
    GANTRY_ROUTER_ADMIN_PORT="$ADMIN_PORT" GANTRY_ROUTER_ACCESS_LOG=off \
    java $JAVA_OPTS -cp "$ROUTER_CP" dev.gantry.router.RouterMain >> "$work/router.log" 2>&1 &
  started_pid=$!
}

await_ready() { # PID
  local deadline=$((SECONDS + 60))
  until [ "$(cat "$READY" 2>/dev/null)" = "$1" ]; do
    kill -0 "$1" 2>/dev/null && [ $SECONDS -lt $deadline ] || { echo "router $1 did not start:" >&2; tail -n 30 "$work/router.log" >&2; exit 1; }
    sleep 0.05
  done
}

await_exit() { # PID
  local deadline=$((SECONDS + 60))
  while kill -0 "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "router $1 did not stop within 60 s" >&2; exit 1; }
    sleep 0.05
  done
}

# Appends "seconds-to-ready seconds-to-old-exit" to $work/times.
handover() {
  local start ready
  start=$(now)
  start_router
  await_ready "$started_pid"
  ready=$(now)
  kill -TERM "$router_pid"
  await_exit "$router_pid"
  echo "$(elapsed "$start" "$ready") $(elapsed "$ready" "$(now)")" >> "$work/times"
  router_pid=$started_pid
}

stop_start() {
  kill -TERM "$router_pid"
  await_exit "$router_pid"
  start_router
  await_ready "$started_pid"
  router_pid=$started_pid
}

start_router
router_pid=$started_pid
await_ready "$router_pid"
deadline=$((SECONDS + 60))
until [ -s "$work/home/router/admin-token" ] && curl -fsS -m 5 -o /dev/null -X PUT \
    -H "Authorization: Bearer $(cat "$work/home/router/admin-token")" \
    -d "{\"hostnames\":[\"$HOST\"],\"backends\":[{\"host\":\"127.0.0.1\",\"port\":$BACKEND_PORT}]}" \
    "http://127.0.0.1:$ADMIN_PORT/admin/routes/bench" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || { echo "could not set the route" >&2; tail -n 30 "$work/router.log" >&2; exit 1; }
  sleep 0.2
done

# --- measuring -------------------------------------------------------------------------------------
# run HOW CONNECTIONS: writes "requests failed" to $work/result while the router is restarted RESTARTS
# times by HOW (not in a subshell: HOW changes router_pid)
run() {
  local how=$1 connections=$2 header=() wrk_pid
  [ "$connections" = close ] && header=(-H "Connection: close")
  "${CLIENT[@]}" wrk -t1 -c4 -d"$((RESTARTS * 10 + 10))s" -H "Host: $HOST" "${header[@]}" \
    "http://127.0.0.1:$ROUTER_PORT/index.html" > "$work/wrk.txt" 2>&1 &
  wrk_pid=$!
  sleep 2
  for _ in $(seq 1 "$RESTARTS"); do
    "$how"
    sleep 1
  done
  kill -INT "$wrk_pid"
  wait "$wrk_pid" || true
  echo "$(awk '/requests in/ { print $1 }' "$work/wrk.txt") $(wrk_errors < "$work/wrk.txt")" > "$work/result"
}

set_migrate() { # VALUE -> prints the value in force
  [ -w "$MIGRATE" ] && echo "$1" > "$MIGRATE" 2>/dev/null || true
  cat "$MIGRATE" 2>/dev/null || echo "n/a"
}

echo "machine: $(nproc) cores, $(uname -r); java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "client: ${CLIENT[*]:-unpinned} wrk -t1 -c4; $RESTARTS restarts per row; tcp_migrate_req found: ${migrate_found:-n/a}"
printf '%-11s %-11s %15s %9s %7s\n' restart connections tcp_migrate_req requests failed
for connections in keep-alive close; do
  for migrate in 0 1; do
    in_force=$(set_migrate "$migrate")
    [ "$in_force" = "$migrate" ] || [ "$migrate" = 0 ] || continue
    run handover "$connections"
    read -r requests failed < "$work/result"
    printf '%-11s %-11s %15s %9s %7s\n' handover "$connections" "$in_force" "$requests" "$failed"
  done
  run stop_start "$connections"
  read -r requests failed < "$work/result"
  printf '%-11s %-11s %15s %9s %7s\n' stop-start "$connections" - "$requests" "$failed"
done
echo "handover, median of $(wc -l < "$work/times"): new router ready $(awk '{print $1}' "$work/times" | median) s after its start;" \
  "old router gone $(awk '{print $2}' "$work/times" | median) s after SIGTERM"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
