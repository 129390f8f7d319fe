// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Timing
{
    /// <summary>
    /// Keeps one outgoing handshake message (its bytes and destination) and
    /// resends it on the Backoff schedule until Stop or the overall timeout.
    /// A message bigger than a datagram goes out as its fragments, all of them
    /// on every send (FragmentWriter): a loss is repaired by the whole message.
    /// The owner's timer drives it: call OnTimer from the owner's handler.
    /// </summary>
    public class Retransmitter
    {
        private readonly byte[] _message = new byte[Wire.FragmentFormat.MaxMessage];
        private readonly byte[] _datagram = new byte[Wire.WireFormat.MaxDatagram];
        private readonly Backoff _backoff;
        private readonly PhoneTimer _timer;
        private NetAddress _to;
        private int _length;
        private long _giveUpAt;
        private long _lastSentAt;

        /// <summary>Uses timer (owned by the caller's handler) for its deadlines.</summary>
        public Retransmitter(Backoff backoff, PhoneTimer timer)
        {
            _backoff = backoff;
            _timer = timer;
        }

        /// <summary>Number of sends of the current message (1 after Start).</summary>
        public int Sends { get; private set; }

        /// <summary>True between Start and Stop/timeout.</summary>
        public bool Active { get; private set; }

        /// <summary>The current message's bytes (valid while Active or until the next Start).</summary>
        public byte[] Message
        {
            get { return _message; }
        }

        /// <summary>The current message's length.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Copies buffer[0..length), sends it now and arms the timer.</summary>
        public void Start(IDatagramTransport transport, NetAddress to, byte[] buffer, int length, long now)
        {
            System.Array.Copy(buffer, _message, length);
            _length = length;
            _to = to;
            Sends = 1;
            Active = true;
            _giveUpAt = now + _backoff.TimeoutMs;
            _lastSentAt = now;
            Wire.FragmentWriter.Send(transport, to, _message, length, _datagram);
            _timer.ArmAt(now + _backoff.Gap(1));
        }

        /// <summary>
        /// Answers a duplicate of the message this one replies to: resends it only on the
        /// Backoff schedule (not sooner than the next gap after the last send, not after the
        /// overall timeout), so copies of a first message cannot multiply replies. True if sent.
        /// </summary>
        public bool SendAgain(IDatagramTransport transport, long now)
        {
            if (_length == 0 || now >= _giveUpAt || now - _lastSentAt < _backoff.Gap(Sends))
            {
                return false;
            }

            Wire.FragmentWriter.Send(transport, _to, _message, _length, _datagram);
            Sends++;
            _lastSentAt = now;
            return true;
        }

        /// <summary>Stops retransmitting.</summary>
        public void Stop()
        {
            Active = false;
            _timer.Disarm();
        }

        /// <summary>
        /// The owner's timer fired: resends, or gives up once the overall
        /// timeout passed (stopped).
        /// </summary>
        public RetransmitOutcome OnTimer(IDatagramTransport transport, long now)
        {
            if (!Active)
            {
                return RetransmitOutcome.Idle;
            }

            if (now >= _giveUpAt)
            {
                Stop();
                return RetransmitOutcome.GaveUp;
            }

            Wire.FragmentWriter.Send(transport, _to, _message, _length, _datagram);
            Sends++;
            _lastSentAt = now;
            long next = now + _backoff.Gap(Sends);
            _timer.ArmAt(next < _giveUpAt ? next : _giveUpAt);
            return RetransmitOutcome.Resent;
        }
    }
}
