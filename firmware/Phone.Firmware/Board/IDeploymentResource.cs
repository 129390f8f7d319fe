// SPDX-License-Identifier: MIT
namespace Phone.Firmware.Board
{
    /// <summary>
    /// Read-only data that travels with the application image (on a board: a binary resource of
    /// the app, read in chunks so a large one never sits whole in the managed heap).
    /// </summary>
    public interface IDeploymentResource
    {
        /// <summary>
        /// Copies up to count bytes from offset into buffer[0..); returns how many were copied,
        /// fewer at the end and 0 at or past the end.
        /// </summary>
        int Read(int offset, byte[] buffer, int count);
    }
}
