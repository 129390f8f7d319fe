#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// gen-vectors.js VECTOR_DIR OUT.h - turns tests/vectors/*.json into C arrays for
// the bare-metal test image (it cannot read files or parse JSON). Runs at build
// time; the output lives in the build directory only.
//
// Selection (what fits an emulated 80 MHz-class core in a CI stage):
//  - RFC 7748: both section 5.2 vectors, the 1-iteration value, the section 6.1
//    key pairs and shared secret. The 1 000 and 1 000 000 iteration values are
//    left out: about 10^10 and 10^13 guest instructions.
//  - Wycheproof X25519: all 518 cases (ZeroSharedSecret ones must give
//    PC_E_BAD_KEY); each costs ~10^7 instructions, ~7 s of QEMU in all, worth
//    it: the edge-case scalars and points exercise the 32-bit carry paths.
//  - RFC 8439 AEAD, Wycheproof ChaCha20-Poly1305 (96-bit nonces) and
//    XChaCha20-Poly1305 (192-bit nonces): all, valid and invalid.
//  - RFC 7693 BLAKE2b("abc"), the unkeyed self-test cases, the unkeyed
//    entries of the official BLAKE2b KAT (the backend has no keyed BLAKE2b).
//  - Noise: every Noise_XX/IK/IKpsk2_25519_ChaChaPoly_BLAKE2b vector of the
//    cacophony, snow and noise-c files.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: gen-vectors.js VECTOR_DIR OUT.h');
  process.exit(2);
}
const X25519_STRIDE = 1; // every case; raise to sample if the stage gets too slow

const load = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const lines = [];
let nextId = 0;
const blobs = new Map(); // hex -> C identifier (dedups repeated keys)

function hexOk(h) {
  if (typeof h !== 'string' || h.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(h)) {
    throw new Error(`not a hex string: ${String(h).slice(0, 40)}`);
  }
  return h.toLowerCase();
}

// A byte string as a C array; returns {ref, len}. Empty strings get a 1-byte
// array so the pointer is never NULL.
function bytes(hex) {
  hex = hexOk(hex);
  const len = hex.length / 2;
  if (!blobs.has(hex)) {
    const id = `xt_b${nextId++}`;
    const parts = [];
    for (let i = 0; i < hex.length; i += 2) parts.push(`0x${hex.slice(i, i + 2)}`);
    if (parts.length === 0) parts.push('0x00');
    const body = [];
    for (let i = 0; i < parts.length; i += 16) body.push('    ' + parts.slice(i, i + 16).join(', '));
    lines.push(`static const uint8_t ${id}[${Math.max(len, 1)}] = {\n${body.join(',\n')}\n};`);
    blobs.set(hex, id);
  }
  return { ref: blobs.get(hex), len };
}
const b = (hex) => { const x = bytes(hex); return `${x.ref}, ${x.len}`; };
const opt = (hex) => (hex === undefined ? 'NULL' : bytes(hex).ref);
const cstr = (s) => JSON.stringify(String(s)).replace(/[^\x20-\x7e]/g, '?');

const tables = [];
function table(type, name, rows) {
  tables.push(`static const ${type} ${name}[] = {\n${rows.map((r) => `    { ${r} }`).join(',\n')}\n};\n` +
    `#define ${name.toUpperCase()}_COUNT ${rows.length}\n`);
}

// ---- X25519 -----------------------------------------------------------------
const rfc7748 = load('rfc7748_x25519.json');
const x25519 = [];
for (const v of rfc7748.x25519) x25519.push([v.source, v.scalar, v.u, v.output, 0]);
const it1 = rfc7748.x25519_iterated.results.find((r) => r.iterations === 1);
x25519.push([rfc7748.x25519_iterated.source + ', 1 iteration', rfc7748.x25519_iterated.start_k,
  rfc7748.x25519_iterated.start_u, it1.output, 0]);
const dh = rfc7748.x25519_dh;
x25519.push([dh.source + ' Alice', dh.alice_private, dh.bob_public, dh.shared, 0]);
x25519.push([dh.source + ' Bob', dh.bob_private, dh.alice_public, dh.shared, 0]);
const wx = load('wycheproof/x25519_test.json');
let k = 0;
for (const g of wx.testGroups) {
  for (const t of g.tests) {
    const zero = t.flags.includes('ZeroSharedSecret');
    if (!zero && (k++ % X25519_STRIDE) !== 0) continue;
    x25519.push([`Wycheproof x25519 tcId ${t.tcId} (${t.flags.join(',')})`, t.private, t.public,
      t.shared, zero ? 1 : 0]);
  }
}
table('xt_x25519_kat', 'xt_x25519_kats', x25519.map(([s, sc, u, o, z]) =>
  `${cstr(s)}, ${opt(sc)}, ${opt(u)}, ${opt(o)}, ${z}`));
