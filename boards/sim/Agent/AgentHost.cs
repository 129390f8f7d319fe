// SPDX-License-Identifier: MIT
using System;
using System.Diagnostics;
using System.Globalization;
using Phone.Firmware;
using Phone.Sim.Board;
using Phone.Sim.Cli;

namespace Phone.Sim.Agent
{
    /// <summary>
    /// A phone driven by another program over stdin/stdout: each input line is
    /// "id command args" (the commands of the prompt), each output line one JSON
    /// AgentLine: the reply to a command, a firmware event, a new screen.
    /// </summary>
    internal sealed class AgentHost
    {
        private readonly SimPhone _phone;
        private readonly object _out = new object();

        /// <summary>An agent over phone.</summary>
        public AgentHost(SimPhone phone)
        {
            _phone = phone;
        }

        /// <summary>Serves commands until "quit" or end of input; returns the exit code.</summary>
        public int Run()
        {
            _phone.Log.Added += OnLog;
            Write(new AgentLine
            {
                Type = "ready", Name = _phone.Name,
                Fields = Fields.Of("port", _phone.EndPoint.Port, "address", _phone.Address.ToString(),
                    "fingerprint", _phone.Fingerprint, "flash", _phone.FlashDir, "pid", Environment.ProcessId)
            });
            _phone.ShowIdle();
            var commands = new PhoneCommands(_phone, null);
            string line;
            while ((line = Console.In.ReadLine()) != null)
            {
                int space = line.IndexOf(' ');
                if (space < 0 || !int.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                {
                    Write(new AgentLine { Type = "reply", Ok = false, Error = "expected '<id> <command>'" });
                    continue;
                }

                string command = line.Substring(space + 1).Trim();
                if (command == "quit")
                {
                    Write(new AgentLine { Type = "reply", Id = id, Name = "quit", Ok = true });
                    break;
                }

                CommandResult result = commands.Execute(command);
                Write(new AgentLine
                {
                    Type = "reply", Id = id, Name = command.Split(' ')[0], Ok = result.Ok,
                    Error = result.Ok ? null : result.Message, Fields = result.Fields
                });
            }

            return 0;
        }

        private void OnLog(SimEvent entry)
        {
            if (entry.Screen != null)
            {
                Write(new AgentLine { Type = "screen", T = entry.Time, Screen = ScreenDto.From(entry.Screen) });
                return;
            }

            PhoneEvent e = entry.Event;
            Write(new AgentLine
            {
                Type = "event", T = entry.Time, Name = e.Kind.ToString(),
                Fields = Fields.Of("text", e.Text, "elapsedMs", e.ElapsedMs, "roundTrips", e.RoundTrips,
                    "flights", e.Flights, "retransmissions", e.Retransmissions, "code", e.Code,
                    "codeWords", e.CodeWords, "peer", e.PeerName, "contact", e.ContactIndex,
                    "badge", e.Badge.ToString(), "describe", EventText.Describe(e))
            });
        }

        private void Write(AgentLine line)
        {
            if (line.T == 0)
            {
                line.T = MonotonicClock.NowPrecise();
            }

            string json = line.ToJson();
            lock (_out)
            {
                Console.Out.WriteLine(json);
                Console.Out.Flush();
            }
        }
    }
}
