// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of native/nanoframework/storage_nvs.c.
 * ESP-IDF v5 components/esp_hw_support/include/esp_random.h. Never linked.
 * Checked against espressif/esp-idf v5.5.4 (commit 735507283d5b2f9fb363a1901172dbd9e847945d, the
 * version nf-interpreter@a3e8139's ESP32 dev container clones); also used by
 * scripts/test.d/15-device-glue.sh.
 */
#ifndef PC_DECLS_ESP_RANDOM_H
#define PC_DECLS_ESP_RANDOM_H

#include <stddef.h>

void esp_fill_random(void *buf, size_t len);

#endif
