using Phone.Crypto;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Timers and the end of a call: retransmission, ring and decision timeouts,
    /// keep-alive and connection loss, hang-up, linger, wiping.
    /// </summary>
    internal partial class CallExchange
    {
        public override void OnTimer(PhoneTimer timer, long now)
        {
            switch (timer.Id)
            {
                case TimerRetransmit:
                    OnRetransmitTimer(now);
                    break;
                case TimerState:
                    OnStateTimer();
                    break;
                case TimerLinger:
                    if (_channel != null && _channel.Pending(ControlType.HangUp)
                        && now - _endedAt < Ctx.Config.HandshakeTimeoutMs)
                    {
                        LingerTimer.ArmAt(now + Ctx.Config.LingerMs);
                    }
                    else
                    {
                        Finish();
                    }

                    break;
                case TimerIdle:
                    OnIdleTimer(now);
                    break;
            }
        }

        /// <summary>
        /// Ends the call; tell = send a reliable HANGUP when keys exist. The
        /// end screen stays for the linger time, then the keys are wiped.
        /// </summary>
        private bool End(byte reason, string why, bool tell)
        {
            if (State == CallState.Ending || State == CallState.Ended || Finished)
            {
                return false;
            }

            Retransmit.Stop();
            StateTimer.Disarm();
            _idleTimer.Disarm();
            if (_media != null)
            {
                _media.Stop();
            }

            if (_keys != null)
            {
                _keys.Stop();
            }

            PhoneEvent e = NewEvent(PhoneEventKind.HungUp, why);
            e.PeerName = PeerName;
            Show(Screens.Message("Call ended", why));
            Ctx.Host.Raise(e);
            _endedAt = Ctx.Now;
            if (tell && _channel != null)
            {
                _reason[0] = reason;
                _channel.Send(ControlType.HangUp, _reason, 1, true);
                State = CallState.Ending;
            }
            else
            {
                State = CallState.Ended;
            }

            LingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
            return true;
        }

        private void OnRetransmitTimer(long now)
        {
            int r = Retransmit.OnTimer(Ctx, now);
            if (r > 0)
            {
                Ctx.Counters.Retransmissions++;
                _retransmissions++;
            }
            else if (r < 0)
            {
                End(ReasonTimeout, _channel == null ? "no answer from peer" : "peer did not complete the handshake",
                    false);
            }
        }

        private void OnStateTimer()
        {
            switch (State)
            {
                case CallState.AwaitingReady:
                case CallState.Verifying:
                    if (!IsInitiator)
                    {
                        Finish();
                    }

                    break;
                case CallState.RingingIn:
                case CallState.RingingOut:
                    End(ReasonTimeout, "no answer", true);
                    break;
                case CallState.KeyWarning:
                    End(ReasonTimeout, "key warning not accepted", true);
                    break;
            }
        }

        private void OnIdleTimer(long now)
        {
            if (_channel == null || State == CallState.Ending || State == CallState.Ended)
            {
                return;
            }

            if (now - _channel.LastReceived >= Ctx.Config.CallIdleTimeoutMs)
            {
                End(ReasonTimeout, "connection lost", false);
                return;
            }

            if (now - _channel.LastSent >= Ctx.Config.KeepAliveMs)
            {
                _channel.Send(ControlType.KeepAlive, null, 0, false);
            }

            _idleTimer.ArmAt(now + Ctx.Config.KeepAliveMs);
        }

        private void StartIdleTimer()
        {
            _idleTimer.ArmAt(Ctx.Now + Ctx.Config.KeepAliveMs);
        }

        protected override void ReleaseResources()
        {
            Ctx.Timers.Release(_idleTimer);
            if (_media != null)
            {
                _media.Dispose();
            }

            if (_keys != null)
            {
                _keys.Dispose();
            }

            if (_ik != null)
            {
                _ik.Dispose();
                _ik = null;
            }

            if (_xx != null)
            {
                _xx.Dispose();
            }

            if (_channel != null)
            {
                _channel.Dispose();
                _channel = null;
            }
        }
    }
}
