#!/usr/bin/env bash
# A fault test never passes without having run. engine-restart.sh, told to restart the engine by a
# pid that is not there (as on a host where neither systemd nor ./gantry runs it), must fail with the
# reason, where it once printed SKIP and exited 0, so that `./gantry test` passed without it.
#
#   GANTRY_APP_DIR  passed on to engine-restart.sh, which fails before using it
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
missing=$(mktemp -u /tmp/gantry-no-dockerd.XXXXXX.pid)

status=0
output=$(GANTRY_APP_DIR=${GANTRY_APP_DIR:-/nonexistent} GANTRY_ENGINE_RESTART=pid GANTRY_ENGINE_PID_FILE="$missing" \
  "$SRC/tests/faults/engine-restart.sh" 2>&1) || status=$?

if [ "$status" -ne 0 ] && grep -q "^FAIL set-up: cannot restart the Docker engine the way this host runs it" <<<"$output" \
    && ! grep -q '^SKIP' <<<"$output"; then
  printf 'PASS engine-restart.sh without an engine it can restart fails (exit %d) and says why\n' "$status"
else
  printf 'FAIL engine-restart.sh without an engine it can restart exited %d; it said:\n%s\n' "$status" "$output"
  exit 1
fi
