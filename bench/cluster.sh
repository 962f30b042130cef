#!/usr/bin/env bash
# Several hosts (issue 18), on test hosts made on this machine (tests/cluster/testbed.sh: network
# namespaces with an engine each) and a Gantry of their own (tests/cluster/manager.sh), in one run:
#   (a) push to serving of a small app (busybox httpd, ~1 MB; only index.html changes) on one host, then
#       the same app after cluster:init with its web instance placed on another host, so that each push
#       adds the registry's push on the manager and the pull on that host;
#   (b) failed requests through the router during DEPLOYS pushes with web=3 spread over three hosts;
#   (c) a host cut off the network under load: how long until the cluster counts it down, until its
#       instances serve from the other hosts, and the requests that failed meanwhile.
# Traffic goes only to the manager's loopback (the router) and the test hosts; the load loop is bounded.
# Needs root and a build: GANTRY_APP_DIR=control-plane/target/quarkus-app bench/cluster.sh [RUNS] [DEPLOYS]
set -euo pipefail
RUNS=${1:-5}
DEPLOYS=${2:-10}
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
# shellcheck source=tests/cluster/manager.sh
. "$GANTRY_SRC/tests/cluster/manager.sh"
APP=bench
work=$(mktemp -d /tmp/gantry-bench-cluster.XXXXXX)

