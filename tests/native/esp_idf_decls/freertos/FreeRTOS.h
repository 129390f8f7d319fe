// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY (stand-in): the FreeRTOS types platform_esp32.c uses. In ESP-IDF,
 * StackType_t is uint8_t on Xtensa ports (portSTACK_TYPE); the static semaphore buffer is an
 * opaque struct here. Never linked.
 */
#ifndef PC_DECLS_FREERTOS_H
#define PC_DECLS_FREERTOS_H

#include <stdint.h>

typedef uint8_t StackType_t;
typedef struct StaticQueue_stand_in { void *opaque[20]; } StaticSemaphore_t;
typedef struct QueueDefinition *SemaphoreHandle_t;

#endif
