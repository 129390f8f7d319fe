// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>The "pairing" object of the transcript (docs/protocol.md §5).</summary>
    internal static class PairingSection
    {
        private const int NonceLength = 32;

        public static JsonNode Write(List<SentDatagram> datagrams, List<TraceEntry> trace, string code, string words,
            string initiator, string responder)
        {
            var hs = new HandshakeRecord(trace);
            var node = new JsonNode("Alice pairs with Bob; both users confirm the code; both pin the other");
            node.Add("handshake", hs.ToJson(initiator, responder));
            node.Add("commitment", Prefix(hs.Payload(1)),
                "C = BLAKE2b-256(\"phone/v1/commit\" || N_i) (digest length 32): the first 32 bytes of PAIR_1's payload");
            node.Add("initiator_nonce", Prefix(hs.Payload(3)), "N_i: the first 32 bytes of PAIR_3's payload");
            node.Add("responder_nonce", Prefix(hs.Payload(2)), "N_r: the first 32 bytes of PAIR_2's payload");
            node.Add("h_after_message_2", hs.HashAfter(2), "h2: the handshake hash right after message 2 (§5)");
            node.Add("code", code,
                "as both displays show it: LE64(BLAKE2b-256(\"phone/v1/sas\" || h2 || N_i || N_r)[0..8)) mod 10^6");
            node.Add("words", words, "the code's 24-bit big-endian value b0 b1 b2 as even[b0] odd[b1] even[b2] (Appendix A)");
            DatagramList.Write(node, datagrams, initiator, new KeyRing(trace));
            node.Add("trace", HandshakeRecord.TraceJson(trace),
                "every secret the core drew or derived in this section, in order (label, role, index, data)");
            return node;
        }

        internal static byte[] Prefix(byte[] payload)
        {
            if (payload == null || payload.Length < NonceLength)
            {
                return null;
            }

            var b = new byte[NonceLength];
            Array.Copy(payload, b, NonceLength);
            return b;
        }
    }
}
