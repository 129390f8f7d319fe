// SPDX-License-Identifier: MIT
using System;
using System.IO;
using Phone.Crypto;
using Phone.Firmware;
using Phone.Firmware.Board;
using Phone.Firmware.Ui;
using Phone.Firmware.Wire;

namespace Phone.Fuzz.Datagram
{
    /// <summary>
    /// One fuzz input = one datagram from the network, handed to a fresh idle phone
    /// (PhoneCore.OnDatagram, the firmware's parser and router of every datagram).
    /// PhoneCore turns any exception into an "internal" drop and an Error event, so
    /// the target checks what the parser promises instead of waiting for a crash:
    /// no internal failure, no Error event, the buffer left as it was, at most one
    /// drop counted, and every reply a well-formed datagram within the size limit.
    /// A broken promise throws <see cref="BrokenPromise"/>, which SharpFuzz reports.
    /// </summary>
    public sealed class DatagramTarget : IFuzzTarget, IDatagramTransport, IClock, IDisplay
    {
        private static readonly NetAddress Peer = new NetAddress(10, 0, 0, 2, 5002);
        private readonly KeyStore _store;
        private readonly string _directory;
        private int _errors;
        private string _lastError;
        private long _now = 1_000_000;
        private int _inputLength;

        /// <summary>Opens a key store in a fresh directory and runs the native self-test once.</summary>
        public DatagramTarget()
        {
            _directory = Path.Combine(Path.GetTempPath(), "phone-fuzz-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            CryptoCore.SelfTest();
            _store = KeyStore.Open(_directory);
        }

        public string Name => "managed_datagram";

        long IClock.NowMilliseconds => _now;

        /// <summary>Runs one input; throws BrokenPromise if the phone misbehaved.</summary>
        public void Run(byte[] input)
        {
            var phone = new PhoneCore(new PhoneConfig { Name = "fuzz" }, _store, this, this, this, null, null);
            phone.Event += (sender, e) =>
            {
                if (e.Kind == PhoneEventKind.Error)
                {
                    _errors++;
                    _lastError = e.ToString();
                }
            };
            try
            {
                _errors = 0;
                _now += 60_000; // a fresh phone each input; the clock only moves forward
                phone.ShowIdle();
                phone.StartPairingMode(); // so a PAIR_1 reaches the responder's handshake, as before pairing mode
                byte[] copy = (byte[])input.Clone();
                _inputLength = input.Length;
                phone.OnDatagram(Peer, input, 0, input.Length);
                Check(phone.Counters.Drops(DropReason.Internal) == 0, "internal failure: " + _lastError);
                Check(_errors == 0, "error event: " + _lastError);
                Check(copy.AsSpan().SequenceEqual(input), "the datagram's buffer was modified");
                Check(phone.Counters.TotalDrops <= 1, "one datagram counted as several drops");
            }
            finally
            {
                phone.Dispose();
            }
        }

        void IDatagramTransport.Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            Check(count >= 2 && count <= WireFormat.MaxDatagram, "reply of " + count + " bytes");
            Check(buffer[offset] == WireFormat.Version, "reply without the protocol version");
            Check(to.SameAs(Peer), "reply to another address than the sender's");
            Check(count <= _inputLength, "a reply of " + count + " bytes to " + _inputLength + " (reflection gain)");
        }

        void IDisplay.Show(Screen screen)
        {
        }

        private static void Check(bool ok, string what) => BrokenPromise.Check(ok, what);

        public void Dispose()
        {
            _store.Dispose();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
