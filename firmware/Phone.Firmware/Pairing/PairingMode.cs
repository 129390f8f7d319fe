// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// The responder's gate (docs/protocol.md §5.2): a phone answers PAIR_1 only while its user
    /// has started pairing mode on it, for a limited time, and for one attempt at a time. The
    /// first PAIR_1 it answers takes the mode; when that attempt ends without a pin (abandoned
    /// half-open, codes differ, rejected, failed) the mode ends and the user must start it
    /// again, so a man in the middle gets one look at this phone's N_r per user action. Pure
    /// state: PhoneCore owns the timer, the screens and the events.
    /// </summary>
    internal class PairingMode
    {
        private Exchange _attempt;

        /// <summary>Current step.</summary>
        internal PairingModeState State { get; private set; }

        /// <summary>Clock time the mode stops admitting a PAIR_1 (meaningful while Waiting).</summary>
        internal long EndsAt { get; private set; }

        /// <summary>The answered attempt while Engaged, else null.</summary>
        internal Exchange Attempt
        {
            get { return _attempt; }
        }

        /// <summary>Open or engaged: the user's pairing mode is not over yet.</summary>
        internal bool IsOn
        {
            get { return State != PairingModeState.Off; }
        }

        /// <summary>Opens the mode until now + durationMs (again: the deadline restarts). False while engaged.</summary>
        internal bool Open(long now, int durationMs)
        {
            if (State == PairingModeState.Engaged || durationMs <= 0)
            {
                return false;
            }

            State = PairingModeState.Waiting;
            EndsAt = now + durationMs;
            return true;
        }

        /// <summary>May a PAIR_1 be answered now (waiting and not expired)?</summary>
        internal bool Admits(long now)
        {
            return State == PairingModeState.Waiting && now < EndsAt;
        }

        /// <summary>The answered PAIR_1's pairing takes the mode: no other is answered until it ends.</summary>
        internal void Engage(Exchange attempt)
        {
            _attempt = attempt;
            State = PairingModeState.Engaged;
        }

        /// <summary>True if exchange is the attempt that holds the mode.</summary>
        internal bool Holds(Exchange exchange)
        {
            return State == PairingModeState.Engaged && exchange != null && exchange == _attempt;
        }

        /// <summary>Seconds left while waiting (rounded up), else 0.</summary>
        internal int SecondsLeft(long now)
        {
            if (State != PairingModeState.Waiting || now >= EndsAt)
            {
                return 0;
            }

            return (int)((EndsAt - now + 999) / 1000);
        }

        /// <summary>Ends the mode (attempt over, expired, or cancelled).</summary>
        internal void Close()
        {
            _attempt = null;
            State = PairingModeState.Off;
        }
    }
}
