// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>A datagram arrived (the buffer is reused after the call returns).</summary>
    public delegate void DatagramReceived(NetAddress from, byte[] buffer, int offset, int count);
}
