// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>The "call" object of the transcript (docs/protocol.md §7-§9).</summary>
    internal static class CallSection
    {
        public static JsonNode Write(List<SentDatagram> datagrams, List<TraceEntry> trace, string caller,
            string callee, JsonNode generations)
        {
            var hs = new HandshakeRecord(trace);
            var node = new JsonNode("Alice calls Bob over the pinned key; Bob answers; media both ways until the "
                + "first DH re-key has switched both directions; Alice hangs up");
            node.Add("handshake", hs.ToJson(caller, callee));
            TraceEntry psk = hs.FirstEntry("psk");
            node.Add("psk", psk?.Data, "the resumption secret used as the IKpsk2 PSK (the pairing's resumption)");
            node.Add("psk_generation", psk == null ? 0 : (long)psk.Index, "its generation, as CALL_1's payload names it");
            byte[] call1 = hs.Payload(1);
            node.Add("call_id", call1 != null && call1.Length >= 8 ? (long)BitConverter.ToUInt32(call1, 4) : 0,
                "the caller's call id: CALL_1 payload bytes [4..8) LE, echoed by CALL_2");
            node.Add("stored_generations", generations,
                "resumption generations each side stored after the call (§7.6)");
            node.Add("ratchets", Ratchets(trace, caller, callee),
                "every symmetric ratchet: the sender's new key = REKEY(previous key) (§9.2)");
            node.Describe("ratchets[].phase", "the key phase the new key seals under");
            node.Add("rekeys", Rekeys(trace, caller),
                "every DH re-key (§9.3): (root', k_i2r', k_r2i') = HKDF(root, X25519(e_offerer, e_answerer), 3)");
            DatagramList.Write(node, datagrams, caller, new KeyRing(trace));
            node.Add("trace", HandshakeRecord.TraceJson(trace),
                "every secret the core drew or derived in this section, in order (label, role, index, data)");
            return node;
        }

        private static List<JsonNode> Ratchets(List<TraceEntry> trace, string caller, string callee)
        {
            var list = new List<JsonNode>();
            foreach (TraceEntry e in trace.FindAll(t => t.Label == "ratchet_send"))
            {
                list.Add(new JsonNode()
                    .Add("sender", e.Role == TraceEntry.RoleInitiator ? caller : callee)
                    .Add("phase", (long)e.Index)
                    .Add("key", e.Data));
            }

            return list;
        }

        private static List<JsonNode> Rekeys(List<TraceEntry> trace, string caller)
        {
            var hs = new HandshakeRecord(trace);
            var list = new List<JsonNode>();
            foreach (TraceEntry e in trace.FindAll(t => t.Is("rekey_e", TraceEntry.RoleInitiator)))
            {
                long g = e.Index;
                list.Add(new JsonNode()
                    .Add("generation", g)
                    .Add("offerer", caller)
                    .Add("offerer_ephemeral_private", e.Data)
                    .Add("answerer_ephemeral_private", hs.First("rekey_e", TraceEntry.RoleResponder, g))
                    .Add("dh", hs.First("rekey_dh", -1, g))
                    .Add("root", hs.First("rekey_root", -1, g))
                    .Add("k_i2r", hs.First("rekey_k_i2r", -1, g))
                    .Add("k_r2i", hs.First("rekey_k_r2i", -1, g)));
            }

            return list;
        }
    }
}
