// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Wire
{
    /// <summary>
    /// Sends one whole handshake message: as one datagram, or for the fragmented types
    /// (FragmentFormat) as its fragments, in order, built in a caller-owned scratch datagram.
    /// A fragment of a first message (PAIR_1, VERIFY_1) is padded and gets zero MACs in its
    /// reserved 32 bytes; the transport (PhoneContext.Send, CookieJar) stamps mac1/mac2.
    /// </summary>
    public static class FragmentWriter
    {
        /// <summary>Sends message[0..length) to to; returns the number of datagrams sent.</summary>
        public static int Send(IDatagramTransport transport, NetAddress to, byte[] message, int length, byte[] scratch)
        {
            if (length <= WireFormat.HandshakeBodyOffset || !FragmentFormat.IsFragmented(message[WireFormat.TypeOffset]))
            {
                transport.Send(to, message, 0, length);
                return 1;
            }

            int body = length - WireFormat.HandshakeBodyOffset;
            int count = FragmentFormat.CountFor(body);
            bool first = FirstMessageLayout.IsFirst(message[WireFormat.TypeOffset]);
            System.Array.Copy(message, 0, scratch, 0, WireFormat.HandshakeBodyOffset);
            for (int i = 0; i < count; i++)
            {
                int start = i * FragmentFormat.MaxChunk;
                int chunk = body - start < FragmentFormat.MaxChunk ? body - start : FragmentFormat.MaxChunk;
                scratch[FragmentFormat.IndexOffset] = (byte)i;
                scratch[FragmentFormat.CountOffset] = (byte)count;
                System.Array.Copy(message, WireFormat.HandshakeBodyOffset + start, scratch,
                    FragmentFormat.HeaderLength, chunk);
                int n = FragmentFormat.HeaderLength + chunk;
                transport.Send(to, scratch, 0, first ? FirstMessageLayout.Pad(scratch, n) : n);
            }

            return count;
        }
    }
}
