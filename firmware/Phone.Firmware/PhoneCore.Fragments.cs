// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Pairing;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// Fragmented handshake messages (docs/protocol.md §2.1): each fragment is an ordinary
    /// datagram of its message's type; the bounded Reassembly table puts them together and the
    /// whole message then takes the normal handshake path, as if it had come in one piece.
    /// A fragment of a first message (PAIR_1, VERIFY_1) passes, per datagram and in this order,
    /// its exact length, the cookie gate (mac1/mac2, §11) and for PAIR_1 the pairing-mode gate
    /// (§5.2) before it may take any reassembly memory.
    /// </summary>
    public partial class PhoneCore
    {
        private readonly Reassembly _reassembly;
        private readonly byte[] _whole = new byte[FragmentFormat.MaxMessage];

        /// <summary>Partial messages held for reassembly now (at most Reassembly.Slots).</summary>
        public int PartialMessages
        {
            get { return _reassembly.InUse; }
        }

        private void DispatchFragment(int type, NetAddress from, byte[] buffer, int offset, int count)
        {
            if (count <= FragmentFormat.HeaderLength)
            {
                _ctx.Counters.Drop(DropReason.Truncated);
                return;
            }

            // Spend no reassembly memory on what could never be delivered.
            DropReason ids = CheckFragmentIds(type, buffer, offset);
            if (ids != DropReason.None)
            {
                _ctx.Counters.Drop(ids);
                return;
            }

            Admission admission = Admission.Unproven;
            if (FirstMessageLayout.IsFirst(type))
            {
                int chunkEnd = AdmitFirstFragment(type, from, HandshakeDatagram.SenderId(buffer, offset), buffer, offset,
                    count, out admission);
                if (chunkEnd < 0)
                {
                    return;
                }

                count = chunkEnd;
            }

            DropReason why;
            int n = _reassembly.Add(from, buffer, offset, count, _ctx.Now, _whole, out why);
            _ctx.Counters.Drop(why);
            if (n > 0)
            {
                Reassembled(type, from, n, admission);
            }
        }

        /// <summary>Malformed for a zero sender id (or a zero receiver id on a reply), UnknownSession for an unknown receiver.</summary>
        private DropReason CheckFragmentIds(int type, byte[] buffer, int offset)
        {
            uint receiverId = HandshakeDatagram.ReceiverId(buffer, offset);
            if (HandshakeDatagram.SenderId(buffer, offset) == 0 || (!FirstMessageLayout.IsFirst(type) && receiverId == 0))
            {
                return DropReason.Malformed;
            }

            return receiverId != 0 && FindById(receiverId) == null ? DropReason.UnknownSession : DropReason.None;
        }

        /// <summary>
        /// The per-datagram checks of a first-message fragment: its length, the cookie gate, and
        /// for a new PAIR_1 the pairing mode. Returns the fragment's length without its padding and
        /// MACs, or -1 when it was dropped (counted here). admission is the cookie gate's verdict.
        /// </summary>
        private int AdmitFirstFragment(int type, NetAddress from, uint senderId, byte[] buffer, int offset, int count,
            out Admission admission)
        {
            admission = Admission.BadMac;
            int want = FirstMessageLayout.FragmentLength(type, buffer[offset + FragmentFormat.IndexOffset],
                buffer[offset + FragmentFormat.CountOffset]);
            DropReason length = want < 0 ? DropReason.Malformed
                : count < want ? DropReason.Truncated
                : count > want ? DropReason.Oversized : DropReason.None;
            if (length != DropReason.None)
            {
                _ctx.Counters.Drop(length);
                return -1;
            }

            admission = AdmitFirst(type, from, buffer, offset, count);
            if (admission == Admission.BadMac || admission == Admission.CookieSent || !PairingGate(type, from, senderId,
                    buffer[offset + FragmentFormat.IndexOffset] == buffer[offset + FragmentFormat.CountOffset] - 1))
            {
                return -1;
            }

            int body = HandshakeDatagram.FirstBodyLength(type) - WireFormat.HandshakeBodyOffset;
            int rest = body - buffer[offset + FragmentFormat.IndexOffset] * FragmentFormat.MaxChunk;
            return FragmentFormat.HeaderLength + (rest < FragmentFormat.MaxChunk ? rest : FragmentFormat.MaxChunk);
        }

        /// <summary>
        /// A PAIR_1 fragment that would start a new pairing outside pairing mode (or while busy) is
        /// refused here, before reassembly, as the whole PAIR_1 would be: such a PAIR_1 costs no
        /// reassembly memory at all. A copy for an exchange it already started, and our own PAIR_1
        /// coming back, go on (FirstMessage decides on the whole message). A refused PAIR_1 takes one
        /// token of the global budget (on its last fragment), as the rate limits would have for the whole.
        /// </summary>
        private bool PairingGate(int type, NetAddress from, uint senderId, bool lastFragment)
        {
            if (type != MessageType.Pair1 || FindStartedBy(from, senderId) != null)
            {
                return true;
            }

            bool ownComingBack = _active != null && _active.IsInitiator && senderId == _active.LocalId
                                 && _active is PairingExchange;
            if (ownComingBack || AdmitsFirstMessage(type, from, senderId))
            {
                return true;
            }

            // Refused before reassembly, and so before the rate limits: still a first message the
            // load meter must count (once, on its last fragment, as the rate limits count a whole
            // message), or a PAIR_1 flood would never put the phone under load (§11.1).
            if (lastFragment)
            {
                _handshakeLimiter.ChargeLoad(_ctx.Now);
            }

            return false;
        }

        /// <summary>A whole reassembled message: a first message goes on admitted by its last fragment's verdict.</summary>
        private void Reassembled(int type, NetAddress from, int n, Admission admission)
        {
            if (!FirstMessageLayout.IsFirst(type))
            {
                DispatchHandshake(type, from, _whole, 0, n);
                return;
            }

            DropReason length = HandshakeDatagram.CheckLength(type, n);
            if (length != DropReason.None)
            {
                _ctx.Counters.Drop(length);
                return;
            }

            RouteHandshake(type, from, _whole, 0, n, admission);
        }
    }
}
