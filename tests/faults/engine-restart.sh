#!/usr/bin/env bash
# Fault tests F11 and F15 of reliability.md, which need root: the Docker engine restarts under a
# running Gantry (F11), then Gantry, the router and the engine all stop and start again (F15). After
# each, the app must serve its current release again within a bound, from containers of that release
# only: no retired release comes back.
#
# It runs a Gantry of its own (GANTRY_HOME=/var/lib/gantry-faults, its own ports, loopback only) from
# an already built quarkus-app, started and stopped with ./gantry's own functions, deploys a tiny
# busybox app with real git over ssh, and removes all of it at the end. `./gantry test` runs it last,
# after the Maven suite passed, since an engine restart stops every container on the engine.
#
# The engine is restarted the way this host runs it: through systemd's docker unit, or as the dockerd
# ./gantry started (its pid file). When it is neither, the test fails saying so: it never passes
# without having run.
#
#   GANTRY_APP_DIR          the built control-plane/target/quarkus-app (required)
#   GANTRY_ENGINE_PID_FILE  where ./gantry recorded the pid of the dockerd it started
#                           (default /var/lib/gantry/run/dockerd.pid)
#   GANTRY_ENGINE_RESTART   systemd or pid to insist on one way (default: whichever runs the engine)
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENGINE_PID_FILE=${GANTRY_ENGINE_PID_FILE:-/var/lib/gantry/run/dockerd.pid}
APP_DIR=${GANTRY_APP_DIR:?set GANTRY_APP_DIR to a built control-plane/target/quarkus-app}
export GANTRY_HOME=/var/lib/gantry-faults GANTRY_API_PORT=18000 GANTRY_SSH_PORT=12222 GANTRY_ROUTER_PORT=18080 \
  GANTRY_ROUTER_ADMIN_PORT=18081 GANTRY_ROUTER_HTTPS_PORT=18443 GANTRY_NODE_RUNNER_PORT=18082 GANTRY_SSH_BIND_HOST=127.0.0.1 GANTRY_ROUTER_BIND_HOST=127.0.0.1 \
  GANTRY_PUBLIC_HOST=127.0.0.1
# shellcheck source=../../gantry
source "$SRC/gantry"
# start_docker and stop_docker act on the engine of the Gantry under test, not on one of our own.
DOCKERD_PID_FILE=$ENGINE_PID_FILE
ENGINE_RESTART=${GANTRY_ENGINE_RESTART:-}

APP=faults
IMAGE=gantry-faults/busybox:latest
BOUND=60 # seconds any one recovery may take
WORK=$(mktemp -d /tmp/gantry-faults.XXXXXX)
# shellcheck source=../verdicts.sh
source "$SRC/tests/verdicts.sh"

cleanup() {
  local status=$?
  set +e
  fail_if_set_up_stopped $status
  docker info >/dev/null 2>&1 || start_engine
  if running_pid >/dev/null; then (cmd_remote apps:destroy "$APP" --force >/dev/null 2>&1); fi
  stop_our_gantry
  docker image rm -f "$IMAGE" >/dev/null 2>&1
  rm -rf "$WORK" "$GANTRY_HOME"
}
trap cleanup EXIT

# What the router answers for the app (empty while it answers nothing or not 200).
answer() {
  curl -fsS -m 2 -H "Host: $APP.$GANTRY_BASE_DOMAIN" "http://127.0.0.1:$GANTRY_ROUTER_PORT/" 2>/dev/null || true
}

# The release label of every container of the app on the engine, running or not, sorted.
containers() {
  docker ps -a --filter "label=gantry.app=$APP" --format '{{.Label "gantry.release"}}' | sort | paste -sd ' '
}

# Until the app answers $1 from exactly the containers $2 (release labels), at most BOUND seconds.
await_restored() {
  local want=$1 want_containers=$2 case=$3 waited=0
  until [ "$(answer)" = "$want" ] && [ "$(containers)" = "$want_containers" ]; do
    if [ $waited -ge $BOUND ]; then
      fail "$case: after ${BOUND} s the router answers '$(answer)' (want '$want'); containers by release:" \
        "'$(containers)' (want '$want_containers')"
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  pass "$case: $want answers after ${waited} s, from containers of release $want_containers only"
}

start_our_gantry() {
  install -d -o "$GANTRY_USER" -g "$GANTRY_USER" -m 0750 "$GANTRY_HOME" "$RUN_DIR"
  start_gantry_processes
}

stop_our_gantry() {
  stop_gantry
  stop_process "$ROUTER_PID_FILE" dev.gantry.router.RouterMain
}

push() {
  git -C "$WORK/$APP" commit -q --allow-empty -m "$1"
  GIT_SSH_COMMAND="ssh -i $WORK/id_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" git -C "$WORK/$APP" push -q paas main >"$WORK/push.log" 2>&1 \
    || { cat "$WORK/push.log"; return 1; }
}

# How this host runs the engine, so that it is stopped and started the same way: systemd's unit (its
# socket too, or the first API call would start the engine again), or the dockerd ./gantry started.
choose_engine_restart() {
  local systemd=0 pid=0
  [ -d /run/systemd/system ] && systemctl is-active --quiet docker.service && systemd=1
  pid_running "$ENGINE_PID_FILE" dockerd >/dev/null && pid=1
  case "${ENGINE_RESTART:-auto}:$systemd:$pid" in
    systemd:1:*|auto:1:*) ENGINE_RESTART=systemd ;;
    pid:*:1|auto:0:1) ENGINE_RESTART=pid ;;
    *)
      fail "set-up: cannot restart the Docker engine the way this host runs it (wanted: ${ENGINE_RESTART:-any};" \
        "systemd's docker.service active: $([ $systemd = 1 ] && echo yes || echo no); a live dockerd pid in" \
        "$ENGINE_PID_FILE: $([ $pid = 1 ] && echo yes || echo no)). Run it where systemd or ./gantry runs the engine"
      exit 1 ;;
  esac
}

