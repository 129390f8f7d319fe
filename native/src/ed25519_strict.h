// SPDX-License-Identifier: MIT
/*
 * ed25519_strict.h - the encoding checks the core runs before either
 * backend's Ed25519 equation, so that libsodium (host) and Monocypher (device) give
 * the same verdicts: Monocypher 4's crypto_ed25519_check alone accepts
 * non-canonical encodings of A and R and small-order points, which
 * libsodium's crypto_sign_verify_detached refuses.
 *
 * Only public inputs are inspected (a key and a signature), so the checks
 * need not be constant time. No point arithmetic: byte comparisons only.
 */
#ifndef PC_ED25519_STRICT_H
#define PC_ED25519_STRICT_H

#include <stddef.h>
#include <stdint.h>

/* 1 if enc (a 32-byte point encoding) has y < p = 2^255 - 19, ignoring the
 * sign bit of x (bit 255). */
int pci_ed25519_is_canonical(const uint8_t enc[32]);

/* 1 if enc is one of the small-order points' encodings (order 1, 2, 4 or 8;
 * libsodium's blocklist: the sign bit is ignored, and y = p, p + 1 are
 * listed as the non-canonical forms of 0 and 1). */
int pci_ed25519_is_small_order(const uint8_t enc[32]);

/* 1 if s (32 bytes, little-endian) is below the group order L. */
int pci_ed25519_scalar_is_canonical(const uint8_t s[32]);

/* 1 if the key and signature may go to the equation: A and R canonical and
 * not of small order, S < L. 0 means the signature is refused. */
int pci_ed25519_precheck(const uint8_t sig[64], const uint8_t pub[32]);

/* The core's one Ed25519 check: the precheck, then the backend's equation
 * (pci_be_ed25519_verify). 1 if sig is a valid signature of msg under pub. */
int pci_ed25519_verify(const uint8_t sig[64], const uint8_t *msg, size_t msg_len,
                       const uint8_t pub[32]);

#endif /* PC_ED25519_STRICT_H */
