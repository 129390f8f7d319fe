#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every test of the project: the stages in scripts/test.d/, in order.
#   bash scripts/test.sh            all stages
#   bash scripts/test.sh native     only stages whose name contains "native"
# Each stage's output goes to the terminal and to build/test-logs/<stage>.log; when a
# stage fails, its failure lines are repeated at the very end, where a CI log's tail shows them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh

filter=${1:-}
logs=build/test-logs
mkdir -p "$logs"
failed=()
start=$(date +%s)
for stage in scripts/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  [[ -z $filter || $name == *"$filter"* ]] || continue
  echo "==== $name"
  t0=$(date +%s)
  if bash "$stage" 2>&1 | tee "$logs/$name.log"; then
    echo "==== $name: passed ($(( $(date +%s) - t0 )) s)"
  else
    echo "==== $name: FAILED ($(( $(date +%s) - t0 )) s)"
    failed+=("$name")
  fi
done
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
