// SPDX-License-Identifier: MIT
/*
 * size_main.c - the code-size image: references every function of
 * phone_crypto_api.h, as the nanoFramework interop table does on the device, so
 * the linker keeps exactly what the firmware would link (production build,
 * device limits). Never run; size-report.js reads its map and symbols.
 */
#include <stdint.h>

#include "phone_crypto_api.h"

int main(void);

static const volatile uintptr_t interop_table[] = {
    (uintptr_t)&pc_api_version,        (uintptr_t)&pc_selftest,
    (uintptr_t)&pc_hash,               (uintptr_t)&pc_random,
    (uintptr_t)&pc_store_open,         (uintptr_t)&pc_store_close,
    (uintptr_t)&pc_store_status,       (uintptr_t)&pc_store_factory_reset,
    (uintptr_t)&pc_store_identity,     (uintptr_t)&pc_contact_capacity,
    (uintptr_t)&pc_contact_read,       (uintptr_t)&pc_contact_find,
    (uintptr_t)&pc_contact_pin,        (uintptr_t)&pc_contact_set_flags,
    (uintptr_t)&pc_contact_remember,   (uintptr_t)&pc_contact_forget,
    (uintptr_t)&pc_pool_refill,        (uintptr_t)&pc_pool_ready,
    (uintptr_t)&pc_hs_new,             (uintptr_t)&pc_hs_use_resumption,
    (uintptr_t)&pc_hs_write,           (uintptr_t)&pc_hs_read,
    (uintptr_t)&pc_hs_status,          (uintptr_t)&pc_hs_hash,
    (uintptr_t)&pc_hs_remote_static,   (uintptr_t)&pc_hs_split,
    (uintptr_t)&pc_hs_free,            (uintptr_t)&pc_session_seal,
    (uintptr_t)&pc_session_open,       (uintptr_t)&pc_session_ratchet,
    (uintptr_t)&pc_session_rekey_offer, (uintptr_t)&pc_session_rekey_accept,
    (uintptr_t)&pc_session_rekey_complete, (uintptr_t)&pc_session_forget_previous,
    (uintptr_t)&pc_session_info,       (uintptr_t)&pc_session_free,
    (uintptr_t)&pc_media_seal,         (uintptr_t)&pc_media_open,
    (uintptr_t)&pc_media_conceal,
    (uintptr_t)&pc_cookie_stamp,       (uintptr_t)&pc_cookie_check,
    (uintptr_t)&pc_cookie_reply,       (uintptr_t)&pc_cookie_open,
};

int main(void)
{
    uintptr_t sum = 0;
    for (unsigned i = 0; i < sizeof interop_table / sizeof interop_table[0]; i++) {
        sum += interop_table[i];
    }
    return sum == 0;
}
