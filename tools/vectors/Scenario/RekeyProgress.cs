// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Phone.Firmware.Wire;

namespace Phone.Vectors.Scenario
{
    /// <summary>Watches the traffic for a MEDIA packet of key generation 1 from each side.</summary>
    internal sealed class RekeyProgress
    {
        private readonly List<SentDatagram> _log;
        private readonly HashSet<string> _senders = new HashSet<string>();
        private int _next;

        public RekeyProgress(List<SentDatagram> log, int start)
        {
            _log = log;
            _next = start;
        }

        public bool BothSendOnNextGeneration()
        {
            for (; _next < _log.Count; _next++)
            {
                byte[] b = _log[_next].Bytes;
                if (b.Length > WireFormat.InnerKindOffset && b[1] == MessageType.Secure
                    && b[WireFormat.InnerKindOffset] == InnerKind.Media && b[2] >> 4 == 1)
                {
                    _senders.Add(_log[_next].From);
                }
            }

            return _senders.Count == 2;
        }
    }
}
