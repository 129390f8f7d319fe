// SPDX-License-Identifier: MIT
// mlkem_noble.js - our ML-KEM-768 (PQClean through the core, mlkem_driver.c) against an
// independent implementation, npm @noble/post-quantum@0.7.1 (pure JS, FIPS 203):
//   ours -> theirs: our key pair, their encapsulation, our decapsulation: same secret;
//   theirs -> ours: their key pair, our encapsulation, their decapsulation: same secret;
//   implicit rejection: one bit of the ciphertext flipped gives a different secret, and
//   both implementations compute the same rejection secret from it (FIPS 203 J(z||c)),
//   checked with our key pair (the test driver prints our decapsulation key).
// Random keys and coins on both sides (ours from the core's random source).
//
//   node mlkem_noble.js <path to mlkem_interop_driver> [pairs]
'use strict'

const { spawn } = require('child_process')
const crypto = require('crypto')
const readline = require('readline')

class Driver {
  constructor (path) {
    this.proc = spawn(path, [], { stdio: ['pipe', 'pipe', 'inherit'] })
    this.lines = readline.createInterface({ input: this.proc.stdout })[Symbol.asyncIterator]()
  }

  async ask (line) {
    this.proc.stdin.write(line + '\n')
    const { value, done } = await this.lines.next()
    if (done) throw new Error(`driver exited on "${line.slice(0, 10)}"`)
    const [tag, ...args] = value.split(' ')
    if (tag === 'err') throw new Error(`driver: "${line.split(' ')[0]}" failed with ${args[0]}`)
    return args.map((a) => Buffer.from(a, 'hex'))
  }

  close () {
    this.proc.stdin.end('quit\n')
  }
}

const hex = (b) => Buffer.from(b).toString('hex')
const same = (a, b) => Buffer.from(a).equals(Buffer.from(b))
function flipOneBit (ct) {
  const c = Buffer.from(ct)
  const bit = crypto.randomInt(0, c.length * 8)
  c[bit >> 3] ^= 1 << (bit & 7)
  return c
}

async function main () {
  const driverPath = process.argv[2]
  const pairs = Number(process.argv[3] || 1000)
  if (!driverPath) throw new Error('usage: node mlkem_noble.js <driver> [pairs]')
  const { ml_kem768: noble } = await import('@noble/post-quantum/ml-kem.js')
  const driver = new Driver(driverPath)
  const counts = { oursToTheirs: 0, theirsToOurs: 0, rejected: 0 }
  let failed = 0
  const fail = (what) => { failed++; if (failed <= 5) console.log(`FAIL ${what}`) }

  for (let i = 0; i < pairs; i++) {
    // ours -> theirs
    const [pk, sk] = await driver.ask('keygen')
    const { cipherText, sharedSecret } = noble.encapsulate(pk)
    const [ss] = await driver.ask(`decaps ${hex(cipherText)}`)
    if (same(ss, sharedSecret)) counts.oursToTheirs++; else fail(`pair ${i}: noble encapsulated to our key, secrets differ`)
    const bad = flipOneBit(cipherText)
    const [ssBad] = await driver.ask(`decaps ${hex(bad)}`)
    const rejected = !same(ssBad, sharedSecret) && same(ssBad, noble.decapsulate(bad, sk))
    if (!rejected) fail(`pair ${i}: modified ciphertext: same secret, or a rejection value noble does not compute`)

    // theirs -> ours
    const keys = noble.keygen()
    const [ct, ssOurs] = await driver.ask(`encaps ${hex(keys.publicKey)}`)
    const ssTheirs = noble.decapsulate(ct, keys.secretKey)
    if (same(ssOurs, ssTheirs)) counts.theirsToOurs++; else fail(`pair ${i}: we encapsulated to noble's key, secrets differ`)
    const bad2 = flipOneBit(ct)
    const rejTheirs = noble.decapsulate(bad2, keys.secretKey)
    if (same(rejTheirs, ssOurs)) fail(`pair ${i}: modified ciphertext gave the same secret (noble)`)
    if (rejected && !same(rejTheirs, ssOurs)) counts.rejected++
  }
  driver.close()
  console.log(`mlkem interop: ${pairs} pairs; ours->noble ${counts.oursToTheirs}, noble->ours ${counts.theirsToOurs}, ` +
              `modified ciphertexts: different secret both ways, same rejection value ${counts.rejected} of ${pairs}`)
  const passed = counts.oursToTheirs + counts.theirsToOurs + counts.rejected
  const total = 3 * pairs
  console.log(`mlkem: ${passed} passed, ${total - passed} failed`)
  if (failed > 0 || passed !== total || pairs < 1) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
