// SPDX-License-Identifier: MIT
// phone_keys.js - the phone's session layer as docs/protocol.md writes it (§1.1, §6, §9),
// implemented here from the text alone on Node's own crypto (OpenSSL: HMAC-BLAKE2b-512,
// ChaCha20-Poly1305, X25519), checked live against the native core (driver.c):
// root and resumption from the final chaining key, which Split() key each side sends
// with, the sealed packet (phase byte, LE64 counter, nonce, AD), the symmetric ratchet
// (Noise REKEY), the DH re-key derivation and switch rule, one counter per session and
// the refused counter 2^64-1. The handshake itself is noise-handshake@4.2.0's.
'use strict'

const crypto = require('crypto')

const MAX_COUNTER = (1n << 64n) - 1n
const HEADER_LEN = 16

const hmac = (key, ...data) => {
  const h = crypto.createHmac('blake2b512', key)
  for (const d of data) h.update(d)
  return h.digest()
}

// Noise's HKDF (§1.1): n outputs of 64 bytes, each from the whole previous one.
function hkdf (ck, ikm, n) {
  const temp = hmac(ck, ikm)
  const out = []
  let prev = Buffer.alloc(0)
  for (let i = 1; i <= n; i++) {
    prev = hmac(temp, prev, Buffer.from([i]))
    out.push(prev)
  }
  return out
}

const key32 = (b) => Buffer.from(b.subarray(0, 32))

function nonce (counter) {
  const n = Buffer.alloc(12)
  n.writeBigUInt64LE(BigInt(counter), 4)
  return n
}

function encrypt (key, counter, ad, plain) {
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce(counter), { authTagLength: 16 })
  c.setAAD(ad, { plaintextLength: plain.length })
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()])
}

function decrypt (key, counter, ad, sealed) {
  const body = sealed.subarray(0, sealed.length - 16)
  const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce(counter), { authTagLength: 16 })
  d.setAAD(ad, { plaintextLength: body.length })
  d.setAuthTag(sealed.subarray(sealed.length - 16))
  return Buffer.concat([d.update(body), d.final()])
}

// REKEY(k) = ENCRYPT(k, 2^64-1, "", 32 zero bytes)[0..32)
const rekey = (k) => encrypt(k, MAX_COUNTER, Buffer.alloc(0), Buffer.alloc(32)).subarray(0, 32)

// §6.1: the phone keys from the final chaining key.
function phoneKeys (ck) {
  const [k1, k2] = hkdf(ck, Buffer.alloc(0), 2).map(key32)
  const [root, resumption] = hkdf(ck, Buffer.from('phone/v1/root', 'ascii'), 2).map(key32)
  return { k1, k2, root, resumption }
}

function x25519 () {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519')
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url')
  const dh = (peer) => crypto.diffieHellman({
    privateKey,
    publicKey: crypto.createPublicKey({
      key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(peer).toString('base64url') },
      format: 'jwk'
    })
  })
  return { pub, dh }
}

// One side of a session, from the spec: own sending key and counter, the peer's key.
class SpecSession {
  constructor (keys, initiator) {
    this.initiator = initiator
    this.root = keys.root
    this.send = { key: initiator ? keys.k1 : keys.k2, gen: 0, epoch: 0 }
    this.recv = { key: initiator ? keys.k2 : keys.k1, gen: 0, epoch: 0 }
    this.counter = 0n
  }

  phase (k) {
    return ((k.gen & 15) << 4) | (k.epoch & 15)
  }

  header (receiverId) {
    const h = Buffer.alloc(HEADER_LEN)
    h[0] = 1
    h[1] = 10
    h[3] = 2
    h.writeUInt32LE(receiverId, 4)
    return h
  }

  seal (body, counter = this.counter) {
    const h = this.header(0x01020304)
    h[2] = this.phase(this.send)
    h.writeBigUInt64LE(BigInt(counter), 8)
    if (counter === this.counter) this.counter++
    return Buffer.concat([h, encrypt(this.send.key, counter, h, body)])
  }

  // The receiver rule of §9.4 (current, next epoch, pending; no late packets here).
  open (pkt) {
    const h = pkt.subarray(0, HEADER_LEN)
    const counter = h.readBigUInt64LE(8)
    const next = { key: rekey(this.recv.key), gen: this.recv.gen, epoch: (this.recv.epoch + 1) & 15 }
    const pending = this.pendingRecv
    const key = h[2] === this.phase(this.recv) ? this.recv
      : h[2] === this.phase(next) ? next
        : pending && h[2] === this.phase(pending) ? pending : null
    if (key === null) throw new Error(`phase 0x${h[2].toString(16)} unexpected`)
    const body = decrypt(key.key, counter, h, pkt.subarray(HEADER_LEN))
    this.recv = key
    if (key === pending) this.takePending()
    return { body, counter, phase: h[2] }
  }

