#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Device shell (issue 4): the device test suite (tests/device) run on the host through the
# TestFramework adapter, and the consistency checks: interop stubs vs the compiled binding
# (MetadataProcessor ordering), .nfproj/.sln/packages.config, FindINTEROP source list.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test tests/device/Host/Phone.DeviceTests.Host.csproj -c Release -nologo \
  --logger "console;verbosity=normal"
