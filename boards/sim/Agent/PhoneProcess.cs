// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Phone.Sim.Agent
{
    /// <summary>
    /// The demo's handle on one phone running as a separate process in agent
    /// mode: sends commands on its stdin, collects the JSON lines of its stdout
    /// and waits for replies and events with timeouts.
    /// </summary>
    internal sealed class PhoneProcess : IDisposable
    {
        private readonly Process _process;
        private readonly List<AgentLine> _lines = new List<AgentLine>();
        private readonly StringBuilder _stderr = new StringBuilder();
        private int _nextId = 1;
        private bool _endOfOutput;

        private PhoneProcess(string name, Process process)
        {
            Name = name;
            _process = process;
        }

        /// <summary>The phone's name in reports.</summary>
        public string Name { get; }

        /// <summary>The process id (for ending it, only it, if it hangs).</summary>
        public int ProcessId => _process.Id;

        /// <summary>Whether the process has ended.</summary>
        public bool HasExited => _process.HasExited;

        /// <summary>Starts the simulator with args (which must select agent mode).</summary>
        public static PhoneProcess Start(string name, params string[] args)
        {
            ProcessStartInfo info = SelfLauncher.StartInfo(args);
            var process = new Process { StartInfo = info };
            var phone = new PhoneProcess(name, process);
            process.OutputDataReceived += (_, e) => phone.OnStdout(e.Data);
            process.ErrorDataReceived += (_, e) => phone.OnStderr(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return phone;
        }

        /// <summary>Index of the next line to arrive (to wait for events after an action).</summary>
        public int Mark()
        {
            lock (_lines)
            {
                return _lines.Count;
            }
        }

        /// <summary>Waits for the first line from index on that matches; throws TimeoutException.</summary>
        public AgentLine WaitFor(Func<AgentLine, bool> match, int fromIndex, TimeSpan timeout, string what)
        {
            DateTime end = DateTime.UtcNow + timeout;
            lock (_lines)
            {
                int i = fromIndex;
                while (true)
                {
                    for (; i < _lines.Count; i++)
                    {
                        if (match(_lines[i]))
                        {
                            return _lines[i];
                        }
                    }

                    TimeSpan left = end - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || _endOfOutput)
                    {
                        throw new TimeoutException(Name + ": no " + what + " within " + timeout.TotalSeconds
                                                   + " s" + (_endOfOutput ? " (the phone process ended)" : "")
                                                   + StderrTail());
                    }

                    Monitor.Wait(_lines, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
                }
            }
        }

        /// <summary>Waits for an event named name (from index on).</summary>
        public AgentLine WaitForEvent(string name, int fromIndex, TimeSpan timeout)
        {
            return WaitFor(l => l.Type == "event" && l.Name == name, fromIndex, timeout, "'" + name + "' event");
        }

        /// <summary>Sends a command line and waits for its reply; throws if it failed or timed out.</summary>
        public AgentLine Command(string command, TimeSpan timeout)
        {
            AgentLine reply = TryCommand(command, timeout);
            if (reply.Ok != true)
            {
                throw new InvalidOperationException(Name + ": '" + command + "' failed: " + reply.Error);
            }

            return reply;
        }

        /// <summary>Sends a command line and waits for its reply, failed or not.</summary>
        public AgentLine TryCommand(string command, TimeSpan timeout)
        {
            int id;
            int mark;
            lock (_lines)
            {
                id = _nextId++;
                mark = _lines.Count;
            }

            _process.StandardInput.WriteLine(id + " " + command);
            _process.StandardInput.Flush();
            return WaitFor(l => l.Type == "reply" && l.Id == id, mark, timeout, "reply to '" + command + "'");
        }

        /// <summary>All lines so far.</summary>
        public List<AgentLine> Lines()
        {
            lock (_lines)
            {
                return new List<AgentLine>(_lines);
            }
        }

        /// <summary>The end of what the process wrote on stderr, for error messages.</summary>
        public string StderrTail()
        {
            lock (_stderr)
            {
                string s = _stderr.ToString();
                if (s.Length == 0)
                {
                    return string.Empty;
                }

                return "; stderr: " + (s.Length > 2000 ? s.Substring(s.Length - 2000) : s);
            }
        }

        /// <summary>Asks the phone to quit; ends the process if it does not within a few seconds.</summary>
        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.WriteLine("0 quit");
                    _process.StandardInput.Close();
                    if (!_process.WaitForExit(5000))
                    {
                        _process.Kill(true);
                    }
                }
            }
            catch (Exception)
            {
                // already gone
            }

            _process.Dispose();
        }

        private void OnStdout(string line)
        {
            if (line == null)
            {
                lock (_lines)
                {
                    _endOfOutput = true;
                    Monitor.PulseAll(_lines);
                }

                return;
            }

            AgentLine parsed = AgentLine.Parse(line);
            if (parsed == null)
            {
                OnStderr(line);
                return;
            }

            lock (_lines)
            {
                _lines.Add(parsed);
                Monitor.PulseAll(_lines);
            }
        }

        private void OnStderr(string line)
        {
            if (line == null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(line);
                if (_stderr.Length > 64000)
                {
                    _stderr.Remove(0, 32000);
                }
            }
        }
    }
}
