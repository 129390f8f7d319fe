// SPDX-License-Identifier: MIT
using System;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Phone.Firmware.Board;
using Phone.Sim.Net;

namespace Phone.Sim.Board
{
    /// <summary>
    /// The simulated phone's mDNS socket: a real UDP socket on the group's port
    /// (shared with other responders on the host through SO_REUSEADDR) that joins
    /// the group on one named interface only and sends its multicast out of that
    /// interface (by index, so an address change on it keeps working). Nothing is
    /// multicast on any other interface.
    /// </summary>
    internal sealed class MulticastTransport : IMulticastTransport, IDisposable
    {
        private const int ReceiveBufferLength = 9000;

        private readonly Socket _socket;
        private readonly SocketAddress _from = new SocketAddress(AddressFamily.InterNetwork);
        private readonly byte[] _receiveBuffer = new byte[ReceiveBufferLength];
        private readonly int _interfaceIndex;

        /// <summary>Opens the socket, or throws StartFailure saying why (no such interface, the port refused).</summary>
        public static MulticastTransport Open(string interfaceName, int port)
        {
            try
            {
                return new MulticastTransport(interfaceName, port);
            }
            catch (InvalidOperationException e)
            {
                throw new StartFailure("discovery: " + e.Message);
            }
            catch (SocketException e)
            {
                throw new StartFailure("discovery: cannot use UDP port " + port + " on " + interfaceName + ": " + e.Message);
            }
        }

        /// <summary>Binds port on every address, multicast limited to interfaceName (e.g. "lo", "eth0").</summary>
        private MulticastTransport(string interfaceName, int port)
        {
            InterfaceName = interfaceName;
            NetworkInterface nic = Find(interfaceName);
            _interfaceIndex = nic.GetIPProperties().GetIPv4Properties().Index;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _socket.Bind(new IPEndPoint(IPAddress.Any, port));
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastInterface,
                    IPAddress.HostToNetworkOrder(_interfaceIndex));
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastLoopback, true);
            }
            catch
            {
                _socket.Dispose();
                throw;
            }
        }

        /// <summary>The interface the group is joined on.</summary>
        public string InterfaceName { get; }

        /// <summary>The socket (the board loop waits on it).</summary>
        internal Socket Socket => _socket;

        /// <summary>The receive buffer holding the last datagram.</summary>
        public byte[] Buffer => _receiveBuffer;

        /// <summary>Datagrams whose send failed (counted as loss).</summary>
        public long SendErrors { get; private set; }

        /// <summary>The interface's first IPv4 address now, or null if it has none.</summary>
        public IPAddress CurrentAddress()
        {
            try
            {
                foreach (UnicastIPAddressInformation a in Find(InterfaceName).GetIPProperties().UnicastAddresses)
                {
                    if (a.Address.AddressFamily == AddressFamily.InterNetwork)
                    {
                        return a.Address;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // the interface went away: no address
            }

            return null;
        }

        /// <summary>Joins the group on the interface.</summary>
        public bool JoinGroup(NetAddress group)
        {
            try
            {
                IPAddress address = Endpoints.ToEndPoint(group).Address;
                _socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership,
                    new MulticastOption(address, _interfaceIndex));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <summary>Sends one datagram; errors count as loss.</summary>
        public void Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, Endpoints.ToEndPoint(to));
            }
            catch (SocketException)
            {
                SendErrors++;
            }
        }

        /// <summary>A waiting datagram's length (bytes in Buffer), or -1 if none; never blocks.</summary>
        public int Receive(out NetAddress from)
        {
            from = null;
            try
            {
                if (_socket.Available == 0)
                {
                    return -1;
                }

                int n = _socket.ReceiveFrom(_receiveBuffer, SocketFlags.None, _from);
                from = Endpoints.ToNetAddress((IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(_from));
                return n;
            }
            catch (SocketException)
            {
                return -1; // a datagram larger than the buffer: dropped (mDNS allows 9000 bytes)
            }
        }

        /// <summary>Closes the socket (the group is left with it).</summary>
        public void Dispose()
        {
            _socket.Dispose();
        }

        private static NetworkInterface Find(string name)
        {
            foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.Name == name)
                {
                    return nic;
                }
            }

            throw new InvalidOperationException("no network interface '" + name + "'");
        }
    }
}
