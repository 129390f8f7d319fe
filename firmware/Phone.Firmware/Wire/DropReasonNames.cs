// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Printable names of DropReason values (enum.ToString prints numbers on nanoFramework).</summary>
    public static class DropReasonNames
    {
        /// <summary>Number of counted DropReason values (they are 0..Count-1; None is not counted).</summary>
        public const int Count = 23;

        /// <summary>Printable name of a reason.</summary>
        public static string Name(DropReason reason)
        {
            switch (reason)
            {
                case DropReason.None: return "not dropped";
                case DropReason.Truncated: return "truncated";
                case DropReason.Oversized: return "oversized";
                case DropReason.UnsupportedVersion: return "unsupported version";
                case DropReason.UnknownType: return "unknown type";
                case DropReason.Malformed: return "malformed";
                case DropReason.UnknownSession: return "unknown session";
                case DropReason.UnexpectedMessage: return "unexpected message";
                case DropReason.HandshakeFailed: return "handshake failed";
                case DropReason.AuthFailed: return "authentication failed";
                case DropReason.Replay: return "replay";
                case DropReason.KeyPhase: return "unknown key phase";
                case DropReason.BadKey: return "bad key";
                case DropReason.RateLimited: return "rate limited";
                case DropReason.Busy: return "busy";
                case DropReason.CommitmentMismatch: return "commitment mismatch";
                case DropReason.NotConnected: return "not connected";
                case DropReason.ErrorReceived: return "error received";
                case DropReason.Internal: return "internal error";
                case DropReason.BadMac: return "bad mac1";
                case DropReason.CookieRequired: return "cookie required";
                case DropReason.NotPairing: return "not in pairing mode";
                case DropReason.SecondVerify: return "second verify for a call";
                case DropReason.FragmentDiscarded: return "fragment discarded";
                default: return "reason " + ((int)reason).ToString();
            }
        }

        /// <summary>Maps a hostile-input CryptoStatus from Open/ReadMessage onto a reason.</summary>
        public static DropReason FromCryptoStatus(int status)
        {
            switch (status)
            {
                case Phone.Crypto.CryptoStatus.AuthFailed: return DropReason.AuthFailed;
                case Phone.Crypto.CryptoStatus.Replay: return DropReason.Replay;
                case Phone.Crypto.CryptoStatus.KeyPhase: return DropReason.KeyPhase;
                case Phone.Crypto.CryptoStatus.BadKey: return DropReason.BadKey;
                default: return DropReason.Malformed;
            }
        }
    }
}
