// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of backend_monocypher.c: the one
 * ESP-IDF (v5) function the device backend calls, as documented in
 * components/esp_hw_support/include/esp_random.h. Never linked.
 */
#ifndef PC_ESP_RANDOM_DECLS_H
#define PC_ESP_RANDOM_DECLS_H

#include <stddef.h>

void esp_fill_random(void *buf, size_t len);

#endif
