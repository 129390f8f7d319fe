#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the transcript vectors (tests/vectors/transcript.json, docs/protocol.md "Test
# vectors") from the code: builds tools/vectors (and with it the native test build,
# libphonecrypto_testhooks.so), runs the fixed-seed scenario through the firmware and writes
# the JSON. Run it after any wire change; PhoneVectorsReplayTests fails until you do.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tools/vectors/Phone.Vectors.csproj -c Release -nologo -v q
dotnet tools/vectors/bin/Release/net10.0/Phone.Vectors.dll write tests/vectors/transcript.json
