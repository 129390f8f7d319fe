// SPDX-License-Identifier: MIT
/*
 * g711_mulaw.h - ITU-T G.711 µ-law (1988, §2, Tables 2a/2b) on whole frames
 * of little-endian PCM bytes, written from the standard's definition.
 *
 * µ-law is defined on 14-bit linear values; PCM here is 16-bit (the 14-bit
 * value times 4, as ITU-T G.191's reference G.711 takes it). A negative
 * sample's 14-bit magnitude is its one's complement shifted right by two
 * (G.191), so the quantizer is symmetric and -1..-4 code as -0.
 *
 * A 14-bit magnitude x (clipped to 8158) is coded as segment s (0..7) and
 * step m (0..15) with (2m+32)·2^s - 33 <= x < (2m+34)·2^s - 33; the decoder
 * outputs the midpoint (2m+33)·2^s - 33. The code word is sign|s|m (1+3+4
 * bits, sign 1 = positive) with every bit inverted.
 */
#ifndef PC_G711_MULAW_H
#define PC_G711_MULAW_H

#include <stddef.h>
#include <stdint.h>

/* One sample. */
uint8_t pci_mulaw_encode(int16_t sample);
int16_t pci_mulaw_decode(uint8_t code);

/* Encodes `count` samples of `sample_bytes` bytes each (2: 16-bit LE PCM;
 * 4: a 32-bit LE I2S slot whose top 16 bits are the sample) into out[0..count). */
void pci_mulaw_encode_frame(const uint8_t *pcm, size_t sample_bytes, size_t count, uint8_t *out);

/* Decodes `count` code words into pcm[0..2*count) as 16-bit LE samples. */
void pci_mulaw_decode_frame(const uint8_t *codes, size_t count, uint8_t *pcm);

/* Copies `count` 16-bit LE samples from src to dst scaled by gain_q8/256
 * (0..256), rounding toward zero. src and dst may be the same frame. */
void pci_pcm_scale_frame(const uint8_t *src, size_t count, unsigned gain_q8, uint8_t *dst);

#endif /* PC_G711_MULAW_H */
