#!/usr/bin/env bash
# Cluster tests of backing services (issues 21 and 18), which need root: a service stays on the manager,
# beside its volume, and the instances of the apps linked to it reach it by the URL in their config from
# every host. Two test hosts (testbed.sh) and a Gantry of their own (manager.sh): a PostgreSQL linked while
# Gantry runs on one host and still reached after cluster:init by the app placed on the other host; a
# Redis linked on the cluster; an app that is not linked cannot reach the service even with its URL; a
# service instance that died is replaced and reached again. The apps are busybox httpd with a CGI script
# that asks the service with psql or redis-cli, on the service images (which carry both clients).
#
#   GANTRY_APP_DIR  the built control-plane/target/quarkus-app (required)
#   The service images gantry/service-postgres:15 and gantry/service-redis:7 must be on this machine's
#   engine (ServicesIT builds them): the test hosts have no way out to Debian's mirrors to build them.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=manager.sh
source "$SRC/tests/cluster/manager.sh"
# shellcheck source=../verdicts.sh
source "$SRC/tests/verdicts.sh"

POSTGRES_IMAGE=gantry/service-postgres:15
REDIS_IMAGE=gantry/service-redis:7
WORKER=gtc-h2
WORK=$(mktemp -d /tmp/gantry-cluster-services.XXXXXX)

cleanup() {
  local status=$?
  set +e
  fail_if_set_up_stopped $status
  manager_down
  rm -rf "$WORK"
}
trap cleanup EXIT

# An app on a service image: busybox httpd whose /cgi-bin/read runs $1 (a shell command) and prints what it said.
app_on() {
  local dir=$WORK/$1 image=$2 query=$3
  app_repo "$dir"
  install -d "$dir/www/cgi-bin"
  cp /bin/busybox "$dir/busybox"
  echo ok >"$dir/www/index.html"
  printf '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\n%s 2>&1\n' "$query" >"$dir/www/cgi-bin/read"
  chmod +x "$dir/www/cgi-bin/read"
  # The service image's own health check asks for a server this app does not run.
  printf 'FROM %s\nHEALTHCHECK NONE\nCOPY busybox /usr/local/bin/busybox\nCOPY www /www\nCMD ["sh", "-c", "exec busybox httpd -f -p $PORT -h /www"]\n' \
    "$image" >"$dir/Dockerfile"
  git -C "$dir" add -A
  git -C "$dir" commit -q -m v1
}

deploy() {
  push "$WORK/$1" || { fail "git push of $1 failed: $(cat "$WORK/$1.push.log")"; return 1; }
}

# A new build of the app (which a release from before cluster:init needs to run on another host).
redeploy() {
  date +%s%N >"$WORK/$1/BUILD"
  git -C "$WORK/$1" add -A
  git -C "$WORK/$1" commit -q -m rebuild
  deploy "$1"
}

# The hosts of the app's running web instances, from ps.
web_hosts() { on_manager ps "$1" | awk '$1 ~ /^web\./ && $3 == "up" {print $6}' | sort -u | tr '\n' ' '; }

# Reads through the router until the app's /cgi-bin/read answers $2 (up to 30 s): a new release may still be
# taking over, and a replaced service instance may still be starting.
await_read() {
  local app=$1 want=$2 out
  for _ in $(seq 1 60); do
    out=$(through_router "$app" /cgi-bin/read)
    [ "$out" = "$want" ] && return 0
    sleep 0.5
  done
  printf '%s' "$out"
  return 1
}

set_up() {
  local image
  for image in "$POSTGRES_IMAGE" "$REDIS_IMAGE"; do
    docker image inspect "$image" >/dev/null 2>&1 || {
      printf 'error: %s is not on this engine; ServicesIT builds it (./gantry test -pl control-plane -am -Dit.test=ServicesIT)\n' "$image" >&2
      exit 1
    }
  done
  manager_start 2
  manager_load_image "$POSTGRES_IMAGE"
  manager_load_image "$REDIS_IMAGE"
  app_on shop "$POSTGRES_IMAGE" 'psql -X -At -c "SELECT note FROM notes ORDER BY note" "$DATABASE_URL"'
  app_on stranger "$POSTGRES_IMAGE" 'psql -X -At -c "SELECT note FROM notes ORDER BY note" "$DATABASE_URL"'
  # redis-cli reads the empty user of Heroku's redis://:PASSWORD@HOST as a user named "", which Redis
  # refuses; Redis's clients for apps (redis-py, Jedis, ioredis) take it as the default user, as here.
  app_on cached "$REDIS_IMAGE" 'redis-cli -u "redis://default:${REDIS_URL#redis://:}" --no-auth-warning GET greeting'
}

