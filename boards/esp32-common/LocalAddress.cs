// SPDX-License-Identifier: MIT
namespace Phone.Boards.Esp32
{
    /// <summary>The board's current IPv4 address as four octets, or null while it has none.</summary>
    public delegate byte[] LocalAddress();
}
