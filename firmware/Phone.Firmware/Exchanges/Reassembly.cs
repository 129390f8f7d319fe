// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// Puts fragmented handshake messages back together (docs/protocol.md §2.1) in a fixed
    /// table of Slots buffers allocated once: at most PerHost partial messages per source
    /// address, a partial is discarded TimeoutMs after its first fragment, and when the table
    /// is full the oldest partial makes room. A flood of fragments therefore costs at most
    /// Slots * MaxBody bytes, allocated at start-up, whatever it sends.
    /// </summary>
    internal class Reassembly
    {
        /// <summary>Partial messages held at once (all sources).</summary>
        internal const int Slots = 4;

        /// <summary>Partial messages held at once for one IPv4 address.</summary>
        internal const int PerHost = 2;

        /// <summary>A partial message older than this is discarded.</summary>
        internal const int TimeoutMs = 5000;

        private readonly ReassemblySlot[] _slots = new ReassemblySlot[Slots];
        private readonly PhoneCounters _counters;

        internal Reassembly(PhoneCounters counters)
        {
            _counters = counters;
            for (int i = 0; i < Slots; i++)
            {
                _slots[i] = new ReassemblySlot();
            }
        }

        /// <summary>Partial messages held now.</summary>
        internal int InUse
        {
            get
            {
                int n = 0;
                for (int i = 0; i < Slots; i++)
                {
                    n += _slots[i].InUse ? 1 : 0;
                }

                return n;
            }
        }

        /// <summary>
        /// Takes one fragment datagram buffer[offset..offset+count). Returns the length of the
        /// whole message written to output ([header][body], as if never fragmented) once its
        /// last fragment arrived; 0 while it is incomplete or the fragment was dropped
        /// (why says which: None for a stored fragment, FragmentDiscarded for a copy of one held).
        /// </summary>
        internal int Add(NetAddress from, byte[] buffer, int offset, int count, long now, byte[] output,
            out DropReason why)
        {
            why = Check(buffer, offset, count);
            if (why != DropReason.None)
            {
                return 0;
            }

            Expire(now);
            int index = buffer[offset + FragmentFormat.IndexOffset];
            int chunk = count - FragmentFormat.HeaderLength;
            ReassemblySlot slot = Find(from, buffer, offset);
            if (slot == null)
            {
                slot = Take(from);
                slot.Begin(from, buffer, offset, now);
            }

            if ((slot.Received & (1 << index)) != 0)
            {
                why = DropReason.FragmentDiscarded; // a copy (retransmission, duplication): the first one stays
                return 0;
            }

            System.Array.Copy(buffer, offset + FragmentFormat.HeaderLength, slot.Body,
                index * FragmentFormat.MaxChunk, chunk);
            slot.Received |= 1 << index;
            if (index == slot.Count - 1)
            {
                slot.LastLength = chunk;
            }

            return slot.Complete ? Deliver(slot, buffer, offset, output) : 0;
        }

        /// <summary>Header rules of one fragment: count 1..MaxFragments, index below it, full chunks but the last.</summary>
        private static DropReason Check(byte[] buffer, int offset, int count)
        {
            if (count <= FragmentFormat.HeaderLength)
            {
                return DropReason.Truncated;
            }

            int index = buffer[offset + FragmentFormat.IndexOffset];
            int total = buffer[offset + FragmentFormat.CountOffset];
            int chunk = count - FragmentFormat.HeaderLength;
            if (total < 1 || total > FragmentFormat.MaxFragments || index >= total)
            {
                return DropReason.Malformed;
            }

            if (chunk > FragmentFormat.MaxChunk)
            {
                return DropReason.Oversized;
            }

            bool last = index == total - 1;
            return last || chunk == FragmentFormat.MaxChunk ? DropReason.None : DropReason.Malformed;
        }

        private int Deliver(ReassemblySlot slot, byte[] buffer, int offset, byte[] output)
        {
            System.Array.Copy(buffer, offset, output, 0, WireFormat.HandshakeBodyOffset);
            int body = (slot.Count - 1) * FragmentFormat.MaxChunk + slot.LastLength;
            System.Array.Copy(slot.Body, 0, output, WireFormat.HandshakeBodyOffset, body);
            _counters.MessagesReassembled++;
            slot.Release();
            return WireFormat.HandshakeBodyOffset + body;
        }

        private ReassemblySlot Find(NetAddress from, byte[] buffer, int offset)
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_slots[i].Matches(from, buffer, offset))
                {
                    return _slots[i];
                }
            }

            return null;
        }

        /// <summary>A slot for a new message from from: a free one, else the host's or the table's oldest.</summary>
        private ReassemblySlot Take(NetAddress from)
        {
            ReassemblySlot free = null;
            ReassemblySlot oldest = null;
            ReassemblySlot hostOldest = null;
            int hostCount = 0;
            for (int i = 0; i < Slots; i++)
            {
                ReassemblySlot s = _slots[i];
                if (!s.InUse)
                {
                    free = free == null ? s : free;
                    continue;
                }

                oldest = oldest == null || s.StartedAt < oldest.StartedAt ? s : oldest;
                if (s.SameHost(from))
                {
                    hostCount++;
                    hostOldest = hostOldest == null || s.StartedAt < hostOldest.StartedAt ? s : hostOldest;
                }
            }

            ReassemblySlot victim = hostCount >= PerHost ? hostOldest : (free == null ? oldest : null);
            if (victim == null)
            {
                return free;
            }

            Discard(victim);
            return victim;
        }

        private void Expire(long now)
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_slots[i].InUse && now - _slots[i].StartedAt >= TimeoutMs)
                {
                    Discard(_slots[i]);
                }
            }
        }

        /// <summary>Drops a partial message: each fragment it held counts as a dropped datagram.</summary>
        private void Discard(ReassemblySlot slot)
        {
            int fragments = slot.Fragments;
            for (int i = 0; i < fragments; i++)
            {
                _counters.Drop(DropReason.FragmentDiscarded);
            }

            _counters.PartialsDiscarded++;
            slot.Release();
        }
    }
}
