#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// precomp-report.js OS_DIR - the precomputed key exchange block of docs/performance.md (between
// its "xtensa-precomp" markers), from bench_precomp.c's C| lines in OS_DIR/bench.txt (instructions)
// and OS_DIR/bench-mulprof.txt (__muldi3 calls, for the ESP32 estimate as in bench-report.js:
// LX6 instructions = lx106 instructions - 30 per 64-bit product, at 240 MHz and 1.0-1.5 cycles
// per instruction). Prints the issue's lines "critical path X25519, ...: N" verbatim.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: precomp-report.js OS_DIR');
  process.exit(2);
}
const read = (file) => {
  const c = {};
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    const f = line.split('|');
    if (f[0] === 'C') c[`${f[1]}/${f[2]}`] = { x25519: +f[3], insns: +f[4], muls: +f[5], stack: +f[6] };
  }
  return c;
};
const os = read('bench.txt');
const prof = read('bench-mulprof.txt');
const segments = [['caller_before', 'caller, before message 1'], ['callee', 'callee (message 1 in, message 2 out)'],
  ['caller_after', 'caller, after message 2']];
for (const p of ['cold', 'hot']) {
  for (const [s] of segments) {
    if (!os[`${p}/${s}`] || !prof[`${p}/${s}`]) {
      console.error(`precomp-report: no C|${p}|${s} line in ${dir}`);
      process.exit(1);
    }
  }
}
if (!os['idle/refill'] || !prof['idle/refill']) {
  console.error(`precomp-report: no C|idle|refill line in ${dir}`);
  process.exit(1);
}

const n = (x) => Math.round(x).toLocaleString('en-US');
const SAVE = 30; // instructions per 64-bit product the LX6 saves (performance.md, "ESP32 estimate")
const ms = (id) => {
  const lx6 = os[id].insns - prof[id].muls * SAVE;
  const f = (x) => (x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : x.toFixed(0));
  return { lo: lx6 / 240e6 * 1000, hi: lx6 * 1.5 / 240e6 * 1000, text: `${f(lx6 / 240e6 * 1000)}-${f(lx6 * 1.5 / 240e6 * 1000)} ms` };
};
const sum = (p, key) => segments.reduce((a, [s]) => a + os[`${p}/${s}`][key], 0);
const sumMs = (p, k) => segments.reduce((a, [s]) => a + ms(`${p}/${s}`)[k], 0);

const out = [];
out.push('```');
out.push(`critical path X25519, caller before message 1: ${os['hot/caller_before'].x25519}`);
out.push(`critical path X25519, caller after message 2: ${os['hot/caller_after'].x25519}`);
out.push(`critical path X25519, callee: ${os['hot/callee'].x25519}`);
out.push(`cold path X25519, caller before message 1: ${os['cold/caller_before'].x25519}`);
out.push(`cold path X25519, caller after message 2: ${os['cold/caller_after'].x25519}`);
out.push(`cold path X25519, callee: ${os['cold/callee'].x25519}`);
out.push('```', '');
out.push('| IKpsk2 call, critical path (-Os) | X25519 cold | X25519 precomputed | instructions cold | instructions precomputed | precomputed / cold | ESP32 cold | ESP32 precomputed |',
  '|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [s, label] of segments) {
  const c = os[`cold/${s}`], h = os[`hot/${s}`];
  out.push(`| ${label} | ${c.x25519} | ${h.x25519} | ${n(c.insns)} | ${n(h.insns)} | ${(h.insns / c.insns).toFixed(3)} | ` +
    `${ms(`cold/${s}`).text} | ${ms(`hot/${s}`).text} |`);
}
const f0 = (x) => x.toFixed(0);
out.push(`| **dial to ring, all three** | **${sum('cold', 'x25519')}** | **${sum('hot', 'x25519')}** | ${n(sum('cold', 'insns'))} | ` +
  `${n(sum('hot', 'insns'))} | **${(sum('hot', 'insns') / sum('cold', 'insns')).toFixed(3)}** | ` +
  `${f0(sumMs('cold', 'lo'))}-${f0(sumMs('cold', 'hi'))} ms | ${f0(sumMs('hot', 'lo'))}-${f0(sumMs('hot', 'hi'))} ms |`);
out.push('');
const idle = os['idle/refill'];
out.push(`Idle time after a call with a hot contact (\`pc_pool_refill\`: a new binding and the pool's refill): ` +
  `${idle.x25519} X25519, ${n(idle.insns)} instructions, ${ms('idle/refill').text} on the ESP32, while no call is up; ` +
  `peak stack ${n(idle.stack)} B (the per-entry-point stack table above measures \`pc_pool_refill\` with precomputation off). ` +
  `Deepest call on the precomputed path: ${n(Math.max(...segments.map(([s]) => os[`hot/${s}`].stack)))} B.`, '');
process.stdout.write(out.join('\n'));
