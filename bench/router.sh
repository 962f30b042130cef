#!/usr/bin/env bash
# Gantry's router next to nginx as a reverse proxy, in front of the same backend, in one session.
#
#   direct   wrk -> backend                      (what the backend alone can do)
#   nginx    wrk -> nginx proxy -> backend       (keep-alive upstream, X-Forwarded-*, X-Request-Id)
#   gantry   wrk -> RouterMain -> backend        (access log off, like nginx's here)
#   gantry+log  the same with the access log on  (Gantry's default)
#   baseline    with BENCH_BASELINE_SRC: a router built from another source tree (access log off), for
#               a before/after comparison in the same rounds, under the same load
#
# The backend is nginx serving a 1 KiB static file. Rounds are interleaved (direct, nginx, gantry,
# gantry+log, then again) and the table shows medians across rounds; below it, each router's
# requests/s and p99 as ratios to nginx's in the same round (median over the rounds), with the CPU
# time the hypervisor took for other guests meanwhile. Then 1,000 connections against
# nginx and gantry, twice each, with the router's RSS before and after each run.
#
# Run as root (installs wrk/nginx if missing). Loopback only; every run is bounded by -d.
# Usage: bench/router.sh [ROUNDS] [SECONDS]   (default 3 rounds of 10 s)
#   BENCH_PORT_BASE=19080  first of the eight ports used (backend, nginx, routers and their admin ports)
#   BENCH_JAVA_OPTS        the routers' JVM options; default: router/jvm.options, as ./gantry starts it
#   BENCH_BASELINE_SRC     another source tree (e.g. a checkout of main) to measure as "baseline"
#   BENCH_BASELINE_JAVA_OPTS  its JVM options; default: that tree's router/jvm.options, if it has one
set -euo pipefail
ROUNDS=${1:-3}
DURATION=${2:-10}
CONNECTIONS=50
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
BASE=${BENCH_PORT_BASE:-19080}
BACKEND_PORT=$BASE NGINX_PORT=$((BASE + 1)) GANTRY_PORT=$((BASE + 2)) GANTRY_LOG_PORT=$((BASE + 3))
ADMIN_PORT=$((BASE + 4)) ADMIN_LOG_PORT=$((BASE + 5)) BASELINE_PORT=$((BASE + 6)) ADMIN_BASELINE_PORT=$((BASE + 7))
HOST=bench.localhost
# What the benchmark ran every router with before router/jvm.options.
EARLIER_JAVA_OPTS="-Xms256m -Xmx256m -Xmn160m -XX:+UseSerialGC"
JAVA_OPTS=${BENCH_JAVA_OPTS:-$(router_java_opts "$GANTRY_SRC" "$EARLIER_JAVA_OPTS")}
BASELINE_SRC=${BENCH_BASELINE_SRC:-}
if [ -n "$BASELINE_SRC" ]; then
  BASELINE_SRC=$(cd "$BASELINE_SRC" && pwd)
  BASELINE_JAVA_OPTS=${BENCH_BASELINE_JAVA_OPTS:-$(router_java_opts "$BASELINE_SRC" "$EARLIER_JAVA_OPTS")}
fi

[ "$(id -u)" = 0 ] || { echo "run as root (installs wrk and nginx when missing)" >&2; exit 1; }

work=$(mktemp -d /tmp/gantry-bench-router.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------
install_wrk_nginx
require_free_ports $BACKEND_PORT $NGINX_PORT $GANTRY_PORT $GANTRY_LOG_PORT $ADMIN_PORT $ADMIN_LOG_PORT \
  $BASELINE_PORT $ADMIN_BASELINE_PORT
CLIENT=()
if command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ]; then CLIENT=(taskset -c 1); fi
ROUTER_CP=$(router_classpath "$GANTRY_SRC" "$work/cp.txt")
if [ -n "$BASELINE_SRC" ]; then BASELINE_CP=$(router_classpath "$BASELINE_SRC" "$work/baseline-cp.txt"); fi

# --- backend and nginx proxy (each its own nginx master, own config and pid, started here) --------
mkdir -p "$work/www" "$work/tmp"
head -c 1024 /dev/zero | tr '\0' 'g' > "$work/www/index.html"
chmod -R a+rX "$work"
nginx_conf() { # NAME SERVER-BLOCK
  cat > "$work/$1.conf" <<EOF
worker_processes auto;
pid $work/$1.pid;
error_log $work/$1-error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $work/tmp/$1-body;
  proxy_temp_path $work/tmp/$1-proxy;
  fastcgi_temp_path $work/tmp/$1-fastcgi;
  uwsgi_temp_path $work/tmp/$1-uwsgi;
  scgi_temp_path $work/tmp/$1-scgi;
  keepalive_requests 1000000;
  $2
}
EOF
}
nginx_conf backend "server { listen 127.0.0.1:$BACKEND_PORT; root $work/www; }"
nginx_conf proxy "upstream app { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header X-Forwarded-Port \$server_port;
      proxy_set_header X-Request-Id \$request_id;
      add_header X-Request-Id \$request_id;
    }
  }"
