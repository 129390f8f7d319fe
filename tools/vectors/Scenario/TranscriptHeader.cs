// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>The transcript's top: what it is, how it is made, the seeds and the two phones.</summary>
    internal static class TranscriptHeader
    {
        public static JsonNode Write(byte[] seed, VectorBench bench, List<TraceEntry> identities)
        {
            var root = new JsonNode(
                "Transcript vectors of the phone protocol (docs/protocol.md, \"Test vectors\"): two firmware phones "
                + "from fixed seeds pair, call, ratchet and re-key. Generated from the code by "
                + "`bash scripts/regen-vectors.sh`; TranscriptReplayTests (tests/Phone.Tests/Vectors) replays the "
                + "scenario and compares byte for byte. Test data only: every secret here comes from the public seed.");
            root.Add("protocol_version", (int)Phone.Firmware.Wire.WireFormat.Version,
                "the version byte [0] every datagram of this firmware carries");
            var seeds = new JsonNode("everything the run depends on")
                .Add("drbg_seed", seed, "32 bytes (ASCII \"" + Scenario.TranscriptRun.SeedText + "\")")
                .Add("drbg", "draw i (from 0, one per random draw of the core, the firmware's pc_random calls "
                    + "included) = ChaCha20 keystream of libsodium's "
                    + "randombytes_buf_deterministic under key_i = BLAKE2b-256(key = drbg_seed, LE64(i))",
                    "the test build's random source for every identity key, ephemeral, nonce, id and RTP start value")
                .Add("clock_start_ms", TranscriptRun.ClockStartMs, "the phones' clock at power-on")
                .Add("step_ms", VectorBench.StepMs, "the clock moves in these steps; due timers fire after each")
                .Add("latency_ms", bench.Net.LatencyMs, "one-way delay of every datagram; no loss, no reordering")
                .Add("settings", "PhoneConfig defaults (the product's) except Name",
                    "ratchet 10 s, DH re-key 115 s, keep-alive 1 s, retransmit 300 ms ...");
            root.Add("seeds", seeds);
            var phones = new List<JsonNode>();
            for (int i = 0; i < bench.Phones.Count; i++)
            {
                VectorPhone p = bench.Phones[i];
                phones.Add(new JsonNode()
                    .Add("name", p.Name)
                    .Add("address", p.Address.ToString())
                    .Add("identity_private", identities[i].Data)
                    .Add("identity_public", p.Core.IdentityKey));
            }

            root.Add("phones", phones, "the two phones, each with a fresh key store");
            root.Describe("phones[].identity_private", "X25519 static secret (drawn when the store was created)");
            root.Describe("phones[].identity_public", "its public key: the Noise static s");
            return root;
        }
    }
}
