// SPDX-License-Identifier: MIT
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Timers and the end of a call: retransmission, step deadlines, keep-alive and
    /// connection loss, hang-up, linger, wiping.
    /// </summary>
    internal abstract partial class CallExchange
    {
        public override void OnTimer(PhoneTimer timer, long now)
        {
            switch (timer.Id)
            {
                case TimerRetransmit:
                    OnRetransmitTimer(now);
                    break;
                case TimerState:
                    if (State == CallState.KeyWarning)
                    {
                        End(ReasonTimeout, "key warning not accepted", true);
                    }
                    else
                    {
                        OnStepDeadline();
                    }

                    break;
                case TimerLinger:
                    OnLingerTimer(now);
                    break;
                case TimerIdle:
                    OnIdleTimer(now);
                    break;
            }
        }

        /// <summary>The current step's deadline (StateTimer) passed (the key warning's is handled here, for both roles).</summary>
        protected abstract void OnStepDeadline();

        /// <summary>
        /// Ends the call; tell = send a reliable HANGUP when keys exist. The
        /// end screen stays for the linger time, then the keys are wiped.
        /// </summary>
        protected bool End(byte reason, string why, bool tell)
        {
            if (State == CallState.Ending || State == CallState.Ended || Finished)
            {
                return false;
            }

            StopEverything();
            PhoneEvent e = NewEvent(PhoneEventKind.HungUp, why);
            e.PeerName = PeerName;
            Show(Screens.Message("Call ended", why));
            Ctx.Host.Raise(e);
            _endedAt = Ctx.Now;
            if (tell && Channel != null)
            {
                SendReliable(ControlType.HangUp, reason);
                Move(CallEvent.SendHangUp);
            }
            else
            {
                Move(CallEvent.EndWithoutHangUp);
            }

            LingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
            return true;
        }

        /// <summary>A half-open call that cannot go on: tell the peer (sealed) and wipe after the linger.</summary>
        protected void EndQuietly(byte reason)
        {
            SendReliable(ControlType.HangUp, reason);
            Move(CallEvent.SendHangUp);
            _endedAt = Ctx.Now;
            LingerTimer.ArmAt(Ctx.Now + Ctx.Config.LingerMs);
        }

        /// <summary>A half-open call nobody completed: wiped at once.</summary>
        protected void DropHalfOpen()
        {
            Move(CallEvent.EndWithoutHangUp);
            Finish();
        }

        /// <summary>Arms the keep-alive / connection-loss timer.</summary>
        protected void StartIdleTimer()
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

            if (Ik != null)
            {
                Ik.Dispose();
                Ik = null;
            }

            if (Xx != null)
            {
                Xx.Dispose();
            }

            if (Channel != null)
            {
                Channel.Dispose();
                Channel = null;
            }
        }

        private void StopEverything()
        {
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
        }

        private void OnRetransmitTimer(long now)
        {
            RetransmitOutcome r = Retransmit.OnTimer(Ctx, now);
            if (r == RetransmitOutcome.Resent)
            {
                Ctx.Counters.Retransmissions++;
                _retransmissions++;
            }
            else if (r == RetransmitOutcome.GaveUp)
            {
                End(ReasonTimeout, Channel == null ? "no answer from peer" : "peer did not complete the handshake",
                    false);
            }
        }

        private void OnLingerTimer(long now)
        {
            if (Channel != null && Channel.Pending(ControlType.HangUp) && now - _endedAt < Ctx.Config.HandshakeTimeoutMs)
            {
                LingerTimer.ArmAt(now + Ctx.Config.LingerMs);
            }
            else
            {
                Finish();
            }
        }

        private void OnIdleTimer(long now)
        {
            if (Channel == null || State == CallState.Ending || State == CallState.Ended)
            {
                return;
            }

            if (now - Channel.LastReceived >= Ctx.Config.CallIdleTimeoutMs)
            {
                End(ReasonTimeout, "connection lost", false);
                return;
            }

            if (now - Channel.LastSent >= Ctx.Config.KeepAliveMs)
            {
                Channel.Send(ControlType.KeepAlive, null, 0, false);
            }

            _idleTimer.ArmAt(now + Ctx.Config.KeepAliveMs);
        }
    }
}
