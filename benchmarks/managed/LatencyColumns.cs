// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Phone.Benchmarks
{
    /// <summary>Columns of the latency table: round trips, and the time beyond those round trips.</summary>
    internal sealed class LatencyColumn : IColumn
    {
        private readonly bool _extra;

        private LatencyColumn(bool extra)
        {
            _extra = extra;
            ColumnName = extra ? "Beyond RTTs (ms, median)" : "Round trips";
        }

        /// <summary>The protocol's round trips as the firmware counted them.</summary>
        public static readonly IColumn RoundTrips = new LatencyColumn(false);

        /// <summary>Median time minus round trips × the relay's median round trip.</summary>
        public static readonly IColumn BeyondRoundTrips = new LatencyColumn(true);

        public string Id => nameof(LatencyColumn) + ColumnName;
        public string ColumnName { get; }
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => _extra ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => _extra
            ? "median time minus (round trips x median relay round trip), in ms: the cost of the protocol itself"
            : "round trips on the critical path as the firmware counted them";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, null);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            string name = benchmarkCase.Descriptor.WorkloadMethod.Name;
            if (benchmarkCase.Descriptor.Baseline)
            {
                return _extra ? "0" : "1";
            }

            if (!_extra)
            {
                return LatencyRecord.RoundTrips(name) ?? "?";
            }

            BenchmarkCase baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline);
            BenchmarkReport own = summary[benchmarkCase];
            BenchmarkReport rtt = baseline == null ? null : summary[baseline];
            double rounds = LatencyRecord.MinRoundTrips(name);
            if (own?.ResultStatistics == null || rtt?.ResultStatistics == null || double.IsNaN(rounds))
            {
                return "?";
            }

            double ms = (own.ResultStatistics.Median - rounds * rtt.ResultStatistics.Median) / 1e6;
            return ms.ToString("0.0", CultureInfo.InvariantCulture);
        }
    }
}
