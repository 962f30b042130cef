# shellcheck shell=bash
# How the root-only test scripts (tests/faults, tests/cluster) say what they found, sourced by each:
# one PASS or FAIL line per case, and a FAIL for a set-up that stopped before any case could.
failures=0

pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }

# For the script's EXIT trap, with the exit status it caught.
fail_if_set_up_stopped() {
  [ "$1" -eq 0 ] || [ $failures -gt 0 ] || printf 'FAIL set-up stopped (exit %d); the reason is above\n' "$1"
}
