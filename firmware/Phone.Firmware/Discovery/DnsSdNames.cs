// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.Firmware.Discovery
{
    /// <summary>The names a phone advertises, in uncompressed wire form.</summary>
    public static class DnsSdNames
    {
        /// <summary>The phones' service type.</summary>
        public const string ServiceType = "_e2e-phone._udp.local";

        /// <summary>The DNS-SD service type enumeration name (RFC 6763 §9).</summary>
        public const string ServiceEnumeration = "_services._dns-sd._udp.local";

        /// <summary>Wire form of a dotted ASCII name (labels without dots inside).</summary>
        public static byte[] FromDotted(string dotted)
        {
            byte[] text = Utf8.GetBytes(dotted);
            byte[] wire = new byte[text.Length + 2];
            int labelAt = 0;
            int n = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == (byte)'.')
                {
                    wire[labelAt] = (byte)n;
                    labelAt += n + 1;
                    n = 0;
                    continue;
                }

                wire[labelAt + 1 + n] = text[i];
                n++;
            }

            wire[labelAt] = 0;
            return wire;
        }

        /// <summary>One label (raw bytes, any content, at most 63) followed by the wire name parent.</summary>
        public static byte[] Child(byte[] label, byte[] parent)
        {
            byte[] wire = new byte[1 + label.Length + parent.Length];
            wire[0] = (byte)label.Length;
            System.Array.Copy(label, 0, wire, 1, label.Length);
            System.Array.Copy(parent, 0, wire, 1 + label.Length, parent.Length);
            return wire;
        }

        /// <summary>
        /// The instance label for a display name: its UTF-8 bytes cut at a character
        /// boundary to fit one label, with " (n)" appended for the n-th name tried
        /// after conflicts (RFC 6763 §4.1 allows any UTF-8; RFC 6762 §9 renames).
        /// </summary>
        public static byte[] InstanceLabel(string displayName, int attempt)
        {
            string suffix = attempt < 2 ? "" : " (" + attempt.ToString() + ")";
            byte[] tail = Utf8.GetBytes(suffix);
            byte[] name = Utf8.GetBytes(displayName == null || displayName.Length == 0 ? "Phone" : displayName);
            int room = DnsLimits.MaxLabel - tail.Length;
            int length = name.Length;
            if (length > room)
            {
                length = room;
                while (length > 0 && (name[length] & 0xC0) == 0x80)
                {
                    length--;
                }
            }

            byte[] label = new byte[length + tail.Length];
            System.Array.Copy(name, label, length);
            System.Array.Copy(tail, 0, label, length, tail.Length);
            return label;
        }

        /// <summary>Host name of a phone: "phone-&lt;fingerprint&gt;.local" (unique by key, so never in conflict).</summary>
        public static byte[] HostName(string fingerprint)
        {
            return FromDotted("phone-" + fingerprint + ".local");
        }
    }
}
