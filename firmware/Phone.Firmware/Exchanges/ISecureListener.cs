// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Exchanges
{
    /// <summary>Receives what a SecureChannel opened. Must not dispose the channel from a callback.</summary>
    internal interface ISecureListener
    {
        /// <summary>
        /// A control message (type, arguments at buffer[argsOffset..]). Return
        /// false when it cannot be handled now: a reliable one is then not
        /// acknowledged and the peer retransmits it.
        /// </summary>
        bool OnControl(byte type, byte[] buffer, int argsOffset);

        /// <summary>The peer acknowledged a reliable message of this type.</summary>
        void OnAcked(byte type);

        /// <summary>A reliable message of this type was never acknowledged.</summary>
        void OnControlTimeout(byte type);

        /// <summary>A media frame: RTP header at rtpOffset, payload at payloadOffset.</summary>
        void OnMedia(byte[] buffer, int rtpOffset, int payloadOffset, int payloadLength);

        /// <summary>Any packet verified (the peer holds the session keys).</summary>
        void OnAuthenticated();
    }
}
