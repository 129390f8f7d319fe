#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# LAN: DNS-SD over mDNS on a test bed of real network namespaces (needs root: ip netns).
# Three simulated phones and two independent mDNS stacks from Debian (avahi-daemon with
# avahi-browse/avahi-publish, python3-zeroconf) each in a namespace of its own, joined by a
# user-space hub that loses 10% of frames and delays each by 30 ms +/- 30 ms. Checks that
# Avahi and zeroconf resolve the phones, that the phones find both publishers, and that two
# phones pair from the list and call by contact after one's address changed
# (tests/lan/lan_test.py). Every namespace and process is removed at the end; nothing is
# sent on the machine's own interfaces. Logs of a failed run: build/test-logs/lan/.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build boards/sim/Phone.Sim.csproj -c Release -nologo -v q
sim=boards/sim/bin/Release/net10.0/Phone.Sim.dll
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo timeout --signal=TERM 150 /usr/bin/python3 tests/lan/lan_test.py --sim "$sim" --logs build/test-logs/lan
