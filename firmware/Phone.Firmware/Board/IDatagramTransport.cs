// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// Sends UDP datagrams for the firmware. Received datagrams are pushed
    /// into the firmware by the board's loop (PhoneCore.OnDatagram), so the
    /// firmware never blocks on a socket.
    /// </summary>
    public interface IDatagramTransport
    {
        /// <summary>
        /// Sends buffer[offset..offset+count) as one datagram; never blocks for
        /// long, must not keep the buffer, and must not call back into the
        /// PhoneCore (deliver replies later, from the board loop).
        /// </summary>
        void Send(NetAddress to, byte[] buffer, int offset, int count);
    }
}