stop_engine() {
  if [ "$ENGINE_RESTART" = systemd ]; then
    systemctl stop docker.socket docker.service
  else
    stop_docker
  fi
}

start_engine() {
  if [ "$ENGINE_RESTART" = systemd ]; then
    systemctl start docker.socket docker.service
  fi
  start_docker >/dev/null
}

set_up() {
  choose_engine_restart
  step "Restarting the engine through $([ "$ENGINE_RESTART" = systemd ] && echo "systemd's docker.service" \
    || echo "its pid ($(cat "$ENGINE_PID_FILE"))")"
  rm -rf "$GANTRY_HOME"
  install -d -o "$GANTRY_USER" -g "$GANTRY_USER" -m 0750 "$GANTRY_HOME"
  cp -a "$APP_DIR" "$GANTRY_HOME/app"
  chown -R "$GANTRY_USER:$GANTRY_USER" "$GANTRY_HOME/app"
  start_our_gantry >/dev/null

  # The ITs' base image: Debian's static busybox, built in a second without a registry.
  install -d "$WORK/image"
  cp /bin/busybox "$WORK/image/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n' \
    >"$WORK/image/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t "$IMAGE" "$WORK/image" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; return 1; }

  ssh-keygen -q -t ed25519 -N '' -C faults@test -f "$WORK/id_ed25519"
  (cmd_remote keys:add admin "$WORK/id_ed25519.pub" >/dev/null)
  git init -q -b main "$WORK/$APP"
  git -C "$WORK/$APP" config user.email faults@example.com
  git -C "$WORK/$APP" config user.name Faults
  git -C "$WORK/$APP" remote add paas "ssh://gantry@127.0.0.1:$GANTRY_SSH_PORT/$APP"
  printf 'FROM %s\nCMD mkdir -p /www && echo "$GANTRY_RELEASE" >/www/index.html && exec httpd -f -p $PORT -h /www\n' \
    "$IMAGE" >"$WORK/$APP/Dockerfile"
  git -C "$WORK/$APP" add -A
  push v1
  (cmd_remote deploy:set "$APP" drain-timeout=1s stop-grace=1s watch=0s >/dev/null)
  # v1 is retired by v2: it must never come back.
  push v2
  await_restored v2 2 "set-up: v2 deployed"
}

# A GET through the router every 50 ms until stopped, at most 4,000 or 4 minutes: "millis status"
# lines in $1 (status 000 when nothing answered).
probe() {
  local out=$1 sent=0 deadline=$(($(date +%s) + 240)) code
  while [ $sent -lt 4000 ] && [ "$(date +%s)" -lt $deadline ]; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' -H "Host: $APP.$GANTRY_BASE_DOMAIN" \
      "http://127.0.0.1:$GANTRY_ROUTER_PORT/" 2>/dev/null) || true
    printf '%s %s\n' "$(date +%s%3N)" "${code:-000}" >>"$out"
    sleep 0.05; sent=$((sent + 1))
  done
}

# Reads probe lines: requests may fail only between $2 (engine stopped) and $3 (app restored).
judge_probe() {
  awk -v down="$2" -v restored="$3" -v engine_down_ms="$4" '
    { total++ }
    $2 != 200 { failed++; if (!first) first = $1; last = $1; if ($1 < down || $1 > restored) outside++ }
    END {
      window = failed ? (last - first) / 1000 : 0
      printf "%d requests, %d failed (window %.1f s, the engine was down %.1f s), %d outside the outage\n", \
        total, failed, window, engine_down_ms / 1000, outside
      exit outside > 0 || total < 100
    }' "$1"
}

f11_engine_restart() {
  step "F11: restart the Docker engine under a running Gantry, under load"
  local samples="$WORK/f11.samples" probe_pid down_at up_at restored_at verdict
  probe "$samples" &
  probe_pid=$!
  sleep 2
  down_at=$(date +%s%3N)
  stop_engine
  start_engine
  up_at=$(date +%s%3N)
  await_restored v2 2 "F11 engine restart" || { kill "$probe_pid"; return 1; }
  restored_at=$(date +%s%3N)
  sleep 5
  kill "$probe_pid" 2>/dev/null || true
  wait "$probe_pid" 2>/dev/null || true
  if verdict=$(judge_probe "$samples" "$down_at" "$restored_at" $((up_at - down_at))); then
    pass "F11 under load: $verdict"
  else
    fail "F11 under load: $verdict"
  fi
}

f15_everything_restarts() {
  step "F15: stop Gantry, the node runner and the router, stop the engine, start all of them"
  stop_our_gantry
  stop_engine
  start_engine
  start_our_gantry >/dev/null
  await_restored v2 2 "F15 Gantry, router and engine restart"
}

started=$(date +%s)
set_up
f11_engine_restart || true
f15_everything_restarts || true
printf '%s: %d failure(s) in %d s\n' "${BASH_SOURCE[0]##*/}" "$failures" "$(($(date +%s) - started))"
[ "$failures" -eq 0 ]
