#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Device shell (issue 4): the device test suite (tests/device) run on the host through the
# TestFramework adapter, and the consistency checks: interop stubs vs the compiled binding
# (MetadataProcessor ordering), .nfproj/.sln/packages.config, FindINTEROP source list, and
# that each board app lists and references its packages' whole NuGet closure (boards/package-closure.json),
# and that tools/nfproj/nfproj.py regenerates every committed .nfproj/packages.config unchanged.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
python3 tools/nfproj/check_package_closure.py --prove
python3 tools/nfproj/check_generated.py --prove
# Built by stage 50 of the same test.sh run (Phone.sln), or here when this stage runs alone.
no_build=()
[[ -f ${PHONE_TEST_STAMPS:-/nonexistent}/phone-sln-built ]] && no_build=(--no-build)
dotnet test tests/device/Host/Phone.DeviceTests.Host.csproj -c Release -nologo "${no_build[@]}" \
  --logger "console;verbosity=normal"
