#!/usr/bin/env bash
# The Ansible test of issue 19, which needs root: ansible-lint and --syntax-check on ansible/, then a
# real run of ansible/site.yml on three bare Debian 12 test hosts made here (containers from
# gantry/base:bookworm with systemd as PID 1, each with its own Docker engine, reached with
# community.docker.docker: no sshd). It installs Gantry from the package built from GANTRY_APP_DIR,
# with a second router on a node host, runs the playbook again (changed=0), checks the firewall over
# IPv6 and the second router's admin port, pushes an app that then answers through both routers (the
# control host's and the one on the other host) to a request from a third host, places it on a node host
# (ps:place) and reaches it there, installs the package again in place (an upgrade: no request dropped,
# no instance restarted, the router handed over), restarts the control host's container (a reboot) and
# waits for the app to answer again with nobody running a command. Last, ./gantry up on a fourth host
# with systemd, which is then rebooted. Traffic goes to loopback and the test hosts' addresses only;
# the hosts, their volumes, network and image are removed at the end.
# Downloaded Debian packages are kept in CACHE_DIR for the next run (that is what keeps it fast).
#
#   GANTRY_APP_DIR  the built control-plane/target/quarkus-app (required)
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP_DIR=${GANTRY_APP_DIR:?set GANTRY_APP_DIR to a built control-plane/target/quarkus-app}
# shellcheck source=../verdicts.sh
source "$SRC/tests/verdicts.sh"

PREFIX=gantry-ansible-test
NETWORK=$PREFIX
SUBNET_PREFIX=10.97.0
# The network is dual-stack, so that the IPv6 firewall is tested by traffic.
SUBNET6_PREFIX=fd00:97:
HOST_IMAGE=$PREFIX/host:bookworm
BASE_IMAGE=gantry/base:bookworm
CACHE_DIR=/var/cache/$PREFIX
APP=hello
BACK_WITHIN=240 # seconds the app may take to answer again after the control host's reboot
WORK=$(mktemp -d /var/tmp/$PREFIX.XXXXXX)
STARTED=$(date +%s)

host_name() { echo "$PREFIX-h$1"; }
host_address() { echo "$SUBNET_PREFIX.1$1"; }
host_address6() { echo "$SUBNET6_PREFIX:1$1"; }
CONTROL=$(host_address 1)
# The router on a host of its own, steered by the control plane over HTTPS (ansible/README.md, Routers).
ROUTER2=$(host_address 2)

# systemd in the test hosts shares this host's /sys/fs/cgroup and mounts there, for itself, the cgroup v1
# controllers this host left unmounted (hugetlb, perf_event, net_cls,net_prio where this was measured).
# Those hierarchies outlive the containers while nothing on this host mounts them, and containerd then
# fails to load any new container's cgroup ("cannot find cgroup mount destination"): the engine reports
# no OOM kill and no stats until a reboot. So they are mounted on this host too, where systemd made them.
mount_cgroup_controllers() {
  local controllers
  while IFS=: read -r _ controllers _; do
    case "$controllers" in '' | name=*) continue ;; esac
    [ -d "/sys/fs/cgroup/$controllers" ] && ! mountpoint -q "/sys/fs/cgroup/$controllers" || continue
    mount -t cgroup -o "$controllers" cgroup "/sys/fs/cgroup/$controllers" \
      || printf 'warning: could not mount the cgroup controllers %s: the engine may report no OOM kill until a reboot\n' "$controllers"
  done </proc/self/cgroup
}

