// SPDX-License-Identifier: MIT
/*
 * sodium_shim.c - the parts of libsodium's core the Xtensa build replaces:
 * sodium_init, sodium_misuse and the random source. (sodium_memzero,
 * sodium_memcmp and sodium_is_zero are libsodium's own sodium/utils.c.)
 *
 * ###################################################################
 * ##  TEST-ONLY RANDOM SOURCE. NOT RANDOM. NEVER SHIP THIS.          ##
 * ##  randombytes_buf() here is a DETERMINISTIC test DRBG: the       ##
 * ##  ChaCha20 keystream of a fixed, public seed. Every run of an    ##
 * ##  image produces the same "random" keys, so runs are repeatable ##
 * ##  on the emulator. Keys made with it are known to anyone.        ##
 * ##  The device gets its randomness from esp_fill_random (Monocypher ##
 * ##  backend); the host from libsodium's getrandom().               ##
 * ###################################################################
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sodium.h"

#include "semihost.h"
#include "xt_drbg.h"

/* The default implementations libsodium picks without sodium_init are the
 * reference ones (the only ones compiled in), so there is nothing to pick. */
int sodium_init(void)
{
    return 0;
}

void sodium_misuse(void)
{
    xt_puts("FATAL: sodium_misuse() (a libsodium API precondition failed)\n");
    xt_exit(98);
}

static uint8_t drbg_key[crypto_stream_chacha20_ietf_KEYBYTES];
static uint32_t drbg_block;     /* ChaCha20 block counter of the next call */
static uint32_t drbg_stream;    /* nonce word: moves on at every reseed     */

void xt_test_drbg_seed(const uint8_t seed[32])
{
    memcpy(drbg_key, seed, sizeof drbg_key);
    drbg_block = 0;
    drbg_stream++;
}

void randombytes_buf(void *const buf, const size_t size)
{
    uint8_t nonce[crypto_stream_chacha20_ietf_NONCEBYTES] = { 0 };

    nonce[0] = (uint8_t)drbg_stream;
    nonce[1] = (uint8_t)(drbg_stream >> 8);
    nonce[2] = (uint8_t)(drbg_stream >> 16);
    nonce[3] = (uint8_t)(drbg_stream >> 24);
    memset(buf, 0, size);
    /* Every call starts at a fresh 64-byte block, so outputs never overlap. */
    crypto_stream_chacha20_ietf_xor_ic(buf, buf, size, nonce, drbg_block, drbg_key);
    drbg_block += (uint32_t)((size + 63u) / 64u);
}

uint32_t randombytes_random(void)
{
    uint8_t b[4];
    randombytes_buf(b, sizeof b);
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

int randombytes_close(void)
{
    return 0;
}

void randombytes_stir(void)
{
}
