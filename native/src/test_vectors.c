// SPDX-License-Identifier: MIT
/* test_vectors.c - vector mode: the seeded random source's switch and the
 * secret trace (PC_TEST_VECTORS host test builds only, test_vectors.h). */
#include "test_vectors.h"

#ifdef PC_TEST_VECTORS

#include <string.h>

#include "backend.h"
#include "pc_platform.h"

typedef struct trace_entry {
    const char *label;      /* a string literal of the core */
    uint32_t index;
    uint32_t length;        /* as given; data holds the first PC_TRACE_DATA_MAX */
    uint8_t role;
    uint8_t data[PC_TRACE_DATA_MAX];
} trace_entry;

static struct {
    trace_entry entries[PC_TRACE_ENTRIES];
    int32_t count;
    uint8_t overflow;
    uint8_t on;
    uint8_t paused;
} s_trace;

static void trace_clear(void)
{
    pci_be_wipe(&s_trace.entries, sizeof s_trace.entries);
    s_trace.count = 0;
    s_trace.overflow = 0;
}

void pci_trace(const char *label, int role, uint32_t index, const uint8_t *data, size_t len)
{
    if (!s_trace.on || s_trace.paused)
        return;
    if (s_trace.count >= PC_TRACE_ENTRIES) {
        s_trace.overflow = 1;
        return;
    }
    trace_entry *e = &s_trace.entries[s_trace.count++];
    size_t kept = len < PC_TRACE_DATA_MAX ? len : PC_TRACE_DATA_MAX;
    e->label = label;
    e->index = index;
    e->length = (uint32_t)len;
    e->role = (uint8_t)role;
    if (kept > 0)
        memcpy(e->data, data, kept);
}

void pci_trace_pause(int paused)
{
    s_trace.paused = paused ? 1 : 0;
}

static void set_mode(const uint8_t *seed)
{
    pci_wipe_all(); /* takes the lock itself */
    pci_platform_lock();
    pci_be_test_drbg_seed(seed);
    trace_clear();
    s_trace.on = seed != NULL;
    s_trace.paused = 0;
    pci_platform_unlock();
}

int32_t pc_test_vectors_begin(const uint8_t *seed, int32_t seed_len)
{
    if (seed == NULL || seed_len != PC_TEST_SEED_LEN)
        return PC_E_ARG;
    set_mode(seed);
    return PC_OK;
}

int32_t pc_test_vectors_end(void)
{
    set_mode(NULL);
    return PC_OK;
}

int32_t pc_test_trace_count(void)
{
    pci_platform_lock();
    int32_t rc = s_trace.overflow ? PC_E_SPACE : s_trace.count;
    pci_platform_unlock();
    return rc;
}

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static int32_t trace_read(int32_t index, uint8_t *out, int32_t out_len)
{
    if (index < 0 || index >= s_trace.count || out == NULL || out_len < 0)
        return PC_E_ARG;
    const trace_entry *e = &s_trace.entries[index];
    size_t label_len = strlen(e->label);
    size_t kept = e->length < PC_TRACE_DATA_MAX ? e->length : PC_TRACE_DATA_MAX;
    size_t need = 10 + label_len + kept;
    if (label_len > PC_TRACE_LABEL_MAX)
        return PC_E_INTERNAL;
    if ((size_t)out_len < need)
        return PC_E_SPACE;
    out[0] = e->role;
    put_u32(out + 1, e->index);
    put_u32(out + 5, e->length);
    out[9] = (uint8_t)label_len;
    memcpy(out + 10, e->label, label_len);
    if (kept > 0)
        memcpy(out + 10 + label_len, e->data, kept);
    return (int32_t)need;
}

int32_t pc_test_trace_read(int32_t index, uint8_t *out, int32_t out_len)
{
    pci_platform_lock();
    int32_t rc = trace_read(index, out, out_len);
    pci_platform_unlock();
    return rc;
}

int32_t pc_test_trace_clear(void)
{
    pci_platform_lock();
    trace_clear();
    pci_platform_unlock();
    return PC_OK;
}

#else
typedef int pc_test_vectors_not_built; /* ISO C: a translation unit is never empty */
#endif /* PC_TEST_VECTORS */
