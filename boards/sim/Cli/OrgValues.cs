// SPDX-License-Identifier: MIT
using System;
using System.Globalization;
using System.IO;

namespace Phone.Sim.Cli
{
    /// <summary>Parsing the organisation tool's values: times, hex keys, the phone's flash directory.</summary>
    internal static class OrgValues
    {
        /// <summary>Seconds since 1970 UTC from "2027-01-31", "2027-01-31T12:00:00Z" or a plain number; null if neither.</summary>
        internal static ulong? Time(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seconds))
            {
                return seconds;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t)
                && t.ToUnixTimeSeconds() >= 0)
            {
                return (ulong)t.ToUnixTimeSeconds();
            }

            return null;
        }

        internal static ulong Now()
        {
            return (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        }

        /// <summary>32 bytes from 64 hex digits (spaces and colons allowed), or null.</summary>
        internal static byte[] Key(string text)
        {
            string hex = (text ?? "").Replace(" ", "").Replace(":", "");
            if (hex.Length != 64)
            {
                return null;
            }

            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Why dir is not a phone's flash directory (it must exist: the tool never creates an identity), or null.</summary>
        internal static string FlashProblem(string dir)
        {
            if (string.IsNullOrWhiteSpace(dir))
            {
                return "--flash: no directory given";
            }

            return Directory.Exists(Path.Combine(dir, "flash")) && File.Exists(Path.Combine(dir, "efuse.key"))
                ? null
                : "--flash " + dir + ": no phone flash there (start the phone once with --flash " + dir + ")";
        }

        internal static string Iso(ulong seconds)
        {
            return DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(seconds, 253402300799UL))
                .ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
    }
}
