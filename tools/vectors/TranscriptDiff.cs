// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Phone.Vectors
{
    /// <summary>
    /// Where two transcripts first differ, as a JSON path ("call.datagrams[3].bytes") with
    /// the datagram it belongs to named, or null when they are the same document.
    /// </summary>
    public static class TranscriptDiff
    {
        public static string FirstDifference(string expectedJson, string actualJson)
        {
            using JsonDocument expected = JsonDocument.Parse(expectedJson);
            using JsonDocument actual = JsonDocument.Parse(actualJson);
            return Compare(expected.RootElement, actual.RootElement, "", null);
        }

        private static string Compare(JsonElement a, JsonElement b, string path, string datagram)
        {
            if (a.ValueKind != b.ValueKind)
            {
                return Report(path, datagram, a.ToString(), b.ToString());
            }

            switch (a.ValueKind)
            {
                case JsonValueKind.Object:
                    return CompareObjects(a, b, path, datagram);
                case JsonValueKind.Array:
                    if (a.GetArrayLength() != b.GetArrayLength())
                    {
                        return Report(path, datagram, a.GetArrayLength() + " entries", b.GetArrayLength() + " entries");
                    }

                    for (int i = 0; i < a.GetArrayLength(); i++)
                    {
                        string at = path + "[" + i + "]";
                        string d = path.EndsWith("datagrams") ? Describe(at, a[i]) : datagram;
                        string r = Compare(a[i], b[i], at, d);
                        if (r != null)
                        {
                            return r;
                        }
                    }

                    return null;
                case JsonValueKind.String:
                    return a.GetString() == b.GetString() ? null : Report(path, datagram, a.GetString(), b.GetString());
                default:
                    return a.GetRawText() == b.GetRawText() ? null : Report(path, datagram, a.GetRawText(), b.GetRawText());
            }
        }

        private static string CompareObjects(JsonElement a, JsonElement b, string path, string datagram)
        {
            var ea = a.EnumerateObject();
            var eb = b.EnumerateObject();
            while (true)
            {
                bool ha = ea.MoveNext(), hb = eb.MoveNext();
                if (!ha || !hb)
                {
                    return ha == hb ? null : Report(path, datagram, ha ? ea.Current.Name : "(end)", hb ? eb.Current.Name : "(end)");
                }

                if (ea.Current.Name != eb.Current.Name)
                {
                    return Report(path, datagram, "field " + ea.Current.Name, "field " + eb.Current.Name);
                }

                string at = path.Length == 0 ? ea.Current.Name : path + "." + ea.Current.Name;
                string r = Compare(ea.Current.Value, eb.Current.Value, at, datagram);
                if (r != null)
                {
                    return r;
                }
            }
        }

        private static string Describe(string path, JsonElement datagram)
        {
            string Field(string name) => datagram.ValueKind == JsonValueKind.Object
                && datagram.TryGetProperty(name, out var v) ? v.ToString() : "?";
            return path + " (" + Field("type") + " " + Field("from") + " -> " + Field("to") + ")";
        }

        private static string Report(string path, string datagram, string expected, string actual)
        {
            string where = datagram == null ? "" : "first differing datagram: " + datagram + "; ";
            return where + "at " + (path.Length == 0 ? "(root)" : path) + ": expected " + Cut(expected)
                + ", got " + Cut(actual);
        }

        private static string Cut(string s)
        {
            return s.Length <= 80 ? s : s.Substring(0, 80) + "...";
        }
    }
}
