// SPDX-License-Identifier: MIT
using System;
using Phone.Crypto.Abi;

namespace Phone.Crypto
{
    /// <summary>
    /// The transport keys of a finished handshake (native slot): sealing and opening packets in place, the
    /// symmetric epoch ratchet and the in-call DH re-key. Keys stay native.
    /// Seal and Open allocate nothing.
    /// </summary>
    public class TransportKeys : IDisposable
    {
        /// <summary>Header bytes the native side owns: [2] key phase, [8..16) counter.</summary>
        public const int MinHeaderLength = 16;

        /// <summary>Offset of the key-phase byte in a sealed packet.</summary>
        public const int PhaseOffset = 2;

        /// <summary>Offset of the 8-byte little-endian counter in a sealed packet.</summary>
        public const int CounterOffset = 8;

        /// <summary>Largest sealed packet (one datagram).</summary>
        public const int MaxPacketLength = 1200;

        private int _handle;

        internal TransportKeys(int handle)
        {
            _handle = handle;
        }

        /// <summary>Native handle.</summary>
        public int Handle
        {
            get
            {
                if (_handle < 0)
                {
                    throw new ObjectDisposedException("TransportKeys");
                }

                return _handle;
            }
        }

        /// <summary>
        /// Seals buffer[offset .. offset+headerLength+bodyLength) in place and
        /// appends the tag; returns the packet length. Throws when the counter
        /// space is exhausted.
        /// </summary>
        public int Seal(byte[] buffer, int offset, int headerLength, int bodyLength)
        {
            return NativeResult.Check(
                NativeCrypto.SessionSeal(Handle, buffer, buffer.Length, offset, headerLength, bodyLength), "seal");
        }

        /// <summary>
        /// Opens buffer[offset .. offset+packetLength) in place. Returns the
        /// body length, or a negative CryptoStatus (AuthFailed, Replay,
        /// KeyPhase, Malformed) for a packet that must be dropped.
        /// </summary>
        public int Open(byte[] buffer, int offset, int headerLength, int packetLength)
        {
            return NativeResult.CheckAllowHostile(
                NativeCrypto.SessionOpen(Handle, buffer, buffer.Length, offset, headerLength, packetLength), "open");
        }

        /// <summary>
        /// One audio frame out in one native call: encodes samples PCM samples
        /// from pcm[pcmOffset..) (sampleBytes each, see PcmLayout) to G.711
        /// µ-law as the body of buffer[offset+headerLength..) and seals the
        /// packet in place. Returns the packet length; throws like Seal.
        /// </summary>
        public int SealMedia(byte[] pcm, int pcmOffset, int sampleBytes, int samples, byte[] buffer, int offset,
            int headerLength)
        {
            return NativeResult.Check(
                NativeCrypto.MediaSeal(Handle, pcm, pcm.Length, pcmOffset, sampleBytes, samples, buffer, buffer.Length,
                    offset, headerLength), "media seal");
        }

        /// <summary>
        /// One audio frame in: opens buffer[offset..offset+packetLength) in place
        /// like Open and decodes its µ-law body to 16-bit little-endian PCM at
        /// pcm[pcmOffset..), at most maxSamples samples. Returns the sample count,
        /// or a negative CryptoStatus (AuthFailed, Replay, KeyPhase, Malformed: also
        /// a body longer than maxSamples) for a packet to drop; then no PCM was written.
        /// </summary>
        public int OpenMedia(byte[] buffer, int offset, int headerLength, int packetLength, byte[] pcm, int pcmOffset,
            int maxSamples)
        {
            return NativeResult.CheckAllowHostile(
                NativeCrypto.MediaOpen(Handle, buffer, buffer.Length, offset, headerLength, packetLength, pcm,
                    pcm.Length, pcmOffset, maxSamples), "media open");
        }

        /// <summary>Moves this side's sending key one epoch forward (old key wiped).</summary>
        public void Ratchet()
        {
            NativeResult.Check(NativeCrypto.SessionRatchet(Handle), "ratchet");
        }

        /// <summary>Starts an in-call DH re-key: writes this side's fresh ephemeral public key.</summary>
        public void RekeyOffer(byte[] ephemeralPublic)
        {
            NativeResult.Check(
                NativeCrypto.SessionRekeyOffer(Handle, ephemeralPublic, ephemeralPublic.Length), "re-key offer");
        }

        /// <summary>
        /// Answers a re-key offer: derives the next key generation and writes
        /// this side's ephemeral public key. Returns a negative CryptoStatus
        /// (BadKey, Malformed) for an unusable peer key.
        /// </summary>
        public int RekeyAccept(byte[] peerEphemeral, byte[] ephemeralPublic)
        {
            return NativeResult.CheckAllowHostile(
                NativeCrypto.SessionRekeyAccept(Handle, peerEphemeral, peerEphemeral.Length, ephemeralPublic,
                    ephemeralPublic.Length), "re-key accept");
        }

        /// <summary>Completes a re-key this side offered. Negative CryptoStatus for a bad peer key.</summary>
        public int RekeyComplete(byte[] peerEphemeral)
        {
            return NativeResult.CheckAllowHostile(
                NativeCrypto.SessionRekeyComplete(Handle, peerEphemeral, peerEphemeral.Length), "re-key complete");
        }

        /// <summary>Wipes the previous receiving key kept for late packets.</summary>
        public void ForgetPrevious()
        {
            NativeResult.Check(NativeCrypto.SessionForgetPrevious(Handle), "forget previous key");
        }

        /// <summary>
        /// Public key-schedule state into info (at least 4 bytes): [0] send
        /// phase, [1] receive phase, [2] previous key held, [3] re-key pending.
        /// </summary>
        public void ReadInfo(byte[] info)
        {
            NativeResult.Check(NativeCrypto.SessionInfo(Handle, info, info.Length), "session info");
        }

        /// <summary>Frees the native slot of a handle nobody disposed (a forgotten one must not hold it for good).</summary>
        ~TransportKeys()
        {
            Dispose(false);
        }

        /// <summary>Wipes and frees the native transport keys.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Frees the native slot once; also run by the finalizer (disposing false).</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (_handle >= 0)
            {
                NativeCrypto.SessionFree(_handle);
                _handle = -1;
            }
        }
    }
}
