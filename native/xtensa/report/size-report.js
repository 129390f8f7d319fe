#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// size-report.js BUILD_DIR [--json] - code size of the Xtensa build, split by
// origin, per operation, and the static RAM of our tables.
//
// The linker does the reachability: build/<dir>/size/<op>.map comes from a
// link whose only roots are the operation's entry points (-e/-u) with
// --gc-sections (CMakeLists.txt, XT_SIZE_OPS), so it holds exactly what that
// operation can reach, counted per input section (-ffunction-sections,
// -fdata-sections: one function, literal pool or table each). xt_size.map is
// the whole interop API (size_main.c references every pc_* function).
// Origins: native/src = our code; backend_libsodium.c = the backend glue;
// libsodium's reference C = the crypto; libgcc, picolibc and libgcc_extra.c =
// the compiler runtime; the rest is the emulator platform (semihosting, RAM
// flash, sodium shim) or the image's own harness, left out of the totals.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  console.error('usage: size-report.js BUILD_DIR [--json]');
  process.exit(2);
}

function origin(obj) {
  if (/native\/src\/|libxt_core_(prod|test)\.a/.test(obj)) return 'ours';
  if (/backend_libsodium|libxt_backend\.a/.test(obj)) return 'backend';
  if (/libxt_sodium\.a/.test(obj)) return 'crypto';
  if (/libgcc\.a|libc\.a|libgcc_extra/.test(obj)) return 'runtime';
  if (/size_main|bench_|test_|xt_measure|crt0/.test(obj)) return 'harness';
  return 'platform';
}
function kind(name) {
  if (/^\.(text|literal|ResetVector|vectors|init|fini|stub)/.test(name)) return 'code';
  if (/^\.(rodata|srodata)/.test(name)) return 'rodata';
  if (/^\.(bss|sbss)|^COMMON/.test(name)) return 'bss';
  return 'data';
}
const member = (obj) => obj.replace(/^.*\(|\)$/g, '').replace(/^.*\//, '').replace(/\.obj$/, '');

// Input sections the link kept: " .name  0xADDR 0xSIZE object" (name may wrap).
function readMap(file) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.slice(text.indexOf('Linker script and memory map')).split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    let m = /^ (\.\S+|COMMON)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$/.exec(lines[i]);
    if (!m) {
      const n = /^ (\.\S+|COMMON)\s*$/.exec(lines[i]);
      const m2 = /^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$/.exec(lines[i + 1] || '');
      if (n && m2) {
        m = [null, n[1], m2[1], m2[2], m2[3]];
        i++;
      }
    }
    if (!m) continue;
    const size = parseInt(m[3], 16);
    if (size === 0 || parseInt(m[2], 16) === 0 || /^\.(xt\.|xtensa|debug|comment)/.test(m[1])) continue;
    out.push({ name: m[1], size, obj: m[4].trim(), origin: origin(m[4]), kind: kind(m[1]) });
  }
  return out;
}
function tally(sections) {
  const t = {};
  for (const s of sections) {
    for (const k of [`${s.origin}.${s.kind}`, `${s.origin}.total`]) t[k] = (t[k] || 0) + s.size;
  }
  return t;
}

const ops = [
  ['x25519', 'X25519 DH (pci_be_x25519)'],
  ['x25519_base', 'X25519 key generation (pci_be_x25519_public)'],
  ['handshake', 'handshake, either side, XX/IK/IKpsk2 (pc_hs_new/_use_resumption/_write/_read/_split/_free)'],
  ['pkt_seal', 'packet protect (pc_session_seal)'],
  ['pkt_open', 'packet unprotect (pc_session_open)'],
  ['media_seal', 'media frame: G.711 encode + protect (pc_media_seal)'],
  ['media_open', 'media frame: unprotect + G.711 decode (pc_media_open)'],
  ['selftest', 'self-test (pc_selftest)'],
  ['store', 'key store (pc_store_open/close/identity, pc_contact_pin/remember)'],
];
const result = { ops: {}, objects: {}, tables: [] };
for (const [id, label] of ops) {
  result.ops[id] = { label, ...tally(readMap(path.join(dir, 'size', `${id}.map`))) };
}
const all = readMap(path.join(dir, 'xt_size.map'));
result.ops.all = { label: 'whole interop API (every pc_* function)', ...tally(all) };
for (const s of all) {
  if (s.origin !== 'ours' && s.origin !== 'backend') continue;
  const o = member(s.obj);
  result.objects[o] = result.objects[o] || { code: 0, rodata: 0, data: 0, bss: 0 };
  result.objects[o][s.kind] += s.size;
}
// Static RAM of our tables: the sized .bss/.data symbols of native/src objects.
const ours = new Set(all.filter((s) => s.origin === 'ours' && (s.kind === 'bss' || s.kind === 'data'))
  .map((s) => s.name.replace(/^\.(bss|data)\./, '')));
const nm = execFileSync('xtensa-lx106-elf-nm', ['-S', '--size-sort', path.join(dir, 'xt_size.elf')]).toString();
for (const line of nm.split('\n')) {
  const m = /^[0-9a-f]+ ([0-9a-f]+) ([bBdD]) (\S+)$/.exec(line);
  if (m && ours.has(m[3])) result.tables.push({ name: m[3], size: parseInt(m[1], 16), kind: /[bB]/.test(m[2]) ? 'bss' : 'data' });
}
result.tables.sort((a, b) => b.size - a.size);

if (flags.includes('--json')) {
  console.log(JSON.stringify(result, null, 1));
} else {
  const cols = ['ours', 'backend', 'crypto', 'runtime'];
  const code = (t, o) => (t[`${o}.code`] || 0) + (t[`${o}.rodata`] || 0);
  console.log('code + constants (bytes) by origin:');
  console.log(['operation', ...cols].join(' | '));
  for (const id of Object.keys(result.ops)) console.log([id, ...cols.map((c) => code(result.ops[id], c))].join(' | '));
  console.log('\nour objects in the whole API image (code / rodata / data / bss):');
  for (const [o, v] of Object.entries(result.objects)) console.log(`${o}: ${v.code} / ${v.rodata} / ${v.data} / ${v.bss}`);
  console.log('\nour static tables:');
  for (const t of result.tables) console.log(`${t.name}: ${t.size} (${t.kind})`);
}
