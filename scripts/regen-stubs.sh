#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# regen-stubs.sh - rewrites the generated interop files of native/nanoframework (assembly
# header and method table with the predicted checksum, class header, marshalling) from the
# nanoFramework build of Phone.Crypto. Run after changing the binding, then update the
# hand-written user stub and run `bash scripts/test.sh device` (docs/device.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/nano/Phone.Crypto.Nano/Phone.Crypto.Nano.csproj -c Release -nologo -v q
dotnet run --project tools/interop-stubs/RegenStubs -c Release -- \
  tests/nano/Phone.Crypto.Nano/bin/Release/netstandard2.0/Phone.Crypto.dll native/nanoframework
