#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// bench-report.js OS_DIR O2_DIR - the measured tables of docs/performance.md
// (the part between its "xtensa-bench" markers), from what bench.sh left in
// the two build directories: bench.txt (xt_bench), bench-mulprof.txt
// (xt_bench_mulprof, -Os only) and size.json (size-report.js).
'use strict';
const fs = require('fs');
const path = require('path');

const [osDir, o2Dir] = process.argv.slice(2);
if (!osDir || !o2Dir) {
  console.error('usage: bench-report.js OS_DIR O2_DIR');
  process.exit(2);
}

function readBench(file) {
  const r = {}, d = {}, s = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('|');
    if (f[0] === 'R') r[f[1]] = { label: f[2], insns: +f[3], stack: +f[4], calls: +f[5], muls: +f[6] };
    if (f[0] === 'D') d[f[1]] = { label: f[2], n: +f[3], min: +f[4], max: +f[5] };
    if (f[0] === 'S') s[f[1]] = { stack: +f[2], calls: +f[3], insns: +f[4] };
  }
  return { r, d, s };
}
const os = readBench(path.join(osDir, 'bench.txt'));
const o2 = readBench(path.join(o2Dir, 'bench.txt'));
const prof = readBench(path.join(osDir, 'bench-mulprof.txt'));
const sizeOs = JSON.parse(fs.readFileSync(path.join(osDir, 'size.json'), 'utf8'));
const sizeO2 = JSON.parse(fs.readFileSync(path.join(o2Dir, 'size.json'), 'utf8'));

