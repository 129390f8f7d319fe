#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# compile-glue.sh NATIVE_DIR OUT_DIR - compiles the device glue the way nanoCLR's ESP32 image
# does (docs/device.md, "Checks in the test command"): every native/nanoframework/*.cpp as C++20
# and native/src/*.c, the NVS backend, the ESP32 platform file and the Monocypher backend as C,
# with nf-interpreter's ESP32 warning set and our include folders on the path of every
# translation unit, against declaration-only stand-ins of nanoCLR (../nanoclr_decls), ESP-IDF
# (../esp_idf_decls) and Monocypher (../monocypher_decls). Then links the objects into one
# relocatable object: every symbol left undefined must be a stand-in's (a stub whose signature
# drifted from the generated header, or a C function called with C++ linkage, stays undefined
# and fails here). Exits non-zero on the first failure; OUT_DIR gets the objects.
set -euo pipefail
native=$(cd "$1" && pwd)
out=$2
decls=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out" && mkdir -p "$out/obj"

# nf-interpreter@a3e8139 CMake/Modules/ESP32_GCC_options.cmake, without its two relaxations
# (-Wno-sign-compare -Wno-unused-parameter): our code builds under the stricter set.
flags=(-fmax-errors=10 -Wall -Wextra -Werror -Wshadow -Wimplicit-fallthrough -fshort-wchar -fno-builtin -fno-common
       -fno-exceptions -DTARGET=esp32 -DUSE_FPU=TRUE -DPLATFORM_ESP32 -DESP_PLATFORM)
# The image's include path: nanoCLR's and ESP-IDF's folders, then every interop assembly's
# (FindINTEROP-Phone.Crypto.cmake: native/nanoframework, native/include, native/src, Monocypher)
# - all before the compiler's own system folders, for every translation unit of the image.
incs=(-I"$decls/nanoclr_decls" -I"$decls/esp_idf_decls" -I"$decls/monocypher_decls"
      -I"$native/nanoframework" -I"$native/include" -I"$native/src")

c_sources=("$native"/src/*.c "$native"/nanoframework/*.c "$native"/backends/backend_monocypher.c)
# ML-KEM-768: PQClean (npm pqclean@0.8.1, fetched and hash-checked by fetch-pqclean.sh into
# build/, never committed) and our glue. FindINTEROP-Phone.Crypto.cmake puts PQClean's
# folders on these files' path only (its header names - api.h, kem.h, poly.h... - stay off
# every other translation unit's path), as here.
pq_glue=$(cd "$(dirname "$0")/../../../native/pqclean" && pwd)
pq_cache=${PC_PQCLEAN_CACHE:-build/pqclean-cache}
bash "$pq_glue/fetch-pqclean.sh" "$pq_cache"
pq_root=$(cd "$pq_cache/PQClean" && pwd)
pq_kem=$pq_root/crypto_kem/ml-kem-768/clean
pq_sources=("$pq_kem"/{cbd,indcpa,kem,ntt,poly,polyvec,reduce,symmetric-shake,verify}.c
            "$pq_glue"/pq_glue.c "$pq_glue"/pq_fips202.c)
pq_incs=(-I"$pq_kem" -I"$pq_root/common" -I"$pq_glue")
cxx_sources=("$native"/nanoframework/*.cpp)
probes_dir=$(cd "$(dirname "$0")" && pwd)

compile_c() { # gcc (x86-64 objects) and the Xtensa compiler (ILP32, as the ESP32's int/size_t)
  gcc -std=gnu17 "${flags[@]}" "${incs[@]}" -c "$1" -o "$out/obj/$(basename "$1").o"
  xtensa-lx106-elf-gcc -std=gnu17 "${flags[@]}" "${incs[@]}" -fsyntax-only "$1"
}
# C++20 as issue 8 asks, and gnu++2b, what ESP-IDF v5.5.4 itself passes (tools/cmake/build.cmake).
compile_cxx() {
  g++ -std=gnu++20 -fcheck-new "${flags[@]}" "${incs[@]}" -c "$1" -o "$out/obj/$(basename "$1").o" &&
    g++ -std=gnu++2b -fcheck-new "${flags[@]}" "${incs[@]}" -fsyntax-only "$1"
}

# Every file is tried (all errors in one run); the link check needs them all.
failed=()
for src in "${c_sources[@]}"; do compile_c "$src" || failed+=("$src"); done
for src in "${cxx_sources[@]}"; do compile_cxx "$src" || failed+=("$src"); done
for src in "${pq_sources[@]}"; do
  incs_saved=("${incs[@]}"); incs=("${pq_incs[@]}" "${incs[@]}")
  compile_c "$src" || failed+=("$src")
  incs=("${incs_saved[@]}")
done
# Any other translation unit of the image: the standard headers must still be the standard ones.
compile_c "$probes_dir/std_headers_probe.c" || failed+=("$probes_dir/std_headers_probe.c")
compile_cxx "$probes_dir/std_headers_probe.cpp" || failed+=("$probes_dir/std_headers_probe.cpp")
if ((${#failed[@]})); then
  echo "device glue: FAILED to compile: ${failed[*]##*/}" >&2
  exit 1
fi
echo "device glue: compiled ${#c_sources[@]} C, ${#pq_sources[@]} ML-KEM (PQClean + glue) and ${#cxx_sources[@]} C++ files (+2 standard-header probes)"

# One relocatable object: duplicate definitions fail here; undefined symbols are listed.
ld -r -o "$out/glue.o" "$out"/obj/*.o
allowed='^(Interop_Marshal_(INT32|UINT8_ARRAY)\(|SetResult_INT32\(|HAL_AddSoftRebootHandler\(|CLR_RT_TypedArray<unsigned char>::(CLR_RT_TypedArray|GetSize|GetBuffer)\(|nvs_(open|close|commit|get_blob|set_blob|erase_key)$|esp_fill_random$|esp_execute_shared_stack_function$|xSemaphoreCreateMutexStatic$|crypto_[a-z0-9_]+$|mem(cpy|set|cmp|chr|move)$|str(len|cmp|ncmp)$|__stack_chk_fail$|_GLOBAL_OFFSET_TABLE_$)'
unexpected=$(nm -u "$out/glue.o" | awk '{print $2}' | c++filt | grep -Ev "$allowed" || true)
if [[ -n $unexpected ]]; then
  echo "device glue: undefined symbols that no stand-in declares (a stub/header mismatch or a C/C++ linkage error):" >&2
  echo "$unexpected" | sed 's/^/  /' >&2
  exit 1
fi
echo "device glue: linked; every undefined symbol is nanoCLR's, ESP-IDF's, Monocypher's or libc's"
