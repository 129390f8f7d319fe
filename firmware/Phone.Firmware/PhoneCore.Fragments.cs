// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// Fragmented handshake messages (docs/protocol.md §2.1): each fragment is an ordinary
    /// datagram of its message's type; the bounded Reassembly table puts them together and the
    /// whole message then takes the normal handshake path, as if it had come in one piece.
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
            uint receiverId = HandshakeDatagram.ReceiverId(buffer, offset);
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            bool first = type == MessageType.Pair1 || type == MessageType.Verify1;
            if (senderId == 0 || (!first && receiverId == 0))
            {
                _ctx.Counters.Drop(DropReason.Malformed);
                return;
            }

            if (receiverId != 0 && FindById(receiverId) == null)
            {
                _ctx.Counters.Drop(DropReason.UnknownSession);
                return;
            }

            DropReason why;
            int n = _reassembly.Add(from, buffer, offset, count, _ctx.Now, _whole, out why);
            _ctx.Counters.Drop(why);
            if (n > 0)
            {
                DispatchHandshake(type, from, _whole, 0, n);
            }
        }
    }
}
