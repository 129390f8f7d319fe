#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# test.sh: parallel
# Constant-time check of the core's secret-dependent code (tests/ctgrind): ct_check runs
# a pairing, store reopen, contact lookup, call and packet exchange under valgrind
# memcheck with every secret marked undefined; a branch or memory index on a secret is
# a memcheck error and fails the stage. Then the two planted leaks (an early-exit compare
# in the contact lookup, a table index from a cipher key) must each be reported, which
# proves the check can fail. Details: docs/native-api.md "Constant-time check".
set -euo pipefail
build=build/ctgrind
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPC_CTGRIND=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j 2 --target ct_check
check=$build/tests/ctgrind/ct_check
logs=$build/logs
mkdir -p "$logs"
verdict=42

# run MODE: valgrind's exit status for ct_check MODE on fresh flash folders.
run() {
  local dir rc=0
  dir=$(mktemp -d)
  valgrind --tool=memcheck --error-exitcode=$verdict --track-origins=yes --num-callers=20 \
    --suppressions=tests/ctgrind/backend.supp "$check" "$1" "$dir" >"$logs/$1.log" 2>&1 || rc=$?
  rm -rf "$dir"
  return $rc
}

rc=0; run none || rc=$?
if ((rc != 0)); then
  cat "$logs/none.log"
  echo "ctgrind: FAILED: secret-dependent branch or index (memcheck errors above), or a step failed (exit $rc)" >&2
  exit 1
fi
grep -E 'ERROR SUMMARY|every step' "$logs/none.log" | sed 's/^==[0-9]*== //'

# Each planted leak must be reported at the planted place.
for plant in plant-branch:__wrap_pci_be_equal plant-index:__wrap_pci_be_aead_seal; do
  mode=${plant%%:*} where=${plant#*:}
  rc=0; run "$mode" || rc=$?
  if ((rc != verdict)) || ! grep -q "at 0x[0-9A-F]*: $where" "$logs/$mode.log"; then
    cat "$logs/$mode.log"
    echo "ctgrind: FAILED: the planted leak ($mode, in $where) was not reported (exit $rc)" >&2
    exit 1
  fi
  echo "ctgrind: planted leak $mode caught: $(grep -m1 -E 'Conditional jump|Use of uninitialised' \
    "$logs/$mode.log" | sed 's/^==[0-9]*== //') in $where"
done
echo "ctgrind: no secret-dependent branch or index; both planted leaks caught"
