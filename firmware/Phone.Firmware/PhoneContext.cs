// SPDX-License-Identifier: MIT
using Phone.Crypto;
using Phone.Firmware.Board;
using Phone.Firmware.Calls;
using Phone.Firmware.Pairing;
using Phone.Firmware.Timing;

namespace Phone.Firmware
{
    /// <summary>The services every pairing and call of one phone shares.</summary>
    internal class PhoneContext : IDatagramTransport
    {
        internal PhoneContext(PhoneConfig config, KeyStore store, IDatagramTransport transport, IClock clock,
            IAudioSource mic, IAudioSink speaker, IPhoneHost host)
        {
            Config = config;
            Store = store;
            Transport = transport;
            Clock = clock;
            Mic = mic;
            Speaker = speaker;
            Host = host;
            Timers = new TimerQueue();
            Counters = new PhoneCounters();
            CodeFormat = config.CodeFormat;
            Backoff = new Backoff(config.RetransmitInitialMs, config.RetransmitMaxMs, config.HandshakeTimeoutMs);
            NameBytes = LimitName(config.Name);
            Cookies = new Exchanges.CookieJar();
            VerifyOnce = new VerifyOncePerCall();
        }

        internal PhoneConfig Config { get; private set; }

        internal KeyStore Store { get; set; }

        internal IDatagramTransport Transport { get; private set; }

        internal IClock Clock { get; private set; }

        internal IAudioSource Mic { get; private set; }

        internal IAudioSink Speaker { get; private set; }

        internal IPhoneHost Host { get; private set; }

        internal TimerQueue Timers { get; private set; }

        internal PhoneCounters Counters { get; private set; }

        internal CodeFormat CodeFormat { get; private set; }

        internal Backoff Backoff { get; private set; }

        /// <summary>Call ids of the VERIFY_1 answered lately: at most one VERIFY per call.</summary>
        internal VerifyOncePerCall VerifyOnce { get; private set; }

        /// <summary>This phone's display name as UTF-8, at most PayloadLayout.MaxName bytes.</summary>
        internal byte[] NameBytes { get; private set; }

        internal long Now
        {
            get { return Clock.NowMilliseconds; }
        }

        /// <summary>Sends one datagram and counts it.</summary>
        /// <summary>mac1/mac2 of the first messages this phone sends (§11).</summary>
        internal Exchanges.CookieJar Cookies { get; private set; }

        public void Send(NetAddress to, byte[] buffer, int offset, int count)
        {
            Cookies.Stamp(to, buffer, offset, count, Now);
            Counters.DatagramsSent++;
            Transport.Send(to, buffer, offset, count);
        }

        /// <summary>Delivers an event.</summary>
        internal void Raise(PhoneEventKind kind, string text)
        {
            Host.Raise(new PhoneEvent(kind, Now, text));
        }

        private static byte[] LimitName(string name)
        {
            byte[] bytes = Utf8.GetBytes(name == null ? "" : name);
            int length = bytes.Length;
            if (length <= Wire.PayloadLayout.MaxName)
            {
                return bytes;
            }

            length = Wire.PayloadLayout.MaxName;
            while (length > 0 && (bytes[length] & 0xC0) == 0x80)
            {
                length--;
            }

            byte[] cut = new byte[length];
            System.Array.Copy(bytes, cut, length);
            return cut;
        }
    }
}
