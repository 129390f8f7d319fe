#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// ratio-table.js OUTPUT REV CORES - the ratio lines bench_native prints after its table
// (RatioReporter), as the markdown block of docs/native-api.md's "native-bench" markers.
'use strict';
const fs = require('fs');

const [file, rev, cores] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const x = text.match(/X25519: DH ([\d.]+) us, key generation \(fixed base\) ([\d.]+) us/);
const rows = [...text.matchAll(/^(\S.*?(?:inline|pool))\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/gm)];
const dial = text.match(/dial-to-ring compute \(IKpsk2, both phones, X25519 8 -> 4\): cold ([\d.]+) us, precomputed ([\d.]+) us: ratio ([\d.]+)/);
const pkt = text.match(/packet seal\+open \(172-byte RTP\): ([\d.]+) us vs raw AEAD ([\d.]+) us: ratio ([\d.]+)/);
if (!x || rows.length !== 6 || !pkt || !dial) {
  console.error('ratio-table.js: the ratio lines are missing from ' + file);
  process.exit(1);
}
// A handshake does at least its own X25519 work: a ratio below 1 means the X25519 runs and the
// handshakes saw different machine load (a shared machine), not a fast handshake.
const implausible = rows.filter((r) => +r[4] < 1);
if (implausible.length) {
  console.error('ratio-table.js: ratio below 1 (' + implausible.map((r) => r[1]).join(', ') +
    '): the machine was too busy for side-by-side figures; run again when it is quieter');
  process.exit(1);
}
const out = [
  `Measured on native/ as of commit ${rev} (Release, libsodium backend, CPU time, median of 3 repetitions,`,
  `${cores} cores shared with other jobs: figures move by a few percent between runs).`,
  '',
  '| handshake, both sides | time (us) | own X25519 work (us) | ratio | goal 1.15 |',
  '|---|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} | ${+r[4] <= 1.15 ? 'met' : 'missed'} |`),
  '',
  `X25519 alone: DH ${x[1]} us, fixed-base key generation ${x[2]} us. Packet seal+open of a 172-byte RTP`,
  `packet: ${pkt[1]} us against ${pkt[2]} us of raw AEAD, ratio ${pkt[3]}.`,
  '',
  `Dial-to-ring compute of an IKpsk2 call (both phones, in one run): today's path ${dial[1]} us, precomputed`,
  `for a hot contact ${dial[2]} us, ratio ${dial[3]} (X25519 on the critical path 8 -> 4; docs/performance.md).`,
  '',
];
process.stdout.write(out.join('\n'));
