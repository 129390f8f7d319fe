// SPDX-License-Identifier: MIT
using Phone.Firmware.Wire;

namespace Phone.Firmware.Exchanges
{
    /// <summary>One reliable control message waiting for its acknowledgement (preallocated, reused).</summary>
    internal class OutboxEntry
    {
        /// <summary>Control type (ControlType).</summary>
        internal byte Type;

        /// <summary>Sequence number; 0 marks a free entry.</summary>
        internal uint Seq;

        /// <summary>Arguments (ArgsLength bytes used).</summary>
        internal readonly byte[] Args = new byte[ControlMessage.MaxArgs];

        /// <summary>Bytes of Args in use.</summary>
        internal int ArgsLength;

        /// <summary>Times sent so far.</summary>
        internal int Sends;

        /// <summary>Clock time of the next resend.</summary>
        internal long NextSend;

        /// <summary>Clock time after which the message is given up.</summary>
        internal long GiveUpAt;

        /// <summary>True while the entry holds a message.</summary>
        internal bool InUse
        {
            get { return Seq != 0; }
        }

        /// <summary>When this entry next needs attention (a resend or giving up).</summary>
        internal long Due
        {
            get { return NextSend < GiveUpAt ? NextSend : GiveUpAt; }
        }
    }
}
