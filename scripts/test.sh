#!/usr/bin/env bash
# Runs every test of the project: the stages in scripts/test.d/, in order.
#   bash scripts/test.sh            all stages
#   bash scripts/test.sh native     only stages whose name contains "native"
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh

filter=${1:-}
failed=()
start=$(date +%s)
for stage in scripts/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  [[ -z $filter || $name == *"$filter"* ]] || continue
  echo "==== $name"
  t0=$(date +%s)
  if bash "$stage"; then
    echo "==== $name: passed ($(( $(date +%s) - t0 )) s)"
  else
    echo "==== $name: FAILED ($(( $(date +%s) - t0 )) s)"
    failed+=("$name")
  fi
done
echo "==== total $(( $(date +%s) - start )) s"
if ((${#failed[@]})); then
  echo "FAILED stages: ${failed[*]}"
  exit 1
fi
echo "all stages passed"
