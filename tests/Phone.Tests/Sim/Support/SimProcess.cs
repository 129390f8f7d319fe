// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Phone.Sim.Agent;

namespace Phone.Tests.Sim.Support
{
    /// <summary>Phone.Sim run as a separate process, as a user runs it: arguments, typed input, output, exit code.</summary>
    public sealed class SimProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new StringBuilder();
        private readonly Task<string> _stderr;
        private readonly Task _reader;

        private SimProcess(string[] args)
        {
            ProcessStartInfo info = SelfLauncher.StartInfo(args);
            info.Environment["NO_COLOR"] = "1";
            _process = new Process { StartInfo = info };
            _process.Start();
            // Raw characters, not lines: a CR or an escape the phone prints must show up here as it is.
            _reader = Task.Run(() =>
            {
                var buffer = new char[4096];
                int n;
                while ((n = _process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
                {
                    lock (_stdout)
                    {
                        _stdout.Append(buffer, 0, n);
                    }
                }
            });
            _stderr = _process.StandardError.ReadToEndAsync();
        }

        /// <summary>What it has written to stdout so far.</summary>
        public string OutputSoFar
        {
            get
            {
                lock (_stdout)
                {
                    return _stdout.ToString();
                }
            }
        }

        /// <summary>Waits (at most 30 s) until stdout contains text.</summary>
        public void WaitForOutput(string text)
        {
            DateTime until = DateTime.UtcNow.AddSeconds(30);
            while (!OutputSoFar.Contains(text, StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > until || _process.HasExited)
                {
                    throw new TimeoutException("no '" + text + "' from Phone.Sim:\n" + OutputSoFar + _stderr.Result);
                }

                Thread.Sleep(20);
            }
        }

        /// <summary>Starts Phone.Sim with args (stdin stays open for Type).</summary>
        public static SimProcess Start(params string[] args) => new SimProcess(args);

        /// <summary>Runs Phone.Sim with args and input typed at its prompt; waits for it to end.</summary>
        public static Result Run(string input, params string[] args)
        {
            using var p = Start(args);
            if (input != null)
            {
                p.Type(input);
            }

            return p.Finish();
        }

        /// <summary>Types text (lines) on the process's stdin.</summary>
        public void Type(string text)
        {
            try
            {
                _process.StandardInput.Write(text);
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // it has already exited: Finish reports how
            }
        }

        /// <summary>Closes stdin and waits (at most 60 s) for the exit.</summary>
        public Result Finish()
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
            }

            if (!_process.WaitForExit(60000))
            {
                _process.Kill(true);
                throw new TimeoutException("Phone.Sim did not exit:\n" + OutputSoFar);
            }

            _reader.Wait(10000);
            return new Result(_process.ExitCode, OutputSoFar, _stderr.Result);
        }

        /// <summary>Kills the process (if still running).</summary>
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        /// <summary>How a run ended.</summary>
        public sealed record Result(int Exit, string Output, string Errors)
        {
            /// <summary>Both streams, for assertion messages.</summary>
            public override string ToString() => "exit " + Exit + "\n--- stdout\n" + Output + "\n--- stderr\n" + Errors;
        }
    }
}
