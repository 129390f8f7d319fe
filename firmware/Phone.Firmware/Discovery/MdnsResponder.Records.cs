// SPDX-License-Identifier: MIT
using Phone.Firmware.Board;

namespace Phone.Firmware.Discovery
{
    /// <summary>The responder choosing and writing answers (RFC 6762 §6, RFC 6763 §12).</summary>
    internal partial class MdnsResponder
    {
        private int Wanted(DnsMessage m)
        {
            int wanted = 0;
            for (int q = 0; q < m.QuestionCount; q++)
            {
                int type = m.QuestionType(q);
                int name = m.QuestionName(q);
                bool any = type == (int)DnsType.Any;
                if ((any || type == (int)DnsType.Ptr) && DnsName.Matches(m.Buffer, m.Start, name, _service, 0))
                {
                    wanted |= KnownPtr(m) ? 0 : AnswerPtr;
                }
                else if (DnsName.Matches(m.Buffer, m.Start, name, _instance, 0))
                {
                    wanted |= any ? AnswerSrv | AnswerTxt
                        : type == (int)DnsType.Srv ? AnswerSrv : type == (int)DnsType.Txt ? AnswerTxt : 0;
                }
                else if ((any || type == (int)DnsType.A) && DnsName.Matches(m.Buffer, m.Start, name, _host, 0))
                {
                    wanted |= AnswerA;
                }
                else if ((any || type == (int)DnsType.Ptr)
                         && DnsName.Matches(m.Buffer, m.Start, name, _enumeration, 0))
                {
                    wanted |= AnswerEnumeration;
                }
            }

            return wanted;
        }

        // Known-answer suppression (§7.1): the querier already holds our PTR with at least half its TTL.
        private bool KnownPtr(DnsMessage m)
        {
            for (int i = 0; i < m.AnswerCount; i++)
            {
                if (m.RecordType(i) == (int)DnsType.Ptr && m.Ttl(i) >= 4500 / 2
                    && DnsName.Matches(m.Buffer, m.Start, m.RecordName(i), _service, 0)
                    && DnsName.Matches(m.Buffer, m.Start, m.DataOffset(i), _instance, 0))
                {
                    return true;
                }
            }

            return false;
        }

        // answers: what was asked; the records a browser needs next go in the additional section (RFC 6763 §12).
        private void WriteResponse(int id, int answers, int ttlOverride, bool goodbye)
        {
            int additional = 0;
            if ((answers & AnswerPtr) != 0)
            {
                additional |= AnswerSrv | AnswerTxt | AnswerA;
            }

            if ((answers & AnswerSrv) != 0)
            {
                additional |= AnswerA;
            }

            additional &= ~answers;
            int ttlShort = goodbye ? 0 : ttlOverride >= 0 ? ttlOverride : 120;
            int ttlLong = goodbye ? 0 : ttlOverride >= 0 ? ttlOverride : 4500;
            bool unique = ttlOverride < 0 || goodbye; // legacy unicast answers carry no cache-flush bit
            DnsWriter w = _link.Writer;
            w.Begin(id, DnsLimits.ResponseFlags);
            WriteSet(0, answers, ttlShort, ttlLong, unique);
            WriteSet(2, additional, ttlShort, ttlLong, unique);
        }

        private void WriteSet(int section, int set, int ttlShort, int ttlLong, bool unique)
        {
            DnsWriter w = _link.Writer;
            if ((set & AnswerPtr) != 0)
            {
                int mark = w.BeginRecord(section, _service, DnsType.Ptr, false, ttlLong);
                w.Name(_instance, 0);
                w.EndRecord(mark);
            }

            if ((set & AnswerSrv) != 0)
            {
                WriteSrv(section, ttlShort, unique);
            }

            if ((set & AnswerTxt) != 0)
            {
                WriteTxt(section, ttlLong, unique);
            }

            if ((set & AnswerA) != 0)
            {
                int mark = w.BeginRecord(section, _host, DnsType.A, unique, ttlShort);
                w.Bytes(_ip, 0, 4);
                w.EndRecord(mark);
            }

            if ((set & AnswerEnumeration) != 0)
            {
                int mark = w.BeginRecord(section, _enumeration, DnsType.Ptr, false, ttlLong);
                w.Name(_service, 0);
                w.EndRecord(mark);
            }
        }

        private void WriteSrv(int section, int ttl, bool unique)
        {
            DnsWriter w = _link.Writer;
            int mark = w.BeginRecord(section, _instance, DnsType.Srv, unique, ttl);
            w.U16(0); // priority
            w.U16(0); // weight
            w.U16(_port);
            w.Name(_host, 0);
            w.EndRecord(mark);
        }

        private void WriteTxt(int section, int ttl, bool unique)
        {
            DnsWriter w = _link.Writer;
            int mark = w.BeginRecord(section, _instance, DnsType.Txt, unique, ttl);
            w.Bytes(_txt, 0, _txt.Length);
            w.EndRecord(mark);
        }
    }
}
