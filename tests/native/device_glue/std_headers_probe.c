// SPDX-License-Identifier: MIT
// Stands for any C translation unit of the nanoCLR image (ESP-IDF's and nanoCLR's own .c
// files): compiled with our include folders on its path, it breaks when a header of ours
// shadows a standard one (native/src/limits.h did: INT_MAX disappeared).
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

_Static_assert(INT_MAX == 2147483647, "<limits.h> must be the standard one");
_Static_assert(UINT8_MAX == 255, "<stdint.h> must be the standard one");

int probe_limit(void);
int probe_limit(void)
{
    return INT_MAX;
}
