// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// A datagram transport that can also receive a multicast group (mDNS:
    /// 224.0.0.251:5353). The board binds the group's port; the firmware asks it
    /// to join the group on the phone's one network interface.
    /// </summary>
    public interface IMulticastTransport : IDatagramTransport
    {
        /// <summary>
        /// Joins group (an IPv4 multicast address; its port is the bound one) on the
        /// interface the phone uses, with multicast sends going out of that interface.
        /// False when the board cannot join (discovery then only answers unicast).
        /// </summary>
        bool JoinGroup(NetAddress group);
    }
}