cleanup() {
  local status=$?
  set +e
  fail_if_set_up_stopped $status
  for n in 1 2 3 4; do
    docker rm -f "$(host_name "$n")" >/dev/null 2>&1
    docker volume rm "$(host_name "$n")-docker" >/dev/null 2>&1
  done
  mount_cgroup_controllers
  docker rm -f "$PREFIX-image" >/dev/null 2>&1
  docker network rm "$NETWORK" >/dev/null 2>&1
  docker rmi "$HOST_IMAGE" >/dev/null 2>&1
  rm -rf "$WORK"
  printf 'Ansible test took %d s\n' $(($(date +%s) - STARTED))
  # The trap's own exit sets the script's status: a FAIL line fails ./gantry test.
  [ $failures -eq 0 ] || exit 1
  exit "$status"
}
trap cleanup EXIT

# apt's downloads and lists of one test host (or of the image build), kept between runs.
apt_cache_mounts() {
  install -d "$CACHE_DIR/$1/archives" "$CACHE_DIR/$1/lists"
  printf -- '-v %s:/var/cache/apt/archives -v %s:/var/lib/apt/lists' "$CACHE_DIR/$1/archives" "$CACHE_DIR/$1/lists"
}

lint() {
  local out
  if out=$(cd "$SRC/ansible" && ansible-lint 2>&1); then
    pass "ansible-lint finds nothing in ansible/"
  else
    fail "ansible-lint on ansible/: $out"
  fi
  if out=$(cd "$SRC/ansible" && ansible-playbook --syntax-check -i inventory.example.ini site.yml backup.yml 2>&1); then
    pass "ansible-playbook --syntax-check passes site.yml and backup.yml"
  else
    fail "ansible-playbook --syntax-check: $out"
  fi
}

# A bare Debian 12 host: the base image plus systemd and python3 (for Ansible), nothing of Gantry's.
build_host_image() {
  # shellcheck disable=SC2046 # the mounts are separate words
  docker run --name "$PREFIX-image" $(apt_cache_mounts image) "$BASE_IMAGE" sh -c \
    'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends systemd systemd-sysv dbus python3' \
    >"$WORK/image.log" 2>&1 || { cat "$WORK/image.log"; return 1; }
  docker commit --change 'CMD ["/lib/systemd/systemd"]' "$PREFIX-image" "$HOST_IMAGE" >/dev/null
  docker rm "$PREFIX-image" >/dev/null
}

# Not --privileged: this machine's capability bounding set lacks CAP_SYS_RESOURCE, which it asks for
# (docs: /work/shared/several-hosts.md measured these flags). Arguments after the host's number are
# more options of docker run (mounts).
start_host() {
  local n=$1
  shift
  # shellcheck disable=SC2046 # the mounts are separate words
  # SIGRTMIN+3 asks systemd to shut down: docker stop and restart are then a clean reboot. (Docker
  # 20.10's commit takes no STOPSIGNAL, so it is given here.)
  docker run -d --name "$(host_name "$n")" --hostname "$(host_name "$n")" --stop-signal SIGRTMIN+3 \
    --network "$NETWORK" --ip "$(host_address "$n")" --ip6 "$(host_address6 "$n")" \
    --cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
    --cgroupns=host -v /sys/fs/cgroup:/sys/fs/cgroup:rw --tmpfs /run --tmpfs /run/lock \
    --device-cgroup-rule 'a *:* rwm' -v "$(host_name "$n")-docker:/var/lib/docker" \
    $(apt_cache_mounts "h$n") -v "$WORK/base.tar:/srv/gantry-base.tar:ro" "$@" \
    "$HOST_IMAGE" >/dev/null
  await_boot "$n"
}

await_boot() {
  for _ in $(seq 1 60); do
    docker exec "$(host_name "$1")" systemctl is-system-running 2>/dev/null | grep -Eq 'running|degraded' && return
    sleep 0.5
  done
}

set_up() {
  command -v ansible-playbook >/dev/null && command -v ansible-lint >/dev/null \
    || { fail "set-up: ansible and ansible-lint are missing (./gantry test installs them)"; exit 1; }
  "$SRC/gantry" package "$WORK" >/dev/null
  DEB=$(ls "$WORK"/gantry_*_all.deb)
  build_host_image
  # The control host loads the base image from this archive instead of building it with debootstrap.
  docker save -o "$WORK/base.tar" "$BASE_IMAGE"
  docker network create --subnet "$SUBNET_PREFIX.0/24" --ipv6 --subnet "$SUBNET6_PREFIX:/64" "$NETWORK" >/dev/null
  for n in 1 2 3; do start_host "$n"; done
  write_inventory "$(host_name 2)"
}

