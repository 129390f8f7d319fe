// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// Opens the board's datagram transport once the network is up; every datagram it
    /// receives goes to received.
    /// </summary>
    public delegate IDatagramTransport OpenTransport(DatagramReceived received);
}
