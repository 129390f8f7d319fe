// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>
    /// Test side of §2.1: whole handshake messages to fragments and back, through the firmware's own
    /// writer. A fragment of a first message (PAIR_1, VERIFY_1) gets mac1 as any sender can compute
    /// it (the open key) and mac2 zero, as the phone's CookieJar would stamp it without a cookie.
    /// </summary>
    public static class Fragments
    {
        /// <summary>The datagrams the firmware would send for a whole message (one for unfragmented types).</summary>
        public static List<byte[]> Split(byte[] whole)
        {
            var sink = new Sink();
            FragmentWriter.Send(sink, null, whole, whole.Length, new byte[WireFormat.MaxDatagram]);
            if (FirstMessageLayout.IsFirst(whole[WireFormat.TypeOffset]))
            {
                foreach (byte[] d in sink.Sent)
                {
                    CookieMacs.Stamp(CookieKeys.Open().Mac1Key, null, d, 0, d.Length);
                }
            }

            return sink.Sent;
        }

        /// <summary>
        /// The first whole message of type type among datagrams (fragments are joined by index;
        /// unfragmented types are returned as they are), or null if none is complete.
        /// </summary>
        public static byte[] Join(IEnumerable<byte[]> datagrams, byte type)
        {
            var ofType = datagrams.Where(d => d.Length > 1 && d[1] == type).ToList();
            if (!FragmentFormat.IsFragmented(type))
            {
                return ofType.FirstOrDefault();
            }

            var parts = new Dictionary<int, byte[]>();
            foreach (byte[] d in ofType)
            {
                int count = d[FragmentFormat.CountOffset];
                parts.TryAdd(d[FragmentFormat.IndexOffset], d);
                if (parts.Count == count)
                {
                    var whole = new List<byte>(d.Take(WireFormat.HandshakeBodyOffset));
                    for (int i = 0; i < count; i++)
                    {
                        whole.AddRange(parts[i].Skip(FragmentFormat.HeaderLength).Take(ChunkLength(type, parts[i])));
                    }

                    return whole.ToArray();
                }
            }

            return null;
        }

        /// <summary>Bytes of the message in a fragment: a first message's fragment ends in padding and the MACs.</summary>
        private static int ChunkLength(byte type, byte[] fragment)
        {
            if (!FirstMessageLayout.IsFirst(type))
            {
                return fragment.Length - FragmentFormat.HeaderLength;
            }

            int body = HandshakeDatagram.FirstBodyLength(type) - WireFormat.HandshakeBodyOffset;
            int rest = body - fragment[FragmentFormat.IndexOffset] * FragmentFormat.MaxChunk;
            return Math.Min(rest, FragmentFormat.MaxChunk);
        }

        /// <summary>Sends a whole message from from to to as the firmware would (its fragments, in order).</summary>
        public static void Send(FakeNetwork net, NetAddress from, NetAddress to, byte[] whole)
        {
            foreach (byte[] d in Split(whole))
            {
                net.Send(from, to, d);
            }
        }

        private sealed class Sink : IDatagramTransport
        {
            public List<byte[]> Sent { get; } = new List<byte[]>();

            public void Send(NetAddress to, byte[] buffer, int offset, int count)
            {
                byte[] copy = new byte[count];
                Array.Copy(buffer, offset, copy, 0, count);
                Sent.Add(copy);
            }
        }
    }
}
