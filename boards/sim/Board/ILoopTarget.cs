// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Sim.Board
{
    /// <summary>What the board loop drives: the firmware core (or a test double).</summary>
    internal interface ILoopTarget
    {
        /// <summary>Absolute time (IClock ms) of the next timer, or long.MaxValue for none.</summary>
        long NextDeadline { get; }

        /// <summary>One received datagram.</summary>
        void OnDatagram(NetAddress from, byte[] buffer, int offset, int count);

        /// <summary>Timers are due.</summary>
        void OnTick();
    }
}
