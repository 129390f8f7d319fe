// SPDX-License-Identifier: MIT
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// The caller's first call to a phone that is not a contact (docs/protocol.md §18.3): XX
    /// (VERIFY) straight away, certificates inside messages 2 and 3. Vouched for by the
    /// organisation: pinned and ringing without a code. Otherwise the code comparison, as with
    /// any unknown phone: not connected until the user accepts it unverified or the codes match.
    /// </summary>
    internal partial class OutgoingCall
    {
        /// <summary>Starts a first call: there is no pinned key, so no IKpsk2.</summary>
        internal void DialNew()
        {
            PeerName = Peer.ToString();
            Badge = Badge.Unverified;
            CallId = Ctx.Host.NewSessionId();
            Move(CallEvent.Dial);
            PhoneEvent e = NewEvent(PhoneEventKind.Dialing, "to " + Peer.ToString() + " (first call)");
            e.PeerName = PeerName;
            ShowCalling("Setting up keys...");
            Ctx.Host.Raise(e);
            StartVerify(CallEvent.NoResumptionSecret, FallbackReason.NoLocalSecret);
        }

        /// <summary>After VERIFY_2 of a first call: pinned by the organisation, or the code comparison.</summary>
        private void AfterFirstVerify2()
        {
            ClaimedName = Xx.PeerName;
            Move(CallEvent.Verify2);
            if (Xx.Org.Verified)
            {
                if (PinOrgVerified())
                {
                    LeaveWarning(CallEvent.CodeVerified);
                }

                return;
            }

            PeerName = "Unknown (says " + Xx.PeerName + ")";
            Badge = Badge.Unverified;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            StartIdleTimer();
            string note = StrangerNote();
            PhoneEvent k = NewEvent(PhoneEventKind.CodeShown, note);
            k.Code = Xx.CodeText;
            k.CodeWords = Xx.CodeWords;
            k.PeerName = PeerName;
            k.Badge = Badge;
            Show(Screens.KeyChanged("NOT VERIFIED", PeerName, note, Xx.CodeText, Xx.CodeWords));
            Ctx.Host.Raise(k);
        }
    }
}
