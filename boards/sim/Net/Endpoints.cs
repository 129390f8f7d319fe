// SPDX-License-Identifier: MIT
using System;
using System.Net;
using System.Net.Sockets;
using Phone.Firmware.Board;

namespace Phone.Sim.Net
{
    /// <summary>Conversions between the firmware's NetAddress and .NET endpoints.</summary>
    internal static class Endpoints
    {
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
                throw new ArgumentException("only IPv4 addresses are supported: " + endPoint);
            }

            byte[] b = ip.GetAddressBytes();
            return new NetAddress(b[0], b[1], b[2], b[3], endPoint.Port);
        }

        /// <summary>Parses "host:port" or a bare port (meaning 127.0.0.1:port).</summary>
        public static IPEndPoint Parse(string text)
        {
            if (int.TryParse(text, out int portOnly))
            {
                return new IPEndPoint(IPAddress.Loopback, CheckPort(portOnly, text));
            }

            int colon = text.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(text.Substring(colon + 1), out int port))
            {
                throw new FormatException("expected host:port, got '" + text + "'");
            }

            string host = text.Substring(0, colon);
            IPAddress address = host == "localhost" ? IPAddress.Loopback : ResolveIPv4(host);
            return new IPEndPoint(address, CheckPort(port, text));
        }

        /// <summary>Parses "host:port" straight into a firmware address.</summary>
        public static NetAddress ParseAddress(string text)
        {
            return ToNetAddress(Parse(text));
        }

        private static IPAddress ResolveIPv4(string host)
        {
            if (IPAddress.TryParse(host, out IPAddress literal))
            {
                return literal;
            }

            foreach (IPAddress a in Dns.GetHostAddresses(host))
            {
                if (a.AddressFamily == AddressFamily.InterNetwork)
                {
                    return a;
                }
            }

            throw new FormatException("no IPv4 address for '" + host + "'");
        }

        private static int CheckPort(int port, string text)
        {
            if (port < 0 || port > 65535)
            {
                throw new FormatException("port out of range in '" + text + "'");
            }

            return port;
        }
    }
}
