#!/usr/bin/env bash
# Push-to-serving time through Gantry next to the raw engine path for the same small app, in the
# same run: (a) from the start of git push to the first 200 with the new content through the
# router (the old instance drains afterwards, off the clock, as for users); (b) docker build +
# docker run + first 200 through a published port. Layers are cached in both (only index.html
# changes). Prints every run and the medians. Needs a running Gantry (./gantry up) and root.
# Usage: bench/deploy.sh [RUNS]   (default 5)
set -euo pipefail
RUNS=${1:-5}
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
SSH_PORT=${GANTRY_SSH_PORT:-2222}
ROUTER_PORT=${GANTRY_ROUTER_PORT:-8080}
BASE_IMAGE=${GANTRY_BASE_IMAGE:-gantry/base:bookworm}
APP=bench-deploy-$$
RAW_IMAGE=gantry-bench/raw-$$
work=$(mktemp -d)
trap 'cleanup' EXIT

cleanup() {
  "$GANTRY_SRC/gantry" apps:destroy "$APP" --force >/dev/null 2>&1 || true
  remove_bench_key "$work"
  docker rm -f "raw-$$" >/dev/null 2>&1 || true
  docker rmi -f "$RAW_IMAGE" >/dev/null 2>&1 || true
  rm -rf "$work"
}


# Polls (bounded: 60 s) until URL answers 200 with the expected body.
await_body() {
  local url=$1 expected=$2 host=${3:-} deadline=$((SECONDS + 60))
  until [ "$(curl -s -m 2 ${host:+-H "Host: $host"} "$url" || true)" = "$expected" ]; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for $url" >&2; return 1; }
    sleep 0.05
  done
}

add_bench_key "$work"
export GIT_SSH_COMMAND="ssh -i $work/key -p $SSH_PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"

mkdir "$work/app" && cd "$work/app"
printf 'FROM %s\nCOPY index.html /app/index.html\nCMD busybox httpd -f -p $PORT -h /app\n' "$BASE_IMAGE" >Dockerfile
git init -q -b main && git config user.email bench@localhost && git config user.name bench
git remote add paas "ssh://gantry@127.0.0.1:$SSH_PORT/$APP"
echo warmup >index.html && git add -A && git commit -qm warmup && git push -q paas main >/dev/null 2>&1
docker build -q -t "$RAW_IMAGE" . >/dev/null 2>&1

gantry_times=() raw_times=()
printf '%-5s %12s %12s\n' run gantry_s raw_engine_s
for i in $(seq 1 "$RUNS"); do
  echo "gantry $i" >index.html && git commit -qam "run $i"
  t0=$(now)
  git push -q paas main >/dev/null 2>&1 &
  await_body "http://127.0.0.1:$ROUTER_PORT/" "gantry $i" "$APP.localhost"
  g=$(elapsed "$t0" "$(now)")
  wait $! || { echo "push $i failed" >&2; exit 1; }

  echo "raw $i" >index.html
  t0=$(now)
  docker build -q -t "$RAW_IMAGE" . >/dev/null 2>&1
  docker run -d --name "raw-$$" -e PORT=5000 -p 127.0.0.1::5000 "$RAW_IMAGE" >/dev/null
  port=$(docker port "raw-$$" 5000/tcp | head -n1 | awk -F: '{print $NF}')
  await_body "http://127.0.0.1:$port/" "raw $i"
  r=$(elapsed "$t0" "$(now)")
  docker rm -f "raw-$$" >/dev/null
  git checkout -q index.html

  gantry_times+=("$g") raw_times+=("$r")
  printf '%-5s %12s %12s\n' "$i" "$g" "$r"
done
gm=$(printf '%s\n' "${gantry_times[@]}" | median)
rm_=$(printf '%s\n' "${raw_times[@]}" | median)
printf '%-5s %12s %12s\n' median "$gm" "$rm_"
awk -v g="$gm" -v r="$rm_" 'BEGIN {printf "Gantry adds %.2f s to the raw engine path (target: at most 1.5 s)\n", g - r}'