table('xt_x25519_pub_kat', 'xt_x25519_pub_kats', [
  `${cstr(dh.source + ' Alice public')}, ${opt(dh.alice_private)}, ${opt(dh.alice_public)}`,
  `${cstr(dh.source + ' Bob public')}, ${opt(dh.bob_private)}, ${opt(dh.bob_public)}`]);

// ---- AEAD -------------------------------------------------------------------
const aead = [];
for (const v of load('rfc8439_chacha20_poly1305.json').aead_chacha20_poly1305) {
  aead.push([v.source, v.key, v.nonce, v.aad, v.plaintext, v.ciphertext, v.tag, 1]);
}
const wc = load('wycheproof/chacha20_poly1305_test.json');
for (const g of wc.testGroups) {
  if (g.ivSize !== 96 || g.keySize !== 256 || g.tagSize !== 128) continue;
  for (const t of g.tests) {
    aead.push([`Wycheproof chacha20_poly1305 tcId ${t.tcId}`, t.key, t.iv, t.aad, t.msg, t.ct, t.tag,
      t.result === 'invalid' ? 0 : 1]);
  }
}
const row = ([s, key, n, ad, m, c, tag, valid]) =>
  `${cstr(s)}, ${opt(key)}, ${opt(n)}, ${b(ad)}, ${b(m)}, ${opt(c)}, ${opt(tag)}, ${valid}`;
table('xt_aead_kat', 'xt_aead_kats', aead.map(row));
const xaead = [];
const wxc = load('wycheproof/xchacha20_poly1305_test.json');
for (const g of wxc.testGroups) {
  if (g.ivSize !== 192 || g.keySize !== 256 || g.tagSize !== 128) continue;
  for (const t of g.tests) {
    xaead.push([`Wycheproof xchacha20_poly1305 tcId ${t.tcId}`, t.key, t.iv, t.aad, t.msg, t.ct, t.tag,
      t.result === 'invalid' ? 0 : 1]);
  }
}
table('xt_aead_kat', 'xt_xaead_kats', xaead.map(row));

// ---- BLAKE2b ----------------------------------------------------------------
const r7693 = load('rfc7693_blake2b.json');
const b2 = [[r7693.blake2b_512_abc.source, r7693.blake2b_512_abc.input, r7693.blake2b_512_abc.out]];
for (const c of r7693.selftest_cases_derived) {
  if (c.key === '') b2.push([`RFC 7693 App. E case outlen ${c.outlen} inlen ${c.inlen} (derived)`, c.input, c.out]);
}
load('blake2-official/blake2b-kat.json').forEach((c, i) => {
  if (c.hash === 'blake2b' && c.key === '') b2.push([`BLAKE2 official KAT #${i} (in ${c.in.length / 2} B)`, c.in, c.out]);
});
table('xt_blake2b_kat', 'xt_blake2b_kats', b2.map(([s, m, o]) => `${cstr(s)}, ${b(m)}, ${b(o)}`));

// ---- Ed25519 verification ---------------------------------------------------
// RFC 8032 §7.1 and every Wycheproof case with a 64-byte signature (the
// interface is fixed-size; other lengths are refused by size before it).
const ed = [];
for (const v of load('rfc8032_ed25519.json').vectors) {
  ed.push([`RFC 8032 ${v.name}`, v.public_key, v.message, v.signature, 1]);
}
for (const g of load('wycheproof/ed25519_test.json').testGroups) {
  for (const t of g.tests) {
    if (t.sig.length !== 128) continue;
    ed.push([`Wycheproof ed25519 tcId ${t.tcId} (${t.flags.join(',')})`, g.publicKey.pk, t.msg, t.sig,
      t.result === 'valid' ? 1 : 0]);
  }
}
table('xt_ed25519_kat', 'xt_ed25519_kats', ed.map(([s, pk, m, sig, ok]) =>
  `${cstr(s)}, ${bytes(pk).ref}, ${b(m)}, ${bytes(sig).ref}, ${ok}`));

