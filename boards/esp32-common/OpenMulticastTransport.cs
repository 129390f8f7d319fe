// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>Opens the board's mDNS socket; its datagrams go to received.</summary>
    public delegate IMulticastTransport OpenMulticastTransport(DatagramReceived received);
}
