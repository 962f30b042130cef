#!/usr/bin/env bash
# Cold and warm builds of apps without a Dockerfile, side by side: the java-maven, node (Express with
# a build script) and node-express (Express, no build step) samples of test-apps/ pushed to a running
# Gantry. Each run makes one cold build (a unique description in pom.xml or package.json, so the
# dependency layer misses the cache and every dependency downloads again) and then one warm build (a
# source file changes, the dependency manifest does not). The figure is the build's own time as the
# push reports it ("-----> Built ... in X s"); the stack images are built before the first run, off
# the clock. Prints every run, the medians, warm as a share of cold (target: at most 25%) and the
# size of each app's final image. Needs a running Gantry (./gantry up; GANTRY_HOME, GANTRY_API_PORT
# and GANTRY_SSH_PORT choose which) and root.
# Usage: bench/build.sh [RUNS]   (default 3)
set -euo pipefail
RUNS=${1:-3}
GANTRY_SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$GANTRY_SRC/bench/lib.sh"
SSH_PORT=${GANTRY_SSH_PORT:-2222}
SAMPLES=(java-maven node node-express)
work=$(mktemp -d)
trap 'cleanup' EXIT

cleanup() {
  local sample
  for sample in "${SAMPLES[@]}"; do
    "$GANTRY_SRC/gantry" apps:destroy "$(app_of "$sample")" --force >/dev/null 2>&1 || true
  done
  remove_bench_key "$work"
  rm -rf "$work"
}

app_of() { echo "bench-build-$1-$$"; }

# Makes the dependency manifest unique to this run, so its layer cannot come from the cache.
stamp_dependencies() {
  case $1 in
    java-maven) sed -i "s|<description>.*</description>|<description>bench run $2</description>|" pom.xml ;;
    node*) sed -i "s|\"description\": \"[^\"]*\"|\"description\": \"bench run $2\"|" package.json ;;
  esac
}

# Changes a source file only.
touch_source() {
  case $1 in
    java-maven) echo "// bench run $2" >>src/main/java/dev/gantry/testapps/Hello.java ;;
    node*) echo "// bench run $2" >>server.js ;;
  esac
}

# Commits, pushes and prints the build's seconds from the push output.
push_and_time_build() {
  local output
  git commit -qam "$1"
  output=$(git push paas main 2>&1) || { echo "$output" >&2; echo "push failed: $1" >&2; return 1; }
  echo "$output" | sed -n 's/.*-----> Built gantry\/[^ ]* in \([0-9.]*\) s.*/\1/p' | tail -n1
}

add_bench_key "$work"
export GIT_SSH_COMMAND="ssh -i $work/key -p $SSH_PORT -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"

for sample in "${SAMPLES[@]}"; do
  mkdir "$work/$sample" && cp -R "$GANTRY_SRC/test-apps/$sample/." "$work/$sample/"
  (cd "$work/$sample" && git init -q -b main && git config user.email bench@localhost && git config user.name bench \
    && git remote add paas "ssh://gantry@127.0.0.1:$SSH_PORT/$(app_of "$sample")" && git add -A && git commit -qm sample \
    && git push -q paas main >/dev/null 2>&1) || { echo "the first push of $sample failed" >&2; exit 1; }
done

declare -A cold warm
columns() { printf '%-7s' "$1"; shift; printf ' %18s' "$@"; printf '\n'; }
header=()
for sample in "${SAMPLES[@]}"; do header+=("${sample}_cold_s" "${sample}_warm_s"); done
columns run "${header[@]}"
for i in $(seq 1 "$RUNS"); do
  row=()
  for sample in "${SAMPLES[@]}"; do
    cd "$work/$sample"
    stamp_dependencies "$sample" "$$-$i"
    c=$(push_and_time_build "cold $i")
    touch_source "$sample" "$i"
    w=$(push_and_time_build "warm $i")
    cold[$sample]+="$c " warm[$sample]+="$w "
    row+=("$c" "$w")
  done
  columns "$i" "${row[@]}"
done

medians=() shares=()
for sample in "${SAMPLES[@]}"; do
  c=$(printf '%s\n' ${cold[$sample]} | median) w=$(printf '%s\n' ${warm[$sample]} | median)
  medians+=("$c" "$w")
  shares+=("$(awk -v s="$sample" -v c="$c" -v w="$w" 'BEGIN {printf "%s %.0f%%", s, 100*w/c}')")
done
columns median "${medians[@]}"
echo "warm as a share of cold: $(IFS=,; echo "${shares[*]}" | sed 's/,/, /g') (target: at most 25%)"

for sample in "${SAMPLES[@]}"; do
  # The newest build's image; the repository also holds the stages kept for the next build (cache-N).
  image=$(docker images --format '{{.Repository}}:{{.Tag}}' "gantry/$(app_of "$sample")" | grep ':build-' | head -n1)
  docker image inspect -f '{{.Size}}' "$image" \
    | awk -v s="$sample" -v i="$image" '{printf "final image of %s: %.0f MB (%s)\n", s, $1/1e6, i}'
done