// ---- Noise ------------------------------------------------------------------
const patterns = {
  Noise_XX_25519_ChaChaPoly_BLAKE2b: 'PC_PATTERN_XX',
  Noise_IK_25519_ChaChaPoly_BLAKE2b: 'PC_PATTERN_IK',
  Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b: 'PC_PATTERN_IKPSK2',
};
const noise = [];
const msgTables = [];
for (const f of fs.readdirSync(dir).filter((n) => /^noise_.*\.json$/.test(n)).sort()) {
  for (const v of load(f).vectors) {
    const name = v.protocol_name || v.name;
    if (!patterns[name] || v.fallback) continue;
    const psk = (a) => (a && a.length ? a[0] : undefined);
    if ((v.init_psks || []).length > 1 || (v.resp_psks || []).length > 1) continue;
    const id = `xt_noise_msgs${noise.length}`;
    msgTables.push(`static const xt_noise_msg ${id}[] = {\n` +
      v.messages.map((m) => `    { ${b(m.payload)}, ${b(m.ciphertext)} }`).join(',\n') + '\n};');
    noise.push(`${cstr(`${name} (${f.replace(/^noise_|_XX.*$/g, '')})`)}, ${patterns[name]}, ` +
      `${b(v.init_prologue)}, ${b(v.resp_prologue)}, ${opt(v.init_static)}, ${opt(v.init_ephemeral)}, ` +
      `${opt(v.init_remote_static)}, ${opt(v.resp_static)}, ${opt(v.resp_ephemeral)}, ` +
      `${opt(v.resp_remote_static)}, ${opt(psk(v.init_psks))}, ${opt(psk(v.resp_psks))}, ` +
      `${opt(v.handshake_hash)}, ${id}, ${v.messages.length}`);
  }
}
tables.push(...msgTables.map((t) => t + '\n'));
table('xt_noise_vector', 'xt_noise_vectors', noise);

const header = `/* Generated by native/xtensa/test/gen-vectors.js from tests/vectors: do not edit. */
#ifndef XT_VECTORS_H
#define XT_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include "phone_crypto_api.h"

typedef struct xt_x25519_kat {
    const char *name;
    const uint8_t *scalar, *u, *out;
    int zero_shared;    /* low-order u: all-zero result, must be PC_E_BAD_KEY */
} xt_x25519_kat;

typedef struct xt_x25519_pub_kat {
    const char *name;
    const uint8_t *secret, *pub;
} xt_x25519_pub_kat;

typedef struct xt_aead_kat {
    const char *name;
    const uint8_t *key, *nonce;
    const uint8_t *ad; size_t ad_len;
    const uint8_t *m; size_t m_len;
    const uint8_t *c, *tag;
    int valid;
} xt_aead_kat;

typedef struct xt_blake2b_kat {
    const char *name;
    const uint8_t *in; size_t in_len;
    const uint8_t *out; size_t out_len;
} xt_blake2b_kat;

typedef struct xt_ed25519_kat {
    const char *name;
    const uint8_t *pub;
    const uint8_t *m; size_t m_len;
    const uint8_t *sig;
    int valid;
} xt_ed25519_kat;

typedef struct xt_noise_msg {
    const uint8_t *payload; size_t payload_len;
    const uint8_t *ct; size_t ct_len;
} xt_noise_msg;

typedef struct xt_noise_vector {
    const char *name;
    int pattern;
    const uint8_t *init_prologue; size_t init_prologue_len;
    const uint8_t *resp_prologue; size_t resp_prologue_len;
    const uint8_t *init_static, *init_ephemeral, *init_remote_static;
    const uint8_t *resp_static, *resp_ephemeral, *resp_remote_static;
    const uint8_t *init_psk, *resp_psk;
    const uint8_t *handshake_hash;   /* NULL when the file has none */
    const xt_noise_msg *msgs;
    size_t n_msgs;
} xt_noise_vector;

`;
const text = header + lines.join('\n') + '\n\n' + tables.join('\n') + '\n#endif /* XT_VECTORS_H */\n';
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);
console.log(`gen-vectors: ${x25519.length} X25519, ${aead.length} AEAD, ${xaead.length} XAEAD, ` +
  `${b2.length} BLAKE2b, ${ed.length} Ed25519, ${noise.length} Noise vectors -> ${out}`);
