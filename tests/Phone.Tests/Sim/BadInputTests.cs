// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Phone.Firmware;
using Phone.Firmware.Wire;
using Phone.Sim.Audio;
using Phone.Sim.Board;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>Hostile datagrams sent over UDP to a phone: it keeps working and its flash stays as it was.</summary>
    public class BadInputTests
    {
        private const byte V = WireFormat.Version;

        private static List<byte[]> HostileDatagrams()
        {
            var random = new Random(5);
            var list = new List<byte[]>
            {
                new byte[0],                                     // empty
                new byte[] { V },                                // one byte
                new byte[] { V, MessageType.Pair1, 7, 7 },       // truncated handshake header
                Header(V, MessageType.Pair1, 12),                // a fragment header without a chunk
                Header(V, MessageType.Call1, 40),
                Header(V, MessageType.Secure, 20),               // sealed packet shorter than a tag
                Header(1, MessageType.Pair1, 10 + 32 + 32),      // version 1 (before the cookie and hybrid pairing), right length
                Header(0, MessageType.Call1, 200),
                Header(V, 99, 64),                               // unknown type
                Header(V, MessageType.Pair1, 1500),              // oversized
                Header(V, MessageType.Secure, 65000),            // far oversized
                Header(V, MessageType.Error, 8),                 // ERROR: never answered
            };
            for (int i = 0; i < 40; i++)
            {
                var junk = new byte[random.Next(1, 1300)];
                random.NextBytes(junk);
                if (i % 2 == 0)
                {
                    junk[0] = WireFormat.Version; // get past the version check into the parsers
                    junk[1] = (byte)random.Next(1, 11);
                }

                list.Add(junk);
            }

            return list;
        }

        private static byte[] Header(byte version, byte type, int length)
        {
            var d = new byte[length];
            new Random(length).NextBytes(d);
            d[0] = version;
            if (length > 1)
            {
                d[1] = type;
            }

            return d;
        }

        private static void Send(IPEndPoint to, List<byte[]> datagrams)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            foreach (byte[] d in datagrams)
            {
                socket.SendTo(d, to);
            }
        }

        private static void WaitReceived(SimPhone phone, int atLeast)
        {
            DateTime end = DateTime.UtcNow + UdpPhones.StepTimeout;
            while (phone.Read(c => c.Counters.DatagramsReceived) < atLeast && DateTime.UtcNow < end)
            {
                System.Threading.Thread.Sleep(20);
            }
        }

        [Fact]
        public void HostileDatagramsAreDroppedAndThePhoneStillPairsAndCalls()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob", c => c.AutoAnswer = true);
            byte[] flash = UdpPhones.Flash(alice);
            List<byte[]> hostile = HostileDatagrams();

            Send(alice.EndPoint, hostile);
            WaitReceived(alice, hostile.Count);

            Assert.Equal(hostile.Count, alice.Read(c => c.Counters.DatagramsReceived));
            Assert.Equal(flash, UdpPhones.Flash(alice));
            Assert.True(alice.IsIdle);
            Assert.Equal(0, alice.LoopFaults);
            Assert.True(alice.Read(c => c.Counters.Drops(DropReason.Truncated)) > 0);
            Assert.True(alice.Read(c => c.Counters.Drops(DropReason.Oversized)) > 0);
            Assert.True(alice.Read(c => c.Counters.Drops(DropReason.UnsupportedVersion)) > 0);
            Assert.True(alice.Read(c => c.Counters.Drops(DropReason.UnknownType)) > 0);
            Assert.Equal(0, alice.Read(c => c.Counters.Drops(DropReason.Internal)));

            // Still a working phone: it pairs and calls, and hostile traffic during the call changes nothing.
            (int bobAtAlice, _) = UdpPhones.Pair(alice, bob);
            RecordingSource sent = UdpPhones.Tone(alice, 50, 3);
            int mark = alice.Log.Mark();
            Assert.True(alice.Call(bobAtAlice));
            alice.Log.Wait(e => e.Is(PhoneEventKind.Connected), mark, UdpPhones.StepTimeout, "connected");
            Send(alice.EndPoint, hostile);
            Send(bob.EndPoint, hostile);
            CallStreams.WaitForAudio(alice, bob, sent, null, 50);
            alice.HangUp();
            UdpPhones.WaitIdle(alice);

            Assert.True(FrameComparison.Compare(sent.Digests(), bob.Speaker.Frames())
                .PerfectExceptLate(bob.Read(c => c.Counters.FramesLate)));
            Assert.Equal(0, bob.Read(c => c.Counters.FramesLost));
            Assert.Equal(0, alice.LoopFaults + bob.LoopFaults);
            Assert.Equal(0, alice.Read(c => c.Counters.Drops(DropReason.Internal)) + bob.Read(c => c.Counters.Drops(DropReason.Internal)));
        }

        [Fact]
        public void HostileDatagramsLeaveAPairedPhonesFlashUntouched()
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            SimPhone bob = phones.Add("Bob");
            UdpPhones.Pair(alice, bob);
            byte[] flash = UdpPhones.Flash(alice);
            int before = alice.Read(c => c.Counters.DatagramsReceived);
            List<byte[]> hostile = HostileDatagrams();

            Send(alice.EndPoint, hostile);
            WaitReceived(alice, before + hostile.Count);

            Assert.Equal(flash, UdpPhones.Flash(alice));
            Assert.Single(alice.Contacts());
            Assert.True(alice.Contacts()[0].Verified);
            Assert.Equal(0, alice.LoopFaults);
        }
    }
}
