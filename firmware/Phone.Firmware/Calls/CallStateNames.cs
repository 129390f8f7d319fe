// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Calls
{
    /// <summary>Printable names of CallState.</summary>
    public static class CallStateNames
    {
        /// <summary>Printable name.</summary>
        public static string Name(CallState state)
        {
            switch (state)
            {
                case CallState.Idle: return "Idle";
                case CallState.Dialing: return "Dialing";
                case CallState.Verifying: return "Verifying";
                case CallState.AwaitingReady: return "AwaitingReady";
                case CallState.RingingOut: return "RingingOut";
                case CallState.RingingIn: return "RingingIn";
                case CallState.KeyWarning: return "KeyWarning";
                case CallState.Connected: return "Connected";
                case CallState.Ending: return "Ending";
                case CallState.Ended: return "Ended";
                default: return "CallState " + ((int)state).ToString();
            }
        }
    }
}
