// SPDX-License-Identifier: MIT
// transcript_vectors.js - checks the transcript vectors (tests/vectors/transcript.json,
// docs/protocol.md "Test vectors") with implementations independent of the phone's code:
//   * noise-handshake@4.2.0 (its own Noise state machine; its primitives are libsodium's, as
//     the host core's are) replays every handshake message byte for byte, the hybrid one with
//     the ML-KEM step of docs/protocol.md §5.1 mixed in (MixHash(ek), MixHash(c), MixKey(K)),
//     from the recorded static and ephemeral secrets, prologue, PSK and payloads, with h after each message,
//     the final chaining key and Split();
//   * phone_keys.js (Node's OpenSSL) derives root and resumption, opens every listed SECURE
//     packet, chains the ratchet keys (REKEY) and redoes each DH re-key (X25519 + HKDF);
//   * @noble/hashes@2.4.0 (pure JS BLAKE2b-256) recomputes the commitment and the code, and
//     the words come from docs/protocol.md Appendix A.
// Then a control: the same checks on a copy with one byte of CALL_1 flipped must fail.
//
//   node transcript_vectors.js <transcript.json> <protocol.md>
'use strict'

const crypto = require('crypto')
const fs = require('fs')
const { generateKeyPair } = require('noise-handshake/dh')
const { newState } = require('./peers/noise_handshake')
const phone = require('./phone_keys')

const HEADER = 10 // [ver][type][sender id u32][receiver id u32]
const MESSAGE_TYPES = {
  Noise_XX_25519_ChaChaPoly_BLAKE2b: ['XX', 'PAIR_'],
  Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b: ['IKpsk2', 'CALL_']
}

const hex = (s) => Buffer.from(s, 'hex')
const show = (b) => Buffer.from(b).toString('hex')

// X25519 on Node's OpenSSL from raw 32-byte keys.
const PKCS8 = hex('302e020100300506032b656e04220420')
const SPKI = hex('302a300506032b656e032100')
const privateKey = (raw) => crypto.createPrivateKey({ key: Buffer.concat([PKCS8, raw]), format: 'der', type: 'pkcs8' })
const publicOf = (raw) => crypto.createPublicKey(privateKey(raw)).export({ format: 'der', type: 'spki' }).subarray(12)
const x25519 = (secret, peer) => crypto.diffieHellman({
  privateKey: privateKey(secret),
  publicKey: crypto.createPublicKey({ key: Buffer.concat([SPKI, peer]), format: 'der', type: 'spki' })
})

class Checks {
  constructor () {
    this.failures = []
    this.passed = 0
  }

  same (what, a, b) {
    if (a == null || b == null || !Buffer.from(a).equals(Buffer.from(b))) {
      this.failures.push(`${what}: vectors ${a == null ? a : show(a)} / independent ${b == null ? b : show(b)}`)
    } else this.passed++
  }

  ok (what, cond) {
    if (!cond) this.failures.push(what)
    else this.passed++
  }
}

function phoneByName (doc, name) {
  return doc.phones.find((p) => p.name === name)
}

