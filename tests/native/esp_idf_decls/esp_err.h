// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of native/nanoframework/storage_nvs.c
 * (tests/native/CMakeLists.txt, test nvs_storage_syntax). A subset of ESP-IDF v5
 * components/esp_common/include/esp_err.h. Never linked, never built into anything.
 * Checked against espressif/esp-idf v5.5.4 (commit 735507283d5b2f9fb363a1901172dbd9e847945d, the
 * version nf-interpreter@a3e8139's ESP32 dev container clones); also used by
 * scripts/test.d/15-device-glue.sh.
 */
#ifndef PC_DECLS_ESP_ERR_H
#define PC_DECLS_ESP_ERR_H

typedef int esp_err_t;

#define ESP_OK 0
#define ESP_FAIL -1

#endif
