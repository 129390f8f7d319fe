#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what the build and tests need on a fresh Debian 12 machine of this kind
# (which already has the .NET SDK, gcc/g++, cmake, GoogleTest, Google Benchmark and Node).
# Idempotent: only missing packages are installed. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake pkg-config gcc g++ clang            # host build, libFuzzer (clang)
  libsodium-dev                             # host crypto backend
  libgtest-dev libbenchmark-dev             # native tests and benchmarks
  nlohmann-json3-dev                        # reading the JSON test vectors in C++ tests
  libclang-rt-14-dev                        # libFuzzer and sanitizer runtimes for clang
  valgrind                                  # constant-time check (memcheck, stage 25-ctgrind)
  qemu-system-misc gcc-xtensa-lx106 picolibc-xtensa-lx106-elf   # emulated Xtensa core
  dpkg-dev                                  # dpkg-source: libsodium reference C for Xtensa
  nodejs npm                                # independent Noise peers (npm)
  sox                                       # independent G.711 µ-law implementation (native tests)
  iproute2 ethtool                          # LAN test bed: namespaces, veth, checksum offload off
  avahi-daemon avahi-utils dbus python3-zeroconf   # independent mDNS stacks for the LAN stage
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from outside Debian (already on PATH): don't reinstall them.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # avahi-daemon must not start on the machine's own interfaces: the LAN stage runs its own
  # inside a network namespace. policy-rc.d stops the package from starting it now.
  policy=""
  if [[ " ${missing[*]} " == *" avahi-daemon "* && ! -e /usr/sbin/policy-rc.d ]]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
  fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [[ -n $policy ]]; then
    $sudo rm -f "$policy"
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
      $sudo systemctl disable avahi-daemon.socket avahi-daemon.service >/dev/null 2>&1 || true
    fi
  fi
fi
echo "setup: all packages present"
