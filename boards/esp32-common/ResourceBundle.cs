// SPDX-License-Identifier: MIT
using System;
using System.Resources;
using nanoFramework.Runtime.Native;
using Phone.Firmware.Board;

namespace Phone.Boards.Esp32
{
    /// <summary>
    /// A binary resource of the application image read in chunks (nanoFramework.ResourceManager's
    /// ResourceUtility.GetObject with offset and length: nanoCLR copies only that slice into a new
    /// array and trims it at the end), so a bundle for thousands of phones never sits whole in RAM.
    /// </summary>
    public class ResourceBundle : IDeploymentResource
    {
        private readonly ResourceManager _manager;
        private readonly Enum _id;

        /// <summary>The resource id of the app's generated Resources class (Resources.BinaryResources).</summary>
        public ResourceBundle(ResourceManager manager, Enum id)
        {
            _manager = manager;
            _id = id;
        }

        /// <inheritdoc/>
        public int Read(int offset, byte[] buffer, int count)
        {
            byte[] chunk;
            try
            {
                chunk = (byte[])ResourceUtility.GetObject(_manager, _id, offset, count);
            }
            catch (IndexOutOfRangeException)
            {
                return 0; // nanoCLR refuses an offset at or past the end of the resource
            }

            if (chunk == null)
            {
                return 0;
            }

            Array.Copy(chunk, 0, buffer, 0, chunk.Length);
            return chunk.Length;
        }
    }
}
