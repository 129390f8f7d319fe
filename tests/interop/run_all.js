// SPDX-License-Identifier: MIT
// run_all.js - live interop: our native Noise core (driver.c over stdin/stdout)
// against two independent npm implementations, in both roles, with random keys,
// prologues, PSKs and payloads, then transport messages both ways.
//
//   node run_all.js <path to noise_interop_driver> [rounds]
//
// Peers: noise-handshake@4.2.0 (XX, IK, IKpsk2 - see peers/noise_handshake.js;
// pure JS on libsodium) and noise-c.wasm@0.4.0 (XX, IK; rweather/noise-c in
// wasm; its noise-c is older than the psk modifiers, so no IKpsk2).
// noise-protocol@3.0.2 is deliberately not used: it swaps the IK transport keys.
'use strict'

const { spawn } = require('child_process')
const crypto = require('crypto')
const readline = require('readline')
const noiseHandshake = require('./peers/noise_handshake')
const noiseC = require('./peers/noise_c')
const phoneKeys = require('./phone_keys')

const hex = (b) => (b && b.length ? Buffer.from(b).toString('hex') : '-')
const unhex = (s) => (s === '-' ? Buffer.alloc(0) : Buffer.from(s, 'hex'))
const rand = (n) => crypto.randomBytes(n)
const randLen = (max) => crypto.randomInt(0, max + 1)

// The driver process: one command line in, one answer line out.
class Driver {
  constructor (path) {
    this.proc = spawn(path, [], { stdio: ['pipe', 'pipe', 'inherit'] })
    this.lines = readline.createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]()
  }

  async ask (line) {
    this.proc.stdin.write(line + '\n')
    const { value, done } = await this.lines.next()
    if (done) throw new Error(`driver exited on "${line}"`)
    const [tag, arg] = value.split(' ')
    if (tag === 'err') throw new Error(`driver: "${line.split(' ')[0]}" failed with ${arg}`)
    return arg === undefined ? null : unhex(arg)
  }

  close () {
    this.proc.stdin.end('quit\n')
  }
}

function expectEqual (what, a, b) {
  if (!Buffer.from(a).equals(Buffer.from(b))) {
    throw new Error(`${what} differs: ours ${hex(a)} theirs ${hex(b)}`)
  }
}

// Our side as the same small interface the peers implement.
function ourSide (driver) {
  return {
    write: (payload) => driver.ask('write ' + hex(payload)),
    read: async (msg) => driver.ask('read ' + hex(msg)),
    hash: () => driver.ask('hash'),
    remoteStatic: () => driver.ask('remote'),
    split: async () => {
      await driver.ask('split')
      return {
        send: (p) => driver.ask('send ' + hex(p)),
        recv: (c) => driver.ask('recv ' + hex(c))
      }
    }
  }
}

// Handshake messages alternate, initiator first, until the pattern ends.
async function handshake (init, resp, count) {
  for (let i = 0; i < count; i++) {
    const [tx, rx] = i % 2 === 0 ? [init, resp] : [resp, init]
    const payload = rand(randLen(64))
    const msg = await tx.write(payload)
    expectEqual(`message ${i} payload`, await rx.read(msg), payload)
  }
}

async function transport (a, b) {
  for (let i = 0; i < 6; i++) {
    const [tx, rx] = i % 2 === 0 ? [a, b] : [b, a]
    const payload = rand(randLen(200))
    expectEqual(`transport ${i}`, await rx.recv(await tx.send(payload)), payload)
  }
}

const MESSAGES = { XX: 3, IK: 2, IKpsk2: 2 }

// tamperCk: flip a bit of the peer's final chaining key (the control: must fail).
async function run (driver, peer, pattern, weInitiate, theirPsk, tamperCk) {
  const prologue = rand(1 + randLen(31))
  const psk = pattern === 'IKpsk2' ? rand(32) : null
  const needsRs = pattern !== 'XX'
  let them, ourPub
  if (weInitiate) {
    them = await peer.create(pattern, false, prologue, null, theirPsk || psk)
    ourPub = await driver.ask(['new', pattern, 'init', hex(prologue),
      needsRs ? hex(them.publicKey) : '-', hex(psk)].join(' '))
  } else {
    ourPub = await driver.ask(['new', pattern, 'resp', hex(prologue), '-', hex(psk)].join(' '))
    them = await peer.create(pattern, true, prologue, needsRs ? ourPub : null, theirPsk || psk)
  }
  const us = ourSide(driver)
  const [init, resp] = weInitiate ? [us, them] : [them, us]
  await handshake(init, resp, MESSAGES[pattern])
  expectEqual('handshake hash', await us.hash(), them.hash())
  expectEqual('our view of their static', await us.remoteStatic(), them.publicKey)
  expectEqual('their view of our static', them.remoteStatic(), ourPub)
  await transport(await us.split(), them.split())
  if (them.finalChainingKey) {
    // The phone's session layer from docs/protocol.md on the peer's chaining key.
    const ck = Buffer.from(them.finalChainingKey())
    if (tamperCk) ck[0] ^= 1
    await phoneKeys.checkSession(driver, ck, weInitiate)
  }
}

async function main () {
  const driverPath = process.argv[2]
  const rounds = Number(process.argv[3] || 3)
  if (!driverPath) throw new Error('usage: node run_all.js <driver> [rounds]')
  const peers = [noiseHandshake, await noiseC.load()]
  const driver = new Driver(driverPath)
  let passed = 0
  let failed = 0
  for (const peer of peers) {
    if (peer.note) console.log(`note ${peer.name} ${peer.note}`)
    for (const pattern of peer.patterns) {
      for (const weInitiate of [true, false]) {
        const name = `${peer.name} ${pattern} (${weInitiate ? 'we initiate' : 'they initiate'})`
        try {
          for (let r = 0; r < rounds; r++) await run(driver, peer, pattern, weInitiate)
          console.log(`ok   ${name} x${rounds}`)
          passed++
        } catch (e) {
          console.log(`FAIL ${name}: ${e.message}`)
          failed++
        }
      }
    }
  }
  // Control: with different PSKs the handshake must fail, or this test proves nothing.
  try {
    await run(driver, noiseHandshake, 'IKpsk2', true, rand(32))
    console.log('FAIL control: IKpsk2 with mismatched PSKs completed')
    failed++
  } catch (e) {
    console.log(`ok   control: mismatched PSKs refused (${e.message})`)
    passed++
  }
  // Control: the session-layer check must notice a wrong chaining key.
  try {
    await run(driver, noiseHandshake, 'IKpsk2', true, null, true)
    console.log('FAIL control: session keys from a wrong chaining key matched')
    failed++
  } catch (e) {
    console.log(`ok   control: wrong chaining key noticed (${e.message.slice(0, 60)}...)`)
    passed++
  }
  driver.close()
  console.log(`interop: ${passed} passed, ${failed} failed`)
  if (failed > 0 || passed === 0) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
