// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// One Noise handshake of a section as the core's trace shows it: the pattern and
    /// prologue, both ephemeral secrets, each message's plaintext payload and h after it,
    /// the final chaining key and the keys derived from it (docs/protocol.md §4-§6).
    /// </summary>
    internal sealed class HandshakeRecord
    {
        private readonly List<TraceEntry> _trace;

        public HandshakeRecord(List<TraceEntry> trace)
        {
            _trace = trace;
        }

        /// <summary>Data of the first entry with label (and role, index when given), or null.</summary>
        public byte[] First(string label, int role = -1, long index = -1)
        {
            foreach (TraceEntry e in _trace)
            {
                if (e.Label == label && (role < 0 || e.Role == role) && (index < 0 || e.Index == index))
                {
                    return e.Data;
                }
            }

            return null;
        }

        public TraceEntry FirstEntry(string label)
        {
            return _trace.Find(e => e.Label == label);
        }

        /// <summary>The plaintext payload of message n (1-based) as its writer traced it.</summary>
        public byte[] Payload(int message) => First("payload", -1, message);

        public byte[] HashAfter(int message) => First("h", -1, message);

        public int MessageCount()
        {
            int n = 0;
            foreach (TraceEntry e in _trace)
            {
                if (e.Label == "h" && e.Index > n)
                {
                    n = (int)e.Index;
                }
            }

            return n;
        }

        public JsonNode ToJson(string initiator, string responder)
        {
            TraceEntry prologue = FirstEntry("prologue");
            var node = new JsonNode("the Noise handshake (docs/protocol.md §4), from the core's own trace")
                .Add("noise_protocol", prologue == null ? null : ProtocolName(prologue.Index),
                    "Noise protocol name (rev. 34); HASH is BLAKE2b with 64-byte output")
                .Add("hybrid_ml_kem", FirstEntry("kem_secret") != null,
                    "true if an ML-KEM-768 secret was mixed into ck (hybrid pairing, §5.1)")
                .Add("kem_public", First("kem_public"),
                    "hybrid: the initiator's ML-KEM-768 encapsulation key ek (null: classical)")
                .Add("kem_ciphertext", First("kem_ciphertext"), "hybrid: the responder's ciphertext c")
                .Add("kem_secret", First("kem_secret"),
                    "hybrid: the shared secret K; after message 1 both sides MixHash(ek), MixHash(c), MixKey(K)")
                .Add("prologue", prologue?.Data, "the prologue bytes (ASCII label)")
                .Add("initiator", initiator, "the phone that sent message 1")
                .Add("responder", responder, "the other phone")
                .Add("initiator_ephemeral_private", First("e", TraceEntry.RoleInitiator),
                    "X25519 secret of the initiator's e (public key = first 32 bytes of message 1)")
                .Add("responder_ephemeral_private", First("e", TraceEntry.RoleResponder),
                    "X25519 secret of the responder's e (public key = first 32 bytes of message 2)");
            var messages = new List<JsonNode>();
            for (int m = 1; m <= MessageCount(); m++)
            {
                messages.Add(new JsonNode()
                    .Add("message", m)
                    .Add("sender", m % 2 == 1 ? initiator : responder)
                    .Add("payload", Payload(m))
                    .Add("h", HashAfter(m)));
            }

            node.Add("messages", messages, "per handshake message, in order");
            node.Describe("messages[].payload", "the plaintext payload the sender wrote (EncryptAndHash input)");
            node.Describe("messages[].h", "the handshake hash h (64 bytes) right after this message");
            node.Add("final_chaining_key", First("ck"), "ck after the last token of the last message (§6.1)")
                .Add("k_i2r", First("k_i2r"), "Split() output 1 [0..32): the initiator's sending key, phase 0x00")
                .Add("k_r2i", First("k_r2i"), "Split() output 2 [0..32): the responder's sending key, phase 0x00")
                .Add("root", First("root"), "HKDF(ck, \"phone/v1/root\", 2) output 1 [0..32): chain of the DH re-keys")
                .Add("resumption", First("resumption"),
                    "HKDF(ck, \"phone/v1/root\", 2) output 2 [0..32): PSK of the next call");
            return node;
        }

        private static string ProtocolName(uint pattern)
        {
            switch (pattern)
            {
                case 1: return "Noise_XX_25519_ChaChaPoly_BLAKE2b";
                case 2: return "Noise_IK_25519_ChaChaPoly_BLAKE2b";
                case 3: return "Noise_IKpsk2_25519_ChaChaPoly_BLAKE2b";
                default: return "pattern " + pattern;
            }
        }

        /// <summary>The whole trace of the section (label, role, index, data), for anything not named above.</summary>
        public static List<JsonNode> TraceJson(IEnumerable<TraceEntry> trace)
        {
            var list = new List<JsonNode>();
            foreach (TraceEntry e in trace)
            {
                list.Add(new JsonNode()
                    .Add("label", e.Label)
                    .Add("role", e.Role == TraceEntry.RoleInitiator ? "initiator"
                        : e.Role == TraceEntry.RoleResponder ? "responder" : "-")
                    .Add("index", e.Index)
                    .Add("data", e.Data));
                if (e.Length != e.Data.Length)
                {
                    throw new InvalidOperationException("trace entry " + e.Label + " was cut: raise PC_TRACE_DATA_MAX");
                }
            }

            return list;
        }
    }
}
