#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# check-spdx.sh - every source file of the repository (tracked, or new and not ignored)
# starts with an SPDX licence line: on line 1, or line 2 after a #! line. Lists every file
# that does not and fails. The project licence is MIT (LICENSE).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Files the MetadataProcessor generates ("DO NOT EDIT"): kept byte for byte as it writes them
# (tools/interop-stubs reproduces them and stage 60 compares), so they carry no SPDX line.
generated=(
  native/nanoframework/Phone_Crypto.cpp
  native/nanoframework/Phone_Crypto.h
  native/nanoframework/Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.h
  native/nanoframework/Phone_Crypto_Phone_Crypto_Abi_NativeCrypto_mshl.cpp
)
source_file='\.(c|h|cc|cpp|hpp|cs|js|mjs|sh|py|cmake|S|ld)$|(^|/)CMakeLists\.txt$'

missing=()
checked=0
while IFS= read -r -d '' f; do
  [[ $f =~ $source_file ]] || continue
  [[ -f $f ]] || continue # deleted in the work tree
  skip=0
  for g in "${generated[@]}"; do [[ $f == "$g" ]] && skip=1; done
  ((skip)) && continue
  checked=$((checked + 1))
  head=$(head -n 2 "$f" | sed '1s/^\xEF\xBB\xBF//')
  first=${head%%$'\n'*}
  if [[ $first == '#!'* ]]; then
    line=$(sed -n 2p <<<"$head")
  else
    line=$first
  fi
  [[ $line =~ SPDX-License-Identifier:\ MIT ]] || missing+=("$f")
done < <(git ls-files -z --cached --others --exclude-standard)

if ((${#missing[@]})); then
  echo "check-spdx: ${#missing[@]} of $checked source files do not start with an SPDX line" \
       "(// SPDX-License-Identifier: MIT, or # ... in sh/cmake/python):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "check-spdx: all $checked source files start with an SPDX-License-Identifier: MIT line"
