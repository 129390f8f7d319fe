// SPDX-License-Identifier: MIT
using System.Threading;

namespace Phone.Sim.Net
{
    /// <summary>What happened to the datagrams of one relay direction.</summary>
    internal sealed class LinkStats
    {
        private long _received, _forwarded, _dropped, _reordered, _duplicated, _replayed;

        /// <summary>Datagrams that arrived at the relay.</summary>
        public long Received => Interlocked.Read(ref _received);

        /// <summary>Datagrams sent on (copies included).</summary>
        public long Forwarded => Interlocked.Read(ref _forwarded);

        /// <summary>Datagrams dropped on purpose.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <summary>Datagrams held back so later ones overtook them.</summary>
        public long Reordered => Interlocked.Read(ref _reordered);

        /// <summary>Extra copies sent right after the original.</summary>
        public long Duplicated => Interlocked.Read(ref _duplicated);

        /// <summary>Older datagrams sent again.</summary>
        public long Replayed => Interlocked.Read(ref _replayed);

        internal void CountReceived() => Interlocked.Increment(ref _received);
        internal void CountForwarded() => Interlocked.Increment(ref _forwarded);
        internal void CountDropped() => Interlocked.Increment(ref _dropped);
        internal void CountReordered() => Interlocked.Increment(ref _reordered);
        internal void CountDuplicated() => Interlocked.Increment(ref _duplicated);
        internal void CountReplayed() => Interlocked.Increment(ref _replayed);

        /// <summary>One line for logs.</summary>
        public override string ToString()
        {
            return "received " + Received + ", forwarded " + Forwarded + ", dropped " + Dropped + ", reordered "
                   + Reordered + ", duplicated " + Duplicated + ", replayed " + Replayed;
        }
    }
}
