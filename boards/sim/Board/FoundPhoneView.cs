// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Sim.Board
{
    /// <summary>A phone discovery found, copied off the loop thread: name, fingerprint (16 hex), address.</summary>
    internal sealed record FoundPhoneView(string Name, string Fingerprint, NetAddress Address);
}
