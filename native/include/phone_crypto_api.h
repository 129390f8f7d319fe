// SPDX-License-Identifier: MIT
/*
 * phone_crypto_api.h - the native security core's whole interop surface.
 *
 * Every function here is called from managed code through exactly one binding
 * class (firmware/Phone.Crypto/Abi/NativeCrypto.cs): DllImport on the host,
 * InternalCall stubs on nanoFramework (native/nanoframework/). Arguments are
 * therefore only int32 and byte buffers, each buffer passed with the length of
 * the whole managed array so native code bounds-checks every access itself.
 *
 * Objects live in fixed static tables and are named by handles (int32 >= 0).
 * A handle carries a slot index and a generation, so a stale handle after
 * free is refused with PC_E_HANDLE instead of touching a reused slot.
 *
 * Return values: >= 0 is success (a handle, a length or a count as
 * documented), < 0 is one of the pc_status codes below. Every failing call
 * leaves every object exactly as it was before the call.
 *
 * Secret key bytes never cross this interface: not the identity key, not
 * ephemeral keys, not transport keys, not resumption secrets.
 */
#ifndef PHONE_CRYPTO_API_H
#define PHONE_CRYPTO_API_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PC_BUILD_SHARED) && defined(__GNUC__)
#define PC_API __attribute__((visibility("default")))
#else
#define PC_API
#endif

/* Bump whenever a signature, a constant below or a wire layout changes; the
 * nanoFramework AssemblyNativeVersion follows it (docs/native-api.md). */
#define PC_API_VERSION 6 /* 2: pc_media_*; 3: pc_hs_kem_* (hybrid pairing, ML-KEM-768);
                          * 4: pc_contact_page, pc_contact_remember_flags, 1,000 contacts,
                          *    PC_STORE_MIGRATED
                          * 5: pc_org_* (organisation trust, certificates)
                          * 6: pc_cookie_* (stateless cookie under load) */

/* ---- sizes ---------------------------------------------------------------- */
#define PC_KEY_LEN 32           /* X25519 public keys, symmetric keys        */
#define PC_HASH_LEN 64          /* BLAKE2b-512: Noise handshake hash          */
#define PC_TAG_LEN 16           /* Poly1305 tag                               */
#define PC_MAX_HS_MSG_LEN 1024  /* one Noise handshake message, payload incl. */
#define PC_MAX_PACKET_LEN 1200  /* one sealed session packet (one datagram)   */
#define PC_MAX_NAME_LEN 32      /* contact display name, UTF-8 bytes          */
#define PC_KEM_PUBLIC_LEN 1184  /* ML-KEM-768 encapsulation key (hybrid pairing) */
#define PC_KEM_CIPHERTEXT_LEN 1088 /* ML-KEM-768 ciphertext                   */

/* Sealed session packet header: bytes the native side owns. The rest of the
 * header (hdr_len >= PC_PKT_MIN_HDR_LEN) belongs to the caller and is
 * authenticated as associated data together with these fields. */
#define PC_PKT_PHASE_OFFSET 2   /* 1 byte: key phase (generation<<4 | epoch) */
#define PC_PKT_COUNTER_OFFSET 8 /* 8 bytes little-endian: explicit counter   */
#define PC_PKT_MIN_HDR_LEN 16
#define PC_REPLAY_WINDOW 256    /* packets accepted out of order              */

/* Public record of a contact as pc_contact_read returns it. */
#define PC_CONTACT_FLAGS_OFFSET 0   /* 1 byte: PC_CONTACT_* flags         */
#define PC_CONTACT_NAME_LEN_OFFSET 1 /* 1 byte                            */
#define PC_CONTACT_NAME_OFFSET 2    /* PC_MAX_NAME_LEN bytes, zero padded */
#define PC_CONTACT_KEY_OFFSET 34    /* PC_KEY_LEN bytes: pinned static key */
#define PC_CONTACT_GEN_OFFSET 66    /* 4 bytes LE: newest resumption generation (0 = none) */
#define PC_CONTACT_PREV_GEN_OFFSET 70 /* 4 bytes LE: previous generation (0 = none)   */
#define PC_CONTACT_RECORD_LEN 74

