// SPDX-License-Identifier: MIT
using Phone.Crypto;

namespace Phone.DeviceTests
{
    /// <summary>
    /// Two ends of an in-process Noise XX handshake on the suite's store (both sides use the
    /// same identity: the device has one store slot). Dispose frees every native handle.
    /// </summary>
    public class Pair : System.IDisposable
    {
        /// <summary>Largest handshake message.</summary>
        public const int MaxMessage = 1024;

        private static readonly byte[] Prologue = new byte[] { (byte)'p', (byte)'h', (byte)'o', (byte)'n', (byte)'e' };

        /// <summary>Starts both sides.</summary>
        public Pair()
        {
            Initiator = new Handshake(TestStore.Store, NoisePattern.XX, NoisePattern.Initiator, Prologue, null);
            Responder = new Handshake(TestStore.Store, NoisePattern.XX, NoisePattern.Responder, Prologue, null);
        }

        /// <summary>The initiator's handshake.</summary>
        public Handshake Initiator { get; private set; }

        /// <summary>The responder's handshake.</summary>
        public Handshake Responder { get; private set; }

        /// <summary>Initiator's session after Complete.</summary>
        public TransportKeys InitiatorKeys { get; private set; }

        /// <summary>Responder's session after Complete.</summary>
        public TransportKeys ResponderKeys { get; private set; }

        /// <summary>Sends one message from 'from' to 'to' with the payload; returns the payload 'to' read.</summary>
        public static byte[] Send(Handshake from, Handshake to, byte[] payload)
        {
            byte[] message = new byte[MaxMessage];
            int length = from.WriteMessage(payload, payload == null ? 0 : payload.Length, message, 0);
            byte[] received = new byte[MaxMessage];
            int got = to.ReadMessage(message, 0, length, received);
            if (got < 0)
            {
                throw new CryptoException(got, "read handshake");
            }

            byte[] result = new byte[got];
            System.Array.Copy(received, result, got);
            return result;
        }

        /// <summary>Runs the three XX messages and splits both sides.</summary>
        public void Complete()
        {
            Send(Initiator, Responder, null);
            Send(Responder, Initiator, null);
            Send(Initiator, Responder, null);
            InitiatorKeys = Initiator.Split();
            ResponderKeys = Responder.Split();
        }

        /// <summary>Frees every native handle this pair holds.</summary>
        public void Dispose()
        {
            Initiator.Dispose();
            Responder.Dispose();
            if (InitiatorKeys != null)
            {
                InitiatorKeys.Dispose();
            }

            if (ResponderKeys != null)
            {
                ResponderKeys.Dispose();
            }
        }
    }
}
