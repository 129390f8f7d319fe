// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware.Calls;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>
    /// docs/protocol.md §14 and the code's call state machines say the same thing: the caller's
    /// and the callee's tables in the doc are parsed and compared row for row with
    /// OutgoingCall.Table and IncomingCall.Table, and the code's tables are walked (every
    /// documented step taken, every undocumented one refused, every state reachable and able
    /// to end).
    /// </summary>
    public class CallStateMachineDocTests
    {
        public static IEnumerable<object[]> Roles()
        {
            yield return new object[] { "OutgoingCall.Table" };
            yield return new object[] { "IncomingCall.Table" };
        }

        [Theory]
        [MemberData(nameof(Roles))]
        public void The_documented_table_is_the_code_table_row_for_row(string role)
        {
            var documented = ProtocolDocTables.Rows(role);
            var code = CodeTable(role).Select(Row).ToList();

            Assert.Equal(documented.Count, documented.Distinct().Count());
            Assert.Equal(documented.OrderBy(r => r), code.OrderBy(r => r));
        }

        [Theory]
        [MemberData(nameof(Roles))]
        public void Walking_the_code_table_takes_every_documented_step_and_refuses_the_rest(string role)
        {
            var table = CodeTable(role);
            var rows = ProtocolDocTables.Rows(role);
            foreach (CallState from in Enum.GetValues<CallState>())
            {
                foreach (CallEvent on in Enum.GetValues<CallEvent>())
                {
                    string documented = rows.SingleOrDefault(r => r.StartsWith(Name(from) + " | " + Name(on) + " | "));
                    if (documented == null)
                    {
                        Assert.Throws<InvalidOperationException>(() => CallTransition.Next(table, from, on));
                    }
                    else
                    {
                        Assert.Equal(documented, Name(from) + " | " + Name(on) + " | "
                                                 + CallStateNames.Name(CallTransition.Next(table, from, on)));
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Roles))]
        public void Every_state_of_a_role_is_reachable_from_Idle_and_can_end(string role)
        {
            var table = CodeTable(role);
            var reached = new HashSet<CallState> { CallState.Idle };
            for (bool grew = true; grew;)
            {
                grew = false;
                foreach (var t in table.Where(t => reached.Contains(t.From) && !reached.Contains(t.To)))
                {
                    grew = reached.Add(t.To);
                }
            }

            foreach (var state in table.Select(t => t.From).Distinct().Where(s => s != CallState.Idle))
            {
                Assert.Contains(state, reached);
                Assert.Contains(table, t => t.From == state
                                            && (t.To == CallState.Ending || t.To == CallState.Ended));
            }
        }

        private static CallTransition[] CodeTable(string role)
        {
            return role == "OutgoingCall.Table" ? OutgoingCall.Table : IncomingCall.Table;
        }

        private static string Row(CallTransition t)
        {
            return CallStateNames.Name(t.From) + " | " + CallEventNames.Name(t.On) + " | " + CallStateNames.Name(t.To);
        }

        private static string Name(CallState s) => CallStateNames.Name(s);

        private static string Name(CallEvent e) => CallEventNames.Name(e);
    }
}