/* A window of the contact list in name order, as pc_contact_page returns it:
 * a header, then `count` entries. */
#define PC_PAGE_TOTAL_OFFSET 0      /* 2 bytes LE: contacts in the book      */
#define PC_PAGE_START_OFFSET 2      /* 2 bytes LE: list position of entry 0  */
#define PC_PAGE_COUNT_OFFSET 4      /* 2 bytes LE: entries that follow       */
#define PC_PAGE_HEADER_LEN 8        /* bytes 6..7 zero                       */
#define PC_PAGE_ENTRY_INDEX_OFFSET 0 /* 2 bytes LE: contact index            */
#define PC_PAGE_ENTRY_FLAGS_OFFSET 2 /* 1 byte: PC_CONTACT_* (0: record damaged) */
#define PC_PAGE_ENTRY_NAME_LEN_OFFSET 3 /* 1 byte                            */
#define PC_PAGE_ENTRY_NAME_OFFSET 4 /* PC_MAX_NAME_LEN bytes, zero padded     */
#define PC_PAGE_ENTRY_LEN 36
#define PC_PAGE_MAX_ENTRIES 16      /* at most this many per call            */

/* Media frames (pc_media_*): G.711 µ-law at 8 kHz, one byte per sample on
 * the wire; PCM in managed buffers is little-endian. */
#define PC_MEDIA_FRAME_SAMPLES 160  /* 20 ms at 8 kHz                          */
#define PC_MEDIA_MAX_SAMPLES (PC_MAX_PACKET_LEN - PC_TAG_LEN - PC_PKT_MIN_HDR_LEN)
#define PC_GAIN_UNITY 256           /* pc_media_conceal gain: 256 = unchanged   */

#define PC_CONTACT_USED 0x01
#define PC_CONTACT_VERIFIED 0x02    /* codes compared and confirmed by the user */
#define PC_CONTACT_NEWEST_UNPROVEN 0x04 /* the peer has not yet proven it holds the newest
                                         * generation: call it with the previous one */
#define PC_CONTACT_HYBRID 0x08      /* pinned by a hybrid (X25519 + ML-KEM-768) XX: set only by
                                     * pc_contact_pin from a hybrid session, kept by every
                                     * later call; pc_contact_set_flags and
                                     * pc_contact_remember_flags cannot change it */
#define PC_CONTACT_ORG_VERIFIED 0x10 /* vouched for by the organisation's certificate */

/* Organisation trust (pc_org_*, docs/protocol.md §18). */
#define PC_ORG_ID_LEN 16
#define PC_ORG_NAME_MAX 32          /* the organisation's display name, UTF-8 bytes */
#define PC_ORG_CERT_MAX 170         /* a phone certificate, signature included */
#define PC_ORG_CRL_MAX 350          /* a revocation list of PC_ORG_CRL_MAX_SERIALS serials */
#define PC_ORG_CRL_MAX_SERIALS 32
/* pc_org_read parts */
enum pc_org_part {
    PC_ORG_PART_INFO = 1,   /* the PC_ORG_INFO_* layout below */
    PC_ORG_PART_CERT = 2,   /* this phone's own certificate */
    PC_ORG_PART_CRL = 3     /* the newest revocation list held (length 0: none) */
};
#define PC_ORG_INFO_PUB_OFFSET 0        /* 32 bytes: the organisation's Ed25519 key */
#define PC_ORG_INFO_ID_OFFSET 32        /* PC_ORG_ID_LEN bytes */
#define PC_ORG_INFO_NAME_LEN_OFFSET 48  /* 1 byte */
#define PC_ORG_INFO_NAME_OFFSET 49      /* PC_ORG_NAME_MAX bytes, zero padded */
#define PC_ORG_INFO_TIME_OFFSET 81      /* 8 bytes LE: newest time securely learned */
#define PC_ORG_INFO_CRL_VERSION_OFFSET 89 /* 4 bytes LE: revocation list version (0 = none) */
#define PC_ORG_INFO_SERIAL_OFFSET 93    /* 8 bytes LE: this phone's certificate serial */
#define PC_ORG_INFO_LEN 101
/* pc_org_verify_peer output: the peer's certificate as accepted. */
#define PC_ORG_PEER_SERIAL_OFFSET 0     /* 8 bytes LE */
#define PC_ORG_PEER_NOT_AFTER_OFFSET 8  /* 8 bytes LE */
#define PC_ORG_PEER_NAME_LEN_OFFSET 16  /* 1 byte */
#define PC_ORG_PEER_NAME_OFFSET 17      /* 32 bytes, zero padded */
#define PC_ORG_PEER_LEN 49

