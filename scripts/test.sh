#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every test of the project: the stages in scripts/test.d/, in order.
#   bash scripts/test.sh            all stages
#   bash scripts/test.sh native     only stages whose name contains "native"
# Each stage's output goes to build/test-logs/<stage>.log and to the terminal; when a
# stage fails, its failure lines are repeated at the very end, where a CI log's tail shows them.
# Consecutive stages marked "# test.sh: parallel" in their header run at the same time (their
# output is printed when the last of them ends): after their builds they spend their time on
# one core each (a fuzzer for a fixed time, QEMU, node), so they share two cores without
# slowing each other much. The others run alone: the sanitizer build and crash-cut tests use
# both cores, and the managed suite has timing-sensitive tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh

filter=${1:-}
logs=build/test-logs
mkdir -p "$logs"
failed=()
start=$(date +%s)
# What one stage built for the next ones of this run (stage 50 -> 60: Phone.sln).
PHONE_TEST_STAMPS=$(mktemp -d)
export PHONE_TEST_STAMPS
trap 'rm -rf "$PHONE_TEST_STAMPS"' EXIT

parallel_stage() { head -n 5 "$1" | grep -q '^# test.sh: parallel'; }

# Runs a stage with its output in its log: exit status and seconds into <log>.result.
run_quiet() {
  local name=$1 stage=$2 t0 rc=0
  t0=$(date +%s)
  bash "$stage" >"$logs/$name.log" 2>&1 || rc=$?
  echo "$rc $(( $(date +%s) - t0 ))" >"$logs/$name.result"
}

report() { # name rc seconds
  if (($2 == 0)); then
    echo "==== $1: passed ($3 s)"
  else
    echo "==== $1: FAILED ($3 s)"
    failed+=("$1")
  fi
}

group=()
flush_group() {
  ((${#group[@]})) || return 0
  echo "==== running together: ${group[*]}"
  local pids=() name rc secs
  for name in "${group[@]}"; do
    run_quiet "$name" "scripts/test.d/$name.sh" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  for name in "${group[@]}"; do
    echo "==== $name"
    cat "$logs/$name.log"
    read -r rc secs <"$logs/$name.result"
    report "$name" "$rc" "$secs"
  done
  group=()
}

for stage in scripts/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  [[ -z $filter || $name == *"$filter"* ]] || continue
  if parallel_stage "$stage"; then
    group+=("$name")
    continue
  fi
  flush_group
  echo "==== $name"
  t0=$(date +%s)
  rc=0
  bash "$stage" 2>&1 | tee "$logs/$name.log" || rc=$?
  report "$name" "$rc" "$(( $(date +%s) - t0 ))"
done
flush_group
echo "==== total $(( $(date +%s) - start )) s"
if ((${#failed[@]})); then
  for name in "${failed[@]}"; do
    echo "==== why $name failed (from $logs/$name.log)"
    bash scripts/failure-lines.sh "$logs/$name.log"
  done
  echo "FAILED stages: ${failed[*]}"
  exit 1
fi
echo "all stages passed"
