#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-core.sh LIBCORE.a - the C core (native/src) may reach outside itself
# only through backend.h (pci_be_*), storage.h (pci_storage_*), pc_platform.h
# (pci_platform_*), mlkem_port.h (pcq_*: native/pqclean's glue), memcpy and memset (DESIGN.md: no libc beyond them) and
# the compiler's own helpers (__*, e.g. __lshrdi3 for 64-bit shifts; libgcc,
# not libc). Any other undefined symbol (memcmp, memmove, strlen, abort,
# printf...) is a hidden host or libc dependency: fail.
set -euo pipefail
lib=$1
nm=xtensa-lx106-elf-nm
defined=$($nm --defined-only "$lib" 2>/dev/null | awk 'NF==3 {print $3}' | sort -u)
undefined=$($nm --undefined-only "$lib" 2>/dev/null | awk '{print $NF}' | grep -v ':$' | sort -u)
bad=$(comm -23 <(echo "$undefined") <(echo "$defined") |
      grep -Ev '^(pci_be_[a-z0-9_]+|pcq_[a-z0-9_]+|pci_storage_[a-z0-9_]+|pci_platform_(lock|unlock|run_deep)|memcpy|memset|__[a-z0-9_]+)$' || true)
if [[ -n $bad ]]; then
  echo "check-core: native/src reaches outside its interfaces:" $bad >&2
  exit 1
fi
