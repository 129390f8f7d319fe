// SPDX-License-Identifier: MIT
using System;
using System.Net;
using System.Net.Sockets;
using Phone.Firmware.Board;
using Phone.Sim.Net;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The phone's UDP socket: the firmware sends through it (IDatagramTransport)
    /// and the board loop receives from it. Port 0 picks a free port.
    /// </summary>
    internal sealed class UdpTransport : IDatagramTransport, IDisposable
    {
        /// <summary>Any UDP datagram fits, so oversized ones reach the firmware and are refused there.</summary>
        public const int ReceiveBufferLength = 65536;

        private readonly Socket _socket;
        private readonly SocketAddress _from;
        private SocketAddress _lastFrom;
        private NetAddress _lastFromAddress;
        private readonly byte[] _receiveBuffer = new byte[ReceiveBufferLength];

        /// <summary>Binds a UDP socket to endPoint.</summary>
        public UdpTransport(IPEndPoint endPoint)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            // Linux reports ICMP port-unreachable of an earlier send as a receive error; a
            // phone whose peer is down must keep running, so those are ignored below.
            try
            {
                _socket.Bind(endPoint);
            }
            catch
            {
                _socket.Dispose();
                throw;
            }

            _socket.ReceiveBufferSize = 1 << 20;
            LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint;
            _from = new SocketAddress(AddressFamily.InterNetwork);
        }

        /// <summary>The socket (the board loop may wait on it together with the mDNS socket).</summary>
        internal Socket Socket => _socket;

        /// <summary>Binds endPoint, or throws StartFailure saying why (a port in use, an address not on this host).</summary>
        public static UdpTransport Bind(IPEndPoint endPoint)
        {
            try
            {
                return new UdpTransport(endPoint);
            }
            catch (SocketException e)
            {
                throw new StartFailure(Endpoints.BindError(endPoint, e));
            }
        }

        /// <summary>The bound address (with the real port when 0 was asked for).</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>Datagrams sent.</summary>
        public long Sent { get; private set; }

        /// <summary>Datagrams whose send failed (peer gone, buffer full): UDP, so they are just lost.</summary>
        public long SendErrors { get; private set; }

        /// <summary>Sends one datagram; errors count as loss, like on a real network.</summary>
        public void Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, Endpoints.ToEndPoint(to));
                Sent++;
            }
            catch (SocketException)
            {
                SendErrors++;
            }
        }

        /// <summary>
        /// Waits up to timeoutMs (0 = just poll) for a datagram. Returns its length
        /// (the bytes are in Buffer) or -1 when none came.
        /// </summary>
        public int Receive(int timeoutMs, out NetAddress from)
        {
            from = null;
            try
            {
                if (!_socket.Poll(Math.Max(0, timeoutMs) * 1000, SelectMode.SelectRead))
                {
                    return -1;
                }

                int n = _socket.ReceiveFrom(_receiveBuffer, SocketFlags.None, _from);
                from = SenderAddress();
                return n;
            }
            catch (SocketException)
            {
                return -1; // ICMP unreachable from an earlier send, or a truncated oversize datagram
            }
        }

        // A call receives 50 packets a second from one peer: reuse its address object.
        private NetAddress SenderAddress()
        {
            if (_lastFrom == null || !_lastFrom.Equals(_from))
            {
                var endPoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(_from);
                _lastFromAddress = Endpoints.ToNetAddress(endPoint);
                _lastFrom = new SocketAddress(AddressFamily.InterNetwork);
                _from.Buffer.CopyTo(_lastFrom.Buffer);
                _lastFrom.Size = _from.Size;
            }

            return _lastFromAddress;
        }

        /// <summary>The receive buffer holding the last datagram.</summary>
        public byte[] Buffer
        {
            get { return _receiveBuffer; }
        }

        /// <summary>Closes the socket.</summary>
        public void Dispose()
        {
            _socket.Dispose();
        }
    }
}
