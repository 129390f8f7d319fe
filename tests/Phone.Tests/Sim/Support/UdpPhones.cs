// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Wire;
using Phone.Sim.Audio;
using Phone.Sim.Board;

namespace Phone.Tests.Sim.Support
{
    /// <summary>
    /// Simulated phones in this process, each on its own real UDP socket on
    /// 127.0.0.1 with its own flash directory and loop thread; disposed together.
    /// </summary>
    public sealed class UdpPhones : IDisposable
    {
        /// <summary>Generous bound for a step that takes milliseconds when all is well.</summary>
        public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

        private readonly List<SimPhone> _phones = new List<SimPhone>();
        private readonly List<string> _dirs = new List<string>();

        /// <summary>Short timers so a test takes seconds: re-key every second, ratchet twice a second.</summary>
        internal static void Fast(PhoneConfig c)
        {
            c.RetransmitInitialMs = 100;
            c.RetransmitMaxMs = 400;
            c.HandshakeTimeoutMs = 5000;
            c.LingerMs = 300;
            c.KeepAliveMs = 300;
            c.CallIdleTimeoutMs = 5000;
            c.RatchetIntervalMs = 400;
            c.RekeyIntervalMs = 1000;
            c.ForgetPreviousMs = 1000;
            c.PerSourceRate = 50;
            c.GlobalRate = 100;
        }

        /// <summary>Starts a phone with a fresh flash directory (or dir, to reuse one).</summary>
        internal SimPhone Add(string name, Action<PhoneConfig> configure = null, string dir = null,
            IPEndPoint listen = null, int mdnsPort = 0, bool deviceTiming = false)
        {
            if (dir == null)
            {
                dir = Path.Combine(Path.GetTempPath(), "phone-sim-test-" + Guid.NewGuid().ToString("N"));
                _dirs.Add(dir);
            }

            var phone = SimPhone.Start(new SimPhoneOptions
            {
                Name = name,
                FlashDir = dir,
                Listen = listen ?? new IPEndPoint(IPAddress.Loopback, 0),
                Lan = mdnsPort > 0 ? "lo" : null, // discovery on loopback only, on a port of the test's own
                MdnsPort = mdnsPort,
                KeepFrames = true,
                DeviceTiming = deviceTiming,
                Configure = c =>
                {
                    Fast(c);
                    configure?.Invoke(c);
                }
            });
            _phones.Add(phone);
            return phone;
        }

        /// <summary>Stops phone (its flash directory stays until the end of the test).</summary>
        internal void Stop(SimPhone phone)
        {
            _phones.Remove(phone);
            phone.Dispose();
        }

        /// <summary>a pairs with b at address (default b's own), both confirm; returns (a's index of b, b's of a).</summary>
        internal static (int, int) Pair(SimPhone a, SimPhone b, NetAddress address = null)
        {
            int ma = a.Log.Mark(), mb = b.Log.Mark();
            if (!b.StartPairingMode())
            {
                throw new InvalidOperationException(b.Name + " would not start pairing mode");
            }

            if (!a.Pair(address ?? b.Address))
            {
                throw new InvalidOperationException(a.Name + " would not start pairing");
            }

            a.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), ma, StepTimeout, a.Name + " code");
            b.Log.Wait(e => e.Is(PhoneEventKind.CodeShown), mb, StepTimeout, b.Name + " code");
            a.Confirm();
            b.Confirm();
            var pa = a.Log.Wait(e => e.Is(PhoneEventKind.Pinned), ma, StepTimeout, a.Name + " pinned");
            var pb = b.Log.Wait(e => e.Is(PhoneEventKind.Pinned), mb, StepTimeout, b.Name + " pinned");
            WaitIdle(a);
            WaitIdle(b);
            return (pa.Event.ContactIndex, pb.Event.ContactIndex);
        }

        /// <summary>Waits for a screen of this kind from mark on (the firmware shows it right after its event).</summary>
        internal static Phone.Firmware.Ui.Screen WaitScreen(SimPhone phone, Phone.Firmware.Ui.ScreenKind kind, int mark)
        {
            return phone.Log.Wait(e => e.Screen != null && e.Screen.Kind == kind, mark, StepTimeout, kind + " screen").Screen;
        }

        /// <summary>Waits until the phone has no pairing or call (lingering ones included).</summary>
        internal static void WaitIdle(SimPhone phone)
        {
            DateTime end = DateTime.UtcNow + StepTimeout;
            while (!phone.IsIdle)
            {
                if (DateTime.UtcNow > end)
                {
                    throw new TimeoutException(phone.Name + " did not become idle");
                }

                System.Threading.Thread.Sleep(20);
            }
        }

        /// <summary>
        /// On a clean link nothing may be dropped, except a late copy of a handshake
        /// answer that a retransmission asked for (a busy machine answers slower than
        /// the 100 ms first retransmission): those arrive after the session moved on and
        /// are counted as unexpected or unknown-session, never more often than there were
        /// retransmissions. A tag, replay, key-phase or parse failure always fails.
        /// </summary>
        internal static void AssertOnlyRetransmissionEchoesDropped(SimPhone a, SimPhone b)
        {
            int retransmissions = a.Read(c => c.Counters.Retransmissions) + b.Read(c => c.Counters.Retransmissions);
            int echoes = 0;
            foreach (SimPhone phone in new[] { a, b })
            {
                int benign = phone.Read(c => c.Counters.Drops(DropReason.UnexpectedMessage) + c.Counters.Drops(DropReason.UnknownSession));
                int total = phone.Read(c => c.Counters.TotalDrops);
                Xunit.Assert.True(total == benign, phone.Name + " dropped datagrams on a clean link: " + phone.Read(c => c.Counters.ToString()));
                echoes += benign;
            }

            Xunit.Assert.True(echoes <= retransmissions,
                echoes + " late duplicates but only " + retransmissions + " retransmissions");
        }

        /// <summary>Gives phone's microphone a tone of the given number of frames.</summary>
        internal static RecordingSource Tone(SimPhone phone, int frames, int seed)
        {
            return phone.Mic.Use(new ToneSource(frames, seed));
        }

        /// <summary>Every flash record of phone's flash directory, as one array (FlashDump).</summary>
        internal static byte[] Flash(SimPhone phone)
        {
            return Phone.Tests.Firmware.Support.FlashDump.Read(phone.FlashDir);
        }

        /// <summary>True when the contact list holds key, verified or not as asked.</summary>
        internal static bool HasContact(SimPhone phone, byte[] key)
        {
            return phone.Contacts().Any(c => c.PublicKey.AsSpan().SequenceEqual(key));
        }

        /// <summary>Stops every phone and deletes their directories.</summary>
        public void Dispose()
        {
            foreach (SimPhone p in _phones)
            {
                p.Dispose();
            }

            foreach (string d in _dirs)
            {
                try
                {
                    Directory.Delete(d, true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
