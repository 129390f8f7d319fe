// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Ui
{
    /// <summary>What a screen is for; boards may lay each kind out differently.</summary>
    public enum ScreenKind
    {
        /// <summary>Ready, nothing going on.</summary>
        Idle = 0,
        /// <summary>Pairing in progress, before the code is known.</summary>
        Pairing = 1,
        /// <summary>The verification code to compare, with confirm/reject.</summary>
        PairingCode = 2,
        /// <summary>Outgoing call being set up.</summary>
        Calling = 3,
        /// <summary>Incoming call ringing.</summary>
        Ringing = 4,
        /// <summary>Call connected, media flowing.</summary>
        InCall = 5,
        /// <summary>Loud warning: the peer's key is not the pinned one.</summary>
        KeyChanged = 6,
        /// <summary>Contact list.</summary>
        Contacts = 7,
        /// <summary>An error or notice.</summary>
        Message = 8,
        /// <summary>Phones found on the network, to pair with (discovery).</summary>
        PhoneList = 9
    }
}
