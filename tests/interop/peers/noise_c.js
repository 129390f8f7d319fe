// SPDX-License-Identifier: MIT
// noise-c.wasm@0.4.0 (rweather/noise-c in WebAssembly) as an interop peer:
// XX and IK. Its noise-c predates the psk modifiers (revision 31): it answers
// "Noise_IKpsk2_..." with NOISE_ERROR_UNKNOWN_NAME, so it is no IKpsk2 peer.
'use strict'

const fs = require('fs')
const path = require('path')
const createNoise = require('noise-c.wasm')

const EMPTY = new Uint8Array(0)

function peer (noise) {
  const C = noise.constants
  function create (pattern, initiator, prologue, remoteStatic, psk) {
    const role = initiator ? C.NOISE_ROLE_INITIATOR : C.NOISE_ROLE_RESPONDER
    const hs = noise.HandshakeState(`Noise_${pattern}_25519_ChaChaPoly_BLAKE2b`, role)
    const [priv, pub] = noise.CreateKeyPair(C.NOISE_DH_CURVE25519)
    hs.Initialize(prologue, priv, remoteStatic, psk)
    let hash = null
    let rs = null
    // Split() frees the handshake: keep its public results first.
    const remember = () => {
      if (hs.GetAction() === C.NOISE_ACTION_SPLIT && hash === null) {
        hash = hs.GetHandshakeHash()
        rs = hs.GetRemotePublicKey()
      }
    }
    return {
      publicKey: pub,
      write: (payload) => {
        const m = hs.WriteMessage(payload.length ? payload : null)
        remember()
        return m
      },
      read: (msg) => {
        const p = hs.ReadMessage(msg, true)
        remember()
        return p || EMPTY
      },
      hash: () => hash,
      remoteStatic: () => rs,
      split: () => {
        const [send, recv] = hs.Split()
        return {
          send: (p) => send.EncryptWithAd(EMPTY, p),
          recv: (c) => recv.DecryptWithAd(EMPTY, c)
        }
      }
    }
  }
  const ikpsk2 = supports(noise, 'Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b')
  return {
    name: 'noise-c.wasm@0.4.0',
    patterns: ikpsk2 ? ['XX', 'IK', 'IKpsk2'] : ['XX', 'IK'],
    note: ikpsk2 ? null : 'refuses Noise_IKpsk2_* (NOISE_ERROR_UNKNOWN_NAME): no IKpsk2 runs',
    create
  }
}

// The wasm bytes handed over directly (Node has no fetch for file paths).
function load () {
  const wasm = path.join(path.dirname(require.resolve('noise-c.wasm')), 'noise-c.wasm')
  const options = { wasmBinary: fs.readFileSync(wasm) }
  return new Promise((resolve) => createNoise(options, (noise) => resolve(peer(noise))))
}

// Does this noise-c know the protocol name? (run_all.js prints the answer.)
function supports (noise, name) {
  try {
    noise.HandshakeState(name, noise.constants.NOISE_ROLE_INITIATOR).free()
    return true
  } catch (e) {
    return false
  }
}

module.exports = { load }
