// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>The speaker: receives each decrypted G.711 µ-law frame in order of arrival.</summary>
    public interface IAudioSink
    {
        /// <summary>Plays buffer[offset..offset+count) (µ-law bytes); must not keep the buffer.</summary>
        void PlayFrame(byte[] buffer, int offset, int count, int rtpSequence);
    }
}
