// SPDX-License-Identifier: MIT
/*
 * g711_mulaw.c - G.711 µ-law encode/decode on frames (see g711_mulaw.h).
 * No tables in RAM: the segment search is a short loop over the eight
 * segment ends, the decoder computes the interval's midpoint.
 */
#include "g711_mulaw.h"

#define MULAW_BIAS 33       /* 14-bit domain: shifts the segment ends to powers of two */
#define MULAW_CLIP 8158     /* largest 14-bit magnitude before the bias */
#define MULAW_SEGMENTS 8
#define MULAW_SIGN 0x80u

uint8_t pci_mulaw_encode(int16_t sample)
{
    unsigned sign = 0;
    int magnitude;
    if (sample < 0) {
        sign = MULAW_SIGN;
        magnitude = (~(int)sample) >> 2; /* one's complement: -1..-4 -> 0 */
    } else {
        magnitude = (int)sample >> 2;
    }
    if (magnitude > MULAW_CLIP)
        magnitude = MULAW_CLIP;
    unsigned v = (unsigned)magnitude + MULAW_BIAS; /* 33 .. 8191 */
    unsigned segment = 0;
    while (segment < MULAW_SEGMENTS - 1 && v >= (64u << segment))
        segment++;
    unsigned step = (v >> (segment + 1)) & 0x0Fu;
    return (uint8_t)~(sign | segment << 4 | step);
}

int16_t pci_mulaw_decode(uint8_t code)
{
    unsigned c = (unsigned)(uint8_t)~code;
    unsigned segment = (c >> 4) & 0x07u;
    unsigned step = c & 0x0Fu;
    int magnitude = (int)((((2u * step + MULAW_BIAS) << segment) - MULAW_BIAS) << 2);
    return (int16_t)((c & MULAW_SIGN) != 0 ? -magnitude : magnitude);
}

static int16_t load_le16(const uint8_t *p)
{
    return (int16_t)(uint16_t)((unsigned)p[0] | (unsigned)p[1] << 8);
}

static void store_le16(uint8_t *p, int16_t v)
{
    uint16_t u = (uint16_t)v;
    p[0] = (uint8_t)u;
    p[1] = (uint8_t)(u >> 8);
}

void pci_mulaw_encode_frame(const uint8_t *pcm, size_t sample_bytes, size_t count, uint8_t *out)
{
    /* The sample is the top two bytes of each slot (both widths are LE). */
    const uint8_t *p = pcm + sample_bytes - 2;
    for (size_t i = 0; i < count; i++, p += sample_bytes)
        out[i] = pci_mulaw_encode(load_le16(p));
}

void pci_mulaw_decode_frame(const uint8_t *codes, size_t count, uint8_t *pcm)
{
    for (size_t i = 0; i < count; i++)
        store_le16(pcm + 2 * i, pci_mulaw_decode(codes[i]));
}

void pci_pcm_scale_frame(const uint8_t *src, size_t count, unsigned gain_q8, uint8_t *dst)
{
    for (size_t i = 0; i < count; i++) {
        long scaled = (long)load_le16(src + 2 * i) * (long)gain_q8 / 256;
        store_le16(dst + 2 * i, (int16_t)scaled);
    }
}
