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
    /// messages; the answerer switches sending only after proof). Where the
    /// re-key stands is one RekeyStep; a repeated offer gets the same answer, and
    /// a fresh DH older than RekeyDeadlineMs is reported (RekeyOverdue).
    /// </summary>
    internal class KeySchedule : ITimerHandler
    {
        private const int TimerRatchet = 1;
        private const int TimerRekey = 2;
        private const int RetryMs = 250;

        private readonly PhoneContext _ctx;
        private readonly SecureChannel _channel;
        private readonly CallExchange _call;
        private readonly bool _offerer;
        private readonly PhoneTimer _ratchetTimer;
        private readonly PhoneTimer _rekeyTimer;
        private readonly byte[] _ownKey = new byte[32];
        private readonly byte[] _peerKey = new byte[32];
        private readonly byte[] _offerKey = new byte[32];

        // Due: the re-key timer fired but could not offer yet; ratchets then yield, so the DH
        // re-key (post-compromise security) is never starved by symmetric ratchets.
        private RekeyStep _step;
        private long _lastFreshDh;

        internal KeySchedule(PhoneContext ctx, SecureChannel channel, CallExchange call, bool offerer)
        {
            _ctx = ctx;
            _channel = channel;
            _call = call;
            _offerer = offerer;
            _ratchetTimer = ctx.Timers.Create(this, TimerRatchet);
            _rekeyTimer = ctx.Timers.Create(this, TimerRekey);
        }

        /// <summary>True while no fresh DH completed within RekeyDeadlineMs (event raised, shown in the call).</summary>
        internal bool Overdue { get; private set; }

        /// <summary>Starts the timers (call connected).</summary>
        internal void Start()
        {
            long now = _ctx.Now;
            _lastFreshDh = now;
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
            if (_step == RekeyStep.Answered && !_channel.RekeyPending)
            {
                _step = RekeyStep.Idle;
                FreshDh(now);
            }

            CheckDeadline(now);
            if (timer.Id == TimerRatchet)
            {
                OnRatchetTimer(now);
            }
            else
            {
                OnRekeyTimer(now);
            }
        }

        /// <summary>
        /// Answerer: a REKEY_OFFER arrived. A repeat of the offer already accepted gets the same
        /// answer again (its REKEY_ANSWER may have been lost); another offer while a switch is
        /// pending: false (not acknowledged, the peer retries).
        /// </summary>
        internal bool OnOffer(byte[] buffer, int argsOffset)
        {
            _channel.RefreshInfo();
            if (_offerer)
            {
                return false;
            }

            System.Array.Copy(buffer, argsOffset, _peerKey, 0, 32);
            if (_channel.RekeyPending)
            {
                return _step == RekeyStep.Answered && RepeatAnswer();
            }

            int r = _channel.Keys.RekeyAccept(_peerKey, _ownKey);
            if (r < 0)
            {
                _ctx.Counters.Drop(DropReasonNames.FromCryptoStatus(r));
                return true;
            }

            System.Array.Copy(_peerKey, _offerKey, 32);
            _step = RekeyStep.Answered;
            _channel.Send(ControlType.RekeyAnswer, _ownKey, 32, true);
            _ctx.Counters.Rekeys++;
            _channel.RefreshInfo();
            _ctx.Raise(PhoneEventKind.Rekeyed, "answered; send switches on proof");
            return true;
        }

        /// <summary>Offerer: the REKEY_ANSWER arrived; completing switches the send key at once.</summary>
        internal bool OnAnswer(byte[] buffer, int argsOffset)
        {
            if (_step != RekeyStep.Offered)
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

            _step = RekeyStep.Idle;
            FreshDh(_ctx.Now);
            _ctx.Counters.Rekeys++;
            _channel.RefreshInfo();
            _ctx.Raise(PhoneEventKind.Rekeyed, "completed; send phase 0x" + _channel.SendPhase.ToString("X2"));
            _rekeyTimer.ArmAt(_ctx.Now + _ctx.Config.RekeyIntervalMs);
            return true;
        }

        /// <summary>The offer was never acknowledged: offer the same key again (the native offer stands).</summary>
        internal void OnOfferTimeout()
        {
            if (_step == RekeyStep.Offered)
            {
                _channel.Send(ControlType.RekeyOffer, _ownKey, 32, true);
            }
        }

        private void OnRatchetTimer(long now)
        {
            if (_step == RekeyStep.Due || !MaySwitch(now))
            {
                _ratchetTimer.ArmAt(now + RetryMs);
                return;
            }

            _channel.Keys.Ratchet();
            _ctx.Counters.Ratchets++;
            _channel.RefreshInfo();
            _ctx.Raise(PhoneEventKind.Ratcheted, "send phase 0x" + _channel.SendPhase.ToString("X2"));
            _ratchetTimer.ArmAt(now + _ctx.Config.RatchetIntervalMs);
        }

        private void OnRekeyTimer(long now)
        {
            if (_step == RekeyStep.Offered || !MaySwitch(now))
            {
                _step = _step == RekeyStep.Offered ? RekeyStep.Offered : RekeyStep.Due;
                _rekeyTimer.ArmAt(now + RetryMs);
                return;
            }

            _channel.Keys.RekeyOffer(_ownKey);
            _step = RekeyStep.Offered;
            _channel.Send(ControlType.RekeyOffer, _ownKey, 32, true);
        }

        /// <summary>The offer we answered came again: the same answer (still retransmitting: just acknowledge).</summary>
        private bool RepeatAnswer()
        {
            if (!Phone.Crypto.CryptoCore.FixedTimeEquals(_peerKey, _offerKey))
            {
                return false;
            }

            if (!_channel.Pending(ControlType.RekeyAnswer))
            {
                _channel.Send(ControlType.RekeyAnswer, _ownKey, 32, true);
            }

            _ctx.Counters.DuplicatesAnswered++;
            return true;
        }

        private void FreshDh(long now)
        {
            _lastFreshDh = now;
            if (Overdue)
            {
                Overdue = false;
                _call.RekeyOverdueChanged();
            }
        }

        /// <summary>The product promises a fresh DH every RekeyDeadlineMs: if one is late, say so once.</summary>
        private void CheckDeadline(long now)
        {
            if (Overdue || now - _lastFreshDh <= _ctx.Config.RekeyDeadlineMs)
            {
                return;
            }

            Overdue = true;
            _ctx.Raise(PhoneEventKind.RekeyOverdue, "no fresh DH for " + ((now - _lastFreshDh) / 1000).ToString() + " s");
            _call.RekeyOverdueChanged();
        }

        private bool MaySwitch(long now)
        {
            return !_channel.RekeyPending && _step != RekeyStep.Offered
                   && _channel.SentInPhase >= _ctx.Config.RatchetMinPackets
                   && now - _channel.LastSendSwitch >= _ctx.Config.ForgetPreviousMs;
        }
    }
}
