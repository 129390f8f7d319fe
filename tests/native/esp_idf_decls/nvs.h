// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the syntax check of native/nanoframework/storage_nvs.c.
 * The subset of ESP-IDF v5 components/nvs_flash/include/nvs.h that the storage
 * backend calls, with the same types and values. Never linked.
 * Checked against espressif/esp-idf v5.5.4 (commit 735507283d5b2f9fb363a1901172dbd9e847945d, the
 * version nf-interpreter@a3e8139's ESP32 dev container clones); also used by
 * scripts/test.d/15-device-glue.sh.
 */
#ifndef PC_DECLS_NVS_H
#define PC_DECLS_NVS_H

#include <stddef.h>
#include <stdint.h>

#include "esp_err.h"

typedef uint32_t nvs_handle_t;

#define ESP_ERR_NVS_BASE 0x1100
#define ESP_ERR_NVS_NOT_FOUND (ESP_ERR_NVS_BASE + 0x02)
#define ESP_ERR_NVS_INVALID_LENGTH (ESP_ERR_NVS_BASE + 0x0c)

#define NVS_KEY_NAME_MAX_SIZE 16 /* key and namespace names, including the NUL */

typedef enum {
    NVS_READONLY,
    NVS_READWRITE
} nvs_open_mode_t;

esp_err_t nvs_open(const char *name, nvs_open_mode_t open_mode, nvs_handle_t *out_handle);
esp_err_t nvs_set_blob(nvs_handle_t handle, const char *key, const void *value, size_t length);
esp_err_t nvs_get_blob(nvs_handle_t handle, const char *key, void *out_value, size_t *length);
esp_err_t nvs_erase_key(nvs_handle_t handle, const char *key);
esp_err_t nvs_commit(nvs_handle_t handle);
void nvs_close(nvs_handle_t handle);

#endif