/* ---- enums ---------------------------------------------------------------- */
enum pc_pattern {
    PC_PATTERN_XX = 1,      /* Noise_XX_25519_ChaChaPoly_BLAKE2b: pairing, fallback */
    PC_PATTERN_IK = 2,      /* Noise_IK_25519_ChaChaPoly_BLAKE2b                    */
    PC_PATTERN_IKPSK2 = 3   /* Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b: calls          */
};

enum pc_role {
    PC_ROLE_INITIATOR = 1,
    PC_ROLE_RESPONDER = 2
};

/* pc_hs_status results */
enum pc_hs_step {
    PC_HS_WRITE = 1,        /* next call: pc_hs_write */
    PC_HS_READ = 2,         /* next call: pc_hs_read  */
    PC_HS_DONE = 3          /* next call: pc_hs_split */
};

/* PCM sample layouts pc_media_seal reads (bytes per sample). */
enum pc_sample_width {
    PC_SAMPLE_PCM16 = 2,    /* 16-bit little-endian PCM                         */
    PC_SAMPLE_I2S32 = 4     /* 32-bit little-endian I2S slot, sample in the top 16 bits */
};

/* pc_store_status flags */
#define PC_STORE_CREATED 0x01    /* identity was created by this open (first boot) */
#define PC_STORE_RECOVERED 0x02  /* a damaged flash copy or contact record was refused */
#define PC_STORE_MIGRATED 0x04   /* the previous release's store was converted by this open */

enum pc_status {
    PC_OK = 0,
    /* Caller mistakes: the managed side throws. */
    PC_E_ARG = -1,          /* null or wrong-size buffer, bad enum, offset out of range */
    PC_E_HANDLE = -2,       /* unknown, stale or freed handle */
    PC_E_STATE = -3,        /* call out of order for the object's state */
    PC_E_SPACE = -4,        /* output buffer too small */
    PC_E_NO_SLOT = -5,      /* a static table is full */
    /* Hostile or damaged input: returned as a value, never thrown on the media path. */
    PC_E_MALFORMED = -20,   /* truncated, oversized or wrongly sized message/packet */
    PC_E_AUTH = -21,        /* AEAD tag did not verify */
    PC_E_REPLAY = -22,      /* counter already accepted, or older than the window */
    PC_E_BAD_KEY = -23,     /* X25519 with a low-order point (all-zero result) */
    PC_E_KEY_PHASE = -24,   /* packet under a key phase this session does not hold */
    /* Conditions the protocol handles. */
    PC_E_NONCE_EXHAUSTED = -40, /* counter would reach 2^64-1: hang up (one counter per session, re-keys do not reset it) */
    PC_E_NOT_FOUND = -41,   /* no such contact; pc_store_open: the device key is missing */
    PC_E_NO_PSK = -42,      /* no resumption secret of that generation: fall back to XX */
    /* Organisation trust: why a certificate or revocation list was refused. */
    PC_E_CERT_TRUNCATED = -80,   /* shorter than its own length fields say */
    PC_E_CERT_OVERSIZED = -81,   /* longer than the format allows or its length fields say */
    PC_E_CERT_VERSION = -82,     /* unknown format version */
    PC_E_CERT_NAME = -83,        /* display name empty, too long, not UTF-8, control chars */
    PC_E_CERT_WRONG_ORG = -84,   /* another organisation's id */
    PC_E_CERT_SIGNATURE = -85,   /* the organisation's key did not sign it */
    PC_E_CERT_VALIDITY = -86,    /* not-after before not-before */
    PC_E_CERT_NOT_YET_VALID = -87, /* not-before after the newest time learned */
    PC_E_CERT_EXPIRED = -88,     /* not-after before the newest time learned */
    PC_E_CERT_WRONG_KEY = -89,   /* the certificate names another key than the handshake's */
    PC_E_CERT_REVOKED = -90,     /* its serial is on the newest revocation list held */
    PC_E_CRL_OLD = -91,          /* a revocation list older than the one held (replay) */
    PC_E_NO_ORG = -92,           /* no organisation installed on this phone */
    /* Platform. */
    PC_E_STORAGE = -60,     /* flash read/write failed */
    PC_E_CORRUPT = -61,     /* no intact copy of the store: reported, never used */
    PC_E_RNG = -62,         /* random source failed */
    PC_E_SELFTEST = -63,    /* a known-answer test failed: the core refuses to run */
    PC_E_INTERNAL = -64     /* backend primitive failed unexpectedly */
};

