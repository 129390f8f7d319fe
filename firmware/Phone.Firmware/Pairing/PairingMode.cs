// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;

namespace Phone.Firmware.Pairing
{
    /// <summary>
    /// The responder's gate (docs/protocol.md §5.2): a phone answers PAIR_1 only while its user
    /// has started pairing mode on it, for a limited time, and for one attempt at a time. The
    /// first PAIR_1 it answers takes the mode; when that attempt ends without a pin (abandoned
    /// half-open, codes differ, rejected, failed) the mode ends and the user must start it
    /// again, so a man in the middle gets one look at this phone's N_r per user action. State
    /// moves only along Table; PhoneCore owns the timer, the screens and the events.
    /// </summary>
    internal class PairingMode
    {
        /// <summary>Every state change of the pairing mode (docs/protocol.md §14 lists the same rows).</summary>
        internal static readonly PairingModeTransition[] Table = new PairingModeTransition[]
        {
            new PairingModeTransition(PairingModeState.Off, PairingModeEvent.Start, PairingModeState.Waiting),
            new PairingModeTransition(PairingModeState.Waiting, PairingModeEvent.Start, PairingModeState.Waiting),
            new PairingModeTransition(PairingModeState.Waiting, PairingModeEvent.Answered, PairingModeState.Engaged),
            new PairingModeTransition(PairingModeState.Waiting, PairingModeEvent.Expired, PairingModeState.Off),
            new PairingModeTransition(PairingModeState.Waiting, PairingModeEvent.Cancel, PairingModeState.Off),
            new PairingModeTransition(PairingModeState.Engaged, PairingModeEvent.Paired, PairingModeState.Off),
            new PairingModeTransition(PairingModeState.Engaged, PairingModeEvent.AttemptFailed, PairingModeState.Off),
            new PairingModeTransition(PairingModeState.Engaged, PairingModeEvent.Cancel, PairingModeState.Off)
        };

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

        /// <summary>Waiting or Engaged: the user's pairing mode is not over yet.</summary>
        internal bool IsOn
        {
            get { return State != PairingModeState.Off; }
        }

        /// <summary>Applies e if Table has a row for it in the current state; false (nothing changes) if not.</summary>
        internal bool Apply(PairingModeEvent e)
        {
            PairingModeTransition row = PairingModeTransition.Find(Table, State, e);
            if (row == null)
            {
                return false;
            }

            State = row.To;
            if (State != PairingModeState.Engaged)
            {
                _attempt = null;
            }

            return true;
        }

        /// <summary>Starts (or restarts) the mode until now + durationMs. False while engaged or for a bad duration.</summary>
        internal bool Open(long now, int durationMs)
        {
            if (durationMs <= 0 || !Apply(PairingModeEvent.Start))
            {
                return false;
            }

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
            if (Apply(PairingModeEvent.Answered))
            {
                _attempt = attempt;
            }
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
    }
}
