// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Printable names of CallEvent (nanoFramework's enum.ToString prints numbers).</summary>
    public static class CallEventNames
    {
        /// <summary>Printable name (the same word docs/protocol.md §14 uses).</summary>
        public static string Name(CallEvent e)
        {
            switch (e)
            {
                case CallEvent.Dial: return "Dial";
                case CallEvent.NoResumptionSecret: return "NoResumptionSecret";
                case CallEvent.Call2: return "Call2";
                case CallEvent.CallFallback: return "CallFallback";
                case CallEvent.Call2Undecryptable: return "Call2Undecryptable";
                case CallEvent.Verify2: return "Verify2";
                case CallEvent.AcceptUnverified: return "AcceptUnverified";
                case CallEvent.CodeVerified: return "CodeVerified";
                case CallEvent.Answer: return "Answer";
                case CallEvent.Call1: return "Call1";
                case CallEvent.Verify1: return "Verify1";
                case CallEvent.Ready: return "Ready";
                case CallEvent.Verify3: return "Verify3";
                case CallEvent.Accept: return "Accept";
                case CallEvent.SendHangUp: return "SendHangUp";
                case CallEvent.EndWithoutHangUp: return "EndWithoutHangUp";
                case CallEvent.Verify3FromPinnedKey: return "Verify3FromPinnedKey";
                default: return "CallEvent " + ((int)e).ToString();
            }
        }
    }
}