/* ---- core ----------------------------------------------------------------- */
/* Returns PC_API_VERSION. */
PC_API int32_t pc_api_version(void);

/* Power-on self-test: known-answer tests of every primitive and a loopback
 * XX handshake with packet round trip. PC_OK or PC_E_SELFTEST. Until it has
 * passed once, every other call except pc_api_version returns PC_E_SELFTEST.
 * It uses no table slot: a re-run while calls are up runs in full. */
PC_API int32_t pc_selftest(void);

/* Public helpers: BLAKE2b of public data (out_len 1..64) and random bytes for
 * public values (nonces, session ids). */
PC_API int32_t pc_hash(const uint8_t *in, int32_t in_len, uint8_t *out, int32_t out_len);
PC_API int32_t pc_random(uint8_t *out, int32_t out_len);

/* ---- store: identity key and contacts, sealed in secure flash ------------- */
/* Opens (and on first boot creates) the store named by locator: on the host
 * a directory holding flash.img and efuse.key, on the device an NVS
 * namespace. Returns a store handle. Only flash never written creates an
 * identity. A damaged store is PC_E_CORRUPT, data whose device key is
 * missing is PC_E_NOT_FOUND; both are left untouched, and only
 * pc_store_factory_reset erases them. */
PC_API int32_t pc_store_open(const uint8_t *locator, int32_t locator_len);
PC_API int32_t pc_store_close(int32_t store);
/* PC_STORE_* flags describing how the last open went. */
PC_API int32_t pc_store_status(int32_t store);
/* Erases identity and contacts, then creates a fresh identity. Works on a
 * corrupt store too (then store is -1 and locator names it); returns the
 * (new) store handle. */
PC_API int32_t pc_store_factory_reset(int32_t store, const uint8_t *locator, int32_t locator_len);
PC_API int32_t pc_store_identity(int32_t store, uint8_t *pub, int32_t pub_len);

/* Contacts are slots 0..capacity-1 (capacity 1,000); pc_contact_read returns PC_E_NOT_FOUND for
 * a free slot and PC_E_ARG past the end. */
PC_API int32_t pc_contact_capacity(void);
PC_API int32_t pc_contact_read(int32_t store, int32_t index, uint8_t *rec, int32_t rec_len);
/* Search by static key (index of fingerprints; whole keys compared in
 * constant time): index, or PC_E_NOT_FOUND. */
