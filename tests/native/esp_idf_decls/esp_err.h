// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of native/nanoframework/storage_nvs.c
 * (tests/native/CMakeLists.txt, test nvs_storage_syntax). A subset of ESP-IDF v5
 * components/esp_common/include/esp_err.h. Never linked, never built into anything.
 */
#ifndef PC_DECLS_ESP_ERR_H
#define PC_DECLS_ESP_ERR_H

typedef int esp_err_t;

#define ESP_OK 0
#define ESP_FAIL -1

#endif
