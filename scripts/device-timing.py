#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the device-timing table (boards/sim/Timing/device-timing.json) from the lx106 benchmark.

Reads the benchmark's output (native/xtensa/bench/bench.sh: bench.txt, R|name|label|instructions|...
and bench-mulprof.txt, whose last R field counts __muldi3 products), applies the LX6 correction of
docs/performance.md ("ESP32 estimate": 30 instructions saved per 64-bit product) and the 1.0-1.5
cycles-per-instruction range at 240 MHz, and maps each pc_* entry point to the measurement that covers
it. The I2S DMA sizes come from boards/esp32-common/AudioRate.cs. With --update-doc it also rewrites
the "device-timing" section of docs/performance.md. No figure in the output is typed by hand.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

CLOCK_HZ = 240_000_000
CPI_LOW, CPI_HIGH = 1.0, 1.5
MULDI3_SAVED = 30  # lx106 __muldi3 call (about 32 instructions) vs mull + mulsh on the LX6
POOL_SIZE_RE = re.compile(r"#define PC_POOL_SIZE (\d+)")

# entry point -> (measurement, factor, why). factor scales a measurement to one call's worst case.
ENTRY_POINTS = {
    "pc_selftest": ("selftest", 1, "KATs + loopback XX + one packet"),
    "pc_store_open": ("store_open", 1, "existing store: 2 identity copies and its contact records unsealed"),
    "pc_contact_pin": ("contact_pin", 1, "one sealed flash write"),
    "pc_contact_remember": ("contact_remember", 1, "one sealed flash write"),
    "pc_contact_set_flags": ("contact_pin", 1, "one sealed flash write, as pc_contact_pin"),
    "pc_pool_refill": ("x25519_base", "pool+1", "every pool key generated, one more for a binding, "
                       "plus 2 X25519 DH (one hot contact's ss and binding, precompute.c): worst case"),
    "pc_contact_remember_flags": ("contact_remember", 1, "one sealed flash write, as pc_contact_remember"),
    "pc_contact_read": ("contact_pin", 1, "one contact record read and decrypted (costed as sealing one)"),
    "pc_contact_find": ("contact_pin", 1, "index search + one record decrypted (costed as sealing one)"),
    "pc_contact_page": ("contact_pin", 16, "up to 16 contact records decrypted (costed as sealing 16)"),
    "pc_hs_write": ("ikpsk2_init_cold", 0.5, "half the costliest side: each message does at most 2 of its 4 DH"),
    "pc_hs_read": ("ikpsk2_init_cold", 0.5, "half the costliest side: each message does at most 2 of its 4 DH"),
    "pc_hash": ("blake2b", 1, "BLAKE2b-512 of 64 B"),
    "pc_session_seal": ("pkt_seal", 1, "172-byte packet"),
    "pc_session_open": ("pkt_open", 1, "172-byte packet"),
    "pc_session_ratchet": ("ratchet", 1, "symmetric epoch step"),
    "pc_session_rekey_offer": ("rekey_offer", 1, "pool key"),
    "pc_session_rekey_accept": ("rekey_accept", 1, "pool key + 1 DH + HKDF"),
    "pc_session_rekey_complete": ("rekey_complete", 1, "1 DH + HKDF"),
    "pc_media_seal": ("media_seal", 1, "160 samples encoded + sealed"),
    "pc_media_open": ("media_open", 1, "opened + 160 samples decoded"),
    "pc_media_conceal": ("media_conceal", 1, "one concealment frame"),
    "pc_hs_kem_offer": ("kem_offer", 1, "ML-KEM-768 key generation + MixHash"),
    "pc_hs_kem_accept": ("kem_accept", 1, "ML-KEM-768 key check + encapsulation + MixKey"),
    "pc_hs_kem_finish": ("kem_finish", 1, "ML-KEM-768 decapsulation + MixKey"),
    "pc_org_verify_peer": ("ed25519_verify", 2, "peer certificate + held revocation list: 2 Ed25519 checks"),
    "pc_org_crl_offer": ("ed25519_verify", 2, "offered + held revocation list: 2 Ed25519 checks"),
    "pc_org_install": ("ed25519_verify", 1, "own certificate: 1 Ed25519 check"),
    "pc_org_read": ("ed25519_verify", 1, "held revocation list's version: 1 Ed25519 check"),
    "pc_org_check_contact": ("ed25519_verify", 1, "held revocation list: 1 Ed25519 check"),
    "pc_cookie_stamp": ("blake2b", 6, "mac1 + mac2 over a 171-byte first message: 6 BLAKE2b compressions"),
    "pc_cookie_check": ("blake2b", 13, "mac1 + cookie and mac2 under both secrets: 13 BLAKE2b compressions"),
    "pc_cookie_reply": ("pkt_seal", 1.5, "cookie (2 compressions) + HChaCha20 + 16-byte seal; under 1.5 x a 172-byte seal"),
    "pc_cookie_open": ("pkt_open", 1.5, "HChaCha20 + 16-byte open; under 1.5 x a 172-byte open"),
}
# Measurements added to an entry point's (measurement, times): pc_pool_refill's idle step for a
# hot contact (precompute.c: at most one per store per call, so at most 2 DH on the device).
EXTRA = {"pc_pool_refill": ("x25519", 2)}
# Entry points the benchmark does not measure: table lookups and copies, no crypto (charged 0).
UNMEASURED = ["pc_api_version", "pc_random", "pc_store_close", "pc_store_status", "pc_store_identity",
              "pc_store_factory_reset", "pc_contact_capacity", "pc_contact_forget", "pc_pool_ready",
              "pc_hs_new", "pc_hs_use_resumption", "pc_hs_status",
              "pc_hs_hash", "pc_hs_remote_static", "pc_hs_split", "pc_hs_free", "pc_hs_kem_mixed",
              "pc_session_forget_previous", "pc_session_info", "pc_session_free"]