PC_API int32_t pc_contact_find(int32_t store, const uint8_t *pub, int32_t pub_len);
/* Pins the peer of a finished session: its static key, the name, the flags
 * and the session's resumption secret as generation 1. Replaces a record with
 * the same key. Returns the contact index. One flash write. */
PC_API int32_t pc_contact_pin(int32_t store, int32_t session, const uint8_t *name,
                              int32_t name_len, int32_t flags);
PC_API int32_t pc_contact_set_flags(int32_t store, int32_t index, int32_t flags);
/* After a call: keeps the session's resumption secret as the newest
 * generation (psk generation + 1) and the secret the call used as the
 * previous one. The session's remote static must be the contact's key. */
PC_API int32_t pc_contact_remember(int32_t store, int32_t index, int32_t session);
/* pc_contact_remember and the contact's flags replaced by flags, in the one
 * record write (e.g. the callee marks the new generation unproven): one
 * flash write per resumption step. */
PC_API int32_t pc_contact_remember_flags(int32_t store, int32_t index, int32_t session, int32_t flags);
PC_API int32_t pc_contact_forget(int32_t store, int32_t index);
/* A window of the contact list in name order (ASCII case-blind, then by
 * index), laid out as PC_PAGE_*: from list position `first`, or - when
 * prefix_len > 0 - from the first name at or after prefix (at most 8 bytes
 * compared: jump by letter). As many entries as fit out_len, at most
 * PC_PAGE_MAX_ENTRIES. Returns the number of entries. */
PC_API int32_t pc_contact_page(int32_t store, int32_t first, const uint8_t *prefix,
                               int32_t prefix_len, uint8_t *out, int32_t out_len);

/* ---- ephemeral key pool (idle-time key generation) ------------------------ */
/* Idle-time work: first binds a pool key (with its DH against the contact's
 * static key) and caches ss for each hot contact that lacks them (the most
 * frequently / recently called; docs/native-api.md, "Precomputed key
 * exchange"), then generates keys into free pool slots; returns how many
 * pool keys are ready. Call it while no call is up. */
PC_API int32_t pc_pool_refill(void);
PC_API int32_t pc_pool_ready(void);

/* ---- Noise handshakes ----------------------------------------------------- */
/* New handshake using the store's identity as the local static key.
 * remote_static: PC_KEY_LEN bytes for IK/IKpsk2 initiators, else rs_len 0. */
PC_API int32_t pc_hs_new(int32_t store, int32_t pattern, int32_t role,
                         const uint8_t *prologue, int32_t prologue_len,
                         const uint8_t *remote_static, int32_t rs_len);
/* IKpsk2: take the PSK from the contact's resumption secret of generation
 * `generation` (initiator: before its first write; responder: after reading
 * message 1, before writing message 2). PC_E_NO_PSK if not held. */
PC_API int32_t pc_hs_use_resumption(int32_t hs, int32_t store, int32_t contact, int32_t generation);
/* Writes the next message into out[off..out_len): returns its length. */
PC_API int32_t pc_hs_write(int32_t hs, const uint8_t *payload, int32_t payload_len,
                           uint8_t *out, int32_t out_len, int32_t out_off);
/* Reads msg[off..off+count) and writes its payload to payload[0..]: returns
 * the payload length. Failure leaves the handshake as it was. */
PC_API int32_t pc_hs_read(int32_t hs, const uint8_t *msg, int32_t msg_len, int32_t off,
                          int32_t count, uint8_t *payload, int32_t payload_len);
