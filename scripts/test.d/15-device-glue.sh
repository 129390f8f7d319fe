#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Device glue (issue 8): compiles the interop stubs, the C core, the NVS and ESP32 platform
# files as nanoCLR's ESP32 image does - nf-interpreter's warning set, C++20/C, our include
# folders on every translation unit's path - against declaration-only stand-ins of nanoCLR and
# ESP-IDF (tests/native/nanoclr_decls, esp_idf_decls), links the objects to check that every
# symbol left undefined is theirs, and checks that no header of ours can hide another one.
# Then proves the stage catches the two blockers issue 8 found, by putting each back into a
# scratch copy of native/ and requiring the checks to fail for the right reason:
#   guard  - the C API header named phone_crypto.h with guard PHONE_CRYPTO_H, as the generated
#            Phone_Crypto.h (same guard; same name on a case-folding file system);
#   limits - native/src/limits.h, which hid the system <limits.h> from <climits>.
set -euo pipefail
export LC_ALL=C   # plain quotes in compiler messages, matched below
out=build/device-glue
glue=tests/native/device_glue
rm -rf "$out" && mkdir -p "$out"

bash "$glue/header-names.sh" native
bash "$glue/compile-glue.sh" native "$out/tree"

# scratch NAME: a copy of the folders the image compiles, in $out/proof-NAME/native.
scratch() {
  local dir=$out/proof-$1/native
  mkdir -p "$dir"
  cp -r native/include native/src native/nanoframework native/backends "$dir"/
  echo "$dir"
}
# must_fail NAME WHAT PATTERN CMD...: CMD must fail and its output must match PATTERN.
must_fail() {
  local name=$1 what=$2 pattern=$3 log=$out/proof-$1/$2.log
  shift 3
  if "$@" >"$log" 2>&1; then
    echo "device glue: proof '$name': the $what check PASSED with the blocker put back ($log)" >&2
    exit 1
  fi
  if ! grep -Eq "$pattern" "$log"; then
    echo "device glue: proof '$name': the $what check failed, but not with /$pattern/ ($log):" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  echo "device glue: proof '$name': the $what check fails as it must: $(grep -Em1 "$pattern" "$log" | cut -c1-150)"
}

# guard: rename the C API header back and give it the generated header's guard.
dir=$(scratch guard)
mv "$dir/include/phone_crypto_api.h" "$dir/include/phone_crypto.h"
sed -i 's/PHONE_CRYPTO_API_H/PHONE_CRYPTO_H/g' "$dir/include/phone_crypto.h"
grep -rl 'phone_crypto_api\.h' "$dir" | xargs -r sed -i 's/phone_crypto_api\.h/phone_crypto.h/g'
grep -q '^#define PHONE_CRYPTO_H' "$dir/include/phone_crypto.h" && grep -rq '"phone_crypto.h"' "$dir/nanoframework" ||
  { echo "device glue: proof 'guard' could not be set up (did phone_crypto_api.h change?)" >&2; exit 1; }
must_fail guard compile "error: '(pc|PC)_[A-Za-z_]+' was not declared" bash "$glue/compile-glue.sh" "$dir" "$out/proof-guard/obj"
must_fail guard header-name "differ only by case" bash "$glue/header-names.sh" "$dir"

# limits: the core's limits header back under the standard name.
dir=$(scratch limits)
mv "$dir/src/pc_limits.h" "$dir/src/limits.h"
grep -rl 'pc_limits\.h' "$dir" | xargs -r sed -i 's/pc_limits\.h/limits.h/g'
[[ -f $dir/src/limits.h ]] && grep -rq '"limits.h"' "$dir/src" ||
  { echo "device glue: proof 'limits' could not be set up (did pc_limits.h change?)" >&2; exit 1; }
must_fail limits compile "FAILED to compile:.*std_headers_probe\.c .*std_headers_probe\.cpp" \
  bash "$glue/compile-glue.sh" "$dir" "$out/proof-limits/obj"
must_fail limits header-name "limits.h shares its name with a system header" bash "$glue/header-names.sh" "$dir"
grep -m1 "atomic_wait.h.*INT_MAX" "$out/proof-limits/compile.log" | sed "s|^.*/include/|  as issue 8 saw: |" || true
echo "device glue: passed (the two blockers of issue 8 are caught)"
