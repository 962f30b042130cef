#!/usr/bin/env bash
# Zero-downtime check under load, on a running Gantry (./gantry up), as root:
#  1. failed requests (socket errors + non-2xx) seen by wrk (4 keep-alive connections, pinned to
#     core 1 when taskset exists) through the router during 10 deploys of a small app (target 0);
#  2. rollback time: from `rollback APP` to the rolled-back release answering through the router,
#     next to the app's own start time in the same run (docker run to first 200 on a published port).
# Usage: bench/cutover.sh [DEPLOYS]   (default 10)
set -euo pipefail
DEPLOYS=${1:-10}
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
SSH_PORT=${GANTRY_SSH_PORT:-2222}
ROUTER_PORT=${GANTRY_ROUTER_PORT:-8080}
BASE_IMAGE=${GANTRY_BASE_IMAGE:-gantry/base:bookworm}
APP=bench-cutover-$$
work=$(mktemp -d)
wrk_pid=
trap cleanup EXIT

cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  "$GANTRY_SRC/gantry" apps:destroy "$APP" --force >/dev/null 2>&1 || true
  remove_bench_key "$work"
  docker rm -f "raw-$$" >/dev/null 2>&1 || true
  rm -rf "$work"
}

command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
body() { curl -s -m 2 -H "Host: $APP.localhost" "http://127.0.0.1:$ROUTER_PORT/" || true; }
await_body() {
  local expected=$1 deadline=$((SECONDS + 60))
  until [ "$(body)" = "$expected" ]; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for $expected" >&2; exit 1; }
    sleep 0.02
  done
}

add_bench_key "$work"
export GIT_SSH_COMMAND="ssh -i $work/key -p $SSH_PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
gantry_ssh() { $GIT_SSH_COMMAND gantry@127.0.0.1 "$@"; }

mkdir "$work/app" && cd "$work/app"
cat >Dockerfile <<DOCKERFILE
FROM $BASE_IMAGE
CMD mkdir -p /tmp/www && echo "\$GANTRY_RELEASE" > /tmp/www/index.html && exec busybox httpd -f -p \$PORT -h /tmp/www
DOCKERFILE
git init -q -b main && git config user.email bench@localhost && git config user.name bench
git remote add paas "ssh://gantry@127.0.0.1:$SSH_PORT/$APP"
git add -A && git commit -qm v1 && git push -q paas main 2>/dev/null
gantry_ssh deploy:set "$APP" watch=0s >/dev/null

pin=""; command -v taskset >/dev/null && [ "$(nproc)" -gt 1 ] && pin="taskset -c 1"
duration=$((DEPLOYS * 4 + 20))
$pin wrk -t1 -c4 -d"${duration}s" --latency -H "Host: $APP.localhost" "http://127.0.0.1:$ROUTER_PORT/" >"$work/wrk.txt" &
wrk_pid=$!
sleep 2
for i in $(seq 1 "$DEPLOYS"); do
  git commit -q --allow-empty -m "deploy $i" && git push -q paas main 2>/dev/null
done
wait "$wrk_pid"; wrk_pid=
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
socket_errors=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt"); p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
echo "== $DEPLOYS deploys under load (wrk -c4, ${duration}s)"
printf '%-28s %s\n' requests "$requests" "socket errors" "${socket_errors:-0}" "non-2xx responses" "${non2xx:-0}" \
  "latency p50 / p99" "$p50 / $p99"

echo "== rollback time vs the app's own start time (5 runs each)"
image=$(docker ps --filter "label=gantry.app=$APP" --format '{{.Image}}' | head -n1)
rollback_times=() start_times=()
for i in 1 2 3 4 5; do
  current=$(body)
  previous_version=$(( ${current#v} - 1 ))
  t0=$(now)
  gantry_ssh rollback "$APP" "v$previous_version" >/dev/null
  await_body "v$(( ${current#v} + 1 ))"
  rollback_times+=("$(elapsed "$t0" "$(now)")")

  t0=$(now)
  docker run -d --name "raw-$$" -e PORT=5000 -e GANTRY_RELEASE=raw -p 127.0.0.1::5000 "$image" >/dev/null
  port=$(docker port "raw-$$" 5000/tcp | head -n1 | awk -F: '{print $NF}')
  until [ "$(curl -s -m 2 "http://127.0.0.1:$port/" || true)" = raw ]; do sleep 0.02; done
  start_times+=("$(elapsed "$t0" "$(now)")")
  docker rm -f "raw-$$" >/dev/null
done
rb=$(printf '%s\n' "${rollback_times[@]}" | median); st=$(printf '%s\n' "${start_times[@]}" | median)
printf '%-28s %s\n' "rollback to serving (median)" "${rb} s  [${rollback_times[*]}]" \
  "app start (median)" "${st} s  [${start_times[*]}]"
awk -v r="$rb" -v s="$st" 'BEGIN {printf "rollback adds %.2f s to the app start (target: at most 1 s)\n", r - s}'
