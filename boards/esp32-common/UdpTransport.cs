// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// IDatagramTransport over one UDP socket (nanoFramework.System.Net). A receive thread
    /// hands every datagram to the firmware through the Received delegate.
    /// </summary>
    public class UdpTransport : IDatagramTransport
    {
        // One byte more than the protocol allows, so an oversized datagram reaches the
        // firmware as oversized (and is counted) instead of being silently truncated.
        private const int ReceiveBufferLength = 1201;
        private readonly Socket _socket;
        private readonly DatagramReceived _received;

        /// <summary>Binds the phone's port on every interface and starts receiving.</summary>
        public UdpTransport(int port, DatagramReceived received)
        {
            _received = received;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
            new Thread(ReceiveLoop).Start();
        }

        /// <summary>Sends buffer[offset..offset+count) to the address.</summary>
        public void Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            var ip = new IPAddress(new byte[] { to.Octet(0), to.Octet(1), to.Octet(2), to.Octet(3) });
            _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(ip, to.Port));
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
                    // e.g. an ICMP "port unreachable" for an earlier send: loss, not a dead phone
                    continue;
                }

                var ep = (IPEndPoint)from;
                byte[] a = ep.Address.GetAddressBytes();
                _received(new NetAddress(a[0], a[1], a[2], a[3], ep.Port), buffer, 0, n);
            }
        }
    }
}