/* One of enum pc_hs_step. */
PC_API int32_t pc_hs_status(int32_t hs);
/* Current handshake hash h (public; used for the pairing code). */
PC_API int32_t pc_hs_hash(int32_t hs, uint8_t *h, int32_t h_len);
/* The peer's static key once it has been received (or given). */
PC_API int32_t pc_hs_remote_static(int32_t hs, uint8_t *rs, int32_t rs_len);
/* ---- hybrid pairing: ML-KEM-768 mixed into the XX symmetric state --------- *
 * (docs/protocol.md, "Hybrid pairing"; construction of the Noise HFS
 * extension: MixHash of the KEM public key and ciphertext, MixKey of the KEM
 * shared secret). XX only, between message 1 and message 2:
 *   initiator, after writing message 1:  pc_hs_kem_offer  -> its KEM public key
 *   responder, after reading message 1:  pc_hs_kem_accept (public key in,
 *                                        ciphertext out), then writes message 2
 *   initiator, before reading message 2: pc_hs_kem_finish (ciphertext in)
 * The KEM secret key stays in a native slot until finish or pc_hs_free; the
 * KEM shared secret never leaves the call that computes it. Once offered, the
 * initiator cannot read message 2 before finish (PC_E_STATE): a hybrid pairing
 * never completes classically. A modified ciphertext is not detected here
 * (implicit rejection): the keys differ and message 2 fails with PC_E_AUTH. */
/* Returns PC_KEM_PUBLIC_LEN. */
PC_API int32_t pc_hs_kem_offer(int32_t hs, uint8_t *pk, int32_t pk_len);
/* Returns PC_KEM_CIPHERTEXT_LEN; PC_E_MALFORMED for a key of the wrong size or
 * with a coefficient >= q (FIPS 203 §7.2), the handshake unchanged. */
PC_API int32_t pc_hs_kem_accept(int32_t hs, const uint8_t *pk, int32_t pk_len, uint8_t *ct,
                                int32_t ct_len);
/* PC_OK; PC_E_MALFORMED for a ciphertext of the wrong size, handshake unchanged. */
PC_API int32_t pc_hs_kem_finish(int32_t hs, const uint8_t *ct, int32_t ct_len);
/* 1 once the KEM secret has been mixed in (both sides), else 0. */
PC_API int32_t pc_hs_kem_mixed(int32_t hs);
/* Finished handshake -> session handle; the handshake slot is wiped and freed. */
PC_API int32_t pc_hs_split(int32_t hs);
PC_API int32_t pc_hs_free(int32_t hs);

/* ---- sessions: packet protection, ratchet, in-call re-key ----------------- */
/* Seals buf[off .. off+hdr_len+body_len) in place and appends the tag:
 * writes the key phase and the next counter into the header, encrypts the
 * body with the header as associated data. Returns the packet length. */
PC_API int32_t pc_session_seal(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                               int32_t hdr_len, int32_t body_len);
/* Opens buf[off .. off+pkt_len) in place: checks key phase, replay window and
 * tag; only then moves the window. Returns the body length. */
PC_API int32_t pc_session_open(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                               int32_t hdr_len, int32_t pkt_len);
/* Symmetric ratchet: this side's sending key moves one epoch forward; the
 * old sending key is wiped. */
PC_API int32_t pc_session_ratchet(int32_t session);
/* In-call DH re-key (one round trip on the control channel):
 *   offerer:   pc_session_rekey_offer   -> its fresh ephemeral public key
 *   answerer:  pc_session_rekey_accept  (peer key in, own key out)
 *   offerer:   pc_session_rekey_complete(peer key in)
 * Both sides then hold the next key generation; the ephemeral keys are wiped
 * after their single DH. */
PC_API int32_t pc_session_rekey_offer(int32_t session, uint8_t *e_pub, int32_t e_len);
PC_API int32_t pc_session_rekey_accept(int32_t session, const uint8_t *peer_e, int32_t peer_len,
                                       uint8_t *e_pub, int32_t e_len);
PC_API int32_t pc_session_rekey_complete(int32_t session, const uint8_t *peer_e, int32_t peer_len);
/* Wipes the previous receiving key kept for late, reordered packets. */
PC_API int32_t pc_session_forget_previous(int32_t session);
/* Public state: [0] send phase, [1] receive phase, [2] previous key held (0/1),
 * [3] re-key pending (0/1). Returns 4. */
