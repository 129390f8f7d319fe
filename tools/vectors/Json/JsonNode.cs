// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Phone.Vectors.Json
{
    /// <summary>
    /// An ordered JSON object whose fields carry a short description each: written as
    /// {"description": ..., "fields": {name: description, ...}, name: value, ...}, byte
    /// arrays as lowercase hex, in insertion order, so the file is stable and diffable.
    /// </summary>
    public sealed class JsonNode
    {
        private readonly List<KeyValuePair<string, object>> _fields = new List<KeyValuePair<string, object>>();
        private readonly List<KeyValuePair<string, string>> _descriptions = new List<KeyValuePair<string, string>>();

        public JsonNode(string description = null)
        {
            Description = description;
        }

        public string Description { get; }

        /// <summary>Adds name = value (string, int, long, bool, byte[], JsonNode, IEnumerable of those, null).</summary>
        public JsonNode Add(string name, object value, string description = null)
        {
            _fields.Add(new KeyValuePair<string, object>(name, value));
            if (description != null)
            {
                Describe(name, description);
            }

            return this;
        }

        /// <summary>Describes a field (also of array elements: "datagrams[].bytes").</summary>
        public JsonNode Describe(string name, string description)
        {
            _descriptions.Add(new KeyValuePair<string, string>(name, description));
            return this;
        }

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                Indented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                Write(w);
            }

            return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
        }

        private void Write(Utf8JsonWriter w)
        {
            w.WriteStartObject();
            if (Description != null)
            {
                w.WriteString("description", Description);
            }

            if (_descriptions.Count > 0)
            {
                w.WriteStartObject("fields");
                foreach (var d in _descriptions)
                {
                    w.WriteString(d.Key, d.Value);
                }

                w.WriteEndObject();
            }

            foreach (var f in _fields)
            {
                w.WritePropertyName(f.Key);
                WriteValue(w, f.Value);
            }

            w.WriteEndObject();
        }

        private static void WriteValue(Utf8JsonWriter w, object value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case int i: w.WriteNumberValue(i); break;
                case long l: w.WriteNumberValue(l); break;
                case uint u: w.WriteNumberValue(u); break;
                case byte[] bytes: w.WriteStringValue(Convert.ToHexStringLower(bytes)); break;
                case JsonNode node: node.Write(w); break;
                case System.Collections.IEnumerable list:
                    w.WriteStartArray();
                    foreach (object item in list)
                    {
                        WriteValue(w, item);
                    }

                    w.WriteEndArray();
                    break;
                default: throw new ArgumentException("no JSON form for " + value.GetType());
            }
        }
    }
}
