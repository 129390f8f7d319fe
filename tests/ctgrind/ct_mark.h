// SPDX-License-Identifier: MIT
/*
 * ct_mark.h - what the constant-time check calls secret and public.
 *
 * Under valgrind memcheck, bytes marked secret are "undefined": any branch or
 * memory address computed from them is reported (and fails stage 25-ctgrind),
 * while copies and arithmetic just carry the mark along. Marking public again
 * ("declassify") is only done for values that are public by design; every
 * place that does so is listed in ct_backend_wrap.c and docs/native-api.md.
 * Outside valgrind both are no-ops.
 */
#ifndef CT_MARK_H
#define CT_MARK_H

#include <valgrind/memcheck.h>

#define CT_SECRET(p, n) ((void)VALGRIND_MAKE_MEM_UNDEFINED((p), (n)))
#define CT_PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))

/* Which deliberate leak ct_backend_wrap.c plants (the check must catch it). */
enum ct_plant {
    CT_PLANT_NONE = 0,
    CT_PLANT_BRANCH = 1, /* pci_be_equal exits at the first differing byte */
    CT_PLANT_INDEX = 2   /* sealing reads a table at an index from the key */
};

extern enum ct_plant ct_planted;

/* 0 during the power-on self-test, whose known-answer tests and loopback use
 * published or throw-away keys and compare results by design; 1 after it. */
extern int ct_armed;

/* Keys born secret so far: proof that the wrapping is in effect. */
extern int ct_secret_draws;

/* Contact slots of the store payload (pc_contact_capacity), for re-marking. */
extern int ct_contact_slots;

#endif /* CT_MARK_H */
