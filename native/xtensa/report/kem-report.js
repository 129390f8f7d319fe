#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// kem-report.js OS_DIR - the hybrid pairing table of docs/performance.md (the part between
// its "xtensa-kem" markers), from what bench.sh left in OS_DIR: bench.txt (xt_bench's
// kem_* and pair_* lines, bench_kem.c) and the per-operation links size/handshake.elf and
// size/hybrid.elf (code added by ML-KEM: symbols of the hybrid link absent from the
// handshake link, i.e. PQClean, its glue and our KEM calls).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: kem-report.js OS_DIR');
  process.exit(2);
}
const r = {};
for (const line of fs.readFileSync(path.join(dir, 'bench.txt'), 'utf8').split('\n')) {
  const f = line.split('|');
  if (f[0] === 'R') r[f[1]] = { label: f[2], insns: +f[3], stack: +f[4], calls: +f[5] };
}
for (const id of ['kem_offer', 'kem_accept', 'kem_finish', 'pair_xx_init', 'pair_xx_resp', 'pair_hyb_init', 'pair_hyb_resp']) {
  if (!r[id] || !(r[id].calls > 0)) {
    console.error(`kem-report: no ${id} line in ${dir}/bench.txt`);
    process.exit(1);
  }
}
const symbols = (elf) => {
  const m = new Map();
  for (const line of execFileSync('xtensa-lx106-elf-nm', ['-S', path.join(dir, 'size', elf)], { encoding: 'utf8' }).split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p.length === 4) m.set(p[3], { size: parseInt(p[1], 16), type: p[2] });
  }
  return m;
};
const hs = symbols('handshake.elf');
let code = 0;
let bss = 0;
for (const [name, s] of symbols('hybrid.elf')) {
  if (hs.has(name)) continue;
  if (/[TtRrWw]/.test(s.type)) code += s.size;
  else if (/[Bb]/.test(s.type)) bss += s.size;
}
const kemTable = (hs.get('s_kem_keys') || { size: 0 }).size;

const n = (x) => Math.round(x).toLocaleString('en-US');
const per = (id) => r[id].insns / r[id].calls;
const out = [];
out.push('| operation (per call, -Os) | instructions | peak stack (B) |', '|---|---:|---:|');
for (const id of ['kem_offer', 'kem_accept', 'kem_finish']) {
  out.push(`| ${r[id].label} | ${n(per(id))} | ${n(r[id].stack)} |`);
}
out.push('');
out.push('| XX pairing, one side, pool keys (-Os) | classical | hybrid | hybrid / classical | peak stack hybrid (B) |',
  '|---|---:|---:|---:|---:|');
for (const [side, c, h] of [['initiator', 'pair_xx_init', 'pair_hyb_init'], ['responder', 'pair_xx_resp', 'pair_hyb_resp']]) {
  out.push(`| ${side} | ${n(per(c))} | ${n(per(h))} | ${(per(h) / per(c)).toFixed(3)}x | ${n(r[h].stack)} |`);
}
out.push('');
const deepest = Math.max(r.kem_offer.stack, r.kem_accept.stack, r.kem_finish.stack);
out.push(`Code added by ML-KEM-768 (PQClean ml-kem-768/clean + fips202, glue, \`api_kem.c\`, \`mlkem.c\`), linked with ` +
  `\`--gc-sections\`: **${n(code)} B** of code and constants. Static RAM added: **${n(kemTable + bss)} B** ` +
  `(\`s_kem_keys\`, one 2,400-byte decapsulation key at device limits: ${n(kemTable)} B; Keccak context pool: ${n(bss)} B).`);
out.push('');
out.push(`Deepest ML-KEM call: **${n(deepest)} B** of stack, almost all of it PQClean's polynomial vectors and ` +
  `matrix (\`indcpa.c\`). That is above this core's 4 KiB goal per entry point and does **not** fit nanoFramework's ` +
  `15,000-byte interpreter task on top of the interpreter's own frames: on the device the three \`pc_hs_kem_*\` ` +
  'calls run on a stack of their own, a static 20 KiB one that `pci_platform_run_deep` switches to ' +
  '(platform_esp32.c; not counted above: the emulated image calls directly; docs/device.md, "ML-KEM stack").');
process.stdout.write(out.join('\n') + '\n');
