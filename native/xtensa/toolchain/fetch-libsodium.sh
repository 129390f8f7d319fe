#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# fetch-libsodium.sh CACHE_DIR - libsodium's reference C for the Xtensa build.
#
# Gets Debian bookworm's libsodium *source* package with an apt configuration
# of its own (a throw-away sources.list holding one deb-src line, lists and
# cache under CACHE_DIR/apt: the machine's apt setup is not touched), checks
# the pinned hashes, and unpacks it with dpkg-source (Debian's patches applied)
# into CACHE_DIR/libsodium. Nothing fetched is ever committed: CACHE_DIR lives
# under build/ (git-ignored).
#
# Chain of trust: apt checks the Release file's signature against Debian's
# archive keyring and the .dsc/.tar hashes against the signed Sources index;
# on top of that this script pins the SHA-256 of each file. The upstream
# tarball (what gets compiled) must match its pin exactly. If Debian has
# replaced the pinned revision by a newer point release, the newer .dsc is
# accepted only when its upstream tarball still matches the pin, with a loud
# note (the Debian patch set differs): update the pins after reading its patches.
#
# Idempotent: a finished extraction (stamp file) is reused, so only the
# first build on a machine touches the network (about 2 s, 11 MB of index).
set -euo pipefail

cache=${1:?usage: fetch-libsodium.sh CACHE_DIR}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

pkg_version=1.0.18-1+deb12u1
dsc=libsodium_${pkg_version}.dsc
orig=libsodium_1.0.18.orig.tar.gz
dsc_sha256=2c23c57b5a9385dab5a1916014c9b5f2cdd7dadeb8a35b28c1bfb603ce7095c4
orig_sha256=d59323c6b712a1519a5daf710b68f5e7fde57040845ffec53850911f10a5d4f4
deb_sha256=f410474e46346b06b162defa05b1be26906aeed6cf309e3d4ebe30b4d1350733

src="$cache/libsodium"
stamp="$src/.extracted-$orig_sha256"
if [[ -f $stamp ]]; then
  exit 0
fi

apt_dir="$cache/apt"
rm -rf "$apt_dir"
mkdir -p "$apt_dir"/{lists/partial,cache/archives/partial,etc/sources.list.d,etc/preferences.d,dl}
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
  >"$apt_dir/etc/sources.list"
apt_opts=(
  -o "Dir::Etc::SourceList=$apt_dir/etc/sources.list"
  -o "Dir::Etc::SourceParts=$apt_dir/etc/sources.list.d"
  -o "Dir::Etc::Preferences=$apt_dir/etc/preferences.d"
  -o "Dir::Etc::PreferencesParts=$apt_dir/etc/preferences.d"
  -o "Dir::State::Lists=$apt_dir/lists"
  -o "Dir::Cache=$apt_dir/cache"
  -o "Debug::NoLocking=1"
  -o "APT::Sandbox::User=root"
)
[[ $(id -u) -eq 0 ]] || apt_opts=("${apt_opts[@]/APT::Sandbox::User=root/APT::Sandbox::User=$(id -un)}")

echo "fetch-libsodium: apt-get update (deb-src bookworm, private apt config in $apt_dir)"
apt-get "${apt_opts[@]}" update -qq
cd "$apt_dir/dl"
if ! apt-get "${apt_opts[@]}" source --download-only -qq "libsodium=$pkg_version" >/dev/null 2>&1; then
  echo "fetch-libsodium: NOTE: Debian no longer serves $pkg_version; trying the current bookworm" \
       "revision, accepted only if its upstream tarball matches the pinned hash" >&2
  apt-get "${apt_opts[@]}" source --download-only -qq libsodium >/dev/null
  dsc=$(ls libsodium_*.dsc | head -n1)
  dsc_sha256=$(sha256sum "$dsc" | cut -d' ' -f1)
  deb_sha256=""
  echo "fetch-libsodium: NOTE: using $dsc (sha256 $dsc_sha256): update the pins in $0" >&2
fi

check() { # file expected-sha256
  local got
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [[ $got != "$2" ]]; then
    echo "fetch-libsodium: HASH MISMATCH for $1: got $got, pinned $2" >&2
    exit 1
  fi
}
check "$dsc" "$dsc_sha256"
check "$orig" "$orig_sha256"
if [[ -n $deb_sha256 ]]; then
  check "libsodium_${pkg_version}.debian.tar.xz" "$deb_sha256"
fi

rm -rf "$src"
# dpkg-source checks every file listed in the .dsc against its checksums and
# applies debian/patches (a CVE fix in ed25519_ref10.c at the pinned revision).
# It cannot check the uploader's OpenPGP signature (no debian-keyring here) and
# says so on stderr; the archive signature and the pins above cover that.
dpkg-source -x "$dsc" "$src" >/dev/null 2>"$apt_dir/dpkg-source.log" || {
  cat "$apt_dir/dpkg-source.log" >&2
  exit 1
}
touch "$stamp"
echo "fetch-libsodium: libsodium $pkg_version extracted into $src"
