#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's main job: two simulated phones (separate processes) pair (hybrid: X25519 +
# ML-KEM-768, "post-quantum: ML-KEM-768" on both pairing screens) and show the same
# code, confirm, call each other over the cached keys, stream audio with a mid-call re-key,
# and hang up. Extra arguments go to the simulator's `demo` command, for example
#   bash scripts/demo.sh --wav speech.wav --seconds 8
# The displays are written as PNG files to build/demo/ (see docs/simulator.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "demo: building the simulator (first run also builds the native core)..."
dotnet build boards/sim/Phone.Sim.csproj -c Release -nologo -v q -clp:"ErrorsOnly;NoSummary"
exec dotnet boards/sim/bin/Release/net10.0/Phone.Sim.dll demo --out build/demo "$@"
