#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fetch-pqclean.sh DEST_DIR - PQClean's ML-KEM-768 C sources for every build of the core.
#
# ML-KEM-768 comes from PQClean (crypto_kem/ml-kem-768/clean + common/fips202) as the
# npm package pqclean@0.8.1 ships it under deps/PQClean/. This script fetches that
# package with the ordinary npm client (`npm pack`, no install scripts run), checks the
# tarball's SHA-256 against the pin below, and extracts only the files the core compiles
# into DEST_DIR (a build folder: never committed). Prints nothing on a cache hit.
#
# The host library (native/CMakeLists.txt), the Xtensa image (native/xtensa) and the
# device build (native/nanoframework/FindINTEROP-Phone.Crypto.cmake) all call it, so all
# three compile the same bytes. Set PQCLEAN_TGZ to a local copy of the tarball to build
# offline (it must still match the pin).
set -euo pipefail

dest=${1:?usage: fetch-pqclean.sh DEST_DIR}
pkg=pqclean@0.8.1
tgz_name=pqclean-0.8.1.tgz
tgz_sha256=0ba5483b34b8d8dce03d569c8a8962049ff94723c26184fa84a0bc6b2b0f4a36

mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
# What the core compiles: ML-KEM-768 clean and the common files it includes.
members=(
  package/deps/PQClean/crypto_kem/ml-kem-768/clean
  package/deps/PQClean/common/fips202.c package/deps/PQClean/common/fips202.h
  package/deps/PQClean/common/randombytes.h package/deps/PQClean/common/compat.h
  package/deps/PQClean/common/crypto_declassify.h
)
stamp="$dest/.extracted-$tgz_sha256-$(echo "${members[*]}" | sha256sum | cut -c1-12)"
[[ -f $stamp ]] && exit 0

dl="$dest/dl"
rm -rf "$dl" && mkdir -p "$dl"
if [[ -n ${PQCLEAN_TGZ:-} ]]; then
  cp "$PQCLEAN_TGZ" "$dl/$tgz_name"
else
  (cd "$dl" && npm pack --silent --ignore-scripts "$pkg" >/dev/null)
fi
got=$(sha256sum "$dl/$tgz_name" | cut -d' ' -f1)
if [[ $got != "$tgz_sha256" ]]; then
  echo "fetch-pqclean: HASH MISMATCH for $tgz_name: got $got, pinned $tgz_sha256" >&2
  exit 1
fi

rm -rf "$dest/PQClean"
# ml-kem-768/clean/LICENSE: public domain (CC0).
tar -xzf "$dl/$tgz_name" -C "$dl" "${members[@]}"
mv "$dl/package/deps/PQClean" "$dest/PQClean"
rm -rf "$dl"
touch "$stamp"
echo "fetch-pqclean: $pkg (sha256 $tgz_sha256) extracted into $dest/PQClean" >&2
