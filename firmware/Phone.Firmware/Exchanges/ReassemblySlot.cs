// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// One partly received fragmented message: its key (source, type, ids, count), which
    /// fragments arrived, and a body buffer allocated once with the table.
    /// </summary>
    internal class ReassemblySlot
    {
        internal readonly byte[] Body = new byte[FragmentFormat.MaxBody];

        internal bool InUse;
        internal NetAddress From;
        internal int Type;
        internal uint SenderId;
        internal uint ReceiverId;
        internal int Count;
        internal int Received;
        internal int LastLength;
        internal long StartedAt;

        /// <summary>Fragments stored so far.</summary>
        internal int Fragments
        {
            get
            {
                int n = 0;
                for (int i = 0; i < Count; i++)
                {
                    if ((Received & (1 << i)) != 0)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>True once every fragment is in.</summary>
        internal bool Complete
        {
            get { return Received == (1 << Count) - 1; }
        }

        /// <summary>True if the fragment header in buffer at offset names this slot's message from from.</summary>
        internal bool Matches(NetAddress from, byte[] buffer, int offset)
        {
            return InUse && From.SameAs(from) && Type == buffer[offset + WireFormat.TypeOffset]
                   && SenderId == HandshakeDatagram.SenderId(buffer, offset)
                   && ReceiverId == HandshakeDatagram.ReceiverId(buffer, offset)
                   && Count == buffer[offset + FragmentFormat.CountOffset];
        }

        /// <summary>Takes the slot for the message whose fragment header is at buffer[offset..).</summary>
        internal void Begin(NetAddress from, byte[] buffer, int offset, long now)
        {
            InUse = true;
            From = from;
            Type = buffer[offset + WireFormat.TypeOffset];
            SenderId = HandshakeDatagram.SenderId(buffer, offset);
            ReceiverId = HandshakeDatagram.ReceiverId(buffer, offset);
            Count = buffer[offset + FragmentFormat.CountOffset];
            Received = 0;
            LastLength = 0;
            StartedAt = now;
        }

        /// <summary>Frees the slot (the body is overwritten by the next message; it holds only public bytes).</summary>
        internal void Release()
        {
            InUse = false;
            From = null;
            Received = 0;
        }

        /// <summary>True if from has the same IPv4 address (any port) as this slot's source.</summary>
        internal bool SameHost(NetAddress from)
        {
            return InUse && From.Octet(0) == from.Octet(0) && From.Octet(1) == from.Octet(1)
                   && From.Octet(2) == from.Octet(2) && From.Octet(3) == from.Octet(3);
        }
    }
}
