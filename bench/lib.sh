# Helpers shared by the bench/ scripts: timing with sub-second resolution and medians.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# wrk and nginx from Debian when missing (run as root); the package's own nginx is kept from starting
# on :80, as each benchmark starts only its own.
install_wrk_nginx() {
  if command -v wrk >/dev/null && command -v nginx >/dev/null; then return; fi
  local made_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null
  if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
}

# Exits when one of the ports is taken.
require_free_ports() {
  local port
  for port in "$@"; do
    if ss -Htln "sport = :$port" | grep -q .; then
      echo "port $port is in use; set BENCH_PORT_BASE to a free range" >&2; exit 1
    fi
  done
}

# Compiles the router and prints its class path (classes, then runtime jars). $1: the source tree,
# $2: a scratch file. Offline first, so a warm ~/.m2 needs no network. With -am, so that the modules
# the router uses (common, router-api, service-http) come from the same tree: a fresh checkout has none of them in ~/.m2.
# Compile and build-classpath run in one reactor, where the router's class path names their
# target/classes; each module writes the scratch file in turn, the router last.
router_classpath() {
  local src=$1 scratch=$2
  local args=(-q -B -f "$src/pom.xml" -pl router -am compile dependency:build-classpath
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$scratch")
  if ! mvn -o "${args[@]}" >/dev/null 2>&1; then
    mvn "${args[@]}" >&2
  fi
  echo "$src/router/target/classes:$(cat "$scratch")"
}

# The router's JVM options as ./gantry starts it (router/jvm.options of tree $1), on one line; $2 when
# the tree has no such file.
router_java_opts() {
  local file=$1/router/jvm.options
  if [ -f "$file" ]; then
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$file" | tr -s ' \n' ' ' | sed 's/ $//'
  else
    echo "${2:-}"
  fi
}

# Failed requests in wrk's report on stdin: socket errors (connect, read, write, timeout) + non-2xx.
wrk_errors() {
  awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); n += $1 + $2 + $3 + $4 } END { print n + 0 }'
}

# A key for this run in $1/key, registered as the administrator's (keys:add USER FILE would need a
# user of that name); remove_bench_key takes it away again by its fingerprint.
add_bench_key() {
  ssh-keygen -q -t ed25519 -N '' -f "$1/key"
  "$GANTRY_SRC/gantry" keys:add "$1/key.pub" >/dev/null
}

remove_bench_key() {
  [ -f "$1/key.pub" ] || return 0
  "$GANTRY_SRC/gantry" keys:remove "$(ssh-keygen -lf "$1/key.pub" | awk '{print $2}')" >/dev/null 2>&1 || true
}
