// SPDX-License-Identifier: MIT
using System;
using System.Threading;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;
using Phone.Sim.Board;

namespace Phone.Tests.Sim.Support
{
    /// <summary>
    /// A man in the middle on the path between A and B that substitutes its own
    /// keys: it runs two handshakes of its own, with its own identities, as the
    /// responder towards A ("Bob") and as the initiator towards B ("Alice"). A
    /// pairs with the relay's address believing it is B's.
    /// </summary>
    internal sealed class MitmRelay
    {
        private int _started;

        /// <summary>Places the relay in front of b.</summary>
        public MitmRelay(UdpPhones phones, SimPhone b, string aName, string bName)
        {
            TowardsA = phones.Add(bName);
            TowardsB = phones.Add(aName);
            // As soon as A's first pairing message reaches the relay, it opens its own pairing with B.
            TowardsA.Log.Added += e =>
            {
                bool busy = e.Screen != null && e.Screen.Kind != ScreenKind.Idle || e.Is(PhoneEventKind.CodeShown);
                if (busy && Interlocked.Exchange(ref _started, 1) == 0)
                {
                    ThreadPool.QueueUserWorkItem(_ =>
                    {
                        b.StartPairingMode(); // the victim's user, asked to pair, starts pairing mode
                        TowardsB.Pair(b.Address);
                    });
                }
            };
        }

        /// <summary>What A talks to (it answers as B).</summary>
        public SimPhone TowardsA { get; }

        /// <summary>What talks to B (it starts the pairing as A).</summary>
        public SimPhone TowardsB { get; }

        /// <summary>The address A is led to use for B.</summary>
        public NetAddress AddressForA => TowardsA.Address;
    }
}
