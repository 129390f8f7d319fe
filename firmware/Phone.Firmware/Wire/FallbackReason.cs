// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Wire
{
    /// <summary>Why a responder answered CALL_FALLBACK (informational; unauthenticated).</summary>
    public static class FallbackReason
    {
        /// <summary>CALL_1 did not decrypt (the caller used a key this phone does not have).</summary>
        public const byte CannotDecrypt = 1;
        /// <summary>The caller's static key is not a contact here.</summary>
        public const byte UnknownCaller = 2;
        /// <summary>No resumption secret of the requested generation.</summary>
        public const byte NoSecret = 3;
        /// <summary>Caller side only: CALL_2 did not decrypt (possible attack).</summary>
        public const byte AnswerFailed = 4;
        /// <summary>Caller side only: the contact has no resumption secret at all.</summary>
        public const byte NoLocalSecret = 5;

        /// <summary>Printable name.</summary>
        public static string Name(int reason)
        {
            switch (reason)
            {
                case CannotDecrypt: return "responder cannot decrypt";
                case UnknownCaller: return "caller unknown to responder";
                case NoSecret: return "responder lacks resumption secret";
                case AnswerFailed: return "answer did not decrypt";
                case NoLocalSecret: return "no local resumption secret";
                default: return "fallback " + reason.ToString();
            }
        }
    }
}
