// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>A PhoneCore with its own key store in a temp directory, a display and audio that record.</summary>
    public sealed class TestPhone : IDisposable, IDisplay
    {
        public TestPhone(string name, int addressNumber, FakeNetwork net, ManualClock clock,
            Action<PhoneConfig> configure = null, string directory = null)
        {
            Name = name;
            Address = FakeNetwork.Address(addressNumber);
            Directory = directory ?? Path.Combine(Path.GetTempPath(), "phone-fw-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Config = TestConfig.Fast(name);
            configure?.Invoke(Config);
            Mic = new TestSignal(addressNumber);
            Speaker = new RecordingSpeaker();
            CryptoCore.SelfTest();
            Store = KeyStore.Open(Directory);
            Core = new PhoneCore(Config, Store, net.TransportFor(Address), clock, this, Mic, Speaker);
            Core.Event += (s, e) => Events.Add(e);
            net.Attach(Address, Core);
            Core.Start();
        }

        public string Name { get; }
        public NetAddress Address { get; }
        public string Directory { get; }
        public PhoneConfig Config { get; }
        public KeyStore Store { get; private set; }
        public PhoneCore Core { get; }
        public TestSignal Mic { get; }
        public RecordingSpeaker Speaker { get; }
        public List<PhoneEvent> Events { get; } = new List<PhoneEvent>();
        public List<Screen> Screens { get; } = new List<Screen>();

        /// <summary>The record directory of its flash (FlashDump).</summary>
        public string FlashPath => FlashDump.RecordDirectory(Directory);

        /// <summary>All of its flash records as one array (FlashDump.Read).</summary>
        public byte[] ReadFlash() => FlashDump.Read(Directory);

        public void Show(Screen screen) => Screens.Add(screen);

        public bool Saw(PhoneEventKind kind) => Events.Exists(e => e.Kind == kind);

        public PhoneEvent Last(PhoneEventKind kind) => Events.FindLast(e => e.Kind == kind);

        public int Count(PhoneEventKind kind) => Events.FindAll(e => e.Kind == kind).Count;

        public ContactRecord[] Contacts => Core.Contacts();

        /// <summary>Closes and reopens the key store (e.g. after the test replaced the flash records).</summary>
        public void ReopenStore()
        {
            Store.Dispose();
            Store = KeyStore.Open(Directory);
        }

        public void Dispose()
        {
            Core.Dispose();
            Core.Store.Dispose();
            Store.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