# What a call runs, in the order docs/performance.md lists it.
IN_CALL = ["pc_media_seal", "pc_media_open", "pc_media_conceal", "pc_session_seal", "pc_session_open",
           "pc_session_ratchet", "pc_session_rekey_offer", "pc_session_rekey_accept",
           "pc_session_rekey_complete", "pc_session_forget_previous", "pc_session_info"]


def read_r(path, field):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("|")
            if p[0] == "R":
                out[p[1]] = int(p[field])
    return out


def const(text, name):
    m = re.search(r"const int " + name + r" = ([0-9 *]+);", text)
    if not m:
        sys.exit(f"device-timing.py: {name} not found in AudioRate.cs")
    return eval(m.group(1), {"__builtins__": {}})  # digits and '*' only (matched above)


def audio(root):
    text = open(os.path.join(root, "boards/esp32-common/AudioRate.cs"), encoding="utf-8").read()
    rate = const(text, "SampleRate")
    mic, spk = const(text, "MicDmaBytes"), const(text, "SpeakerDmaBytes")
    return {"sample_rate": rate, "frame_ms": 20, "mic_dma_bytes": mic, "mic_bytes_per_sample": 4,
            "speaker_dma_bytes": spk, "speaker_bytes_per_sample": 2,
            "mic_dma_ms": mic // 4 * 1000 // rate, "speaker_dma_ms": spk // 2 * 1000 // rate}


def entry(insns, muls, meas, factor, why):
    lx6 = insns - muls * MULDI3_SAVED
    return {"measurement": meas, "factor": factor, "basis": why, "lx106_instructions": insns,
            "muldi3_calls": muls, "lx6_instructions": lx6,
            "ms_low": round(lx6 * CPI_LOW / CLOCK_HZ * 1000, 4),
            "ms_high": round(lx6 * CPI_HIGH / CLOCK_HZ * 1000, 4)}


def build(bench_dir, root):
    insns = read_r(os.path.join(bench_dir, "bench.txt"), 3)
    muls = read_r(os.path.join(bench_dir, "bench-mulprof.txt"), 6)
    pool = int(POOL_SIZE_RE.search(open(os.path.join(root, "native/src/pc_limits.h")).read()).group(1))
    table = {}
    for name, (meas, factor, why) in ENTRY_POINTS.items():
        f = pool if factor == "pool" else pool + 1 if factor == "pool+1" else factor
        n, m = insns[meas] * f, muls[meas] * f
        if name in EXTRA:
            extra, times = EXTRA[name]
            n, m = n + insns[extra] * times, m + muls[extra] * times
        table[name] = entry(math.ceil(n), math.ceil(m), meas, f, why)
    for name in UNMEASURED:
        table[name] = {"measurement": None, "basis": "not measured: no crypto, charged 0",
                       "lx106_instructions": 0, "muldi3_calls": 0, "lx6_instructions": 0,
                       "ms_low": 0.0, "ms_high": 0.0}
    commit = subprocess.run(["git", "-C", root, "log", "-1", "--format=%h", "--", "native/src",
                             "native/backends", "native/include"], capture_output=True, text=True).stdout.strip()
    return {"generated_by": "scripts/device-timing.py from native/xtensa/bench/bench.sh output",
            "native_commit": commit, "clock_hz": CLOCK_HZ, "cpi_low": CPI_LOW, "cpi_high": CPI_HIGH,
            "muldi3_saved_instructions": MULDI3_SAVED, "audio": audio(root), "entry_points": table}


def fmt(ms):
    return f"{ms:.2f}" if ms < 1 else f"{ms:.1f}"


def doc_section(t):
    a = t["audio"]
    budget = min(a["mic_dma_ms"], a["speaker_dma_ms"]) - a["frame_ms"]
    lines = ["<!-- device-timing:begin (generated by scripts/device-timing.py --update-doc) -->",
             f"Native calls made during a call, estimated on a 240 MHz ESP32 from the lx106 benchmark "
             f"(LX6 correction {t['muldi3_saved_instructions']} instructions per `__muldi3` product, "
             f"{t['cpi_low']}-{t['cpi_high']} cycles per instruction; native core as of {t['native_commit']}). "
             f"The audio that covers a stall: the I2S DMA rings of `boards/esp32-common/AudioRate.cs`, "
             f"microphone {a['mic_dma_bytes']:,} B = {a['mic_dma_ms']} ms, speaker {a['speaker_dma_bytes']:,} B = "
             f"{a['speaker_dma_ms']} ms, less the {a['frame_ms']} ms frame in progress: **{budget} ms** of stall "
             f"without a lost frame (both boards).", "",
             "| entry point | when in a call | lx106 instructions | LX6 (est.) | ESP32 ms | covered by |",
             "|---|---|---:|---:|---:|---|"]
    when = {"pc_media_seal": "every 20 ms (send)", "pc_media_open": "every received frame",
            "pc_media_conceal": "each missing frame", "pc_session_seal": "control messages",
            "pc_session_open": "control messages", "pc_session_ratchet": "every ratchet interval",
            "pc_session_rekey_offer": "DH re-key, offerer", "pc_session_rekey_accept": "DH re-key, answerer",
            "pc_session_rekey_complete": "DH re-key, offerer", "pc_session_forget_previous": "after a key switch",
            "pc_session_info": "statistics"}
    for name in IN_CALL:
        e = t["entry_points"][name]
        covered = "nothing to cover" if e["ms_high"] == 0 else (
            f"{budget} ms DMA ({fmt(e['ms_high'])} ms used)" if e["ms_high"] <= budget else "**not covered**")
        lines.append(f"| `{name}` | {when[name]} | {e['lx106_instructions']:,} | {e['lx6_instructions']:,} | "
                     f"{fmt(e['ms_low'])}-{fmt(e['ms_high'])} | {covered} |")
    lines += ["", "Outside a call (not covered by audio, none runs while one is active): " + ", ".join(
        f"`{n}` {fmt(t['entry_points'][n]['ms_low'])}-{fmt(t['entry_points'][n]['ms_high'])} ms"
        for n in ["pc_hs_write", "pc_hs_read", "pc_pool_refill", "pc_store_open", "pc_contact_pin",
                  "pc_selftest"]) + ".", "<!-- device-timing:end -->"]
    return "\n".join(lines)


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-dir", default=os.path.join(root, "build/xtensa"),
                    help="folder with bench.txt and bench-mulprof.txt (bench.sh's -Os build)")
    ap.add_argument("--update-doc", action="store_true", help="also rewrite docs/performance.md's section")
    args = ap.parse_args()
    for f in ("bench.txt", "bench-mulprof.txt"):
        if not os.path.isfile(os.path.join(args.bench_dir, f)):
            sys.exit(f"device-timing.py: {args.bench_dir}/{f} missing: run native/xtensa/bench/bench.sh first")
    t = build(args.bench_dir, root)
    out = os.path.join(root, "boards/sim/Timing/device-timing.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(t, f, indent=1)
        f.write("\n")
    section = doc_section(t)
    if args.update_doc:
        doc = os.path.join(root, "docs/performance.md")
        text = open(doc, encoding="utf-8").read()
        pat = re.compile(r"<!-- device-timing:begin.*?<!-- device-timing:end -->", re.S)
        text = pat.sub(lambda _: section, text) if pat.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
        open(doc, "w", encoding="utf-8").write(text)
    print(section)


if __name__ == "__main__":
    main()
