#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# header-names.sh NATIVE_DIR - no header in our include folders (native/nanoframework,
# native/include, native/src: the folders FindINTEROP-Phone.Crypto.cmake puts on the path of
# every translation unit of the nanoCLR image) may be found in place of another one:
#   1. no two of ours may differ only by case (Windows and macOS file systems fold case:
#      "phone_crypto.h" found Phone_Crypto.h beside the stub);
#   2. none may share a name, in any case, with a header of the compilers' system folders
#      (host gcc/g++ and the Xtensa gcc: libc, libstdc++, the compiler's own) - native/src/limits.h
#      hid <limits.h> from <climits>;
#   3. none may take a name that nanoCLR or ESP-IDF is known to use for its own header (list below).
set -euo pipefail
native=$(cd "$1" && pwd)
dirs=("$native/nanoframework" "$native/include" "$native/src")
mapfile -t ours < <(find "${dirs[@]}" -maxdepth 1 -type f \( -name '*.h' -o -name '*.hpp' \) -printf '%f\n' | sort)
((${#ours[@]} > 0)) || { echo "header names: no headers found under $native" >&2; exit 1; }
status=0

dups=$(printf '%s\n' "${ours[@]}" | tr '[:upper:]' '[:lower:]' | sort | uniq -d)
for lower in $dups; do
  echo "header names: these headers differ only by case (one hides the other on Windows/macOS):" >&2
  find "${dirs[@]}" -maxdepth 1 -type f -iname "$lower" | sed "s|^$native/|  native/|" >&2
  status=1
done

# The folders each compiler searches for <...>, as it reports them.
system_dirs() {
  "$@" -E -v - </dev/null 2>&1 >/dev/null |
    sed -n '/#include <...> search starts here:/,/End of search list./p' | sed '1d;$d;s/^ *//'
}
mapfile -t sysdirs < <({ system_dirs gcc -xc; system_dirs g++ -xc++; system_dirs xtensa-lx106-elf-gcc -xc; } |
                       sort -u)
((${#sysdirs[@]} > 0)) || { echo "header names: could not list the compilers' system folders" >&2; exit 1; }
system_names=$(for d in "${sysdirs[@]}"; do [[ -d $d ]] && ls -1 "$d"; done | tr '[:upper:]' '[:lower:]' | sort -u)

# Names used by nanoCLR or ESP-IDF headers: nf-interpreter@a3e8139 targets/ThreadX/_include/platform.h
# (included as <platform.h> by its WireProtocol files); ESP-IDF master (1021229) components/fatfs/src/diskio.c
# template includes "platform.h" and "storage.h" (a template, not compiled: storage.h is not listed).
known_elsewhere="platform.h"

for name in "${ours[@]}"; do
  lower=$(tr '[:upper:]' '[:lower:]' <<<"$name")
  if grep -qxF "$lower" <<<"$system_names"; then
    echo "header names: $name shares its name with a system header (<$lower>): rename it (pc_ prefix)" >&2
    status=1
  fi
  if grep -qxF "$lower" <<<"$known_elsewhere"; then
    echo "header names: $name is also a nanoCLR/ESP-IDF header name: rename it (pc_ prefix)" >&2
    status=1
  fi
done
((status == 0)) && echo "header names: ${#ours[@]} headers, none shadows another (${#sysdirs[@]} system folders checked)"
exit "$status"
