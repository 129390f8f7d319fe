// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Exchanges
{
    /// <summary>
    /// Where a SecureChannel decodes received media frames: the channel opens
    /// and decodes each packet in one native call straight into the buffer
    /// this names, then reports the verified frame.
    /// </summary>
    internal interface IMediaReceiver
    {
        /// <summary>The PCM buffer frames are decoded into.</summary>
        byte[] Pcm { get; }

        /// <summary>Offset in Pcm for the frame of this RTP sequence (read before verification: a hint only).</summary>
        int DecodeOffset(int sequence);

        /// <summary>A verified frame of this sequence was decoded at DecodeOffset(sequence); false if it is malformed.</summary>
        bool Decoded(int sequence, int samples);
    }
}