  ratchet () {
    this.send = { key: rekey(this.send.key), gen: this.send.gen, epoch: (this.send.epoch + 1) & 15 }
  }

  // §9.3: (root', k_i2r', k_r2i') = HKDF(root, dh, 3), generation + 1, epoch 0.
  // The offerer sends on the new generation at once, the answerer only after proof.
  rekeyWith (dh, offerer) {
    const [root, i2r, r2i] = hkdf(this.root, dh, 3).map(key32)
    this.root = root
    const own = { key: this.initiator ? i2r : r2i, gen: (this.send.gen + 1) & 15, epoch: 0 }
    if (offerer) this.send = own
    else this.pendingSend = own
    this.pendingRecv = { key: this.initiator ? r2i : i2r, gen: (this.recv.gen + 1) & 15, epoch: 0 }
  }

  takePending () {
    this.recv = this.pendingRecv
    this.pendingRecv = null
    if (this.pendingSend) this.send = this.pendingSend
    this.pendingSend = null
  }
}

function expect (what, ok) {
  if (!ok) throw new Error(what)
}

function same (what, a, b) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  if (!x.equals(y)) throw new Error(`${what}: native ${x.toString('hex')} spec ${y.toString('hex')}`)
}

// After a handshake between the driver and a noise-handshake peer (finalCk captured):
// the whole session layer, both directions, per the spec.
async function checkSession (driver, finalCk, weInitiate) {
  const hex = (b) => (b.length ? Buffer.from(b).toString('hex') : '-')
  const keys = phoneKeys(finalCk)
  const native = await driver.ask('keys')
  same('root (HKDF(ck, "phone/v1/root", 2) out1)', native.subarray(0, 32), keys.root)
  same('resumption (out2)', native.subarray(32, 64), keys.resumption)
  await driver.ask('session')
  const spec = new SpecSession(keys, !weInitiate)
  let nativeSent = 0n
  const fromNative = async (body) => {
    const hdr = spec.header(0x0a0b0c0d)
    const pkt = await driver.ask(`seal ${hex(hdr)} ${hex(body)}`)
    const opened = spec.open(pkt)
    same('native packet body', opened.body, body)
    expect(`one counter per session: native packet ${nativeSent} has counter ${opened.counter}`,
      opened.counter === nativeSent++)
    return opened
  }
  const toNative = async (pkt) => driver.ask(`open ${HEADER_LEN} ${hex(pkt)}`)

  // Generation 0: the native side sends with its Split() key, counter 0, phase 0x00.
  let o = await fromNative(crypto.randomBytes(40))
  expect('first native packet: phase 0x00, counter 0', o.phase === 0 && o.counter === 0n)
  const body = crypto.randomBytes(33)
  same('spec packet opened natively', await toNative(spec.seal(body)), body)
  const tampered = spec.seal(body)
  tampered[3] ^= 1 // the header is associated data
  await refused(toNative(tampered), 'tampered header')

  // Symmetric ratchet both ways: epoch 1, counters go on.
  await driver.ask('ratchet')
  o = await fromNative(crypto.randomBytes(20))
  expect('after a ratchet: phase 0x01, counter 1', o.phase === 0x01 && o.counter === 1n)
  spec.ratchet()
  same('spec packet of epoch 1', await toNative(spec.seal(body)), body)

  // DH re-key, the handshake initiator offering.
  const e = x25519()
  if (!weInitiate) {
    // The spec side is the initiator: it offers, the native side answers.
    const theirs = await driver.ask(`accept ${hex(e.pub)}`)
    spec.rekeyWith(e.dh(theirs), true)
    // The native answerer still sends on generation 0 until proof...
    o = await fromNative(crypto.randomBytes(8))
    expect('answerer before proof: phase 0x01', o.phase === 0x01)
    // ...the offerer sends on generation 1, epoch 0 at once; that packet is the proof.
    same('offerer packet of generation 1', await toNative(spec.seal(body)), body)
  } else {
    // The native side is the initiator: it offers, the spec side answers (send pending).
    const theirs = await driver.ask('offer')
    spec.rekeyWith(e.dh(theirs), false)
    await driver.ask(`complete ${hex(e.pub)}`)
  }
  o = await fromNative(crypto.randomBytes(24))
  expect(`generation 1: phase 0x10 (got 0x${o.phase.toString(16)})`, o.phase === 0x10)
  expect('both directions on generation 1', spec.send.gen === 1 && spec.recv.gen === 1)
  same('spec packet after the re-key', await toNative(spec.seal(body)), body)

  // 2^64-1 is never accepted, even with a valid tag.
  await refused(toNative(spec.seal(body, MAX_COUNTER)), 'counter 2^64-1')
}

async function refused (promise, what) {
  let opened = false
  try {
    await promise
    opened = true
  } catch (e) {}
  if (opened) throw new Error(`${what} was accepted`)
}

module.exports = { checkSession, phoneKeys, hkdf, rekey, decrypt }
