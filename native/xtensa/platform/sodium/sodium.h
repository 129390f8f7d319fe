// SPDX-License-Identifier: MIT
/*
 * sodium.h - stands in for libsodium's umbrella header in the Xtensa build.
 *
 * native/backends/backend_libsodium.c (the host backend) is compiled
 * unchanged against libsodium's reference C files, which the build fetches
 * from Debian's source package (fetch-libsodium.sh). The umbrella header
 * would declare every libsodium API; this one declares the subset that is
 * compiled in (the real per-primitive headers from the same source tree), so
 * a backend calling anything else fails at compile time, not at link time.
 * sodium_init, sodium_misuse and randombytes_* come from sodium_shim.c.
 */
#ifndef XT_SODIUM_H
#define XT_SODIUM_H

#include "core.h"
#include "crypto_aead_chacha20poly1305.h"
#include "crypto_aead_xchacha20poly1305.h"
#include "crypto_core_hchacha20.h"
#include "crypto_generichash.h"
#include "crypto_generichash_blake2b.h"
#include "crypto_onetimeauth_poly1305.h"
#include "crypto_scalarmult.h"
#include "crypto_scalarmult_curve25519.h"
#include "crypto_sign_ed25519.h" /* verification only: open.c is compiled in */
#include "crypto_stream_chacha20.h"
#include "crypto_stream_xchacha20.h"
#include "crypto_verify_16.h"
#include "crypto_verify_32.h"
#include "crypto_verify_64.h"
#include "randombytes.h"
#include "utils.h"

#endif /* XT_SODIUM_H */
