// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>An IPv4 address and UDP port, independent of any socket API.</summary>
    public class NetAddress
    {
        private readonly byte[] _ip;

        /// <summary>Creates an address from four octets and a port.</summary>
        public NetAddress(byte a, byte b, byte c, byte d, int port)
        {
            _ip = new byte[] { a, b, c, d };
            Port = port;
        }

        /// <summary>UDP port.</summary>
        public int Port { get; private set; }

        /// <summary>Octet i (0..3) of the IPv4 address.</summary>
        public byte Octet(int i)
        {
            return _ip[i];
        }

        /// <summary>Same address and port.</summary>
        public bool SameAs(NetAddress other)
        {
            return other != null && other.Port == Port && other._ip[0] == _ip[0] && other._ip[1] == _ip[1]
                   && other._ip[2] == _ip[2] && other._ip[3] == _ip[3];
        }

        /// <summary>Dotted form with port, e.g. 127.0.0.1:5060.</summary>
        public override string ToString()
        {
            return _ip[0].ToString() + "." + _ip[1].ToString() + "." + _ip[2].ToString() + "." + _ip[3].ToString()
                   + ":" + Port.ToString();
        }
    }
}
