// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>
    /// At most one VERIFY per call on the callee (docs/protocol.md §7.4, §11): the call ids of
    /// the last few VERIFY_1 this phone answered. A new VERIFY session (new sender id or source)
    /// naming one of them is refused: the real caller falls back at most once per call, so a
    /// second one is someone trying another N_r of this phone. Bounded (Slots ids, oldest
    /// replaced); a refusal is announced once per call id, not once per retransmission.
    /// </summary>
    internal class VerifyOncePerCall
    {
        /// <summary>Call ids remembered (call ids are random 32-bit values, so collisions are negligible).</summary>
        internal const int Slots = 8;

        private readonly uint[] _callIds = new uint[Slots];
        private readonly bool[] _announced = new bool[Slots];
        private int _next;

        /// <summary>True if a VERIFY_1 of callId was answered already (a new one is then refused).</summary>
        internal bool Seen(uint callId)
        {
            return IndexOf(callId) >= 0;
        }

        /// <summary>Remembers callId once its VERIFY_2 is written (a VERIFY_1 that failed earlier uses up nothing).</summary>
        internal void Remember(uint callId)
        {
            if (IndexOf(callId) >= 0)
            {
                return;
            }

            _callIds[_next] = callId;
            _announced[_next] = false;
            _next = (_next + 1) % Slots;
        }

        /// <summary>True the first time a refusal for callId is to be shown (later copies stay quiet).</summary>
        internal bool FirstRefusal(uint callId)
        {
            int i = IndexOf(callId);
            if (i < 0 || _announced[i])
            {
                return false;
            }

            _announced[i] = true;
            return true;
        }

        private int IndexOf(uint callId)
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_callIds[i] == callId && callId != 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
