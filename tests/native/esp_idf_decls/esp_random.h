// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of native/nanoframework/storage_nvs.c.
 * ESP-IDF v5 components/esp_hw_support/include/esp_random.h. Never linked.
 */
#ifndef PC_DECLS_ESP_RANDOM_H
#define PC_DECLS_ESP_RANDOM_H

#include <stddef.h>

void esp_fill_random(void *buf, size_t len);

#endif
