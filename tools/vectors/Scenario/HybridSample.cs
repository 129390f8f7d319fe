// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Text;
using Phone.Crypto;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// The native core's hybrid XX (docs/protocol.md §5.1) between the two phones' keys,
    /// driven through the binding (Phone.Crypto.Handshake) rather than the firmware: each
    /// Noise message and the ML-KEM-768 step, so an implementation of the hybrid step can be
    /// checked before (and whether or not) the pairing on the wire uses it.
    /// </summary>
    internal static class HybridSample
    {
        private static readonly byte[] Prologue = Encoding.ASCII.GetBytes("phone/v1/pair");

        public static JsonNode Write(VectorBench bench, VectorPhone initiator, VectorPhone responder)
        {
            int start = bench.Trace.Count;
            var messages = new List<byte[]>();
            using (var i = new Handshake(initiator.Store, NoisePattern.XX, NoisePattern.Initiator, Prologue, null))
            using (var r = new Handshake(responder.Store, NoisePattern.XX, NoisePattern.Responder, Prologue, null))
            {
                messages.Add(Exchange(i, r, "hybrid message 1"));
                byte[] ek = i.KemOffer();
                var ct = new byte[CryptoCore.KemCiphertextLength];
                r.KemAccept(ek, ek.Length, ct);
                i.KemFinish(ct, ct.Length);
                messages.Add(Exchange(r, i, "hybrid message 2"));
                messages.Add(Exchange(i, r, "hybrid message 3"));
                using (i.Split())
                using (r.Split())
                {
                }
            }

            bench.Collect();
            List<TraceEntry> trace = bench.Trace.GetRange(start, bench.Trace.Count - start);
            JsonNode node = new HandshakeRecord(trace).ToJson(initiator.Name, responder.Name);
            node.Add("noise_messages", messages,
                "each Noise message as written (a phone sends it after its 10-byte handshake header)");
            node.Add("trace", HandshakeRecord.TraceJson(trace),
                "every secret the core drew or derived for this handshake, in order");
            return node;
        }

        private static byte[] Exchange(Handshake writer, Handshake reader, string payloadText)
        {
            byte[] payload = Encoding.ASCII.GetBytes(payloadText);
            var buffer = new byte[2048];
            int n = writer.WriteMessage(payload, payload.Length, buffer, 0);
            var message = new byte[n];
            Array.Copy(buffer, message, n);
            var read = new byte[2048];
            int m = reader.ReadMessage(message, 0, n, read);
            if (m != payload.Length)
            {
                throw new InvalidOperationException("hybrid sample: payload read back as " + m + " bytes");
            }

            return message;
        }
    }
}
