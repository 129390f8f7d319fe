#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-image.sh IMAGE.elf - fails if a bare-metal image links anything that
# has no place on the device: a heap, stdio, or abort/exit from libc. (The
# core may use memcpy/memset only; check-core.sh checks that per object.)
set -euo pipefail
image=$1
forbidden='^(malloc|free|calloc|realloc|_malloc_r|sbrk|_sbrk|printf|vfprintf|puts|fputs|fwrite|abort|exit|_exit|__assert_func|fopen|open|read|write)$'
bad=$(xtensa-lx106-elf-nm "$image" | awk '$2 ~ /^[TtWw]$/ {print $3}' | grep -E "$forbidden" || true)
if [[ -n $bad ]]; then
  echo "check-image: $image links forbidden symbols:" $bad >&2
  exit 1
fi
