// SPDX-License-Identifier: MIT
using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Phone.Firmware.Board;

namespace Phone.Sim.Net
{
    /// <summary>
    /// Conversions between the firmware's NetAddress and .NET endpoints, and the parsing of
    /// addresses typed by people. Parsing is strict (four dotted decimal parts, a port from 1 to
    /// 65535) and every mistake is a FormatException whose message can be shown as it is.
    /// </summary>
    internal static class Endpoints
    {
        private const string Usage = "expected host:port (an IPv4 address or a host name, and a port 1-65535)";

        /// <summary>The IPv4 endpoint of a firmware address.</summary>
        public static IPEndPoint ToEndPoint(NetAddress address)
        {
            byte[] ip = { address.Octet(0), address.Octet(1), address.Octet(2), address.Octet(3) };
            return new IPEndPoint(new IPAddress(ip), address.Port);
        }

        /// <summary>The firmware address of an IPv4 endpoint (IPv4-mapped IPv6 is unwrapped).</summary>
        public static NetAddress ToNetAddress(IPEndPoint endPoint)
        {
            IPAddress ip = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
            if (ip.AddressFamily != AddressFamily.InterNetwork)
            {
                throw new FormatException("IPv6 is not supported (the phone speaks IPv4): " + endPoint);
            }

            byte[] b = ip.GetAddressBytes();
            return new NetAddress(b[0], b[1], b[2], b[3], endPoint.Port);
        }

        /// <summary>Parses "host:port" or a bare port (meaning 127.0.0.1:port) of a peer.</summary>
        public static IPEndPoint Parse(string text)
        {
            text = (text ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                throw new FormatException(Usage);
            }

            if (IsDigits(text))
            {
                return new IPEndPoint(IPAddress.Loopback, PeerPort(text, text));
            }

            if (text.StartsWith("[", StringComparison.Ordinal) || text.IndexOf(':') != text.LastIndexOf(':'))
            {
                throw new FormatException("IPv6 addresses are not supported (the phone speaks IPv4): '" + text + "'");
            }

            int colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException(Usage + ", got '" + text + "'");
            }

            IPAddress address = Host(text.Substring(0, colon));
            return new IPEndPoint(address, PeerPort(text.Substring(colon + 1), text));
        }

        /// <summary>Parses "host:port" straight into a firmware address.</summary>
        public static NetAddress ParseAddress(string text)
        {
            return ToNetAddress(Parse(text));
        }

        /// <summary>An IPv4 address from a dotted quad, "localhost" or a host name with an IPv4 address.</summary>
        public static IPAddress Host(string host)
        {
            host = (host ?? string.Empty).Trim();
            if (host.Length == 0)
            {
                throw new FormatException("no host given (" + Usage + ")");
            }

            if (host.Contains(':'))
            {
                throw new FormatException("IPv6 addresses are not supported (the phone speaks IPv4): '" + host + "'");
            }

            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                return IPAddress.Loopback;
            }

            if (IsDigitsAndDots(host))
            {
                return DottedQuad(host);
            }

            return Resolve(host);
        }

        /// <summary>A one-line reason why binding endPoint failed.</summary>
        public static string BindError(IPEndPoint endPoint, SocketException e)
        {
            switch (e.SocketErrorCode)
            {
                case SocketError.AddressAlreadyInUse:
                    return "UDP port " + endPoint.Port + " is in use on " + endPoint.Address
                           + " (another phone or program): choose another port, or 0 for any free port";
                case SocketError.AddressNotAvailable:
                    return endPoint.Address + " is not an address of this machine";
                case SocketError.AccessDenied:
                    return "no permission to listen on UDP port " + endPoint.Port + " (use a port above 1023)";
                default:
                    return "cannot listen on " + endPoint + " (" + e.SocketErrorCode + ")";
            }
        }

        // Four decimal parts 0-255: "1.2.3" is a mistake, not 1.2.0.3 as inet_aton would read it.
        private static IPAddress DottedQuad(string host)
        {
            string[] parts = host.Split('.');
            var bytes = new byte[4];
            if (parts.Length != 4)
            {
                throw new FormatException("'" + host + "' is not an IPv4 address (four numbers 0-255 separated by dots)");
            }

            for (int i = 0; i < 4; i++)
            {
                if (parts[i].Length == 0 || parts[i].Length > 3
                    || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 255)
                {
                    throw new FormatException("'" + host + "' is not an IPv4 address (four numbers 0-255 separated by dots)");
                }

                bytes[i] = (byte)value;
            }

            return new IPAddress(bytes);
        }

        private static IPAddress Resolve(string host)
        {
            if (host.Length > 253 || !IsHostName(host))
            {
                throw new FormatException("'" + host + "' is not a host name or IPv4 address");
            }

            IPAddress[] found;
            try
            {
                found = Dns.GetHostAddresses(host);
            }
            catch (SocketException)
            {
                throw new FormatException("cannot resolve host name '" + host + "'");
            }

            foreach (IPAddress a in found)
            {
                if (a.AddressFamily == AddressFamily.InterNetwork)
                {
                    return a;
                }
            }

            throw new FormatException("'" + host + "' has no IPv4 address (IPv6 is not supported)");
        }

        private static int PeerPort(string port, string text)
        {
            if (!IsDigits(port) || port.Length > 5
                || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                || value < 1 || value > 65535)
            {
                throw new FormatException("the port in '" + text + "' must be a number from 1 to 65535");
            }

            return value;
        }

        private static bool IsDigits(string s)
        {
            if (s.Length == 0)
            {
                return false;
            }

            foreach (char c in s)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDigitsAndDots(string s)
        {
            foreach (char c in s)
            {
                if ((c < '0' || c > '9') && c != '.')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHostName(string s)
        {
            foreach (char c in s)
            {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