cleanup() {
  set +e
  load_stop "$work/load"
  manager_down >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# Polls (bounded: 120 s) until the app answers the expected body through the router.
await_body() {
  local deadline=$((SECONDS + 120))
  until [ "$(through_router "$APP")" = "$1" ]; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for '$1' from $APP" >&2; return 1; }
    sleep 0.05
  done
}

# One push of index.html saying $1; prints seconds from the start of git push to the first 200 with it.
timed_push() {
  local t0 took
  echo "$1" >"$work/$APP/index.html"
  git -C "$work/$APP" commit -qam "$1"
  t0=$(now)
  push "$work/$APP" &
  await_body "$1"
  took=$(elapsed "$t0" "$(now)")
  wait $! || { cat "$work/$APP.push.log" >&2; return 1; }
  echo "$took"
}

# Web instances up, as "SLOT HOST".
web_rows() { on_manager ps "$APP" | awk '$1 ~ /^web\./ && $3 == "up" {print $1, $6}'; }

# Seconds (from $1, epoch ms) until ps shows $2 web instances up, none on host $3; bounded at 120 s.
await_spread() {
  local since=$1 want=$2 not_on=$3 rows
  until rows=$(web_rows) && [ "$(grep -c . <<<"$rows")" -eq "$want" ] && ! grep -q " $not_on\$" <<<"$rows"; do
    [ $(($(date +%s%3N) - since)) -lt 120000 ] || return 1
    sleep 0.25
  done
  awk -v ms=$(($(date +%s%3N) - since)) 'BEGIN {printf "%.1f", ms / 1000}'
}

echo "Setting up three test hosts and a Gantry on the first (a minute or two)" >&2
manager_start 3
install -d "$work/image"
cp /bin/busybox "$work/image/busybox"
printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' >"$work/image/Dockerfile"
DOCKER_BUILDKIT=0 host_docker 1 build -q -t gantry-bench/busybox:latest "$work/image" >/dev/null
app_repo "$work/$APP"
printf 'FROM gantry-bench/busybox:latest\nCOPY index.html /www/index.html\nCMD ["httpd", "-f", "-p", "5000", "-h", "/www"]\n' \
  >"$work/$APP/Dockerfile"
echo warmup >"$work/$APP/index.html"
git -C "$work/$APP" add -A && git -C "$work/$APP" commit -qm warmup
push "$work/$APP" || { cat "$work/$APP.push.log" >&2; exit 1; }
# No watch after each release: it is not on the path timed, and its checks would only add load.
on_manager deploy:set "$APP" watch=0s >/dev/null

echo "(a) push to serving, $RUNS runs on one host, then $RUNS with the instance on another host" >&2
one_host=()
for i in $(seq 1 "$RUNS"); do one_host+=("$(timed_push "one host $i")"); done
manager_form
on_manager nodes:label gtc-h2 zone=w >/dev/null
# The first push after cluster:init sends the whole image to the registry, once; ps:place then moves web.
timed_push "first on the cluster" >/dev/null
on_manager ps:place "$APP" web zone=w >/dev/null
[ "$(web_rows | awk '{print $2}')" = gtc-h2 ] || { echo "web did not move to gtc-h2: $(on_manager ps "$APP")" >&2; exit 1; }
other_host=()
for i in $(seq 1 "$RUNS"); do other_host+=("$(timed_push "other host $i")"); done
printf '%-5s %12s %14s\n' run one_host_s other_host_s
for i in $(seq 0 $((RUNS - 1))); do printf '%-5s %12s %14s\n' $((i + 1)) "${one_host[$i]}" "${other_host[$i]}"; done
m1=$(printf '%s\n' "${one_host[@]}" | median)
m3=$(printf '%s\n' "${other_host[@]}" | median)
printf '%-5s %12s %14s\n' median "$m1" "$m3"
awk -v a="$m1" -v b="$m3" 'BEGIN {printf "The registry push and the pull on another host add %.2f s (target: at most 1.5 s)\n", b - a}'

echo "(b) $DEPLOYS deploys with web=3 over three hosts under load" >&2
on_manager ps:place "$APP" web default >/dev/null
on_manager ps:scale "$APP" web=3 >/dev/null
await_spread "$(date +%s%3N)" 3 none >/dev/null || { echo "web=3 is not up: $(on_manager ps "$APP")" >&2; exit 1; }
printf 'web=3 runs on: %s\n' "$(web_rows | awk '{print $2}' | sort | tr '\n' ' ')"
load_start "$APP" "$work/load"
deploy_times=()
for i in $(seq 1 "$DEPLOYS"); do deploy_times+=("$(timed_push "deploy $i")"); done
load_stop "$work/load"
read -r total failed < <(load_counts "$work/load")
printf 'Deploys: median push to serving %s s; %d requests through the router, %d failed (target 0)\n' \
  "$(printf '%s\n' "${deploy_times[@]}" | median)" "$total" "$failed"

echo "(c) gtc-h3 cut off the network under load" >&2
grep -q ' gtc-h3$' <<<"$(web_rows)" || { echo "no web instance on gtc-h3 to lose: $(web_rows)" >&2; exit 1; }
load_start "$APP" "$work/load"
sleep 2
host_cut 3
cut_at=$(date +%s%3N)
until on_manager nodes | grep -Eq '^gtc-h3 +[0-9.]+ +down '; do
  [ $(($(date +%s%3N) - cut_at)) -lt 60000 ] || { echo "gtc-h3 does not show down after 60 s" >&2; exit 1; }
  sleep 0.25
done
down_s=$(awk -v ms=$(($(date +%s%3N) - cut_at)) 'BEGIN {printf "%.1f", ms / 1000}')
recovered_s=$(await_spread "$cut_at" 3 gtc-h3) || { echo "gtc-h3's instance was not replaced: $(on_manager ps "$APP")" >&2; exit 1; }
sleep 2
load_stop "$work/load"
read -r total failed < <(load_counts "$work/load")
read -r after failed_after < <(load_counts "$work/load" "$(awk -v at="$cut_at" -v s="$recovered_s" 'BEGIN {printf "%.0f", at + s * 1000}')")
printf 'Lost host: down after %s s, its instance serving from another host after %s s (target 30 s, aim 10 s);\n' "$down_s" "$recovered_s"
printf '  %d requests through the router from 2 s before the cut, %d failed; %d after the recovery, %d failed\n' \
  "$total" "$failed" "$after" "$failed_after"
host_reconnect 3
