// SPDX-License-Identifier: MIT
namespace nanoFramework.TestFramework
{
    /// <summary>Host stand-in: test output (the device writes to the debug console).</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a line.</summary>
        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }

        /// <summary>Writes text.</summary>
        public static void Write(string message)
        {
            System.Console.Write(message);
        }
    }
}
