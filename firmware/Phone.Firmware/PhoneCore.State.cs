// SPDX-License-Identifier: MIT
using Phone.Firmware.Calls;
using Phone.Firmware.Exchanges;
using Phone.Firmware.Pairing;
using Phone.Firmware.Ui;

namespace Phone.Firmware
{
    /// <summary>What the phone shows and is doing: the state the boards and the tests read.</summary>
    public partial class PhoneCore
    {
        /// <summary>No pairing or call in progress.</summary>
        public bool IsIdle
        {
            get { return _active == null; }
        }

        /// <summary>State of the active pairing (Idle if none).</summary>
        public PairingState PairingState
        {
            get
            {
                PairingExchange p = _active as PairingExchange;
                return p == null ? PairingState.Idle : p.State;
            }
        }

        /// <summary>State of the active call (Idle if none).</summary>
        public CallState CallState
        {
            get
            {
                CallExchange c = _active as CallExchange;
                return c == null ? CallState.Idle : c.State;
            }
        }

        /// <summary>Badge of the active call.</summary>
        public Badge CallBadge
        {
            get
            {
                CallExchange c = _active as CallExchange;
                return c == null ? Badge.None : c.Badge;
            }
        }

        /// <summary>The verification code on the display (pairing or call fallback), else null.</summary>
        public string CurrentCode
        {
            get { return _active == null ? null : _active.CodeText; }
        }

        /// <summary>The same code as PGP words, else null.</summary>
        public string CurrentCodeWords
        {
            get { return _active == null ? null : _active.CodeWords; }
        }

        /// <summary>Contact slot of the active call's peer, or of the contact just pinned; else -1.</summary>
        public int ActiveContactIndex
        {
            get { return _active == null ? -1 : _active.ContactIndex; }
        }

        /// <summary>Milliseconds from Call (or CALL_1) to call keys ready, or -1.</summary>
        public long CallKeysReadyMs
        {
            get
            {
                CallExchange c = _active as CallExchange;
                return c == null ? -1 : c.KeysReadyMs;
            }
        }

        /// <summary>Inbound handshakes waiting for their next message (bounded by MaxInboundHandshakes).</summary>
        internal int PendingCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _pending.Length; i++)
                {
                    if (_pending[i] != null)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>This phone's static public key.</summary>
        public byte[] IdentityKey
        {
            get { return _ctx.Store.IdentityPublicKey(); }
        }

        /// <summary>First 8 bytes of the identity key in hex.</summary>
        public string Fingerprint
        {
            get { return Hex.Of(IdentityKey, 8); }
        }
    }
}
