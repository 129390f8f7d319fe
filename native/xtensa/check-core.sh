#!/usr/bin/env bash
# check-core.sh LIBCORE.a - the C core (native/src) may reach outside itself
# only through backend.h (pc_be_*), storage.h (pc_storage_*), platform.h
# (pc_platform_*), string.h (memcpy, memset, memcmp, memmove, strlen: every
# libc has them, ESP-IDF's newlib included) and compiler helpers (__*). Any
# other undefined symbol is a hidden host or libc dependency: fail.
# (DESIGN.md says "no libc beyond memcpy/memset"; memmove and strlen are used
# by cipher_state.c and handshake.c and are harmless, but listed here
# explicitly so a new one is a decision, not an accident.)
set -euo pipefail
lib=$1
nm=xtensa-lx106-elf-nm
defined=$($nm --defined-only "$lib" 2>/dev/null | awk 'NF==3 {print $3}' | sort -u)
undefined=$($nm --undefined-only "$lib" 2>/dev/null | awk '{print $NF}' | grep -v ':$' | sort -u)
bad=$(comm -23 <(echo "$undefined") <(echo "$defined") |
      grep -Ev '^(pc_be_[a-z0-9_]+|pc_storage_[a-z0-9_]+|pc_platform_(lock|unlock)|memcpy|memset|memcmp|memmove|strlen|__[a-z0-9_]+)$' || true)
if [[ -n $bad ]]; then
  echo "check-core: native/src reaches outside its interfaces:" $bad >&2
  exit 1
fi