PC_API int32_t pc_session_info(int32_t session, uint8_t *out, int32_t out_len);
PC_API int32_t pc_session_free(int32_t session);

/* ---- media: one audio frame per call, samples never touched by managed code */
/* Encodes `samples` PCM samples from pcm[pcm_off ..) (enum pc_sample_width
 * bytes each) to G.711 µ-law at buf[off+hdr_len ..) and seals
 * buf[off .. off+hdr_len+samples) in place as pc_session_seal does. Returns
 * the packet length (hdr_len + samples + PC_TAG_LEN). */
PC_API int32_t pc_media_seal(int32_t session, const uint8_t *pcm, int32_t pcm_len,
                             int32_t pcm_off, int32_t sample_bytes, int32_t samples,
                             uint8_t *buf, int32_t buf_len, int32_t off, int32_t hdr_len);
/* Opens buf[off .. off+pkt_len) in place as pc_session_open does, then
 * decodes its µ-law body to 16-bit LE PCM at pcm[pcm_off ..), at most
 * max_samples samples (that region must lie inside pcm). Returns the sample
 * count. A body longer than max_samples is PC_E_MALFORMED; any failure
 * writes no PCM. */
PC_API int32_t pc_media_open(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                             int32_t hdr_len, int32_t pkt_len, uint8_t *pcm, int32_t pcm_len,
                             int32_t pcm_off, int32_t max_samples);
/* Loss concealment: writes `samples` 16-bit LE samples from pcm[src_off ..)
 * to pcm[dst_off ..) scaled by gain/PC_GAIN_UNITY (0..PC_GAIN_UNITY). The two
 * regions are the same or do not overlap. Returns samples. */
PC_API int32_t pc_media_conceal(uint8_t *pcm, int32_t pcm_len, int32_t src_off, int32_t dst_off,
                                int32_t samples, int32_t gain);

/* ---- organisation trust: certificates and revocation (docs/protocol.md §18) --- */
/* Installs the organisation (its Ed25519 public key and display name) and this
 * phone's certificate, which must verify under that key and name this phone's
 * identity (else PC_E_CERT_*, nothing written). Re-installing the same
 * organisation keeps the revocation list and the learned time. One sealed
 * record write (PC_STORAGE_ORG_A/B). */
PC_API int32_t pc_org_install(int32_t store, const uint8_t *org_pub, int32_t org_pub_len,
                              const uint8_t *org_name, int32_t org_name_len,
                              const uint8_t *cert, int32_t cert_len);
/* Copies a pc_org_part into out: its length. PC_E_NO_ORG if none installed,
 * PC_E_CORRUPT if no intact copy of the record (identity untouched). */
PC_API int32_t pc_org_read(int32_t store, int32_t part, uint8_t *out, int32_t out_len);
/* Offers a revocation list (from the provisioning tool or a peer): 1 if it
 * was newer and is now kept (the learned time advances to its issue time),
 * 0 if it is the version held, PC_E_CRL_OLD if older, PC_E_CERT_* if it is
 * not the organisation's. */
PC_API int32_t pc_org_crl_offer(int32_t store, const uint8_t *crl, int32_t crl_len);
/* Verifies a peer's certificate against the installed organisation, the
 * handshake's remote static key (hs must hold it), the revocation list held
 * and the newest time learned; writes the PC_ORG_PEER_* view to out and
 * returns PC_ORG_PEER_LEN, or PC_E_CERT_* / PC_E_NO_ORG with out untouched.
 * A genuine not-before later than the learned time advances it. */
PC_API int32_t pc_org_verify_peer(int32_t store, int32_t hs, const uint8_t *cert, int32_t cert_len,
                                  uint8_t *out, int32_t out_len);
/* A pinned key the organisation vouched for (pc_org_verify_peer remembers
 * which serial named which key, for the last PC_ORG_MAX_PEERS = 32 keys):
 * PC_E_CERT_REVOKED if that serial is on the newest list held, else PC_OK
 * (also for a key it does not know). Read only. */
