// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Linq;

namespace Phone.Tests.Firmware.Support
{
    /// <summary>
    /// The host key store's flash as one byte array, so tests can back it up, compare and restore
    /// it: every record file of &lt;dir&gt;/flash (native/host/storage_file.c), in name order.
    /// </summary>
    public static class FlashDump
    {
        /// <summary>The record directory of a store directory.</summary>
        public static string RecordDirectory(string dir) => Path.Combine(dir, "flash");

        /// <summary>The file of record n (0 and 1: the identity copies; 16 + i: contact i).</summary>
        public static string RecordFile(string dir, int record) =>
            Path.Combine(RecordDirectory(dir), record + ".rec");

        /// <summary>Every record file: name length, name, byte count, bytes; empty when there are none.</summary>
        public static byte[] Read(string dir)
        {
            string records = RecordDirectory(dir);
            if (!Directory.Exists(records))
            {
                return Array.Empty<byte>();
            }

            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream);
            foreach (string file in Directory.GetFiles(records).OrderBy(f => f, StringComparer.Ordinal))
            {
                writer.Write(Path.GetFileName(file));
                byte[] bytes = File.ReadAllBytes(file);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            writer.Flush();
            return stream.ToArray();
        }

        /// <summary>Replaces the record directory with exactly what dump holds.</summary>
        public static void Write(string dir, byte[] dump)
        {
            string records = RecordDirectory(dir);
            if (Directory.Exists(records))
            {
                Directory.Delete(records, true);
            }

            Directory.CreateDirectory(records);
            using var reader = new BinaryReader(new MemoryStream(dump));
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                string name = reader.ReadString();
                int length = reader.ReadInt32();
                File.WriteAllBytes(Path.Combine(records, name), reader.ReadBytes(length));
            }
        }
    }
}
