// SPDX-License-Identifier: MIT
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Phone.Sim.Board;
using Phone.Sim.Cli;
using Phone.Tests.Sim.Support;
using Xunit;

namespace Phone.Tests.Sim
{
    /// <summary>
    /// The simulator as a program: every bad option or typed argument gets one clear line and a
    /// non-zero exit (or a `!` line at the prompt), never a stack trace, .NET's own wording or a
    /// dead phone.
    /// </summary>
    public class CommandLineTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "phone-cli-test-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, true);
            }
        }

        private static void RefusedClearly(SimProcess.Result r, string expected)
        {
            Assert.True(r.Exit != 0, r.ToString());
            string all = r.Output + r.Errors;
            Assert.Contains(expected, r.Errors);
            Assert.DoesNotContain("Exception", all);
            Assert.DoesNotContain("   at ", all);
            Assert.DoesNotContain("System.", all);
            Assert.DoesNotContain("Cannot parse argument", all);
            Assert.DoesNotContain("is on at", r.Output); // the phone never started
        }

        private SimProcess.Result Phone(params string[] options)
        {
            string[] args = new string[options.Length + 3];
            args[0] = "phone";
            args[1] = "--flash";
            args[2] = _dir;
            options.CopyTo(args, 3);
            return SimProcess.Run("quit\n", args);
        }

        [Theory]
        [InlineData("--port", "abc", "--port must be a whole number")]
        [InlineData("--port", "70000", "--port must be from 0 to 65535")]
        [InlineData("--port", "-1", "--port must be from 0 to 65535")]
        [InlineData("--host", "nosuch.invalid", "cannot resolve host name 'nosuch.invalid'")]
        [InlineData("--host", "::1", "IPv6 addresses are not supported")]
        [InlineData("--host", "1.2.3", "'1.2.3' is not an IPv4 address")]
        [InlineData("--host", "300.1.1.1", "'300.1.1.1' is not an IPv4 address")]
        [InlineData("--name", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "--name is 33 bytes long: at most 32")]
        [InlineData("--name", "", "--name must not be empty")]
        [InlineData("--name", "Eve\u001b[41m", "--name must be printable text")]
        [InlineData("--rekey-ms", "0", "--rekey-ms must be from")]
        [InlineData("--rekey-ms", "-100", "--rekey-ms must be from")]
        [InlineData("--ratchet-ms", "0", "--ratchet-ms must be from")]
        [InlineData("--ratchet-ms", "1e3", "--ratchet-ms must be a whole number")]
        [InlineData("--forget-previous-ms", "abc", "--forget-previous-ms must be a whole number")]
        [InlineData("--forget-previous-ms", "99999999999", "--forget-previous-ms must be a whole number")]
        public void BadPhoneOptionIsOneClearLine(string option, string value, string expected)
        {
            SimProcess.Result r = Phone(option, value);
            RefusedClearly(r, expected);
            Assert.False(Directory.Exists(_dir), "flash directory created by a refused start");
        }

        [Fact]
        public void FlashPathThatIsAFileIsRefused()
        {
            string file = Path.GetTempFileName();
            try
            {
                RefusedClearly(SimProcess.Run("quit\n", "phone", "--port", "0", "--flash", file), "is a file, not a directory");
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void FlashPathUnderAFileIsRefused()
        {
            string file = Path.GetTempFileName();
            try
            {
                RefusedClearly(SimProcess.Run("quit\n", "phone", "--port", "0", "--flash", Path.Combine(file, "flash")),
                    "cannot create the flash directory");
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void FlashPathTooLongIsRefused()
        {
            string path = Path.Combine(Path.GetTempPath(), new string('f', 120));
            RefusedClearly(SimProcess.Run("quit\n", "phone", "--port", "0", "--flash", path), "is too long");
            Assert.False(Directory.Exists(path));
        }

        [Fact]
        public void PngInAMissingDirectoryIsRefused()
        {
            RefusedClearly(Phone("--port", "0", "--png", "/nonexistent-dir/alice.png"), "--png: the directory /nonexistent-dir does not exist");
            Assert.False(Directory.Exists(_dir));
        }

        [Fact]
        public void PngThatIsADirectoryIsRefused()
        {
            RefusedClearly(Phone("--port", "0", "--png", Path.GetTempPath()), "is a directory");
        }

        [Fact]
        public void PortInUseIsFoundBeforeAnyFlashOrIdentityIsCreated()
        {
            using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)taken.LocalEndPoint).Port;

            SimProcess.Result r = Phone("--port", port.ToString());

            RefusedClearly(r, "UDP port " + port + " is in use");
            Assert.False(Directory.Exists(_dir), "flash directory created although the port was taken");
        }

        [Theory]
        [InlineData("--loss", "1.5", "--loss must be from 0 to 1")]
        [InlineData("--loss", "-0.1", "--loss must be from 0 to 1")]
        [InlineData("--reorder", "abc", "--reorder must be a number")]
        [InlineData("--duplicate", "2", "--duplicate must be from 0 to 1")]
        [InlineData("--replay", "NaN", "--replay must be a number")]
        [InlineData("--delay", "-3", "--delay must be from 0 to")]
        [InlineData("--delay", "soon", "--delay must be a whole number")]
        [InlineData("--seed", "x", "--seed must be a whole number")]
        [InlineData("--port-a", "65536", "--port-a must be from 0 to 65535")]
        [InlineData("--a", "1.2.3:5002", "'1.2.3' is not an IPv4 address")]
        [InlineData("--a", "127.0.0.1:0", "must be a number from 1 to 65535")]
        [InlineData("--a", "[::1]:5002", "IPv6 addresses are not supported")]
        [InlineData("--a", "nosuch.invalid:5002", "cannot resolve host name")]
        [InlineData("--a", "127.0.0.1", "expected host:port")]
        public void BadRelayOptionIsOneClearLine(string option, string value, string expected)
        {
            string[] args = option == "--a"
                ? new[] { "relay", "--a", value, "--b", "127.0.0.1:5002" }
                : new[] { "relay", "--a", "127.0.0.1:5001", "--b", "127.0.0.1:5002", option, value };
            RefusedClearly(SimProcess.Run(null, args), expected);
        }

        [Fact]
        public void RelayPortInUseIsOneClearLine()
        {
            using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)taken.LocalEndPoint).Port;
            RefusedClearly(SimProcess.Run(null, "relay", "--a", "127.0.0.1:5001", "--b", "127.0.0.1:5002",
                "--port-a", port.ToString()), "UDP port " + port + " is in use");
        }

        [Theory]
        [InlineData("--seconds", "abc", "--seconds must be a number")]
        [InlineData("--seconds", "0", "--seconds must be from")]
        [InlineData("--rekey-ms", "0", "--rekey-ms must be from")]
        [InlineData("--ratchet-ms", "-1", "--ratchet-ms must be from")]
        public void BadDemoOptionIsOneClearLine(string option, string value, string expected)
        {
            RefusedClearly(SimProcess.Run(null, "demo", "--out", _dir, option, value), expected);
        }

        [Theory]
        [InlineData("pair 1.2.3:5002", "'1.2.3' is not an IPv4 address")]
        [InlineData("pair [::1]:5002", "IPv6 addresses are not supported")]
        [InlineData("pair ::1", "IPv6 addresses are not supported")]
        [InlineData("pair nosuch.invalid:5002", "cannot resolve host name 'nosuch.invalid'")]
        [InlineData("pair 127.0.0.1:0", "must be a number from 1 to 65535")]
        [InlineData("pair 127.0.0.1:70000", "must be a number from 1 to 65535")]
        [InlineData("pair 127.0.0.1:abc", "must be a number from 1 to 65535")]
        [InlineData("pair 127.0.0.1", "expected host:port")]
        [InlineData("pair", "usage: pair <#|name|host:port>")]
        [InlineData("forget abc", "expected a contact number, got 'abc'")]
        [InlineData("forget 99999999999", "expected a contact number")]
        [InlineData("call 0 1.2.3:5002", "no contact '0'")]
        [InlineData("audio tone abc", "audio tone: seconds must be a number")]
        [InlineData("audio tone -1", "audio tone: seconds must be from")]
        [InlineData("audio tone 0", "audio tone: seconds must be from")]
        [InlineData("audio tone 1e9", "audio tone: seconds must be from")]
        [InlineData("audio wav /nonexistent/x.wav", "cannot read /nonexistent/x.wav")]
        [InlineData("png /nonexistent-dir/x.png", "cannot write /nonexistent-dir/x.png")]
        [InlineData("frobnicate", "unknown command 'frobnicate'")]
        public void BadTypedCommandIsAnExplainedRefusalAndThePhoneLivesOn(string line, string expected)
        {
            using var phones = new UdpPhones();
            SimPhone alice = phones.Add("Alice");
            var commands = new PhoneCommands(alice, null);

            CommandResult r = commands.Execute(line);

            Assert.False(r.Ok, line);
            Assert.Contains(expected, r.Message);
            Assert.DoesNotContain("System.", r.Message);
            Assert.DoesNotContain("input string", r.Message);
            Assert.DoesNotContain('\n', r.Message);
            Assert.True(commands.Execute("state").Ok);
            Assert.True(alice.IsIdle);
            Assert.Equal(0, alice.LoopFaults);
        }

        [Fact]
        public void ThePromptShowsAnExclamationLineAndCarriesOn()
        {
            SimProcess.Result r = SimProcess.Run("pair 1.2.3:5002\nforget abc\nstate\nquit\n",
                "phone", "--name", "Alice", "--port", "0", "--flash", _dir);

            Assert.True(r.Exit == 0, r.ToString());
            Assert.Contains("! '1.2.3' is not an IPv4 address", r.Output);
            Assert.Contains("! expected a contact number, got 'abc'", r.Output);
            Assert.Contains("idle, pairing", r.Output);
            Assert.DoesNotContain("Exception", r.Output + r.Errors);
        }
    }
}
