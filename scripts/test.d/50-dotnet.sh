#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Managed side: builds the host solution (which includes the nano compile check projects:
# the firmware compiled against nanoFramework's mscorlib) and runs the xunit suite.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Code shape (issue 10): every C# member under firmware/ <= 40 lines, every file <= 400.
python3 scripts/code-shape.py
dotnet build Phone.sln -c Release -nologo -v q
# Phone.sln holds the device checks' project too: stage 60 of the same run needs no build.
[[ -z ${PHONE_TEST_STAMPS:-} ]] || touch "$PHONE_TEST_STAMPS/phone-sln-built"
dotnet test tests/Phone.Tests/Phone.Tests.csproj -c Release --no-build -nologo \
  --logger "console;verbosity=normal"
