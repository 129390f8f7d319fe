// SPDX-License-Identifier: MIT
namespace Phone.Firmware
{
    /// <summary>Printable names of PhoneEventKind (enum.ToString prints numbers on nanoFramework).</summary>
    public static class PhoneEventNames
    {
        /// <summary>Printable name.</summary>
        public static string Name(PhoneEventKind kind)
        {
            switch (kind)
            {
                case PhoneEventKind.Started: return "started";
                case PhoneEventKind.PairingStarted: return "pairing started";
                case PhoneEventKind.CodeShown: return "code shown";
                case PhoneEventKind.LocalConfirmed: return "confirmed here";
                case PhoneEventKind.PeerConfirmed: return "peer confirmed";
                case PhoneEventKind.PairingRejected: return "pairing rejected";
                case PhoneEventKind.Pinned: return "pinned";
                case PhoneEventKind.PairingFailed: return "pairing failed";
                case PhoneEventKind.Dialing: return "dialing";
                case PhoneEventKind.CallKeysReady: return "call keys ready";
                case PhoneEventKind.Fallback: return "fallback to XX";
                case PhoneEventKind.Ringing: return "ringing";
                case PhoneEventKind.RemoteRinging: return "remote ringing";
                case PhoneEventKind.Connected: return "connected";
                case PhoneEventKind.Ratcheted: return "ratcheted";
                case PhoneEventKind.Rekeyed: return "re-keyed";
                case PhoneEventKind.KeyChanged: return "KEY CHANGED";
                case PhoneEventKind.CallVerified: return "call verified";
                case PhoneEventKind.HungUp: return "hung up";
                case PhoneEventKind.Error: return "error";
                case PhoneEventKind.ContactForgotten: return "contact forgotten";
                case PhoneEventKind.FactoryReset: return "factory reset";
                case PhoneEventKind.Unverified: return "unverified";
                case PhoneEventKind.StoreRecovered: return "flash recovered";
                case PhoneEventKind.RekeyOverdue: return "re-key overdue";
                case PhoneEventKind.OrgVerified: return "verified by organisation";
                case PhoneEventKind.CertificateRefused: return "certificate refused";
                case PhoneEventKind.RevocationListUpdated: return "revocation list updated";
                case PhoneEventKind.RevocationListRefused: return "revocation list refused";
                case PhoneEventKind.PairingModeStarted: return "pairing mode started";
                case PhoneEventKind.PairingModeEnded: return "pairing mode ended";
                case PhoneEventKind.VerifyRefused: return "verify refused";
                case PhoneEventKind.VerifyAbandoned: return "verify abandoned";
                default: return "event " + ((int)kind).ToString();
            }
        }
    }
}
