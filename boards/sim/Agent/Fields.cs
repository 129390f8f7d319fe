// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Globalization;

namespace Phone.Sim.Agent
{
    /// <summary>Builds an AgentLine's field map: Fields.Of("code", code, "ms", 12.5).</summary>
    internal static class Fields
    {
        /// <summary>Pairs of name and value; values are written invariantly.</summary>
        public static Dictionary<string, string> Of(params object[] pairs)
        {
            var map = new Dictionary<string, string>();
            for (int i = 0; i + 1 < pairs.Length; i += 2)
            {
                object v = pairs[i + 1];
                if (v != null)
                {
                    map[(string)pairs[i]] = Text(v);
                }
            }

            return map;
        }

        /// <summary>A value as invariant text (doubles with up to 3 decimals).</summary>
        public static string Text(object v)
        {
            switch (v)
            {
                case double d: return d.ToString("0.###", CultureInfo.InvariantCulture);
                case float f: return ((double)f).ToString("0.###", CultureInfo.InvariantCulture);
                case bool b: return b ? "true" : "false";
                case System.IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return v.ToString();
            }
        }
    }
}
