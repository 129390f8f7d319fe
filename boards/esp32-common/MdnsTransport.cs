// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// The mDNS socket on Wi-Fi (nanoFramework.System.Net over lwIP): bound to
    /// port 5353, joins 224.0.0.251 with IP_ADD_MEMBERSHIP (lwIP needs LWIP_IGMP,
    /// on in ESP-IDF's default configuration; joining also opens the Wi-Fi MAC
    /// filter for the group) and multicasts with TTL 255 (RFC 6762 §11). A receive
    /// thread hands every datagram to the board through the Received delegate.
    /// Unchecked adapter: it needs the nanoFramework packages (see docs/device.md).
    /// </summary>
    public class MdnsTransport : IMulticastTransport
    {
        // lwIP's struct ip_mreq: group address, then interface address (0.0.0.0: the default one)
        private const int MembershipLength = 8;
        private const int ReceiveBufferLength = 1500;
        private readonly Socket _socket;
        private readonly DatagramReceived _received;

        /// <summary>Binds the mDNS port and starts receiving.</summary>
        public MdnsTransport(int port, DatagramReceived received)
        {
            _received = received;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
            _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            new Thread(ReceiveLoop).Start();
        }

        /// <summary>Joins the group on the Wi-Fi station interface.</summary>
        public bool JoinGroup(NetAddress group)
        {
            byte[] membership = new byte[MembershipLength];
            for (int i = 0; i < 4; i++)
            {
                membership[i] = group.Octet(i);
            }

            try
            {
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, membership);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <summary>Sends buffer[offset..offset+count) to the address (the group or one querier).</summary>
        public void Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            var ip = new IPAddress(new byte[] { to.Octet(0), to.Octet(1), to.Octet(2), to.Octet(3) });
            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(ip, to.Port));
            }
            catch (SocketException)
            {
                // Wi-Fi gone for a moment: mDNS repeats itself
            }
        }

        private void ReceiveLoop()
        {
            byte[] buffer = new byte[ReceiveBufferLength];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            while (true)
            {
                int n;
                try
                {
                    n = _socket.ReceiveFrom(buffer, ref from);
                }
                catch (SocketException)
                {
                    continue; // an oversized datagram or an ICMP error: loss
                }

                var ep = (IPEndPoint)from;
                byte[] a = ep.Address.GetAddressBytes();
                _received(new NetAddress(a[0], a[1], a[2], a[3], ep.Port), buffer, 0, n);
            }
        }
    }
}
