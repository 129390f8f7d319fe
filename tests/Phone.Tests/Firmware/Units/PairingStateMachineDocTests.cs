// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Linq;
using Phone.Firmware.Pairing;
using Xunit;

namespace Phone.Tests.Firmware.Units
{
    /// <summary>
    /// docs/protocol.md §14's pairing table is PairingExchange.Table row for row, and walking
    /// the code's table takes every documented step, refuses every other one, reaches every
    /// state from Idle and can end (Pinned, Rejected or Failed) from every non-final state.
    /// </summary>
    public class PairingStateMachineDocTests
    {
        private const string Table = "PairingExchange.Table";

        [Fact]
        public void The_documented_table_is_the_code_table_row_for_row()
        {
            var documented = ProtocolDocTables.Rows(Table);
            var code = PairingExchange.Table.Select(Row).ToList();

            Assert.Equal(documented.Count, documented.Distinct().Count());
            Assert.Equal(documented.OrderBy(r => r), code.OrderBy(r => r));
        }

        [Fact]
        public void Walking_the_code_table_takes_every_documented_step_and_refuses_the_rest()
        {
            var rows = ProtocolDocTables.Rows(Table);
            foreach (PairingState from in Enum.GetValues<PairingState>())
            {
                foreach (PairingEvent on in Enum.GetValues<PairingEvent>())
                {
                    string prefix = PairingStateNames.Name(from) + " | " + PairingEventNames.Name(on) + " | ";
                    string documented = rows.SingleOrDefault(r => r.StartsWith(prefix));
                    if (documented == null)
                    {
                        Assert.Throws<InvalidOperationException>(
                            () => PairingTransition.Next(PairingExchange.Table, from, on));
                    }
                    else
                    {
                        Assert.Equal(documented, prefix + PairingStateNames.Name(
                            PairingTransition.Next(PairingExchange.Table, from, on)));
                    }
                }
            }
        }

        [Fact]
        public void Every_state_is_reachable_from_Idle_and_every_open_state_can_end()
        {
            var table = PairingExchange.Table;
            var reached = new HashSet<PairingState> { PairingState.Idle };
            for (bool grew = true; grew;)
            {
                grew = false;
                foreach (var t in table.Where(t => reached.Contains(t.From) && !reached.Contains(t.To)))
                {
                    grew = reached.Add(t.To);
                }
            }

            Assert.Equal(Enum.GetValues<PairingState>().OrderBy(s => s), reached.OrderBy(s => s));
            foreach (var state in reached.Where(s => s != PairingState.Idle && !PairingStateNames.IsFinal(s)))
            {
                Assert.Contains(table, t => t.From == state && PairingStateNames.IsFinal(t.To));
            }
        }

        private static string Row(PairingTransition t)
        {
            return PairingStateNames.Name(t.From) + " | " + PairingEventNames.Name(t.On) + " | "
                   + PairingStateNames.Name(t.To);
        }
    }
}
