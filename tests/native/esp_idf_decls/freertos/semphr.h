// SPDX-License-Identifier: MIT
/*
 * DECLARATIONS ONLY (stand-in): xSemaphoreCreateMutexStatic, a macro over
 * xQueueCreateMutexStatic in FreeRTOS; declared as a function here so the link check sees it.
 * Never linked.
 */
#ifndef PC_DECLS_FREERTOS_SEMPHR_H
#define PC_DECLS_FREERTOS_SEMPHR_H

#include "FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

SemaphoreHandle_t xSemaphoreCreateMutexStatic(StaticSemaphore_t *buffer);

#ifdef __cplusplus
}
#endif

#endif
