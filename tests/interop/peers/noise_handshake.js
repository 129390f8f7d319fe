// SPDX-License-Identifier: MIT
// noise-handshake@4.2.0 (holepunchto) as an interop peer: XX, IK and IKpsk2.
//
// IKpsk2: the library processes a psk token at any position in send/recv,
// but its pattern table only lists psk0 patterns. We add the IKpsk2 row from
// the spec (§7.5 IK + §9.4 psk2) using the library's own token symbols (taken
// from its IK and XXpsk0 rows); everything else - the state machine, e's
// MixKey under psk, MixKeyAndHash, HKDF, AEAD, Split - is the library's.
'use strict'

const b4a = require('b4a')
const Noise = require('noise-handshake')
const Cipher = require('noise-handshake/cipher')

const IKPSK2_NAME = 'Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b'

function ikpsk2Rows () {
  const ik = new Noise('IK', true).handshake // [PRESHARE_RS, [e, es, s, ss], [e, ee, se]]
  const tokPsk = new Noise('XXpsk0', true, null, { psk: b4a.alloc(32) }).handshake[0][0]
  return [ik[0], ik[1].slice(), ik[2].concat([tokPsk])]
}

// staticKeypair: null for a random one (transcript_vectors.js passes the recorded key).
function newState (pattern, initiator, psk, staticKeypair = null) {
  if (pattern !== 'IKpsk2') return new Noise(pattern, initiator, staticKeypair)
  const n = new Noise('IK', initiator, staticKeypair)
  n.pattern = 'IKpsk2'
  n.handshake = ikpsk2Rows()
  n.psk = psk
  n.isPskHandshake = true
  n.protocol = b4a.from(IKPSK2_NAME)
  return n
}

function create (pattern, initiator, prologue, remoteStatic, psk) {
  const n = newState(pattern, initiator, psk)
  if (remoteStatic) n.initialise(prologue, remoteStatic)
  else n.initialise(prologue)
  // The final chaining key, copied before the library wipes it (for the phone's
  // root and resumption secrets, phone_keys.js).
  let finalCk = null
  const final = n.final.bind(n)
  n.final = () => {
    finalCk = Buffer.from(n.chainingKey)
    final()
  }
  return {
    finalChainingKey: () => finalCk,
    publicKey: n.s.publicKey,
    write: (payload) => n.send(payload),
    read: (msg) => n.recv(msg),
    hash: () => n.hash,
    remoteStatic: () => n.rs,
    // The library's convention: tx is this side's sending key.
    split: () => {
      const tx = new Cipher(n.tx)
      const rx = new Cipher(n.rx)
      return { send: (p) => tx.encrypt(p), recv: (c) => rx.decrypt(c) }
    }
  }
}

module.exports = { name: 'noise-handshake@4.2.0', patterns: ['XX', 'IK', 'IKpsk2'], create, newState }
