#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-pqclean.sh LIBPQCLEAN.a - the ML-KEM library (PQClean's ml-kem-768/clean +
# fips202, with native/pqclean's glue) is third-party code held to an allow-list of
# its own: besides its own symbols (PQCLEAN_*, the fips202 functions, pcq_*) it may
# reach memcpy/memset, the backend's random source, wipe and comparison
# (pci_be_random, pci_be_wipe, pci_be_equal) and the compiler's helpers (__*).
# In particular no heap (fips202.c's malloc/free are pointed at a static pool by
# pq_fips202.c), no exit/abort from libc, no stdio.
set -euo pipefail
lib=$1
nm=xtensa-lx106-elf-nm
defined=$($nm --defined-only "$lib" 2>/dev/null | awk 'NF==3 {print $3}' | sort -u)
undefined=$($nm --undefined-only "$lib" 2>/dev/null | awk '{print $NF}' | grep -v ':$' | sort -u)
bad=$(comm -23 <(echo "$undefined") <(echo "$defined") |
      grep -Ev '^(pci_be_(random|wipe|equal)|memcpy|memset|__[a-z0-9_]+)$' || true)
if [[ -n $bad ]]; then
  echo "check-pqclean: the ML-KEM library reaches outside its allow-list:" $bad >&2
  exit 1
fi
