// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Phone.Firmware.Wire;
using Phone.Vectors.Json;
using Phone.Vectors.Native;

namespace Phone.Vectors.Scenario
{
    /// <summary>
    /// A section's datagrams as JSON: every handshake, ERROR and CONTROL datagram, and of
    /// the media only the first two each way and the first of every later key phase each
    /// way; SECURE packets opened with their sender's key. A digest over all of them
    /// (media included) keeps the unlisted ones honest too.
    /// </summary>
    internal static class DatagramList
    {
        public static void Write(JsonNode section, IList<SentDatagram> datagrams, string initiator, KeyRing ring)
        {
            var listed = new List<JsonNode>();
            var mediaSeen = new Dictionary<(string, int), int>();
            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            for (int i = 0; i < datagrams.Count; i++)
            {
                SentDatagram d = datagrams[i];
                var length = new byte[4];
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, d.Bytes.Length);
                digest.AppendData(length);
                digest.AppendData(d.Bytes);
                if (IsMedia(d.Bytes) && !FirstOfPhase(mediaSeen, d))
                {
                    continue;
                }

                listed.Add(Element(i, d, d.From == initiator ? TraceEntry.RoleInitiator : TraceEntry.RoleResponder, ring));
            }

            section.Add("datagram_count", datagrams.Count,
                "datagrams of this section on the wire, both directions, media included");
            section.Add("all_datagrams_sha256", digest.GetHashAndReset(),
                "SHA-256 over every datagram of the section in send order, each as LE32(length) || bytes");
            section.Add("datagrams", listed,
                "every handshake, ERROR and CONTROL datagram; MEDIA only the first two each way and "
                + "the first of each later key phase each way");
            section.Describe("datagrams[].index", "position among all datagrams of the section (send order)");
            section.Describe("datagrams[].time_ms", "scenario clock when sent (delivered latency_ms later)");
            section.Describe("datagrams[].bytes", "the whole UDP payload as sent");
            section.Describe("datagrams[].phase", "SECURE: key phase byte [2] = generation << 4 | epoch");
            section.Describe("datagrams[].counter", "SECURE: LE64 packet counter at [8..16), the AEAD nonce's last 8 bytes");
            section.Describe("datagrams[].key", "SECURE: the sender's sending key for this phase (from the trace)");
            section.Describe("datagrams[].plaintext", "SECURE: the opened body (AD = header: 28 bytes for MEDIA, 16 for CONTROL); null if it did not open");
        }

        private static bool IsMedia(byte[] b)
        {
            return b.Length > WireFormat.InnerKindOffset && b[1] == MessageType.Secure
                && b[WireFormat.InnerKindOffset] == InnerKind.Media;
        }

        private static bool FirstOfPhase(Dictionary<(string, int), int> seen, SentDatagram d)
        {
            int phase = d.Bytes[2];
            seen.TryGetValue((d.From, phase), out int count);
            seen[(d.From, phase)] = count + 1;
            return count < (phase == 0 ? 2 : 1);
        }

        private static JsonNode Element(int index, SentDatagram d, int senderRole, KeyRing ring)
        {
            var e = new JsonNode()
                .Add("index", index)
                .Add("time_ms", d.TimeMs)
                .Add("from", d.From)
                .Add("to", d.To)
                .Add("type", TypeName(d.Bytes))
                .Add("bytes", d.Bytes);
            if (d.Bytes.Length >= 16 && d.Bytes[1] == MessageType.Secure)
            {
                int headerLength = IsMedia(d.Bytes) ? 28 : 16;
                byte[] key = ring.Find(senderRole, d.Bytes[2]);
                byte[] body = KeyRing.Open(key, d.Bytes, headerLength);
                e.Add("phase", (int)d.Bytes[2])
                    .Add("counter", (long)BitConverter.ToUInt64(d.Bytes, 8))
                    .Add("key", key)
                    .Add("plaintext", body);
            }

            return e;
        }

        private static string TypeName(byte[] b)
        {
            if (b.Length < 2)
            {
                return "short";
            }

            switch (b[1])
            {
                case MessageType.Pair1: return "PAIR_1";
                case MessageType.Pair2: return "PAIR_2";
                case MessageType.Pair3: return "PAIR_3";
                case MessageType.Call1: return "CALL_1";
                case MessageType.Call2: return "CALL_2";
                case MessageType.CallFallback: return "CALL_FALLBACK";
                case MessageType.Verify1: return "VERIFY_1";
                case MessageType.Verify2: return "VERIFY_2";
                case MessageType.Verify3: return "VERIFY_3";
                case MessageType.Error: return "ERROR";
                case MessageType.Secure:
                    return b.Length > WireFormat.InnerKindOffset && b[WireFormat.InnerKindOffset] == InnerKind.Media
                        ? "SECURE/MEDIA" : "SECURE/CONTROL";
                default: return "type " + b[1];
            }
        }
    }
}
