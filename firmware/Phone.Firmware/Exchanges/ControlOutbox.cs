// SPDX-License-Identifier: MIT
using Phone.Firmware.Timing;

namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// The reliable control messages a SecureChannel has sent and not yet had
    /// acknowledged: a fixed, preallocated set of entries, the next sequence
    /// number, and the one timer that fires when the earliest entry is due.
    /// </summary>
    internal class ControlOutbox
    {
        private const int Capacity = 6;

        private readonly OutboxEntry[] _entries = new OutboxEntry[Capacity];
        private readonly PhoneTimer _timer;
        private uint _nextSeq = 1;

        internal ControlOutbox(PhoneTimer timer)
        {
            _timer = timer;
            for (int i = 0; i < Capacity; i++)
            {
                _entries[i] = new OutboxEntry();
            }
        }

        /// <summary>
        /// Stores a message to resend from now (first resend at firstResendAt, give up at
        /// giveUpAt) and returns its entry with a fresh sequence number, or null when full.
        /// </summary>
        internal OutboxEntry Add(byte type, byte[] args, int argsLength, long firstResendAt, long giveUpAt)
        {
            OutboxEntry entry = FreeEntry();
            if (entry == null)
            {
                return null;
            }

            entry.Type = type;
            entry.Seq = _nextSeq++;
            entry.ArgsLength = argsLength;
            for (int i = 0; i < argsLength; i++)
            {
                entry.Args[i] = args[i];
            }

            entry.Sends = 1;
            entry.NextSend = firstResendAt;
            entry.GiveUpAt = giveUpAt;
            Rearm();
            return entry;
        }

        /// <summary>True while a message of type waits for its acknowledgement.</summary>
        internal bool Pending(byte type)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_entries[i].InUse && _entries[i].Type == type)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Frees the entry acknowledged by seq; returns its type, or false when none matched.</summary>
        internal bool Acknowledge(uint seq, out byte type)
        {
            type = 0;
            for (int i = 0; i < Capacity; i++)
            {
                if (seq != 0 && _entries[i].Seq == seq)
                {
                    _entries[i].Seq = 0;
                    type = _entries[i].Type;
                    Rearm();
                    return true;
                }
            }

            return false;
        }

        /// <summary>Entry i (0 .. Count-1), for the owner's timer walk.</summary>
        internal OutboxEntry this[int i]
        {
            get { return _entries[i]; }
        }

        /// <summary>Number of entries.</summary>
        internal int Count
        {
            get { return Capacity; }
        }

        /// <summary>Drops every message.</summary>
        internal void Clear()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _entries[i].Seq = 0;
            }

            _timer.Disarm();
        }

        /// <summary>Arms the timer for the earliest due entry, or disarms it when none is left.</summary>
        internal void Rearm()
        {
            long next = PhoneTimer.Never;
            for (int i = 0; i < Capacity; i++)
            {
                if (_entries[i].InUse && _entries[i].Due < next)
                {
                    next = _entries[i].Due;
                }
            }

            if (next == PhoneTimer.Never)
            {
                _timer.Disarm();
            }
            else
            {
                _timer.ArmAt(next);
            }
        }

        private OutboxEntry FreeEntry()
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (!_entries[i].InUse)
                {
                    return _entries[i];
                }
            }

            return null;
        }
    }
}
