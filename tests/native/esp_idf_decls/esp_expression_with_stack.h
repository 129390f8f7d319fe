// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY, for the device-glue compile of native/nanoframework/platform_esp32.c.
 * ESP-IDF components/esp_system/include/esp_expression_with_stack.h, as at espressif/esp-idf
 * commit 16abaf069ed150c374d512b4376d5e930eb477b7 (the v5.5.4 copy was not read here).
 * Never linked.
 */
#ifndef PC_DECLS_ESP_EXPRESSION_WITH_STACK_H
#define PC_DECLS_ESP_EXPRESSION_WITH_STACK_H

#include <stddef.h>

#include "freertos/FreeRTOS.h"
#include "freertos/semphr.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*shared_stack_function)(void);

void esp_execute_shared_stack_function(SemaphoreHandle_t lock, void *stack, size_t stack_size,
                                       shared_stack_function function);

#ifdef __cplusplus
}
#endif

#endif
