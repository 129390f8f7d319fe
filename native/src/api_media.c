// SPDX-License-Identifier: MIT
/*
 * api_media.c - the exported pc_media_* functions: a call's audio frame
 * crosses the interop boundary once per direction. Seal encodes PCM to
 * G.711 µ-law straight into the packet body and seals it; open verifies,
 * decrypts and decodes to PCM. Every argument is checked before the first
 * change; a failed open writes no PCM.
 */
#include "api_guard.h"
#include "g711_mulaw.h"
#include "phone_crypto_api.h"
#include "transport_state.h"

#define PCM16_BYTES 2

static int sample_width_ok(int32_t sample_bytes)
{
    return sample_bytes == PC_SAMPLE_PCM16 || sample_bytes == PC_SAMPLE_I2S32;
}

/* Two regions of the same managed array must not overlap. */
static int disjoint(const uint8_t *a, int32_t a_off, int32_t a_count, const uint8_t *b,
                    int32_t b_off, int32_t b_count)
{
    return a != b || a_off + a_count <= b_off || b_off + b_count <= a_off;
}

static int32_t media_seal_checked(int32_t session, const uint8_t *pcm, int32_t pcm_len,
                                  int32_t pcm_off, int32_t sample_bytes, int32_t samples,
                                  uint8_t *buf, int32_t buf_len, int32_t off, int32_t hdr_len)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    if (!sample_width_ok(sample_bytes) || samples < 0 || samples > PC_MEDIA_MAX_SAMPLES
        || hdr_len < PC_PKT_MIN_HDR_LEN || hdr_len > PC_MAX_PACKET_LEN - PC_TAG_LEN
        || samples > PC_MAX_PACKET_LEN - PC_TAG_LEN - hdr_len)
        return PC_E_ARG;
    int32_t pcm_count = samples * sample_bytes;
    if (!pci_arg_region(pcm, pcm_len, pcm_off, pcm_count)
        || !pci_arg_region(buf, buf_len, off, hdr_len + samples))
        return PC_E_ARG;
    if (!pci_arg_region(buf, buf_len, off, hdr_len + samples + PC_TAG_LEN))
        return PC_E_SPACE; /* no room for the tag */
    if (!disjoint(pcm, pcm_off, pcm_count, buf, off, hdr_len + samples + PC_TAG_LEN))
        return PC_E_ARG;
    if (s->send_next == UINT64_MAX)
        return PC_E_NONCE_EXHAUSTED; /* before the body is touched */
    uint8_t *pkt = buf + off;
    if (samples > 0)
        pci_mulaw_encode_frame(pcm + pcm_off, (size_t)sample_bytes, (size_t)samples, pkt + hdr_len);
    return pci_transport_seal_packet(s, pkt, (size_t)hdr_len, (size_t)samples);
}

int32_t pc_media_seal(int32_t session, const uint8_t *pcm, int32_t pcm_len, int32_t pcm_off,
                      int32_t sample_bytes, int32_t samples, uint8_t *buf, int32_t buf_len,
                      int32_t off, int32_t hdr_len)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = media_seal_checked(session, pcm, pcm_len, pcm_off, sample_bytes, samples, buf,
                                buf_len, off, hdr_len);
    return pci_api_leave(rc);
}

/* hdr_len and the PCM region are the caller's (mistakes are PC_E_ARG);
 * pkt_len came from the network: a packet whose body is longer than the
 * caller's max_samples is PC_E_MALFORMED, like any oversized packet. */
static int32_t media_open_checked(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off,
                                  int32_t hdr_len, int32_t pkt_len, uint8_t *pcm, int32_t pcm_len,
                                  int32_t pcm_off, int32_t max_samples)
{
    pc_transport_state *s = pci_transport_lookup(session);
    if (s == NULL)
        return PC_E_HANDLE;
    if (max_samples < 0 || max_samples > PC_MEDIA_MAX_SAMPLES)
        return PC_E_ARG;
    int32_t pcm_count = max_samples * PCM16_BYTES;
    if (!pci_arg_region(buf, buf_len, off, pkt_len) || hdr_len < PC_PKT_MIN_HDR_LEN
        || hdr_len > PC_MAX_PACKET_LEN - PC_TAG_LEN || !pci_arg_region(pcm, pcm_len, pcm_off, pcm_count)
        || !disjoint(buf, off, pkt_len, pcm, pcm_off, pcm_count))
        return PC_E_ARG;
    if (pkt_len > PC_MAX_PACKET_LEN || pkt_len < hdr_len + PC_TAG_LEN)
        return PC_E_MALFORMED;
    int32_t samples = pkt_len - hdr_len - PC_TAG_LEN;
    if (samples > max_samples)
        return PC_E_MALFORMED;
    uint8_t *pkt = buf + off;
    int rc = pci_transport_open_packet(s, pkt, (size_t)hdr_len, (size_t)pkt_len);
    if (rc < 0)
        return rc;
    if (samples > 0)
        pci_mulaw_decode_frame(pkt + hdr_len, (size_t)samples, pcm + pcm_off);
    return samples;
}

int32_t pc_media_open(int32_t session, uint8_t *buf, int32_t buf_len, int32_t off, int32_t hdr_len,
                      int32_t pkt_len, uint8_t *pcm, int32_t pcm_len, int32_t pcm_off,
                      int32_t max_samples)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = media_open_checked(session, buf, buf_len, off, hdr_len, pkt_len, pcm, pcm_len,
                                pcm_off, max_samples);
    return pci_api_leave(rc);
}

static int32_t conceal_checked(uint8_t *pcm, int32_t pcm_len, int32_t src_off, int32_t dst_off,
                               int32_t samples, int32_t gain)
{
    if (samples < 0 || samples > PC_MEDIA_MAX_SAMPLES || gain < 0 || gain > PC_GAIN_UNITY)
        return PC_E_ARG;
    int32_t count = samples * PCM16_BYTES;
    if (!pci_arg_region(pcm, pcm_len, src_off, count) || !pci_arg_region(pcm, pcm_len, dst_off, count)
        || (src_off != dst_off && !disjoint(pcm, src_off, count, pcm, dst_off, count)))
        return PC_E_ARG;
    if (samples > 0)
        pci_pcm_scale_frame(pcm + src_off, (size_t)samples, (unsigned)gain, pcm + dst_off);
    return samples;
}

int32_t pc_media_conceal(uint8_t *pcm, int32_t pcm_len, int32_t src_off, int32_t dst_off,
                         int32_t samples, int32_t gain)
{
    int32_t rc = pci_api_enter();
    if (rc == PC_OK)
        rc = conceal_checked(pcm, pcm_len, src_off, dst_off, samples, gain);
    return pci_api_leave(rc);
}
