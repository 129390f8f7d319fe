// SPDX-License-Identifier: MIT
namespace Phone.Crypto
{
    /// <summary>
    /// Status codes of the native core (native/include/phone_crypto_api.h, enum pc_status).
    /// Negative values only; a call that succeeds returns zero or more.
    /// </summary>
    public static class CryptoStatus
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        // Caller mistakes: the binding throws for these.
        /// <summary>Null or wrong-size buffer, bad enum value, offset out of range.</summary>
        public const int BadArgument = -1;
        /// <summary>Unknown, stale or freed handle.</summary>
        public const int BadHandle = -2;
        /// <summary>Call out of order for the object's state.</summary>
        public const int BadState = -3;
        /// <summary>Output buffer too small.</summary>
        public const int NoSpace = -4;
        /// <summary>A native static table is full.</summary>
        public const int NoSlot = -5;

        // Hostile or damaged input: returned as a value so forged packets cost no allocation.
        /// <summary>Truncated, oversized or wrongly sized input.</summary>
        public const int Malformed = -20;
        /// <summary>The authentication tag did not verify.</summary>
        public const int AuthFailed = -21;
        /// <summary>Counter already accepted or older than the replay window.</summary>
        public const int Replay = -22;
        /// <summary>Low-order curve point (all-zero X25519 result).</summary>
        public const int BadKey = -23;
        /// <summary>Packet under a key phase the session does not hold.</summary>
        public const int KeyPhase = -24;

        // Conditions the protocol handles.
        /// <summary>The session's counter space is used up (re-keys do not reset it): hang up.</summary>
        public const int NonceExhausted = -40;
        /// <summary>No such contact; opening a store: its device key is missing (nothing was created).</summary>
        public const int NotFound = -41;
        /// <summary>No resumption secret of that generation: fall back to XX.</summary>
        public const int NoPsk = -42;

        // Organisation trust: why a certificate or revocation list was refused (docs/protocol.md §18).
        /// <summary>Certificate or list shorter than its length fields say.</summary>
        public const int CertTruncated = -80;
        /// <summary>Certificate or list longer than allowed or than its length fields say.</summary>
        public const int CertOversized = -81;
        /// <summary>Unknown certificate or list format version.</summary>
        public const int CertVersion = -82;
        /// <summary>Certificate display name empty, too long, not UTF-8 or with control characters.</summary>
        public const int CertName = -83;
        /// <summary>Certificate or list of another organisation.</summary>
        public const int CertWrongOrganisation = -84;
        /// <summary>The organisation's key did not sign it.</summary>
        public const int CertSignature = -85;
        /// <summary>Certificate validity period ends before it starts.</summary>
        public const int CertValidity = -86;
        /// <summary>Certificate not valid yet at the newest time learned.</summary>
        public const int CertNotYetValid = -87;
        /// <summary>Certificate expired before the newest time learned.</summary>
        public const int CertExpired = -88;
        /// <summary>The certificate names another key than the handshake's.</summary>
        public const int CertWrongKey = -89;
        /// <summary>The certificate's serial is on the newest revocation list held.</summary>
        public const int CertRevoked = -90;
        /// <summary>A revocation list older than the one held (a replay).</summary>
        public const int RevocationListOld = -91;
        /// <summary>No organisation installed on this phone.</summary>
        public const int NoOrganisation = -92;

        // Platform.
        /// <summary>Flash read or write failed.</summary>
        public const int StorageFailed = -60;
        /// <summary>No intact copy of the store: reported, never used.</summary>
        public const int Corrupt = -61;
        /// <summary>The random source failed.</summary>
        public const int RandomFailed = -62;
        /// <summary>A known-answer test failed; the core refuses to run.</summary>
        public const int SelfTestFailed = -63;
        /// <summary>A backend primitive failed unexpectedly.</summary>
        public const int Internal = -64;

        /// <summary>True for codes caused by what arrived from the network, not by the caller.</summary>
        public static bool IsHostileInput(int status)
        {
            return status <= Malformed && status >= KeyPhase;
        }

        /// <summary>True for a refused certificate or revocation list (the peer's or the tool's input).</summary>
        public static bool IsCertificateRefusal(int status)
        {
            return status <= CertTruncated && status >= RevocationListOld;
        }

        /// <summary>A short printable name for logs and screens (never key material).</summary>
        public static string Describe(int status)
        {
            switch (status)
            {
                case Ok: return "ok";
                case BadArgument: return "bad argument";
                case BadHandle: return "unknown or stale handle";
                case BadState: return "call out of order";
                case NoSpace: return "output buffer too small";
                case NoSlot: return "native table full";
                case Malformed: return "malformed input";
                case AuthFailed: return "authentication failed";
                case Replay: return "replayed packet";
                case BadKey: return "invalid public key";
                case KeyPhase: return "unknown key phase";
                case NonceExhausted: return "counter exhausted";
                case NotFound: return "not found";
                case NoPsk: return "no resumption secret";
                case CertTruncated: return "certificate truncated";
                case CertOversized: return "certificate oversized";
                case CertVersion: return "unknown certificate version";
                case CertName: return "invalid name in certificate";
                case CertWrongOrganisation: return "certificate of another organisation";
                case CertSignature: return "forged certificate signature";
                case CertValidity: return "certificate validity invalid";
                case CertNotYetValid: return "certificate not yet valid";
                case CertExpired: return "certificate expired";
                case CertWrongKey: return "certificate names another key";
                case CertRevoked: return "certificate revoked";
                case RevocationListOld: return "older revocation list replayed";
                case NoOrganisation: return "no organisation installed";
                case StorageFailed: return "flash I/O failed";
                case Corrupt: return "secure flash corrupt";
                case RandomFailed: return "random source failed";
                case SelfTestFailed: return "self-test failed";
                case Internal: return "internal crypto error";
                default: return "native error " + status.ToString();
            }
        }
    }
}
