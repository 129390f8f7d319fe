using Phone.Crypto;
using Phone.Firmware.Pairing;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Firmware.Calls
{
    /// <summary>
    /// Caller side: IKpsk2 to the pinned key with the newest resumption
    /// secret (keys after one round trip), XX fallback on CALL_FALLBACK or an
    /// undecryptable CALL_2, key-change detection against the pin.
    /// </summary>
    internal partial class CallExchange
    {
        /// <summary>Caller: starts the call to contact (slot index).</summary>
        internal void Dial(ContactRecord contact)
        {
            _contact = contact;
            ContactIndex = contact.Index;
            PeerName = contact.Name;
            Badge = contact.Verified ? Badge.Verified : Badge.Unverified;
            CallId = Ctx.Host.NewSessionId();
            State = CallState.Dialing;
            PhoneEvent e = NewEvent(PhoneEventKind.Dialing, "to " + Peer.ToString());
            e.PeerName = PeerName;
            e.ContactIndex = ContactIndex;
            ShowCalling("Setting up keys...");
            Ctx.Host.Raise(e);
            if (contact.Generation == 0)
            {
                StartVerify(FallbackReason.NoLocalSecret);
                return;
            }

            _ik = new Handshake(Ctx.Store, NoisePattern.IKpsk2, NoisePattern.Initiator, Utf8.GetBytes(CallPrologue),
                contact.PublicKey);
            if (!_ik.UseResumption(Ctx.Store, contact.Index, contact.Generation))
            {
                _ik.Dispose();
                _ik = null;
                StartVerify(FallbackReason.NoLocalSecret);
                return;
            }

            ByteIo.WriteU32Le(_payload, 0, (uint)contact.Generation);
            CallInfo.Write(_payload, 4, CallId);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Call1, LocalId, 0);
            int n = _ik.WriteMessage(_payload, PayloadLayout.Call1Length, Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            RoundTrips = 1;
        }

        internal override void HandlePeerError(int code)
        {
            if (IsInitiator && _channel == null && (State == CallState.Dialing || State == CallState.Verifying))
            {
                End(ReasonBusy, "peer says: " + ErrorCode.Name(code), false);
            }
        }

        private void HandleAsCaller(int type, byte[] buffer, int offset, int count)
        {
            if (State == CallState.Dialing && type == MessageType.Call2)
            {
                OnCall2(buffer, offset, count);
            }
            else if (State == CallState.Dialing && type == MessageType.CallFallback)
            {
                Retransmit.Stop();
                _ik.Dispose();
                _ik = null;
                StartVerify(buffer[offset + WireFormat.HandshakeBodyOffset]);
            }
            else if (State == CallState.Verifying && type == MessageType.Verify2 && _channel == null)
            {
                OnVerify2(buffer, offset, count);
            }
            else
            {
                Drop(DropReason.UnexpectedMessage);
            }
        }

        private void OnCall2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            int n = _ik.ReadMessage(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset, _payload);
            if (n < 0 || n != PayloadLayout.Call2Length || ByteIo.ReadU32Le(_payload, 0) != CallId)
            {
                // The responder read our message 1 (only the holder of the
                // pinned key can) but we cannot read its answer: it does not
                // hold our resumption secret. Treat as a possible attack.
                Drop(DropReason.HandshakeFailed);
                Retransmit.Stop();
                _ik.Dispose();
                _ik = null;
                StartVerify(FallbackReason.AnswerFailed);
                return;
            }

            PeerId = senderId;
            Retransmit.Stop();
            TransportKeys session = _ik.Split();
            _ik = null;
            _channel = new SecureChannel(Ctx, session, PeerId, Peer, this);
            KeysReady(RoundTrips);
            _channel.Send(ControlType.Ready, null, 0, true);
            EnterRingingOut();
        }

        private void StartVerify(byte reason)
        {
            _viaVerify = true;
            _fallbackReason = reason;
            _continuityFailed = reason == FallbackReason.AnswerFailed;
            PhoneEvent e = NewEvent(PhoneEventKind.Fallback, FallbackReason.Name(reason));
            e.PeerName = PeerName;
            Ctx.Host.Raise(e);
            LocalId = Ctx.Host.NewSessionId();
            PeerId = 0;
            _xx = new CodeHandshake(Ctx, NoisePattern.Initiator, VerifyPrologue);
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify1, LocalId, 0);
            int n = _xx.WriteMessage1(CallInfo.Bytes(CallId), Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            State = CallState.Verifying;
            RoundTrips++;
            ShowCalling("Verifying keys...");
        }

        private void OnVerify2(byte[] buffer, int offset, int count)
        {
            uint senderId = HandshakeDatagram.SenderId(buffer, offset);
            int r = _xx.ReadMessage2(buffer, offset + WireFormat.HandshakeBodyOffset,
                count - WireFormat.HandshakeBodyOffset);
            if (r == CodeHandshake.BadPayload)
            {
                Drop(DropReason.Malformed);
                End(ReasonTimeout, "bad message from peer", false);
                return;
            }

            if (r < 0)
            {
                Drop(DropReason.HandshakeFailed);
                return;
            }

            PeerId = senderId;
            HandshakeDatagram.WriteHeader(Buffer, MessageType.Verify3, LocalId, PeerId);
            int n = _xx.WriteMessage3(Buffer, WireFormat.HandshakeBodyOffset);
            Retransmit.Start(Ctx, Peer, Buffer, WireFormat.HandshakeBodyOffset + n, Ctx.Now);
            _channel = new SecureChannel(Ctx, _xx.Split(), PeerId, Peer, this);
            KeysReady(RoundTrips);
            _keyDiffers = !CryptoCore.FixedTimeEquals(_xx.PeerKey, _contact.PublicKey);
            WarnAfterFallback();
        }

        /// <summary>
        /// Every fallback is loud on the caller's side: a different key, or
        /// the pinned key without the resumption secret (restored phone, or a
        /// stolen key). The call is not connected until the user accepts it
        /// as unverified or both users confirm the code; nothing is stored
        /// unless they do.
        /// </summary>
        private void WarnAfterFallback()
        {
            Badge = _keyDiffers ? Badge.Warning : Badge.Unverified;
            State = CallState.KeyWarning;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.DecisionTimeoutMs);
            StartIdleTimer();
            string why = _keyDiffers ? "not the pinned key"
                : _continuityFailed ? "answer did not decrypt (possible attack)"
                : "key continuity lost: " + FallbackReason.Name(_fallbackReason);
            PhoneEvent k = NewEvent(PhoneEventKind.KeyChanged, why);
            k.Code = _xx.CodeText;
            k.CodeWords = _xx.CodeWords;
            k.PeerName = PeerName;
            k.ContactIndex = ContactIndex;
            k.Badge = Badge;
            Show(Screens.KeyChanged(_keyDiffers ? "!! KEY CHANGED !!" : "!! SECURITY WARNING !!", PeerName, why,
                _xx.CodeText, _xx.CodeWords));
            Ctx.Host.Raise(k);
        }

        private void EnterRingingOut()
        {
            State = CallState.RingingOut;
            StateTimer.ArmAt(Ctx.Now + Ctx.Config.RingTimeoutMs + Ctx.Config.HandshakeTimeoutMs);
            StartIdleTimer();
            ShowCalling("Connecting...");
        }

        private void RemoteRinging()
        {
            if (_remoteRinging || !IsInitiator)
            {
                return;
            }

            _remoteRinging = true;
            PhoneEvent e = NewEvent(PhoneEventKind.RemoteRinging, null);
            e.PeerName = PeerName;
            if (State == CallState.RingingOut)
            {
                ShowCalling("Ringing...");
            }

            Ctx.Host.Raise(e);
        }

        /// <summary>
        /// IKpsk2 path: the first sealed packet from the callee proves it
        /// processed our READY, so it has already stored the new resumption
        /// state. Only now does the caller store its own (callee first, caller
        /// second: an interrupted call leaves the callee holding both
        /// generations the caller might use next).
        /// </summary>
        private void CallerPeerIsLive()
        {
            if (_remembered || _channel == null || _contact == null)
            {
                return;
            }

            if (!_viaVerify)
            {
                _remembered = true;
                Ctx.Store.Remember(ContactIndex, _channel.Keys);
            }
        }
    }
}