PC_API int32_t pc_org_check_contact(int32_t store, const uint8_t *key, int32_t key_len);
/* ---- stateless cookie under load (docs/protocol.md §2, §11) ----------------
 * A first-message datagram (and each fragment of one) ends in mac1 ‖ mac2:
 *   mac1   = BLAKE2b-128(key = mac1_key, datagram[0 .. n-32))
 *   mac2   = BLAKE2b-128(key = cookie,   datagram[0 .. n-16))   (16 zero bytes: no cookie)
 *   cookie = BLAKE2b-128(key = R, source)
 * BLAKE2b-128 is keyed BLAKE2b (RFC 7693) with digest length 16. R is 32
 * random bytes drawn inside the core, replaced every epoch (the caller's
 * clock / 120 s); it never leaves the core. mac1_key and cookie_key are
 * derived by the caller from public values (the responder's static public
 * key or a label). `source` is the datagram's source address and port as
 * bytes (1..PC_COOKIE_SOURCE_MAX). Comparisons are constant time. */
#define PC_MAC_LEN 16
#define PC_MACS_LEN 32            /* mac1 ‖ mac2 at the end of a first message   */
#define PC_COOKIE_KEY_LEN 32      /* mac1_key, cookie_key                         */
#define PC_COOKIE_SOURCE_MAX 18   /* 16-byte address + 2-byte port                */
#define PC_COOKIE_SEALED_LEN 56   /* nonce 24 ‖ sealed cookie 16 ‖ tag 16         */
#define PC_COOKIE_MAC1_OK 0x01    /* pc_cookie_check flags                        */
#define PC_COOKIE_MAC2_OK 0x02

/* Initiator: writes mac1 and mac2 (zeros when cookie_len is 0, else cookie_len
 * is PC_MAC_LEN) into the last 32 bytes of dgram[off .. off+count). Returns count. */
PC_API int32_t pc_cookie_stamp(const uint8_t *mac1_key, int32_t key_len, const uint8_t *cookie,
                               int32_t cookie_len, uint8_t *dgram, int32_t dgram_len, int32_t off,
                               int32_t count);
/* Responder: PC_COOKIE_MAC1_OK and/or PC_COOKIE_MAC2_OK (0: neither) for
 * dgram[off .. off+count) from source. mac2 is checked (only when mac1 holds
 * and mac2 is not all zero) against the cookie of this epoch's R, then the
 * previous epoch's. An epoch older than the newest seen uses the newest R (no
 * rotation back). */
PC_API int32_t pc_cookie_check(const uint8_t *mac1_key, int32_t key_len, const uint8_t *source,
                               int32_t source_len, int32_t epoch, const uint8_t *dgram,
                               int32_t dgram_len, int32_t off, int32_t count);
/* Responder under load: writes out[out_off .. +56) = nonce ‖
 * XChaCha20-Poly1305(cookie_key, nonce, ad = the request's mac1, cookie(source)),
 * nonce random. request[req_off .. +req_count) is the first message. Returns 56. */
PC_API int32_t pc_cookie_reply(const uint8_t *cookie_key, int32_t key_len, const uint8_t *source,
                               int32_t source_len, int32_t epoch, const uint8_t *request,
                               int32_t request_len, int32_t req_off, int32_t req_count,
                               uint8_t *out, int32_t out_len, int32_t out_off);
/* Initiator: opens reply[off .. +56) with ad = mac1 (the mac1 it sent) into
 * cookie (16 bytes). PC_E_AUTH (cookie untouched) if it does not open. Returns 16. */
PC_API int32_t pc_cookie_open(const uint8_t *cookie_key, int32_t key_len, const uint8_t *mac1,
                              int32_t mac1_len, const uint8_t *reply, int32_t reply_len,
                              int32_t off, uint8_t *cookie, int32_t cookie_len);

#ifdef __cplusplus
}
#endif

#endif /* PHONE_CRYPTO_API_H */