# The inventory, with the node hosts given as arguments.
write_inventory() {
  cat >"$WORK/inventory.ini" <<EOF
[control]
$(host_name 1)

[routers]
$(host_name 1)
$(host_name 2)

[nodes]
$(printf '%s\n' "$@")

[all:vars]
ansible_connection=community.docker.docker
ansible_become_method=ansible.builtin.su
gantry_deb=$DEB
gantry_public_host=$CONTROL
gantry_base_image_archive=/srv/gantry-base.tar
gantry_admin_sources=["$SUBNET_PREFIX.1"]
EOF
}

# Runs a playbook ($2, site.yml unless given, with the options after it); $1 names the run. Its
# output is in $WORK/$1.log.
play() {
  local name=$1 playbook=${2:-site.yml} began=$SECONDS
  shift $(($# < 2 ? $# : 2))
  if ANSIBLE_CONFIG="$SRC/ansible/ansible.cfg" ANSIBLE_NOCOLOR=1 \
      ansible-playbook -i "$WORK/inventory.ini" "$SRC/ansible/$playbook" "$@" >"$WORK/$name.log" 2>&1; then
    PLAY_SECONDS=$((SECONDS - began))
    return 0
  fi
  tail -n 40 "$WORK/$name.log"
  return 1
}

first_run() {
  if play first; then
    pass "site.yml installed Gantry on a bare control host and node host in $PLAY_SECONDS s"
  else
    fail "site.yml failed on the first run (its last lines above)"
    return 1
  fi
  if grep -q "git remote add paas ssh://gantry@$CONTROL:2222/APP" "$WORK/first.log"; then
    pass "the play printed the git remote and the console URL"
  else
    fail "the play printed no git remote"
  fi
}

# What changed on each host in a run's log ($1), as "HOST TASK" lines, handlers included.
changes() {
  awk '/^(TASK|RUNNING HANDLER) \[/ { task = $0; sub(/^[^[]*\[/, "", task); sub(/\] \**$/, "", task) }
       /^changed: \[/ { host = $2; gsub(/[][]/, "", host); print host, task }' "$WORK/$1.log"
}

# A host added to [nodes] joins, and on the others only the firewall changes (to let it in).
add_node() {
  local others
  write_inventory "$(host_name 2)" "$(host_name 3)"
  play grow || { fail "site.yml failed once $(host_name 3) was added to [nodes] (its last lines above)"; return 1; }
  others=$(changes grow | grep -v "^$(host_name 3) " | grep -vE ' common : (Write the firewall rules|Apply the firewall rules)$' || true)
  if [ -z "$others" ] && changes grow | grep -q "^$(host_name 3) node : Join the cluster$"; then
    pass "a host added to [nodes] joined; on the others only the firewall rules changed ($PLAY_SECONDS s)"
  else
    fail "adding $(host_name 3) to [nodes] changed on the others: $(tr '\n' ';' <<<"$others")"
  fi
}

# What a TCP connection from the third host to address $1, port $2 gets: connected, refused (the
# packet passed the firewall and nothing listens) or timeout (dropped).
probe() {
  docker exec "$(host_name 3)" python3 -c "
import socket
try:
    socket.create_connection(('$1', $2), timeout=3).close()
    print('connected')
except socket.timeout:
    print('timeout')
except ConnectionRefusedError:
    print('refused')"
}

# The firewall holds over IPv6 too: a port open to everyone passes, one open over IPv4 to the
# cluster's hosts only (Swarm's 2377; the cluster speaks IPv4) is dropped.
firewall_holds_ipv6() {
  local open closed
  open=$(probe "$(host_address6 1)" 2222)
  closed=$(probe "$(host_address6 1)" 2377)
  if [[ $open =~ ^(connected|refused)$ ]] && [ "$closed" = timeout ] \
      && docker exec "$(host_name 1)" ip6tables -C INPUT -j GANTRY-FIREWALL; then
    pass "over IPv6 the control host's firewall lets 2222 through ($open) and drops 2377 (open over IPv4 to the cluster only)"
  else
    fail "over IPv6 the control host's port 2222 gave '$open' and 2377 '$closed', want connected or refused, and timeout: $(docker exec "$(host_name 1)" ip6tables -S 2>&1 | tr '\n' ' ')"
  fi
}

second_run_changes_nothing() {
  local recap
  play second || { fail "site.yml failed on the second run (its last lines above)"; return 1; }
  recap=$(sed -n '/^PLAY RECAP/,$p' "$WORK/second.log" | grep -E 'ok=')
  if ! grep -vq 'changed=0 ' <<<"$recap"; then
    pass "site.yml run again changed nothing ($PLAY_SECONDS s)"
  else
    fail "site.yml run again changed something: $recap ($(grep -E '^changed:' "$WORK/second.log" | head -5 | tr '\n' ' '))"
  fi
}

cluster_formed() {
  local rows
  for _ in $(seq 1 20); do
    rows=$(docker exec "$(host_name 1)" gantry nodes 2>&1 | grep -c "^$PREFIX-h[123] .* ready" || true)
    [ "$rows" = 3 ] && break
    sleep 0.5
  done
  if [ "$rows" = 3 ]; then
    pass "the node hosts joined the cluster: nodes lists the three hosts ready"
  else
    fail "nodes on the control host said: $(docker exec "$(host_name 1)" gantry nodes 2>&1)"
  fi
}

push_app() {
  ssh-keygen -q -t ed25519 -N '' -C ansible@test -f "$WORK/id_ed25519"
  docker cp "$WORK/id_ed25519.pub" "$(host_name 1):/tmp/admin.pub"
  docker exec "$(host_name 1)" gantry keys:add admin /tmp/admin.pub >/dev/null
  git init -q -b main "$WORK/$APP"
  git -C "$WORK/$APP" config user.email ansible@example.com
  git -C "$WORK/$APP" config user.name Ansible
  printf 'FROM %s\nCMD mkdir -p /www && echo "hello from $GANTRY_RELEASE" >/www/index.html && exec busybox httpd -f -p $PORT -h /www\n' \
    "$BASE_IMAGE" >"$WORK/$APP/Dockerfile"
  git -C "$WORK/$APP" add -A
  git -C "$WORK/$APP" commit -q -m v1
  if GIT_SSH_COMMAND="ssh -i $WORK/id_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no \
-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" git -C "$WORK/$APP" push -q \
      "ssh://gantry@$CONTROL:2222/$APP" main >"$WORK/push.log" 2>&1; then
    pass "git push to the installed Gantry deployed $APP"
  else
    cat "$WORK/push.log"
    fail "git push to the installed Gantry failed (log above)"
    return 1
  fi
}

# The app's answer through the router at $1 (the control host's unless given), asked from the third
# host (another host: the request crosses the network and the router host's firewall).
ask_from_node() {
  docker exec "$(host_name 3)" python3 -c "
import urllib.request
request = urllib.request.Request('http://${1:-$CONTROL}:8080/', headers={'Host': '$APP.localhost'})
print(urllib.request.urlopen(request, timeout=5).read().decode().strip())" 2>/dev/null
}

app_answers_from_another_host() {
  local out
  out=$(ask_from_node) || true
  if [ "$out" = "hello from v1" ]; then
    pass "the app answers through the router to a request from another host: $out"
  else
    fail "the app answered '$out' from $(host_name 3), want 'hello from v1'"
  fi
  answers_through_second_router "after the push"
  second_router_in_step
}

# gantry status on the control host lists the router on $(host_name 2) as in step (routers command).
second_router_in_step() {
  local out tries=0
  # It is in step a moment after it has the route; a few tries cover that.
  until out=$(docker exec "$(host_name 1)" gantry status 2>&1) && grep -Eq "^https://[0-9.]+:[0-9]+ +in step " <<<"$out" \
      || [ $tries -ge 10 ]; do
    sleep 1; tries=$((tries + 1))
  done
  if grep -Eq "^https://[0-9.]+:[0-9]+ +in step " <<<"$out"; then
    pass "gantry status on the control host lists the router on $(host_name 2) as in step"
  else
    fail "gantry status on the control host did not list the router on $(host_name 2) as in step: $out"
  fi
}

# The router on $(host_name 2), not the control host, serves the app too: the control plane gave it the
# route ($1 says when), over its admin interface on the network.
answers_through_second_router() {
  local out
  out=$(ask_from_node "$ROUTER2") || true
  if [ "$out" = "hello from v1" ]; then
    pass "$1 the app answers through the router on $(host_name 2), a host other than the control host: $out"
  else
    fail "$1 the router on $(host_name 2) answered '$out', want 'hello from v1'; its log: $(docker exec "$(host_name 2)" tail -n 5 /var/lib/gantry/router.log 2>&1 | tr '\n' ' ')"
  fi
}

# Requests from the third host, one every 50 ms, until /tmp/stop-load exists there (at most 300 s);
# prints how many got the app's answer and how many did not.
load_from_node() {
  docker exec "$(host_name 3)" rm -f /tmp/stop-load
  docker exec "$(host_name 3)" python3 -c "
import os, time, urllib.request
answered = failed = 0
end = time.time() + 300
while time.time() < end and not os.path.exists('/tmp/stop-load'):
    request = urllib.request.Request('http://$CONTROL:8080/', headers={'Host': '$APP.localhost'})
    try:
        ok = urllib.request.urlopen(request, timeout=5).read().decode().strip() == 'hello from v1'
    except Exception:
        ok = False
    answered, failed = answered + ok, failed + (not ok)
    time.sleep(0.05)
print(answered, failed)"
}

# backup.yml fetches a database dump and an archive of the secrets; no playbook printed a secret.
backed_up() {
  local password token
  play backup backup.yml -e "gantry_backup_fetch_dir=$WORK/backups/" \
    || { fail "backup.yml failed (its last lines above)"; return 1; }
  if [ -s "$(ls "$WORK"/backups/gantry-*.dump 2>/dev/null)" ] \
      && tar -tzf "$(ls "$WORK"/backups/gantry-*.tar.gz)" | grep -q 'var/lib/gantry/config-key$'; then
    pass "backup.yml fetched the database's dump and an archive holding the config key"
  else
    fail "backup.yml fetched: $(ls -l "$WORK/backups" 2>&1 | tr '\n' ' ')"
  fi
  password=$(docker exec "$(host_name 1)" cat /etc/gantry/secrets/db-password)
  if [ -n "$password" ] && ! grep -qF "$password" "$WORK"/*.log; then
    pass "no playbook run printed the database password"
  else
    fail "a playbook run printed the database password: $(grep -lF "$password" "$WORK"/*.log)"
  fi
  token=$(docker exec "$(host_name 1)" cat /var/lib/gantry/router/admin-token)
  if [ -n "$token" ] && [ "$(docker exec "$(host_name 2)" cat /var/lib/gantry/router/admin-token)" = "$token" ] \
      && ! grep -qF "$token" "$WORK"/*.log; then
    pass "the playbook copied the router admin token to $(host_name 2) and printed it nowhere"
  else
    fail "the router admin token on $(host_name 2) differs from the control host's, or a playbook run printed it"
  fi
}

# The app's containers on every host of the cluster, as "HOST ID" lines.
app_instances() {
  local n
  for n in 1 2 3; do
    docker exec "$(host_name "$n")" docker ps -q --no-trunc --filter "label=gantry.app=$APP" | sed "s/^/$(host_name "$n") /"
  done | sort
}

on_control() { docker exec "$(host_name 1)" gantry "$@"; }

# The hosts ps names for the app's web instances that are up.
web_hosts() { on_control ps "$APP" | awk '$1 ~ /^web\./ && $3 == "up" {print $6}' | sort -u; }

# A node host joined by the node role runs an app instance: its web type placed there by a label moves
# to it, ps names it, its engine runs the container, and the router on the control host sends the
# request from the third host there. The instance it replaced drains, then its container goes.
served_from_node() {
  local node out began=$SECONDS
  node=$(host_name 2)
  out=$(on_control nodes:label "$node" role=apps 2>&1) || { fail "nodes:label $node role=apps failed: $out"; return 1; }
  out=$(on_control ps:place "$APP" web role=apps 2>&1) || { fail "ps:place $APP web role=apps failed: $out"; return 1; }
  out=$(ask_from_node) || true
  if [ "$(web_hosts)" = "$node" ] && app_instances | grep -q "^$node " && [ "$out" = "hello from v1" ]; then
    pass "ps:place moved web to the node host $node (ps names it, its engine runs it) and the router on the control host reaches it there: $out"
  else
    fail "after ps:place web runs on '$(web_hosts | tr '\n' ' ')', containers: $(app_instances | tr '\n' ' '); the app answered '$out'; ps: $(on_control ps "$APP" 2>&1 | tr '\n' ' ')"
    return 1
  fi
  until ! app_instances | grep -vq "^$node "; do
    if [ $((SECONDS - began)) -ge 60 ]; then
      fail "60 s after ps:place the replaced instance still runs: $(app_instances | tr '\n' ' ')"
      return 1
    fi
    sleep 1
  done
  pass "the instance web replaced is gone from the other hosts $((SECONDS - began)) s after ps:place"
  published_port_held
}

# The port an instance publishes on a node host is the routers' only: from the third host (no router)
# a connection to it is dropped, while the router on the control host reaches it (above).
published_port_held() {
  local node port out
  node=$(host_name 2)
  port=$(docker exec "$(host_name 2)" docker ps --filter "label=gantry.app=$APP" --format '{{.Ports}}' \
    | sed -n 's/.*:\([0-9]*\)->.*/\1/p' | head -n 1)
  out=$(probe "$(host_address 2)" "${port:-0}")
  if [ -n "$port" ] && [ "$out" = timeout ]; then
    pass "the port the instance publishes on $node ($port) is dropped for a host that is no router"
  else
    fail "from $(host_name 3), $node's published port '$port' gave '$out', want timeout"
  fi
  answers_through_second_router "after ps:place"
}

# The second router's admin interface is the control host's only: from the third host it is dropped.
second_router_admin_held() {
  local out
  out=$(probe "$ROUTER2" 8081)
  if [ "$out" = timeout ]; then
    pass "the admin port of the router on $(host_name 2) is dropped for a host other than the control host"
  else
    fail "from $(host_name 3), $(host_name 2)'s router admin port gave '$out', want timeout"
  fi
}

# The package installed again in place, as an upgrade is: its postinst restarts the control plane (and
# the node runner inside it) and hands the router over to the other slot, while requests keep coming from another host.
upgrade_in_place() {
  local before after load answered failed
  before=$(app_instances)
  load_from_node >"$WORK/load.out" &
  load=$!
  sleep 2
  docker exec "$(host_name 1)" sh -c 'dpkg -i /var/cache/gantry/gantry_*_all.deb' >"$WORK/upgrade.log" 2>&1 \
    || { cat "$WORK/upgrade.log"; fail "installing the package again on the control host failed (log above)"; }
  sleep 2
  docker exec "$(host_name 3)" touch /tmp/stop-load
  wait "$load"
  read -r answered failed <"$WORK/load.out" || true
  after=$(app_instances)
  if [ "${failed:-1}" = 0 ] && [ "${answered:-0}" -gt 0 ]; then
    pass "the package's upgrade in place dropped no request ($answered answered from another host, none failed)"
  else
    fail "during the package's upgrade in place $failed requests failed, $answered answered: $(cat "$WORK/upgrade.log")"
  fi
  if [ -n "$before" ] && [ "$before" = "$after" ]; then
    pass "the upgrade restarted the control plane and its node runner and no app instance"
  else
    fail "the app's instances were '$before' before the upgrade and '$after' after"
  fi
  if docker exec "$(host_name 1)" systemctl is-active --quiet gantry-router@2.service \
      && docker exec "$(host_name 1)" systemctl is-enabled --quiet gantry-router@2.service \
      && ! docker exec "$(host_name 1)" systemctl is-active --quiet gantry-router@1.service \
      && [ -z "$(docker exec "$(host_name 1)" systemctl list-units --state=failed --plain --no-legend 'gantry-*')" ]; then
    pass "the router was handed over to slot 2, which is the one enabled at boot, and no unit failed"
  else
    fail "after the upgrade the units are: $(docker exec "$(host_name 1)" systemctl list-units --all --plain --no-legend 'gantry-*' | tr '\n' ' ')(slot 1 exited with $(docker exec "$(host_name 1)" systemctl show -p ExecMainStatus --value gantry-router@1.service))"
  fi
}

back_after_reboot() {
  local began out='' before
  before=$(app_instances)
  docker restart -t 60 "$(host_name 1)" >/dev/null
  began=$SECONDS
  until out=$(ask_from_node) && [ "$out" = "hello from v1" ]; do
    if [ $((SECONDS - began)) -ge $BACK_WITHIN ]; then
      fail "after the control host's reboot the app did not answer within $BACK_WITHIN s (last: '$out'); $(docker exec "$(host_name 1)" systemctl --failed --plain --no-legend 2>&1 | tr '\n' ' ')"
      return 1
    fi
    sleep 2
  done
  pass "after the control host's reboot the app answers again, $((SECONDS - began)) s later, with nobody running a command"
  # The router serves its saved routes before the control plane is back: ps needs the control plane.
  until [ "$(web_hosts 2>/dev/null)" = "$(host_name 2)" ]; do
    if [ $((SECONDS - began)) -ge $BACK_WITHIN ]; then
      fail "after the control host's reboot ps shows web on '$(web_hosts 2>&1 | tr '\n' ' ')', want $(host_name 2)"
      return 1
    fi
    sleep 2
  done
  if [ "$(app_instances)" = "$before" ]; then
    pass "the control plane was back $((SECONDS - began)) s after the reboot and adopted the instance on $(host_name 2), which kept running"
  else
    fail "the app's containers were '$before' before the control host's reboot and '$(app_instances)' after"
  fi
  answers_through_second_router "after the control host's reboot"
}

# ./gantry up on a bare Debian 12 host where systemd is PID 1 (a fourth host, outside the cluster, with
# this source and the tested build mounted): it installs the package it builds and enables the units,
# Gantry answers from another machine (this one), and after a reboot it answers again with nobody
# running a command. The first ./gantry up runs the node runner as its own unit (GANTRY_NODE_MODE=process,
# as every install did before it moved inside the control plane); the second, with the default, is the
# upgrade of such a host: its node runner unit stops, and the control plane runs the node runner. The host
# gets Docker and the base image first, as the control host gets the image from an archive: debootstrap
# would add minutes and prove nothing about systemd.
up_under_systemd() {
  local host address began set_up units
  host=$(host_name 4)
  address=$(host_address 4)
  began=$SECONDS
  start_host 4 -v "$SRC:/srv/gantry-src:ro" -v "$APP_DIR:/srv/gantry-app:ro"
  docker exec "$host" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io && docker load -i /srv/gantry-base.tar' \
    >"$WORK/up-host.log" 2>&1 || { cat "$WORK/up-host.log"; fail "installing Docker on $host failed (log above)"; return 1; }
  set_up=$((SECONDS - began))
  began=$SECONDS
  if docker exec -e GANTRY_APP_DIR=/srv/gantry-app -e GANTRY_PUBLIC_HOST="$address" -e GANTRY_NODE_MODE=process "$host" \
      /srv/gantry-src/gantry up >"$WORK/up.log" 2>&1 && answers "$address"; then
    pass "./gantry up under systemd installed Gantry and it answers from another machine in $((SECONDS - began)) s (the host's Docker and base image took $set_up s before)"
  else
    fail "./gantry up under systemd: $(tail -n 20 "$WORK/up.log")"
    return 1
  fi
  units=(gantry-control-plane.service gantry-node-runner.service gantry-router@1.service)
  if docker exec "$host" systemctl is-enabled --quiet "${units[@]}" && ! grep -q 'systemd is not PID 1' "$WORK/up.log"; then
    pass "./gantry up with GANTRY_NODE_MODE=process enabled the units ${units[*]}"
  else
    fail "after ./gantry up the units are: $(docker exec "$host" systemctl is-enabled "${units[@]}" | tr '\n' ' ')"
  fi
  docker restart -t 60 "$host" >/dev/null
  began=$SECONDS
  until answers "$address"; do
    if [ $((SECONDS - began)) -ge $BACK_WITHIN ]; then
      fail "after the reboot of $host set up by ./gantry up, Gantry did not answer within $BACK_WITHIN s; $(docker exec "$host" systemctl --failed --plain --no-legend 2>&1 | tr '\n' ' ')"
      return 1
    fi
    sleep 1
  done
  pass "after the reboot of the host set up by ./gantry up, Gantry answers again $((SECONDS - began)) s later, with nobody running a command"
  local status
  if docker exec -e GANTRY_APP_DIR=/srv/gantry-app -e GANTRY_PUBLIC_HOST="$address" "$host" /srv/gantry-src/gantry up >"$WORK/up2.log" 2>&1 \
      && answers "$address" && ! docker exec "$host" systemctl is-enabled --quiet gantry-node-runner.service \
      && ! docker exec "$host" systemctl is-active --quiet gantry-node-runner.service \
      && status=$(docker exec "$host" gantry status 2>&1) && grep -q 'Node runner: inside the control plane' <<<"$status"; then
    pass "./gantry up again with the default stopped and disabled the node runner's own unit, and Gantry answers with the node runner inside the control plane"
  else
    fail "the second ./gantry up: answers: $(answers "$address" && echo yes || echo no); node runner unit" \
      "$(docker exec "$host" systemctl is-enabled gantry-node-runner.service 2>&1), $(docker exec "$host" systemctl is-active gantry-node-runner.service 2>&1);" \
      "gantry status: $(docker exec "$host" gantry status 2>&1 | tr '\n' ' '); $(tail -n 20 "$WORK/up2.log")"
  fi
}

# Gantry answers at $1: its API's status (HTTPS; -k, as its certificate is of Gantry's own CA) and its
# router (404 for an app it has not).
answers() {
  curl -fsS -k -o /dev/null --max-time 5 "https://$1:8000/api/v1/status" 2>/dev/null \
    && [ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 -H 'Host: nothing.localhost' "http://$1:8080/" 2>/dev/null)" = 404 ]
}

lint
set_up
first_run
add_node
second_run_changes_nothing
firewall_holds_ipv6
second_router_admin_held
cluster_formed
backed_up
push_app && app_answers_from_another_host && served_from_node && upgrade_in_place && back_after_reboot
up_under_systemd
