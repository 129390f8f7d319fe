// SPDX-License-Identifier: MIT
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// The in-call key schedule (docs/protocol.md §8): each side ratchets its
    /// own sending key every RatchetInterval (only after enough packets went
    /// out under the current key, never within ForgetPrevious of the last
    /// switch, never during a re-key); the call's handshake initiator offers
    /// a DH re-key every RekeyInterval (one round trip of reliable CONTROL
    /// messages; the answerer switches sending only after proof).
    /// </summary>
    internal class KeySchedule : ITimerHandler
    {
        private const int TimerRatchet = 1;
        private const int TimerRekey = 2;
        private const int RetryMs = 250;

        private readonly PhoneContext _ctx;
        private readonly SecureChannel _channel;
        private readonly bool _offerer;
        private readonly PhoneTimer _ratchetTimer;
        private readonly PhoneTimer _rekeyTimer;
        private readonly byte[] _ownKey = new byte[32];
        private readonly byte[] _peerKey = new byte[32];
        private bool _offered;

        // Set when the re-key timer fired but could not offer yet: ratchets
        // then yield, so the DH re-key (post-compromise security) is never
        // starved by symmetric ratchets competing for the same switch slot.
        private bool _rekeyDue;

        internal KeySchedule(PhoneContext ctx, SecureChannel channel, bool offerer)
        {
            _ctx = ctx;
            _channel = channel;
            _offerer = offerer;
            _ratchetTimer = ctx.Timers.Create(this, TimerRatchet);
            _rekeyTimer = ctx.Timers.Create(this, TimerRekey);
        }

        /// <summary>Starts the timers (call connected).</summary>
        internal void Start()
        {
            long now = _ctx.Now;
            _ratchetTimer.ArmAt(now + _ctx.Config.RatchetIntervalMs);
            if (_offerer)
            {
                _rekeyTimer.ArmAt(now + _ctx.Config.RekeyIntervalMs);
            }
        }

        /// <summary>Stops the timers.</summary>
        internal void Stop()
        {
            _ratchetTimer.Disarm();
            _rekeyTimer.Disarm();
        }

        /// <summary>Releases the timers.</summary>
        internal void Dispose()
        {
            _ctx.Timers.Release(_ratchetTimer);
            _ctx.Timers.Release(_rekeyTimer);
        }

        public void OnTimer(PhoneTimer timer, long now)
        {
            if (_channel.Keys == null)
            {
                return;
            }

            _channel.RefreshInfo();
            if (timer.Id == TimerRatchet)
            {
                if (_rekeyDue || !MaySwitch(now))
                {
                    _ratchetTimer.ArmAt(now + RetryMs);
                    return;
                }

                _channel.Keys.Ratchet();
                _ctx.Counters.Ratchets++;
                _channel.RefreshInfo();
                _ctx.Raise(PhoneEventKind.Ratcheted, "send phase 0x" + _channel.SendPhase.ToString("X2"));
                _ratchetTimer.ArmAt(now + _ctx.Config.RatchetIntervalMs);
                return;
            }

            if (_offered || !MaySwitch(now))
            {
                _rekeyDue = true;
                _rekeyTimer.ArmAt(now + RetryMs);
                return;
            }

            _channel.Keys.RekeyOffer(_ownKey);
            _offered = true;
            _rekeyDue = false;
            _channel.Send(ControlType.RekeyOffer, _ownKey, 32, true);
        }

        /// <summary>Answerer: a REKEY_OFFER arrived. False = cannot now (not acknowledged, peer retries).</summary>
        internal bool OnOffer(byte[] buffer, int argsOffset)
        {
            _channel.RefreshInfo();
            if (_offerer || _channel.RekeyPending)
            {
                return false;
            }

            System.Array.Copy(buffer, argsOffset, _peerKey, 0, 32);
            int r = _channel.Keys.RekeyAccept(_peerKey, _ownKey);
            if (r < 0)
            {
                _ctx.Counters.Drop(DropReasonNames.FromCryptoStatus(r));
                return true;
            }

            _channel.Send(ControlType.RekeyAnswer, _ownKey, 32, true);
            _ctx.Counters.Rekeys++;
            _channel.RefreshInfo();
            _ctx.Raise(PhoneEventKind.Rekeyed, "answered; send switches on proof");
            return true;
        }

        /// <summary>Offerer: the REKEY_ANSWER arrived; completing switches the send key at once.</summary>
        internal bool OnAnswer(byte[] buffer, int argsOffset)
        {
            if (!_offered)
            {
                return true;
            }

            System.Array.Copy(buffer, argsOffset, _peerKey, 0, 32);
            int r = _channel.Keys.RekeyComplete(_peerKey);
            if (r < 0)
            {
                _ctx.Counters.Drop(DropReasonNames.FromCryptoStatus(r));
                return true;
            }

            _offered = false;
            _ctx.Counters.Rekeys++;
            _channel.RefreshInfo();
            _ctx.Raise(PhoneEventKind.Rekeyed, "completed; send phase 0x" + _channel.SendPhase.ToString("X2"));
            _rekeyTimer.ArmAt(_ctx.Now + _ctx.Config.RekeyIntervalMs);
            return true;
        }

        /// <summary>The offer was never acknowledged: offer the same key again (the native offer stands).</summary>
        internal void OnOfferTimeout()
        {
            if (_offered)
            {
                _channel.Send(ControlType.RekeyOffer, _ownKey, 32, true);
            }
        }

        private bool MaySwitch(long now)
        {
            return !_channel.RekeyPending && !_offered
                   && _channel.SentInPhase >= _ctx.Config.RatchetMinPackets
                   && now - _channel.LastSendSwitch >= _ctx.Config.ForgetPreviousMs;
        }
    }
}