# On one host, as before any cluster: the service joins the app's bridge alone.
linked_on_one_host() {
  local out container networks
  out=$(on_manager services:create postgres shopdb 2>&1) || { fail "services:create postgres shopdb failed: $out"; return 1; }
  deploy shop || return 1
  out=$(on_manager services:link shopdb shop 2>&1) || { fail "services:link shopdb shop failed: $out"; return 1; }
  printf 'CREATE TABLE notes (note text);\nINSERT INTO notes VALUES (%s);\n' "'written on one host'" \
    | ssh_manager services:connect shopdb >/dev/null 2>&1 || { fail "services:connect shopdb could not write a row"; return 1; }
  if out=$(await_read shop "written on one host"); then
    pass "on one host, shop reads shopdb's row over DATABASE_URL"
  else
    fail "on one host, shop's /cgi-bin/read answered: $out"
  fi
  container=$(host_docker 1 ps -q --filter label=gantry.service=shopdb)
  networks=$(host_docker 1 inspect -f '{{range $name, $_ := .NetworkSettings.Networks}}{{$name}} {{end}}' "$container")
  if [ "$networks" = "gantry-app-shop gantry.service.shopdb " ]; then
    pass "on one host the service is on its own network and the app's bridge alone: $networks"
  else
    fail "on one host the service's networks are: $networks"
  fi
}

# cluster:init with shopdb linked already: it joins shop's overlay, and shop placed on the worker reads it.
linked_before_the_cluster() {
  local out hosts
  manager_form || { fail "the cluster did not form (reason above)"; return 1; }
  on_manager nodes:label "$WORKER" zone=w >/dev/null || { fail "nodes:label $WORKER zone=w failed"; return 1; }
  # v1 was built before the cluster, so it is not in the registry and may only run on the manager.
  redeploy shop || return 1
  out=$(on_manager ps:place shop web zone=w 2>&1) || { fail "ps:place shop web zone=w failed: $out"; return 1; }
  hosts=$(web_hosts shop)
  if [ "$hosts" = "$WORKER " ] && out=$(await_read shop "written on one host"); then
    pass "shopdb, linked before cluster:init, is read over DATABASE_URL by shop on $WORKER"
  else
    fail "shop runs on '$hosts', and its /cgi-bin/read answered: $out"
  fi
  if [ -n "$(host_docker 1 ps -q --filter label=gantry.service=shopdb)" ] \
      && [ -z "$(host_docker 2 ps -q --filter label=gantry.service=shopdb)" ]; then
    pass "shopdb stays on gtc-h1, the host that holds its volume"
  else
    fail "shopdb's instance is not (only) on gtc-h1"
  fi
}

# Linked on the cluster: the link itself puts the service on the app's overlay.
redis_linked_on_the_cluster() {
  local out
  out=$(on_manager services:create redis cache 2>&1) || { fail "services:create redis cache failed: $out"; return 1; }
  deploy cached || return 1
  out=$(on_manager ps:place cached web zone=w 2>&1) || { fail "ps:place cached web zone=w failed: $out"; return 1; }
  out=$(on_manager services:link cache cached 2>&1) || { fail "services:link cache cached failed: $out"; return 1; }
  printf 'SET greeting "hello across hosts"\n' | ssh_manager services:connect cache >/dev/null 2>&1 \
    || { fail "services:connect cache could not set a key"; return 1; }
  if [ "$(web_hosts cached)" = "$WORKER " ] && out=$(await_read cached "hello across hosts"); then
    pass "cache, linked on the cluster, is read over REDIS_URL by cached on $WORKER"
  else
    fail "cached runs on '$(web_hosts cached)', and its /cgi-bin/read answered: $out"
  fi
}

# An app on the same host with shop's URL but no link: the name does not resolve on its network.
unlinked_app_cannot_reach() {
  local out url
  deploy stranger || return 1
  on_manager ps:place stranger web zone=w >/dev/null || { fail "ps:place stranger web zone=w failed"; return 1; }
  url=$(on_manager config:get shop DATABASE_URL)
  on_manager config:set stranger "DATABASE_URL=$url" >/dev/null || { fail "config:set stranger DATABASE_URL failed"; return 1; }
  # The name is unknown on stranger's network, so the engine's DNS asks the host's resolvers, which a test
  # host cannot reach: psql says so only after their time-outs.
  out=$(through_router stranger /cgi-bin/read 60)
  if [ "$(web_hosts stranger)" = "$WORKER " ] && grep -q 'shopdb' <<<"$out" && ! grep -q 'written on one host' <<<"$out"; then
    pass "stranger on $WORKER, not linked, cannot reach shopdb with its URL: $(head -n 1 <<<"$out")"
  else
    fail "stranger runs on '$(web_hosts stranger)' and read: $out"
  fi
}

# The service's instance dies: the supervisor starts another, which joins the apps' overlays again.
replaced_service_reached_again() {
  local old out
  old=$(host_docker 1 ps -q --filter label=gantry.service=shopdb)
  host_docker 1 kill "$old" >/dev/null
  if out=$(await_read shop "written on one host") \
      && [ -n "$(host_docker 1 ps -q --filter label=gantry.service=shopdb)" ] \
      && [ "$(host_docker 1 ps -q --filter label=gantry.service=shopdb)" != "$old" ]; then
    pass "shopdb's instance was killed and replaced, and shop on $WORKER reads it again"
  else
    fail "after shopdb's instance was killed, shop's /cgi-bin/read answered: $out"
  fi
}

started=$(date +%s)
set_up
linked_on_one_host || true
linked_before_the_cluster || true
redis_linked_on_the_cluster || true
unlinked_app_cannot_reach || true
replaced_service_reached_again || true
printf '%s: %d failure(s) in %d s\n' "${BASH_SOURCE[0]##*/}" "$failures" "$(($(date +%s) - started))"
[ "$failures" -eq 0 ]
