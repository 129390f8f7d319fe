// SPDX-License-Identifier: MIT
using Phone.Firmware.Pairing;

namespace Phone.Firmware
{
    /// <summary>
    /// Settings of one phone. Defaults are the product's; tests and the
    /// simulator shorten the timers (all values are milliseconds of the
    /// injected clock unless named otherwise).
    /// </summary>
    public class PhoneConfig
    {
        /// <summary>Display name sent to peers while pairing (at most 32 UTF-8 bytes; longer is cut).</summary>
        public string Name { get; set; } = "Phone";

        /// <summary>Digits of the verification code (product: 6).</summary>
        public int CodeDigits { get; set; } = 6;

        /// <summary>If &gt; 0, the code is this many bits instead (tests of grinding resistance).</summary>
        public int CodeBits { get; set; }

        /// <summary>First retransmission of a handshake or reliable control message.</summary>
        public int RetransmitInitialMs { get; set; } = 300;

        /// <summary>Largest gap between retransmissions (the gap doubles up to this).</summary>
        public int RetransmitMaxMs { get; set; } = 2400;

        /// <summary>Give up on a handshake message or reliable control message after this long.</summary>
        public int HandshakeTimeoutMs { get; set; } = 10000;

        /// <summary>How long a code waits for the user's confirm or reject.</summary>
        public int DecisionTimeoutMs { get; set; } = 120000;

        /// <summary>How long an incoming call rings before it is given up.</summary>
        public int RingTimeoutMs { get; set; } = 60000;

        /// <summary>After a pairing or call ends, keep its keys this long to acknowledge late retransmissions.</summary>
        public int LingerMs { get; set; } = 2000;

        /// <summary>A call with no authenticated packet from the peer for this long is dropped.</summary>
        public int CallIdleTimeoutMs { get; set; } = 15000;

        /// <summary>Send a keep-alive when nothing was sent on a call for this long.</summary>
        public int KeepAliveMs { get; set; } = 1000;

        /// <summary>Symmetric ratchet of each side's sending key (new epoch) this often during a call.</summary>
        public int RatchetIntervalMs { get; set; } = 10000;

        /// <summary>
        /// DH re-key (new generation) this often during a call. 115 s, not 120: a due re-key
        /// may wait up to ForgetPreviousMs for the switch slot plus one round trip, and the
        /// product promises a fresh DH at least every 2 minutes.
        /// </summary>
        public int RekeyIntervalMs { get; set; } = 115000;

        /// <summary>
        /// The promise: a fresh DH at least this often. When the last one (the call's handshake
        /// or a completed re-key) is older, the phone says so (RekeyOverdue event, in-call line).
        /// </summary>
        public int RekeyDeadlineMs { get; set; } = 120000;

        /// <summary>Keep the previous receiving key this long after a switch (late, reordered packets).</summary>
        public int ForgetPreviousMs { get; set; } = 2000;

        /// <summary>Packets that must have been sent under the current key before the next ratchet.</summary>
        public int RatchetMinPackets { get; set; } = 10;

        /// <summary>Half-open inbound handshakes kept at once (the oldest is evicted beyond this).</summary>
        public int MaxInboundHandshakes { get; set; } = 2;

        /// <summary>First handshake messages accepted per source per second (burst: twice this).</summary>
        public int PerSourceRate { get; set; } = 4;

        /// <summary>First handshake messages accepted from all sources per second (burst: the same).</summary>
        public int GlobalRate { get; set; } = 20;

        /// <summary>ERROR replies per second (all sources together).</summary>
        public int ErrorRate { get; set; } = 5;

        /// <summary>Answer incoming calls without waiting for Accept (demo, tests).</summary>
        public bool AutoAnswer { get; set; }

        /// <summary>How long pairing mode stays open after the user starts it (it ends sooner after one attempt).</summary>
        public int PairingModeMs { get; set; } = 120000;

        /// <summary>Answer incoming pairing requests (show the code) at all.</summary>
        public bool AcceptPairing { get; set; } = true;

        /// <summary>The verification code format these settings describe.</summary>
        public CodeFormat CodeFormat
        {
            get { return CodeBits > 0 ? CodeFormat.FromBits(CodeBits) : CodeFormat.FromDigits(CodeDigits); }
        }
    }
}