nginx -p "$work" -c "$work/backend.conf" -g 'daemon off;' & pids+=($!)
BACKEND_PID=$!
nginx -p "$work" -c "$work/proxy.conf" -g 'daemon off;' & pids+=($!)
NGINX_PID=$!

url_of() {
  case $1 in
    direct) echo "http://127.0.0.1:$BACKEND_PORT/index.html" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT/index.html" ;;
    gantry) echo "http://127.0.0.1:$GANTRY_PORT/index.html" ;;
    gantry+log) echo "http://127.0.0.1:$GANTRY_LOG_PORT/index.html" ;;
    baseline) echo "http://127.0.0.1:$BASELINE_PORT/index.html" ;;
  esac
}

# --- Gantry routers --------------------------------------------------------------------------------
start_router() { # NAME PORT ADMIN-PORT ACCESS-LOG [CLASS-PATH JAVA-OPTIONS]
  local cp=${5:-$ROUTER_CP} opts=${6:-$JAVA_OPTS}
  mkdir -p "$work/$1"
  # HTTPS off: its default port (8443) may be held by a Gantry running on this machine.
  # shellcheck disable=SC2086
  env GANTRY_HOME="$work/$1" GANTRY_ROUTER_BIND_HOST=127.0.0.1 GANTRY_ROUTER_PORT="$2" \
    GANTRY_ROUTER_ADMIN_PORT="$3" GANTRY_ROUTER_HTTPS_PORT=0 GANTRY_ROUTER_ACCESS_LOG="$4" \
    java $opts -cp "$cp" dev.gantry.router.RouterMain > "$work/$1.log" 2>&1 &
  pids+=($!)
  local deadline=$((SECONDS + 30))
  until [ -s "$work/$1/router/admin-token" ] && curl -fs -m 1 -o /dev/null \
      -H "Authorization: Bearer $(cat "$work/$1/router/admin-token")" "http://127.0.0.1:$3/admin/health"; do
    [ $SECONDS -lt $deadline ] || { echo "router $1 did not start:" >&2; cat "$work/$1.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fsS -m 5 -o /dev/null -X PUT -H "Authorization: Bearer $(cat "$work/$1/router/admin-token")" \
    -d "{\"hostnames\":[\"$HOST\"],\"backends\":[{\"host\":\"127.0.0.1\",\"port\":$BACKEND_PORT}]}" \
    "http://127.0.0.1:$3/admin/routes/bench"
}
start_router gantry "$GANTRY_PORT" "$ADMIN_PORT" off
GANTRY_PID=${pids[-1]}
start_router gantry-log "$GANTRY_LOG_PORT" "$ADMIN_LOG_PORT" on
GANTRY_LOG_PID=${pids[-1]}
TARGETS=(direct nginx gantry gantry+log)
ROUTERS=(gantry gantry+log)
if [ -n "$BASELINE_SRC" ]; then
  start_router baseline "$BASELINE_PORT" "$ADMIN_BASELINE_PORT" off "$BASELINE_CP" "$BASELINE_JAVA_OPTS"
  BASELINE_PID=${pids[-1]}
  TARGETS+=(baseline)
  ROUTERS+=(baseline)
fi

for target in "${TARGETS[@]}"; do
  url=$(url_of "$target")
  deadline=$((SECONDS + 10))
  until [ "$(curl -s -m 1 -o /dev/null -w '%{http_code}' -H "Host: $HOST" "$url" || true)" = 200 ]; do
    [ $SECONDS -lt $deadline ] || { echo "$url does not answer 200" >&2; exit 1; }
    sleep 0.1
  done
done

# --- measuring -------------------------------------------------------------------------------------
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v } else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 } }'; }
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
nginx_rss_mib() { # master and workers of the proxy
  local total=0 pid
  for pid in $1 $(pgrep -P "$1"); do total=$((total + $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status"))); done
  echo $((total / 1024))
}

# The process that answers wrk for a target: the backend itself, the nginx proxy, or a router JVM.
pid_of() {
  case $1 in
    direct) echo "$BACKEND_PID" ;;
    nginx) echo "$NGINX_PID" ;;
    gantry) echo "$GANTRY_PID" ;;
    gantry+log) echo "$GANTRY_LOG_PID" ;;
    baseline) echo "$BASELINE_PID" ;;
  esac
}
# User and system CPU time in clock ticks of a process and its children (nginx's workers): "user sys".
cpu_ticks() {
  local pid user=0 sys=0
  for pid in $1 $(pgrep -P "$1"); do
    read -r u s < <(awk '{ sub(/^.*\) /, ""); print $12, $13 }' "/proc/$pid/stat")
    user=$((user + u)) sys=$((sys + s))
  done
  echo "$user $sys"
}

