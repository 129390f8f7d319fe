#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The fuzz campaign, run by hand outside CI (CI keeps the short smoke, stage 20-fuzz):
# long libFuzzer runs of the native targets (tests/fuzz, ASan+UBSan) one at a time, and
# the managed datagram fuzzer (tests/fuzz/managed, SharpFuzz + afl++), all under nice.
#
#   bash scripts/fuzz-campaign.sh                 every target, then merge and report
#   bash scripts/fuzz-campaign.sh fuzz_store_load only that target (then merge and report)
#   bash scripts/fuzz-campaign.sh report          only rewrite docs/fuzz-campaign.md
#
# Executions per target: FUZZ_RUNS_<target> (defaults below: 10^8 native in all);
# FUZZ_MAX_SECONDS caps each target's time (default 3 h). FUZZ_NICE (default 15).
# The working corpora persist in build/fuzz-campaign/corpus/<target> across runs. After
# each target its corpus is minimised (libFuzzer -merge=1) into tests/fuzz/corpus/<target>
# (commit that), the figures go to build/fuzz-campaign/results.tsv and from there to
# docs/fuzz-campaign.md. A crash stops that target, keeps its reproducer in
# build/fuzz-campaign/artifacts/ and makes the script exit non-zero at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

out=build/fuzz-campaign
build=$out/build
nice_level=${FUZZ_NICE:-15}
max_seconds=${FUZZ_MAX_SECONDS:-10800}
native_targets=(fuzz_packet_open fuzz_handshake_read fuzz_store_load)
declare -A default_runs=(
  [fuzz_packet_open]=97500000
  [fuzz_handshake_read]=2000000
  [fuzz_store_load]=500000
  [managed_datagram]=2000000
)
# The core allocates nothing (static tables); ASan's quarantine would only hold libFuzzer's
# freed input copies and grows past libFuzzer's 2 GB limit within ~25M executions.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=8}
mkdir -p "$out/corpus" "$out/artifacts" "$out/logs"
results=$out/results.tsv
[[ -f $results ]] || printf 'target\tdate\texecutions\texec_per_s\tseconds\tcoverage\tfeatures\tcorpus_files\tcrashes\n' >"$results"
failed=0

runs_for() {
  local var="FUZZ_RUNS_$1"
  echo "${!var:-${default_runs[$1]}}"
}

build_native() {
  [[ -x $build/tests/fuzz/fuzz_packet_open ]] && [[ ${FUZZ_REBUILD:-1} == 0 ]] && return
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPC_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
  nice -n "$nice_level" cmake --build "$build" -j 2 >/dev/null
}

# libFuzzer -merge=1 into an empty folder keeps the smallest inputs that together reach
# every feature the committed seeds and the campaign's corpus reach; the generated seeds
# (seed-*, raw-*, slot-*, payload-*: the genuine messages) stay as they are.
merge_native() {
  local target=$1 bin=$build/tests/fuzz/$1 committed=tests/fuzz/corpus/$1
  local merged=$out/merged/$target
  rm -rf "$merged" && mkdir -p "$merged"
  nice -n "$nice_level" "$bin" -merge=1 -max_len=4096 "$merged" "$committed" \
    "$out/corpus/$target" >"$out/logs/$target-merge.log" 2>&1
  find "$committed" -maxdepth 1 -type f -name 'min-*' -delete
  for f in "$merged"/*; do
    [[ -s $f ]] || continue
    local sum; sum=$(sha1sum "$f" | cut -c1-40)
    # Inputs equal to a generated seed are already there under the seed's name.
    if ! find "$committed" -maxdepth 1 -type f ! -name 'min-*' -exec cmp -s "$f" {} \; -print \
        | grep -q .; then
      cp "$f" "$committed/min-$sum"
    fi
  done
}

run_native() {
  local target=$1 bin=$build/tests/fuzz/$1 runs; runs=$(runs_for "$1")
  local work=$out/corpus/$target log=$out/logs/$target.log
  mkdir -p "$work"
  cp -n tests/fuzz/corpus/"$target"/* "$work"/ 2>/dev/null || true
  echo "campaign: $target, $runs executions (log $log)"
  local t0 rc=0; t0=$(date +%s)
  nice -n "$nice_level" "$bin" -runs="$runs" -max_total_time="$max_seconds" -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" "$work" >"$log" 2>&1 || rc=$?
  local seconds=$(( $(date +%s) - t0 ))
  local execs eps last cov ft crashes=0
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  if ((rc != 0)); then
    crashes=1
    failed=1
    echo "campaign: $target FOUND A CRASH (exit $rc): see $log and $out/artifacts/" >&2
    # A crash ends libFuzzer without final stats: count the executions it logged.
    execs=${execs:-$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n 1)}
  fi
  merge_native "$target"
  local files; files=$(find "tests/fuzz/corpus/$target" -maxdepth 1 -type f | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$(date -u +%F)" "${execs:-0}" \
    "${eps:-0}" "$seconds" "${cov:-?}" "${ft:-?}" "$files" "$crashes" >>"$results"
  echo "campaign: $target done: ${execs:-0} executions, ${eps:-0}/s, cov ${cov:-?}, ft ${ft:-?}"
}

run_managed() {
  bash tests/fuzz/managed/campaign.sh "$out" "$(runs_for managed_datagram)" "$nice_level" \
    "$max_seconds" "$results" || failed=1
}

report() {
  python3 scripts/fuzz-campaign-report.py "$results" docs/fuzz-campaign.md
}

what=${1:-all}
case $what in
  report) ;;
  all)
    build_native
    for t in "${native_targets[@]}"; do run_native "$t"; done
    run_managed
    ;;
  managed_datagram) run_managed ;;
  fuzz_*) build_native; run_native "$what" ;;
  *) echo "usage: $0 [all|report|managed_datagram|${native_targets[*]// /|}]" >&2; exit 2 ;;
esac
report
exit "$failed"