// Every handshake message reproduced by noise-handshake and found in its datagram.
function checkHandshake (c, doc, section, name) {
  const hs = section.handshake
  const kind = MESSAGE_TYPES[hs.noise_protocol]
  if (!kind) {
    c.failures.push(`${name}: ${hs.noise_protocol} is not reproduced by noise-handshake: extend transcript_vectors.js`)
    return
  }
  const [pattern, typePrefix] = kind
  const init = phoneByName(doc, hs.initiator)
  const resp = phoneByName(doc, hs.responder)
  const psk = section.psk ? hex(section.psk) : null
  const sides = [[init, true, hs.initiator_ephemeral_private], [resp, false, hs.responder_ephemeral_private]]
  let finalCk = null
  const [i, r] = sides.map(([p, initiator, e]) => {
    const n = newState(pattern, initiator, psk, generateKeyPair(hex(p.identity_private)))
    if (pattern === 'IKpsk2' && initiator) n.initialise(hex(hs.prologue), hex(resp.identity_public))
    else n.initialise(hex(hs.prologue))
    n.e = generateKeyPair(hex(e))
    const final = n.final.bind(n)
    n.final = () => {
      finalCk = finalCk || Buffer.from(n.chainingKey)
      final()
    }
    return n
  })
  hs.messages.forEach((m, k) => {
    const [tx, rx] = m.sender === hs.initiator ? [i, r] : [r, i]
    const msg = tx.send(hex(m.payload))
    const type = typePrefix + m.message
    const d = section.datagrams && section.datagrams.find((x) => x.type === type && x.from === m.sender)
    if (section.noise_messages) c.same(`${name} message ${m.message}`, hex(section.noise_messages[k]), msg)
    else if (d && hex(d.bytes).subarray(HEADER, HEADER + msg.length).equals(msg)) c.passed++
    else {
      // Not at [10..) of its datagram: found whole elsewhere, or in pieces (fragments)?
      const sent = section.datagrams.filter((x) => x.from === m.sender).map((x) => hex(x.bytes))
      c.ok(`${name} message ${m.message} (${type}): the reproduced Noise message ${show(msg).slice(0, 32)}... ` +
        'is in none of the sender\'s datagrams', coveredBy(msg, sent))
    }
    c.same(`${name} message ${m.message}: payload read back`, rx.recv(msg), hex(m.payload))
    const last = k === hs.messages.length - 1
    c.same(`${name}: h after message ${m.message}`, hex(m.h), last ? tx.hash : tx.digest)
    if (k === 0 && hs.hybrid_ml_kem) {
      // §5.1, between messages 1 and 2 on both sides (Noise HFS): MixHash(ek), MixHash(c), MixKey(K).
      for (const n of [i, r]) {
        n.mixHash(hex(hs.kem_public))
        n.mixHash(hex(hs.kem_ciphertext))
        n.mixKeyNormal(hex(hs.kem_secret))
      }
      c.ok(`${name}: ek and c sizes`, hex(hs.kem_public).length === 1184 && hex(hs.kem_ciphertext).length === 1088)
    }
  })
  c.same(`${name}: final chaining key`, hex(hs.final_chaining_key), finalCk)
  c.same(`${name}: Split() k_i2r (library)`, hex(hs.k_i2r), i.tx)
  const keys = phone.phoneKeys(finalCk)
  c.same(`${name}: k_i2r (§6.1)`, hex(hs.k_i2r), keys.k1)
  c.same(`${name}: k_r2i (§6.1)`, hex(hs.k_r2i), keys.k2)
  c.same(`${name}: root (§6.1)`, hex(hs.root), keys.root)
  c.same(`${name}: resumption (§6.1)`, hex(hs.resumption), keys.resumption)
}

// Whether msg appears in the datagrams in order, whole or as consecutive pieces of at least
// 16 bytes (fragmented messages: whatever header each fragment has).
function coveredBy (msg, datagrams) {
  let pos = 0
  while (pos < msg.length) {
    let best = 0
    for (const d of datagrams) {
      let lo = 0
      let hi = msg.length - pos
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (d.indexOf(msg.subarray(pos, pos + mid)) >= 0) lo = mid
        else hi = mid - 1
      }
      best = Math.max(best, lo)
    }
    if (best < Math.min(16, msg.length - pos)) return false
    pos += best
  }
  return true
}

function checkPackets (c, section, name) {
  for (const d of section.datagrams.filter((x) => x.type.startsWith('SECURE/'))) {
    const b = hex(d.bytes)
    const headerLength = d.type === 'SECURE/MEDIA' ? 28 : 16
    let body = null
    try {
      body = phone.decrypt(hex(d.key), b.readBigUInt64LE(8), b.subarray(0, headerLength), b.subarray(headerLength))
    } catch (e) {}
    c.same(`${name} datagram ${d.index} (${d.type} ${d.from}, phase ${d.phase}) opened`, hex(d.plaintext), body)
  }
}

function pgpWords (protocolMd) {
  const lines = fs.readFileSync(protocolMd, 'utf8').split('\n')
  const at = lines.findIndex((l) => l.startsWith('## Appendix A'))
  const blocks = []
  for (let k = at; k < lines.length && blocks.length < 2; k++) {
    if (lines[k].trim() !== '```text') continue
    const words = []
    for (k++; lines[k].trim() !== '```'; k++) words.push(...lines[k].trim().split(/\s+/).slice(1))
    blocks.push(words)
  }
  return { even: blocks[0], odd: blocks[1] }
}

function checkCode (c, pairing, words, blake2b) {
  const b2 = (...parts) => Buffer.from(blake2b(Buffer.concat(parts), { dkLen: 32 }))
  const ni = hex(pairing.initiator_nonce)
  const nr = hex(pairing.responder_nonce)
  c.same('commitment = BLAKE2b-256("phone/v1/commit" || N_i)', hex(pairing.commitment),
    b2(Buffer.from('phone/v1/commit'), ni))
  c.same('N_r is PAIR_2\'s payload start', hex(pairing.handshake.messages[1].payload).subarray(0, 32), nr)
  c.same('N_i is PAIR_3\'s payload start', hex(pairing.handshake.messages[2].payload).subarray(0, 32), ni)
  const digest = b2(Buffer.from('phone/v1/sas'), hex(pairing.h_after_message_2), ni, nr)
  const code = Number(digest.readBigUInt64LE(0) % 1000000n)
  const text = String(code).padStart(6, '0')
  c.ok(`code: vectors "${pairing.code}", independent "${text.slice(0, 3)} ${text.slice(3)}"`,
    pairing.code === `${text.slice(0, 3)} ${text.slice(3)}`)
  const spoken = [words.even[code >> 16 & 255], words.odd[code >> 8 & 255], words.even[code & 255]].join(' ')
  c.ok(`words: vectors "${pairing.words}", Appendix A "${spoken}"`, pairing.words.toLowerCase() === spoken.toLowerCase())
}