# run TARGET CONNECTIONS SECONDS -> "rps p50 p99 errors user-us sys-us": the last two are the CPU time
# the answering process spent per request, in microseconds (throughput on a shared 2-core machine
# swings with scheduling; the CPU each request costs is the steadier figure)
run() {
  local out rps p50 p99 errors pid user0 sys0 user1 sys1 requests
  pid=$(pid_of "$1")
  read -r user0 sys0 <<<"$(cpu_ticks "$pid")"
  out=$("${CLIENT[@]}" wrk -t1 -c"$2" -d"$3"s --latency -H "Host: $HOST" "$(url_of "$1")")
  read -r user1 sys1 <<<"$(cpu_ticks "$pid")"
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(wrk_errors <<<"$out")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  awk -v r="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    -v u=$((user1 - user0)) -v s=$((sys1 - sys0)) \
    'BEGIN { printf "%s %s %s %s %.1f %.1f\n", r, p50, p99, e, u * 1e6 / hz / n, s * 1e6 / hz / n }'
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -r)"
echo "java: $(java -version 2>&1 | head -1); $(nginx -v 2>&1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running skews every figure)"
echo "client: ${CLIENT[*]:-unpinned} wrk -t1 -c$CONNECTIONS -d${DURATION}s; router JVM: $JAVA_OPTS"
if [ -n "$BASELINE_SRC" ]; then
  echo "baseline: $BASELINE_SRC ($(git -C "$BASELINE_SRC" rev-parse --short HEAD 2>/dev/null || echo 'not a git tree')); JVM: $BASELINE_JAVA_OPTS"
fi
echo "warming up: 5 s nginx, 20 s each Gantry router (the JIT compiles the hot path) ..."
run nginx "$CONNECTIONS" 5 >/dev/null
for target in "${ROUTERS[@]}"; do run "$target" "$CONNECTIONS" 20 >/dev/null; done

# All CPU time of the machine, and the part of it the hypervisor gave to other guests ("steal"):
# "total steal" in clock ticks. On a shared VM this is the noise in every figure.
cpu_steal() { awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9 }' /proc/stat; }

read -r total0 steal0 <<<"$(cpu_steal)"
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    result=$(run "$target" "$CONNECTIONS" "$DURATION")
    echo "$target $result" >> "$work/results"
    printf 'round %d %-11s %s\n' "$round" "$target" "$result"
  done
done

echo
printf '%-11s %12s %9s %9s %7s %13s %13s\n' target "requests/s" "p50 ms" "p99 ms" errors "user us/req" "sys us/req"
for target in "${TARGETS[@]}"; do
  printf '%-11s %12s %9s %9s %7s %13s %13s\n' "$target" \
    "$(awk -v t="$target" '$1 == t { print $2 }' "$work/results" | median)" \
    "$(awk -v t="$target" '$1 == t { print $3 }' "$work/results" | median)" \
    "$(awk -v t="$target" '$1 == t { print $4 }' "$work/results" | median)" \
    "$(awk -v t="$target" '$1 == t { n += $5 } END { print n + 0 }' "$work/results")" \
    "$(awk -v t="$target" '$1 == t { print $6 }' "$work/results" | median)" \
    "$(awk -v t="$target" '$1 == t { print $7 }' "$work/results" | median)"
done
echo "(us/req: CPU time of the process answering wrk, per request: the backend for direct, the proxy otherwise)"
read -r total1 steal1 <<<"$(cpu_steal)"
echo "CPU time stolen by the hypervisor during the rounds: $(awk -v t=$((total1 - total0)) -v s=$((steal1 - steal0)) \
  'BEGIN { printf "%.1f%%", (t > 0 ? 100 * s / t : 0) }')"

# Each router against nginx in the same round (nginx runs just before it), then the median over the
# rounds: a round the machine was slow in is slow for both.
echo
echo "next to nginx in the same round (median over $ROUNDS rounds; target: requests/s >= 1.00x, p99 <= 1.20x):"
for target in "${ROUTERS[@]}"; do
  awk -v t="$target" '$1 == "nginx" { r = $2; p = $4 } $1 == t && r > 0 && p > 0 { print $2 / r, $4 / p }' \
    "$work/results" > "$work/ratios"
  printf '%-11s requests/s %.2fx   p99 %.2fx\n' "$target" \
    "$(awk '{ print $1 }' "$work/ratios" | median)" "$(awk '{ print $2 }' "$work/ratios" | median)"
done

echo
echo "1,000 connections (wrk -t1 -c1000 -d${DURATION}s), twice each:"
printf '%-8s %4s %12s %9s %7s %12s %12s\n' target run "requests/s" "p99 ms" errors "RSS before" "RSS after"
rss_of() {
  case $1 in
    nginx) nginx_rss_mib "$NGINX_PID" ;;
    gantry) rss_mib "$GANTRY_PID" ;;
    baseline) rss_mib "$BASELINE_PID" ;;
  esac
}
for target in nginx gantry ${BASELINE_SRC:+baseline}; do
  for i in 1 2; do
    before=$(rss_of "$target")
    read -r rps _ p99 errors _ <<<"$(run "$target" 1000 "$DURATION")"
    after=$(rss_of "$target")
    printf '%-8s %4s %12s %9s %7s %9s MiB %9s MiB\n' "$target" "$i" "$rps" "$p99" "$errors" "$before" "$after"
  done
done
echo "(nginx RSS: proxy master + workers; gantry and baseline RSS: the router JVM)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
