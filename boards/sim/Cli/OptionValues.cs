// SPDX-License-Identifier: MIT
using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using Phone.Sim.Display;
using Phone.Sim.Net;

namespace Phone.Sim.Cli
{
    /// <summary>
    /// Options whose values are checked while the command line is parsed, each mistake reported as
    /// one line in the project's own words ("--port must be from 0 to 65535, got '70000'"), so
    /// nothing starts, binds or writes before every option is known to be sensible.
    /// </summary>
    internal static class OptionValues
    {
        /// <summary>Longest phone name in UTF-8 bytes (what a contact record holds).</summary>
        public const int MaxNameBytes = 32;

        /// <summary>A whole number from min to max.</summary>
        public static Option<int> WholeNumber(string name, string description, int min, int max, int fallback)
        {
            return new Option<int>(name)
            {
                Description = description + " (" + min + "-" + max + ")",
                DefaultValueFactory = _ => fallback,
                CustomParser = r =>
                {
                    string text = Text(r);
                    if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
                    {
                        r.AddError(name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
                        return fallback;
                    }

                    if (value < min || value > max)
                    {
                        r.AddError(name + " must be from " + min + " to " + max + ", got " + value);
                    }

                    return value;
                }
            };
        }

        /// <summary>A decimal number from min to max (a dot as the decimal point).</summary>
        public static Option<double> Number(string name, string description, double min, double max, double fallback)
        {
            string range = min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
            return new Option<double>(name)
            {
                Description = description + " (" + range + ")",
                DefaultValueFactory = _ => fallback,
                CustomParser = r =>
                {
                    string text = Text(r);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                        || double.IsNaN(value) || double.IsInfinity(value))
                    {
                        r.AddError(name + " must be a number from " + range + ", got '" + text + "'");
                        return fallback;
                    }

                    if (value < min || value > max)
                    {
                        r.AddError(name + " must be from " + range + ", got " + text);
                    }

                    return value;
                }
            };
        }

        /// <summary>The phone's display name: printable, 1 to 32 UTF-8 bytes.</summary>
        public static Option<string> PhoneName(string name, string description, string fallback)
        {
            return new Option<string>(name)
            {
                Description = description + " (at most " + MaxNameBytes + " bytes)",
                DefaultValueFactory = _ => fallback,
                CustomParser = r =>
                {
                    string text = Text(r);
                    string problem = NameProblem(text);
                    if (problem != null)
                    {
                        r.AddError(name + " " + problem);
                    }

                    return text;
                }
            };
        }

        /// <summary>Why text cannot be a phone's name, or null.</summary>
        public static string NameProblem(string text)
        {
            if (text.Trim().Length == 0)
            {
                return "must not be empty";
            }

            if (!SafeText.IsPrintable(text))
            {
                return "must be printable text (no control or direction characters)";
            }

            int bytes = Encoding.UTF8.GetByteCount(text);
            return bytes > MaxNameBytes ? "is " + bytes + " bytes long: at most " + MaxNameBytes + " (UTF-8)" : null;
        }

        /// <summary>An IPv4 address to listen on (a dotted quad, localhost or a host name).</summary>
        public static Option<IPAddress> ListenHost(string name, string description, IPAddress fallback)
        {
            return new Option<IPAddress>(name)
            {
                Description = description,
                DefaultValueFactory = _ => fallback,
                CustomParser = r =>
                {
                    try
                    {
                        return Endpoints.Host(Text(r));
                    }
                    catch (FormatException e)
                    {
                        r.AddError(name + ": " + e.Message);
                        return fallback;
                    }
                }
            };
        }

        /// <summary>A peer's host:port.</summary>
        public static Option<IPEndPoint> PeerAddress(string name, string description)
        {
            return new Option<IPEndPoint>(name)
            {
                Description = description,
                Required = true,
                CustomParser = r =>
                {
                    try
                    {
                        return Endpoints.Parse(Text(r));
                    }
                    catch (FormatException e)
                    {
                        r.AddError(name + ": " + e.Message);
                        return null;
                    }
                }
            };
        }

        /// <summary>A file the program will write, in a directory that exists.</summary>
        public static Option<string> OutputFile(string name, string description)
        {
            return new Option<string>(name)
            {
                Description = description,
                CustomParser = r =>
                {
                    string text = Text(r);
                    string problem = OutputFileProblem(text);
                    if (problem != null)
                    {
                        r.AddError(name + ": " + problem);
                    }

                    return text;
                }
            };
        }

        /// <summary>Why path cannot be written as a file, or null.</summary>
        public static string OutputFileProblem(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return "no file name given";
            }

            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (ArgumentException)
            {
                return "'" + path + "' is not a file name";
            }

            if (Directory.Exists(full))
            {
                return full + " is a directory, not a file";
            }

            string dir = Path.GetDirectoryName(full);
            if (dir != null && !Directory.Exists(dir))
            {
                return "the directory " + dir + " does not exist";
            }

            return null;
        }

        private static string Text(ArgumentResult r)
        {
            return r.Tokens.Count == 0 ? string.Empty : r.Tokens[r.Tokens.Count - 1].Value;
        }
    }
}