function checkKeySchedule (c, call) {
  const hs = call.handshake
  const current = { [hs.initiator]: hex(hs.k_i2r), [hs.responder]: hex(hs.k_r2i) }
  for (const r of call.ratchets) {
    current[r.sender] = phone.rekey(current[r.sender])
    c.same(`ratchet of ${r.sender} to phase ${r.phase}: REKEY`, hex(r.key), current[r.sender])
  }
  let root = hex(hs.root)
  c.ok('the call has a DH re-key', call.rekeys.length > 0)
  for (const k of call.rekeys) {
    const eo = hex(k.offerer_ephemeral_private)
    const ea = hex(k.answerer_ephemeral_private)
    const dh = x25519(eo, publicOf(ea))
    c.same(`re-key ${k.generation}: X25519(e_offerer, e_answerer.pub)`, hex(k.dh), dh)
    c.same(`re-key ${k.generation}: X25519(e_answerer, e_offerer.pub)`, dh, x25519(ea, publicOf(eo)))
    const [nextRoot, i2r, r2i] = phone.hkdf(root, dh, 3).map((b) => b.subarray(0, 32))
    c.same(`re-key ${k.generation}: root'`, hex(k.root), nextRoot)
    c.same(`re-key ${k.generation}: k_i2r'`, hex(k.k_i2r), i2r)
    c.same(`re-key ${k.generation}: k_r2i'`, hex(k.k_r2i), r2i)
    root = nextRoot
    // The public keys travel in REKEY_OFFER (7) / REKEY_ANSWER (8): [type][seq u32][e.pub].
    for (const [type, e] of [[7, eo], [8, ea]]) {
      const carried = call.datagrams.some((d) => d.plaintext && hex(d.plaintext)[0] === type &&
        hex(d.plaintext).subarray(5, 37).equals(publicOf(e)))
      c.ok(`re-key ${k.generation}: control type ${type} carries its ephemeral public key`, carried)
    }
  }
}

function check (doc, words, blake2b) {
  const c = new Checks()
  for (const p of doc.phones) c.same(`${p.name}: identity public key`, hex(p.identity_public), publicOf(hex(p.identity_private)))
  for (const name of ['pairing', 'call']) {
    checkHandshake(c, doc, doc[name], name)
    checkPackets(c, doc[name], name)
  }
  c.ok('the hybrid sample is hybrid', doc.hybrid_handshake && doc.hybrid_handshake.hybrid_ml_kem)
  if (doc.hybrid_handshake) {
    const hybrid = doc.hybrid_handshake
    checkHandshake(c, doc, { handshake: hybrid, noise_messages: hybrid.noise_messages }, 'hybrid_handshake')
  }
  checkCode(c, doc.pairing, words, blake2b)
  checkKeySchedule(c, doc.call)
  c.same('call PSK = the pairing\'s resumption secret', hex(doc.call.psk), hex(doc.pairing.handshake.resumption))
  return c
}

async function main () {
  const [file, protocolMd] = process.argv.slice(2)
  if (!file || !protocolMd) throw new Error('usage: node transcript_vectors.js <transcript.json> <protocol.md>')
  const { blake2b } = await import('@noble/hashes/blake2.js')
  const text = fs.readFileSync(file, 'utf8')
  const words = pgpWords(protocolMd)
  const c = check(JSON.parse(text), words, blake2b)
  for (const f of c.failures) console.log(`FAIL ${f}`)
  console.log(`${c.failures.length ? 'FAIL' : 'ok  '} transcript vectors: ${c.passed} checks passed, ${c.failures.length} failed`)

  // Control: one byte of CALL_1 flipped (inside the Noise message) must be noticed.
  const tampered = JSON.parse(text)
  const call1 = tampered.call.datagrams.find((d) => d.type === 'CALL_1')
  const b = hex(call1.bytes)
  b[HEADER + 40] ^= 1
  call1.bytes = show(b)
  const control = check(tampered, words, blake2b)
  console.log(control.failures.length ? `ok   control: a flipped CALL_1 byte is noticed (${control.failures[0].slice(0, 60)}...)`
    : 'FAIL control: a flipped CALL_1 byte went unnoticed')
  if (c.failures.length || c.passed === 0 || !control.failures.length) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
