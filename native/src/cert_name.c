// SPDX-License-Identifier: MIT
/*
 * cert_name.c - the display-name rule of a phone certificate: well-formed
 * UTF-8 and no control characters, so a name from a certificate is text to
 * show, never terminal or display control.
 */
#include "cert.h"

/* Length of the UTF-8 sequence led by b (2..4), or 0 if b cannot lead one. */
static size_t sequence_length(uint8_t b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0; /* continuation byte, overlong lead C0/C1, or F5..FF */
}

/* The code point of the n-byte sequence at p, or -1 if a byte is not a
 * continuation byte. */
static int32_t decode(const uint8_t *p, size_t n)
{
    int32_t cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    return cp;
}

static int shortest_form(int32_t cp, size_t n)
{
    static const int32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    return cp >= min_for_len[n];
}

int pci_cert_name_valid(const uint8_t *name, size_t len)
{
    if (name == NULL || len == 0 || len > PC_CERT_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len;) {
        uint8_t b = name[i];
        if (b < 0x80) {
            if (b < 0x20 || b == 0x7F)
                return 0; /* C0 control or DEL */
            i++;
            continue;
        }
        size_t n = sequence_length(b);
        if (n == 0 || n > len - i)
            return 0;
        int32_t cp = decode(name + i, n);
        if (cp < 0 || !shortest_form(cp, n) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF
            || (cp >= 0x80 && cp <= 0x9F))
            return 0; /* broken, overlong, surrogate, out of range, or C1 control */
        i += n;
    }
    return 1;
}
