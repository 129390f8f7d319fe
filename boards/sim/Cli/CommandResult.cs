// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Ui;

namespace Phone.Sim.Cli
{
    /// <summary>What a typed command did: success, a message for people, fields for the demo.</summary>
    internal sealed class CommandResult
    {
        /// <summary>True when the command was carried out.</summary>
        public bool Ok { get; set; }

        /// <summary>Text for the person at the prompt (may be several lines).</summary>
        public string Message { get; set; }

        /// <summary>Values for the agent protocol, or null.</summary>
        public Dictionary<string, string> Fields { get; set; }

        /// <summary>A screen to draw (the "screen" command), or null.</summary>
        public Screen Screen { get; set; }

        /// <summary>Success.</summary>
        public static CommandResult Done(string message, Dictionary<string, string> fields = null)
        {
            return new CommandResult { Ok = true, Message = message, Fields = fields };
        }

        /// <summary>Failure with the reason.</summary>
        public static CommandResult Failed(string why)
        {
            return new CommandResult { Ok = false, Message = why };
        }

        /// <summary>Success or the reason it does not apply now.</summary>
        public static CommandResult From(bool ok, string done, string notNow)
        {
            return ok ? Done(done) : Failed(notNow);
        }
    }
}
