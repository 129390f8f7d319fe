#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The managed part of the fuzz campaign (called by scripts/fuzz-campaign.sh):
# Phone.Fuzz.Datagram under afl-fuzz (Debian's afl++) in SharpFuzz's AFL mode, with
# Phone.Firmware.dll instrumented by the SharpFuzz tool (NuGet SharpFuzz.CommandLine).
#   campaign.sh OUT RUNS NICE MAX_SECONDS RESULTS_TSV
# afl-cmin minimises the queue into tests/fuzz/corpus/managed_datagram (min-<sha1> files
# beside the generated seeds); crashes are copied to OUT/artifacts and replayed with the
# uninstrumented build so the broken promise is printed. Exit 1 if afl saved a crash.
set -euo pipefail
out=$1 runs=$2 nice_level=$3 max_seconds=$4 results=$5
project=tests/fuzz/managed/Phone.Fuzz.Datagram.csproj
corpus=tests/fuzz/corpus/managed_datagram
work=$out/managed
tools=$out/tools

if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends afl++ >/dev/null
fi
[[ -x $tools/sharpfuzz ]] ||
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null

rm -rf "$work" && mkdir -p "$work"
nice -n "$nice_level" dotnet build "$project" -c Release -nologo -v q -o "$work/plain" >/dev/null
cp -r "$work/plain" "$work/afl"
"$tools/sharpfuzz" "$work/afl/Phone.Firmware.dll" >/dev/null
run_target=("$(command -v dotnet)" "$work/afl/Phone.Fuzz.Datagram.dll" afl)

# The managed target has no ASan; afl-fuzz refuses an ASAN_OPTIONS without abort_on_error.
unset ASAN_OPTIONS
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CRASHES=1
echo "campaign: managed_datagram, $runs executions (log $out/logs/managed_datagram.log)"
t0=$(date +%s)
nice -n "$nice_level" afl-fuzz -i "$corpus" -o "$work/afl-out" -t 5000 -m none -E "$runs" \
  -V "$max_seconds" -- "${run_target[@]}" >"$out/logs/managed_datagram.log" 2>&1 || true
seconds=$(( $(date +%s) - t0 ))
stats=$work/afl-out/default/fuzzer_stats
if [[ ! -f $stats ]]; then
  tail -n 5 "$out/logs/managed_datagram.log" >&2
  echo "campaign: managed_datagram: afl-fuzz did not run (see $out/logs/managed_datagram.log)" >&2
  exit 1
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
execs=$(stat execs_done) edges=$(stat edges_found) cvg=$(stat bitmap_cvg)
crashes=$(stat saved_crashes)
eps=$(( seconds > 0 ? execs / seconds : 0 ))

# Minimise: afl-cmin keeps the smallest inputs that reach every edge tuple of the queue.
rm -rf "$work/min"
if ! nice -n "$nice_level" afl-cmin -i "$work/afl-out/default/queue" -o "$work/min" -t 5000 \
    -m none -- "${run_target[@]}" >"$out/logs/managed_datagram-cmin.log" 2>&1; then
  echo "campaign: afl-cmin failed (see $out/logs/managed_datagram-cmin.log); queue kept as is" >&2
  mkdir -p "$work/min" && cp "$work/afl-out/default/queue"/id* "$work/min"/
fi
find "$corpus" -maxdepth 1 -type f -name 'min-*' -delete
for f in "$work/min"/*; do
  [[ -s $f ]] || continue
  if ! find "$corpus" -maxdepth 1 -type f -exec cmp -s "$f" {} \; -print | grep -q .; then
    cp "$f" "$corpus/min-$(sha1sum "$f" | cut -c1-40)"
  fi
done
files=$(find "$corpus" -maxdepth 1 -type f | wc -l)

failed=0
if ((crashes > 0)); then
  failed=1
  mkdir -p "$out/artifacts/managed_datagram"
  cp "$work/afl-out/default/crashes"/id* "$out/artifacts/managed_datagram"/
  echo "campaign: managed_datagram FOUND $crashes CRASHES; replayed without instrumentation:" >&2
  dotnet "$work/plain/Phone.Fuzz.Datagram.dll" replay "$out/artifacts/managed_datagram" >&2 || true
fi
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' managed_datagram "$(date -u +%F)" "$execs" "$eps" \
  "$seconds" "$cvg" "$edges edges" "$files" "$crashes" >>"$results"
echo "campaign: managed_datagram done: $execs executions, $eps/s, $edges edges ($cvg), $crashes crashes"
exit $failed