const n = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : Math.round(x).toLocaleString('en-US'));
const kb = (x) => (x / 1024).toFixed(1);
const out = [];
// align: one letter per column, l(eft) or r(ight); default: the first left, the rest right.
const table = (head, rows, align) => {
  const left = (i) => (align ? align[i] === 'l' : i === 0);
  out.push(`| ${head.join(' | ')} |`, `|${head.map((h, i) => (left(i) ? '---' : '---:')).join('|')}|`);
  for (const r of rows) out.push(`| ${r.join(' | ')} |`);
  out.push('');
};
// Entry points the C API declares (every `PC_API int32_t pc_...(` in the header).
const apiCount = (require('fs').readFileSync(require('path').join(__dirname, '../../include/phone_crypto_api.h'), 'utf8')
  .match(/^PC_API\s+int32_t\s+pc_\w+\s*\(/gm) || []).length;
const codeOf = (t, o) => (t[`${o}.code`] || 0) + (t[`${o}.rodata`] || 0);

out.push(`Measured on native/src, native/backends and native/include as of commit ${process.env.XT_REV || 'unknown'}` +
  ` (gcc-xtensa-lx106 ${require('child_process').execFileSync('xtensa-lx106-elf-gcc', ['-dumpversion']).toString().trim()},` +
  ' QEMU lx106 `sim`, libsodium 1.0.18 reference C).', '');

// ---- 1. the table ---------------------------------------------------------
const rows = [
  ['x25519', 'X25519 scalar multiplication (one DH)', 'x25519'],
  ['x25519_base', 'X25519 key generation (base point)', 'x25519_base'],
  ['xx_init_pool', 'XX initiator, whole side (3 DH)', 'handshake'],
  ['xx_resp_pool', 'XX responder, whole side (3 DH)', 'handshake'],
  ['ik_init_pool', 'IK initiator, whole side (4 DH)', 'handshake'],
  ['ik_resp_pool', 'IK responder, whole side (4 DH)', 'handshake'],
  ['ikpsk2_init_pool', 'IKpsk2 initiator, whole side (4 DH)', 'handshake'],
  ['ikpsk2_resp_pool', 'IKpsk2 responder, whole side (4 DH)', 'handshake'],
  ['xx_init_cold', 'XX initiator, ephemeral generated in the call', 'handshake'],
  ['xx_resp_cold', 'XX responder, ephemeral generated in the call', 'handshake'],
  ['ik_init_cold', 'IK initiator, ephemeral generated in the call', 'handshake'],
  ['ik_resp_cold', 'IK responder, ephemeral generated in the call', 'handshake'],
  ['ikpsk2_init_cold', 'IKpsk2 initiator, ephemeral generated in the call', 'handshake'],
  ['ikpsk2_resp_cold', 'IKpsk2 responder, ephemeral generated in the call', 'handshake'],
  ['pkt_seal', 'protect 172-byte RTP packet (`pc_session_seal`, 28 B header + 160 B body)', 'pkt_seal'],
  ['pkt_open', 'unprotect it (`pc_session_open`)', 'pkt_open'],
  ['media_seal', 'send a 20 ms frame: 160 PCM samples to G.711 µ-law + protect (`pc_media_seal`)', 'media_seal'],
  ['media_open', 'receive it: unprotect + G.711 decode to PCM (`pc_media_open`)', 'media_open'],
  ['selftest', 'power-on self-test (`pc_selftest`)', 'selftest'],
];
out.push('#### Per operation (production build, device limits; -Os is the primary build)', '');
table(['operation', 'instructions -Os', 'instructions -O2', 'peak stack -Os (B)', 'peak stack -O2 (B)',
  'our code (B)', 'backend glue + libsodium (B)', 'runtime (B)'],
rows.map(([id, label, sz]) => {
  const t = sizeOs.ops[sz];
  return [label, n(os.r[id]?.insns), n(o2.r[id]?.insns), n(os.r[id]?.stack), n(o2.r[id]?.stack),
    n(codeOf(t, 'ours')), n(codeOf(t, 'backend') + codeOf(t, 'crypto')), n(codeOf(t, 'runtime'))];
}));
out.push('Code columns: bytes of code, literal pools and constants the operation can reach (-Os), from a link',
  'whose only roots are its entry points. A handshake side reaches the same code for XX, IK and IKpsk2',
  '(one `handshake.c`), so the three share one figure. "pool": the key pool was refilled beforehand',
  '(`pc_pool_refill` in idle time, as the design intends); "cold": the side generated its ephemeral key',
  'inside the handshake call.', '');

const extra = [
  ['store_create', 'store open, first boot (identity created, both identity copies sealed)'],
  ['store_open', 'store open, existing store (both identity copies opened, identity public key derived)'],
  ['contact_pin', '`pc_contact_pin` (one sealed flash write)'],
  ['contact_remember', '`pc_contact_remember` (one sealed flash write)'],
  ['ratchet', '`pc_session_ratchet`'],
  ['rekey_offer', '`pc_session_rekey_offer` (key from the pool)'],
  ['rekey_accept', '`pc_session_rekey_accept` (1 DH + HKDF)'],
  ['rekey_complete', '`pc_session_rekey_complete` (1 DH + HKDF)'],
  ['pkt_replay', 'replayed packet, refused by the window before any crypto'],
  ['pkt_forged', 'forged packet (tag fails; buffer untouched)'],
  ['media_seal_i2s', '`pc_media_seal` from 32-bit I2S slots (INMP441 layout)'],
  ['media_conceal', '`pc_media_conceal`: one 160-sample frame attenuated (loss concealment)'],
  ['mulaw_encode', 'codec only: G.711 µ-law encode of 160 samples'],
  ['mulaw_decode', 'codec only: G.711 µ-law decode of 160 samples'],
  ['aead_seal', 'backend only: ChaCha20-Poly1305 seal of the same 160 B + 28 B AD'],
  ['blake2b', 'backend only: BLAKE2b-512 of 64 B'],
  ['ed25519_verify', 'backend only: Ed25519 verification (RFC 8032 TEST 3; a phone certificate check)'],
  ['muldi3', 'one 64-bit product via `__muldi3` (volatile loads + call + store)'],
];
out.push('#### Other entry points', '');
table(['operation', 'instructions -Os', 'instructions -O2', 'peak stack -Os (B)', 'peak stack -O2 (B)'],
  extra.map(([id, label]) => [label, n(os.r[id]?.insns), n(o2.r[id]?.insns), n(os.r[id]?.stack), n(o2.r[id]?.stack)]));

// ---- 2. handshake vs its X25519 operations -------------------------------------------
out.push('#### Handshake cost against the X25519 operations it performs (goal: at most 1.15x)', '');
const dh = { xx: 3, ik: 4, ikpsk2: 4 };
const ratioRows = [];
let worst = 0;
for (const p of ['xx', 'ik', 'ikpsk2']) {
  for (const side of ['init', 'resp']) {
    for (const mode of ['pool', 'cold']) {
      const id = `${p}_${side}_${mode}`;
      for (const [lvl, b] of [['-Os', os], ['-O2', o2]]) {
        const ops = dh[p] * b.r.x25519.insns + (mode === 'cold' ? b.r.x25519_base.insns : 0);
        const ratio = b.r[id].insns / ops;
        worst = Math.max(worst, ratio);
        ratioRows.push([`${p.toUpperCase().replace('PSK', 'psk')} ${side === 'init' ? 'initiator' : 'responder'}, ${mode} ${lvl}`,
          n(b.r[id].insns), `${dh[p]} DH${mode === 'cold' ? ' + 1 keygen' : ''}`, n(ops), ratio.toFixed(4),
          ratio <= 1.15 ? 'met' : '**missed**']);
      }
    }
  }
}
table(['side', 'instructions', 'X25519 operations', 'their cost (same run)', 'ratio', 'goal'], ratioRows);
out.push(`Worst ratio: ${worst.toFixed(4)}.`, '');

// ---- 3. stack per interop entry point -----------------------------------------------------
out.push('#### Peak stack per interop entry point (goal: at most 4096 bytes)', '');
const names = Object.keys(os.s);
table(['entry point', 'calls measured', 'peak stack -Os (B)', 'peak stack -O2 (B)', 'goal'],
  names.map((k) => {
    const worstStack = Math.max(os.s[k].stack, o2.s[k] ? o2.s[k].stack : 0);
    return [`\`${k}\``, n(os.s[k].calls), n(os.s[k].stack), n(o2.s[k]?.stack),
      worstStack <= 4096 ? 'met' : '**missed**'];
  }));
out.push(`Depth below the caller's stack pointer, including the measuring wrapper (16-byte resolution);`,
  `the deepest of all calls made during the benchmark. ${names.length} entry points measured (phone_crypto_api.h has ${apiCount}).`, '');

// ---- 4. data dependence -------------------------------------------------------------------
out.push('#### Data dependence (same operation, different keys)', '');
table(['operation', 'runs', 'min', 'max', 'spread', 'spread / min'],
  Object.entries(os.d).map(([id, v]) => [v.label + ' (-Os)', v.n, n(v.min), n(v.max), n(v.max - v.min),
    `${((v.max - v.min) / v.min * 100).toFixed(4)} %`])
    .concat(Object.entries(o2.d).map(([id, v]) => [v.label + ' (-O2)', v.n, n(v.min), n(v.max), n(v.max - v.min),
      `${((v.max - v.min) / v.min * 100).toFixed(4)} %`])));

// ---- 5. code size and static RAM -------------------------------------------------------------
out.push('#### Code size of the whole interop API (every `pc_*` function linked, as on the device)', '');
const all = (s) => s.ops.all;
const sizeRow = (label, o) => [label,
  n(all(sizeOs)[`${o}.code`] || 0), n(all(sizeOs)[`${o}.rodata`] || 0), n(codeOf(all(sizeOs), o)),
  n(codeOf(all(sizeO2), o))];
table(['origin', 'code -Os (B)', 'constants -Os (B)', 'total -Os (B)', 'total -O2 (B)'], [
  sizeRow('our code (native/src)', 'ours'),
  sizeRow('backend glue (backend_libsodium.c)', 'backend'),
  sizeRow('libsodium reference C (X25519, ChaCha20-Poly1305, XChaCha20, BLAKE2b)', 'crypto'),
  sizeRow('compiler runtime (libgcc, picolibc mem*, libgcc_extra.c)', 'runtime'),
]);
const ours = codeOf(all(sizeOs), 'ours');
out.push(`Our code: ${n(ours)} B = ${kb(ours)} KiB at -Os (${n(codeOf(all(sizeO2), 'ours'))} B at -O2): ` +
  'instructions, literal pools and constants (.text, .literal, .rodata) of the native/src objects this ' +
  `image links. Goal 16 KB: **${ours <= 16000 ? 'met' : ours <= 16384 ? 'met only as 16 KiB' : 'missed'}**, ` +
  `${n(16000 - ours)} B under 16,000 B and ${n(16384 - ours)} B under 16 KiB (16,384 B)` +
  ` (code alone, without constants: ${n(all(sizeOs)['ours.code'])} B).`, '');
out.push('Per object of native/src (-Os, whole API image):', '');
table(['object', 'code (B)', 'constants (B)', 'static RAM (B)'],
  Object.entries(sizeOs.objects).filter(([o]) => !/backend_libsodium/.test(o))
    .sort((a, b) => (b[1].code + b[1].rodata) - (a[1].code + a[1].rodata))
    .map(([o, v]) => [o, n(v.code), n(v.rodata), n(v.bss + v.data)]));
out.push('#### Static RAM of the core (device limits: 1 store, 4 handshakes, 4 sessions, pool of 4, 1,000 contacts)', '');
const purpose = {
  s_image: 'keystore_migrate.c: one copy of the previous format being read (migration only; wiped after use)',
  s_stores: 'keystore.c: open stores (identity, device key, the contact book\'s index: book_index.h)',
  s_record: 'keystore_records.c: one sealed contact record being read or written (wiped after use)',
  s_identity: 'keystore.c: one sealed identity copy being read or written (wiped after use)',
  s_handshakes: 'hs_table.c: handshake slots',
  s_sessions: 'transport.c: session slots',
  s_scratch: 'handshake.c: working copy + message being written (wiped after every message)',
  s_loop: 'selftest.c: the loopback\'s two handshakes (then two transport states), splits and message (wiped on every path)',
  s_pool: 'keypool.c: pre-generated ephemeral key pairs',
  s_hot: 'precompute.c: hot contacts: ss and one bound ephemeral each (wiped when used or dropped)',
  s_lru: 'precompute.c: ss of recently used contacts outside the hot set',
  s_state: 'selftest.c: the self-test verdict',
};
const tableSum = sizeOs.tables.reduce((a, t) => a + t.size, 0);
table(['symbol', 'bytes', 'section', 'what'],
  sizeOs.tables.map((t) => [`\`${t.name}\``, n(t.size), `.${t.kind}`, purpose[t.name] || ''])
    .concat([['**total**', `**${n(tableSum)}**`, '', '']]), 'lrll');

// ---- 6. ESP32 estimate inputs ------------------------------------------------------------------
out.push('#### Basis of the ESP32 estimate: 64-bit products (`__muldi3` calls, counting image)', '');
const save = 30; // see performance.md: 32 instructions per product on lx106 vs about 2 on LX6
const est = [['x25519', 'X25519 DH'], ['x25519_base', 'X25519 key generation'],
  ['xx_init_pool', 'XX side (pool)'], ['ik_init_pool', 'IK side (pool)'], ['ikpsk2_init_pool', 'IKpsk2 side (pool)'],
  ['xx_init_cold', 'XX side (cold)'], ['ik_init_cold', 'IK side (cold)'],
  ['pkt_seal', 'protect 172-byte packet'], ['pkt_open', 'unprotect'],
  ['media_seal', 'send a frame (encode + protect)'], ['media_open', 'receive a frame (unprotect + decode)'],
  ['selftest', 'self-test']];
table(['operation', 'lx106 instructions', '`__muldi3` calls', 'share in `__muldi3`', 'LX6 instructions (est.)',
  'ESP32 240 MHz, 1.0-1.5 cycles/instr.'],
est.map(([id, label]) => {
  const insns = os.r[id].insns, calls = prof.r[id].muls;
  const lx6 = insns - calls * save;
  const ms = (c) => (lx6 * c / 240e6 * 1000);
  const fmt = (x) => (x < 1 ? x.toFixed(2) : x < 10 ? x.toFixed(1) : x.toFixed(0));
  return [label, n(insns), n(calls), `${(calls * 32 / insns * 100).toFixed(0)} %`, n(lx6), `${fmt(ms(1.0))}-${fmt(ms(1.5))} ms`];
}));

// ---- 0. the goals at a glance (placed first; every figure is one of the tables' above) -----
const deepest = (b) => Object.entries(b.s).reduce((a, [k, v]) => (v.stack > a[1] ? [k, v.stack] : a), ['', 0]);
const [deepOs, stackOs] = deepest(os), [deepO2, stackO2] = deepest(o2);
const goals = [];
const goalTable = (head, rows) => {
  goals.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
  for (const r of rows) goals.push(`| ${r.join(' | ')} |`);
  goals.push('');
};
goals.push('#### Goals at a glance', '');
goalTable(['goal', 'result'], [
  ['our own code (without the crypto backend) at most 16 KB',
    `**${ours <= 16000 ? 'met' : 'missed'}**: ${n(ours)} B of code and constants at -Os (${n(16000 - ours)} B under 16,000 B)`],
  ['static RAM of all slot tables stated', `${n(tableSum)} B with the device limits (table "Static RAM of the core")`],
  ['peak stack of any interop entry point at most 4 KiB',
    `**${Math.max(stackOs, stackO2) <= 4096 ? 'met' : 'missed'}**: deepest \`${deepOs}\` ${n(stackOs)} B at -Os; ` +
    `\`${deepO2}\` ${n(stackO2)} B at -O2`],
  ['handshake per side within 1.15x of its X25519 operations',
    `**${worst <= 1.15 ? 'met' : 'missed'}**: worst ${worst.toFixed(3)} (table "Handshake cost")`],
  ['ESP32 estimate at 240 MHz with reasoning and limits', 'last table below, and the section "ESP32 estimate"'],
]);
out.splice(2, 0, ...goals);

process.stdout.write(out.join('\n'));
