// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Pairing;
using Phone.Firmware.Timing;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware
{
    /// <summary>
    /// The responder's pairing mode (docs/protocol.md §5.2): started by this phone's user,
    /// time-limited, shown with its remaining time, one answered PAIR_1 at a time; a failed or
    /// abandoned attempt ends it visibly. Also the visible side of "one VERIFY per call".
    /// </summary>
    public partial class PhoneCore
    {
        /// <summary>Longest pairing mode a user may ask for.</summary>
        public const int MaxPairingModeSeconds = 600;

        /// <summary>The idle line after a pairing attempt failed in pairing mode (until the next user action).</summary>
        public const string AttemptFailedNotice = "Pairing attempt failed - start again";

        /// <summary>The remaining time on the screen is refreshed this often (a redraw per second is noise in a terminal).</summary>
        private const int PairingModeRefreshMs = 10000;

        private readonly PairingMode _pairingMode = new PairingMode();
        private PhoneTimer _pairingModeTimer;
        private string _notice;

        /// <summary>Pairing mode started and not over (waiting for a PAIR_1, or its attempt running).</summary>
        public bool InPairingMode
        {
            get { return _pairingMode.IsOn; }
        }

        /// <summary>Waiting, Engaged or Off.</summary>
        public PairingModeState PairingModeState
        {
            get { return _pairingMode.State; }
        }

        /// <summary>Seconds the mode still waits for a PAIR_1 (0 when not waiting).</summary>
        public int PairingModeSecondsLeft
        {
            get { return _pairingMode.SecondsLeft(_ctx.Now); }
        }

        /// <summary>The user starts pairing mode for PhoneConfig.PairingModeMs.</summary>
        public bool StartPairingMode()
        {
            return OpenPairingMode(_ctx.Config.PairingModeMs);
        }

        /// <summary>The user starts pairing mode for seconds (1..MaxPairingModeSeconds). False if busy or out of range.</summary>
        public bool StartPairingMode(int seconds)
        {
            return seconds >= 1 && seconds <= MaxPairingModeSeconds && OpenPairingMode(seconds * 1000);
        }

        /// <summary>The user leaves pairing mode (an attempt it answered is abandoned too). False if not in it.</summary>
        public bool CancelPairingMode()
        {
            if (!_pairingMode.IsOn)
            {
                return false;
            }

            Exchange attempt = _pairingMode.Attempt;
            EndPairingMode(PairingModeEvent.Cancel, "cancelled");
            if (attempt != null && !attempt.Finished)
            {
                if (attempt == _active)
                {
                    attempt.RejectCode();
                }
                else
                {
                    attempt.Abort();
                }
            }

            return true;
        }

        private bool OpenPairingMode(int durationMs)
        {
            if (_active != null || !_ctx.Config.AcceptPairing || !_pairingMode.Open(_ctx.Now, durationMs))
            {
                return false;
            }

            _notice = null;
            if (_pairingModeTimer == null)
            {
                _pairingModeTimer = _ctx.Timers.Create(new PairingModeTimer(this), 0);
            }

            ArmPairingModeTimer();
            ShowIdle();
            Raise(new PhoneEvent(PhoneEventKind.PairingModeStarted, _ctx.Now,
                "answers one pairing for " + _pairingMode.SecondsLeft(_ctx.Now).ToString() + " s"));
            return true;
        }

        /// <summary>Timer: refresh the remaining time, or end the mode when nothing came.</summary>
        internal void OnPairingModeTimer(long now)
        {
            if (_pairingMode.State != PairingModeState.Waiting)
            {
                return;
            }

            bool showing = _active == null && _screen != null && _screen.Kind == ScreenKind.Pairing;
            if (now >= _pairingMode.EndsAt)
            {
                EndPairingMode(PairingModeEvent.Expired, "timed out: no phone paired");
            }
            else
            {
                ArmPairingModeTimer();
            }

            if (showing)
            {
                ShowIdle(); // the time left, or Ready; a list the user opened meanwhile stays
            }
        }

        private void ArmPairingModeTimer()
        {
            long next = _ctx.Now + PairingModeRefreshMs;
            _pairingModeTimer.ArmAt(next < _pairingMode.EndsAt ? next : _pairingMode.EndsAt);
        }

        /// <summary>
        /// A new first message may be answered: not while a pairing or call is active (busy), and a
        /// PAIR_1 only in pairing mode with no attempt running; else counted and told (rate-limited ERROR).
        /// </summary>
        private bool AdmitsFirstMessage(int type, NetAddress from, uint senderId)
        {
            if (_active == null && (type != MessageType.Pair1 || _pairingMode.Admits(_ctx.Now)))
            {
                return true;
            }

            bool engaged = _active != null || _pairingMode.State == PairingModeState.Engaged;
            _ctx.Counters.Drop(engaged ? DropReason.Busy : DropReason.NotPairing);
            SendError(from, engaged ? ErrorCode.Busy : ErrorCode.NotPairing, senderId);
            return false;
        }

        /// <summary>After a first message was answered or dropped: the pairing takes the mode; a second VERIFY is shown.</summary>
        private void AfterFirstMessage(Exchange created, int type, DropReason result)
        {
            if (type == MessageType.Pair1 && result == DropReason.None && !created.Finished)
            {
                _pairingMode.Engage(created);
                _pairingModeTimer.Disarm();
                ShowIdle();
            }
            else if (result == DropReason.SecondVerify && _ctx.VerifyOnce.FirstRefusal(((IncomingCall)created).CallId))
            {
                const string why = "a second verification for the same call was refused (possible attack)";
                _notice = "Call refused: second verification";
                ShowIdle();
                Raise(new PhoneEvent(PhoneEventKind.VerifyRefused, _ctx.Now, why + " from " + created.Peer.ToString()));
            }
        }

        /// <summary>
        /// A half-open incoming VERIFY ended without completing: this phone revealed an N_r and the
        /// caller never finished, so it is shown (each such attempt is one look at a code).
        /// </summary>
        private void HalfOpenVerifyOver(Exchange exchange)
        {
            IncomingCall call = exchange as IncomingCall;
            if (call == null || !call.ViaVerify)
            {
                return;
            }

            _notice = "Missed call: verification not completed";
            ShowIdle();
            Raise(new PhoneEvent(PhoneEventKind.VerifyAbandoned, _ctx.Now,
                "an incoming call's verification was not completed (from " + exchange.Peer.ToString() + ")"));
        }

        /// <summary>Exchange ended: if it held the mode, the mode ends (visibly unless it pinned). Returns the event text or null.</summary>
        private string PairingAttemptOver(Exchange exchange)
        {
            if (!_pairingMode.Holds(exchange))
            {
                return null;
            }

            bool pinned = ((PairingExchange)exchange).State == PairingState.Pinned;
            _pairingMode.Apply(pinned ? PairingModeEvent.Paired : PairingModeEvent.AttemptFailed);
            _notice = pinned ? null : AttemptFailedNotice;
            return pinned ? "paired" : "pairing attempt failed - start again";
        }

        /// <summary>Ends the mode by e (Expired, Cancel) and says why.</summary>
        private void EndPairingMode(PairingModeEvent e, string why)
        {
            _pairingMode.Apply(e);
            if (_pairingModeTimer != null)
            {
                _pairingModeTimer.Disarm();
            }

            _notice = null;
            Raise(new PhoneEvent(PhoneEventKind.PairingModeEnded, _ctx.Now, why));
        }

        /// <summary>A user action that makes this phone busy (Pair, Call) leaves a waiting mode and clears the notice.</summary>
        private void LeavePairingMode()
        {
            if (_pairingMode.State == PairingModeState.Waiting)
            {
                EndPairingMode(PairingModeEvent.Cancel, "cancelled: this phone starts a pairing or call itself");
            }

            _notice = null;
        }

        /// <summary>What the idle display shows: the mode with its time, the attempt it answered, or Ready.</summary>
        private Screen IdleScreen()
        {
            if (_pairingMode.State == PairingModeState.Waiting)
            {
                return Screens.PairingMode(_pairingMode.SecondsLeft(_ctx.Now), Fingerprint);
            }

            if (_pairingMode.State == PairingModeState.Engaged)
            {
                return Screens.Pairing(_pairingMode.Attempt.Peer.ToString());
            }

            string notice = _notice != null ? _notice : StoreRecovered ? Screens.RecoveredNotice : null;
            return Screens.Idle(_ctx.Config.Name, Fingerprint, Contacts().Length, notice);
        }
    }
}
