// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Phone.Sim.Agent
{
    /// <summary>
    /// One line a controlled phone writes on stdout (JSON): "ready" once it
    /// listens, "reply" to each command (with its id), "event" for what the
    /// firmware reports, "screen" whenever the display changes, "log" for notes.
    /// </summary>
    internal sealed class AgentLine
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase
        };

        /// <summary>ready, reply, event, screen or log.</summary>
        public string Type { get; set; }

        /// <summary>Command id a reply answers.</summary>
        public int? Id { get; set; }

        /// <summary>Monotonic time of the line in ms (comparable between the demo's processes).</summary>
        public double T { get; set; }

        /// <summary>Event name (PhoneEvent kind) or the command a reply answers.</summary>
        public string Name { get; set; }

        /// <summary>Reply: success.</summary>
        public bool? Ok { get; set; }

        /// <summary>Reply: why it failed.</summary>
        public string Error { get; set; }

        /// <summary>Named values (numbers as invariant strings).</summary>
        public Dictionary<string, string> Fields { get; set; }

        /// <summary>The display, for screen lines.</summary>
        public ScreenDto Screen { get; set; }

        /// <summary>Field value or null.</summary>
        public string Field(string name)
        {
            return Fields != null && Fields.TryGetValue(name, out string v) ? v : null;
        }

        /// <summary>Numeric field value or fallback.</summary>
        public double Number(string name, double fallback = double.NaN)
        {
            string v = Field(name);
            return v != null && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? d : fallback;
        }

        /// <summary>This line as one line of JSON.</summary>
        public string ToJson()
        {
            return JsonSerializer.Serialize(this, Options);
        }

        /// <summary>Parses a line; null when it is not an agent line (e.g. stray output).</summary>
        public static AgentLine Parse(string json)
        {
            if (string.IsNullOrEmpty(json) || json[0] != '{')
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<AgentLine>(json, Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
