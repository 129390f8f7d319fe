// SPDX-License-Identifier: MIT
/*
 * test_groups.h - the test image's groups, run in this order by test_main.c.
 */
#ifndef XT_TEST_GROUPS_H
#define XT_TEST_GROUPS_H

void xt_test_backend(void);   /* test_backend.c: primitive KATs through backend.h */
void xt_test_core(void);      /* test_core.c: self-test, Noise vectors, store, session */
void xt_test_kem(void);       /* test_kem.c: ML-KEM-768 Wycheproof, hybrid XX */
void xt_test_media(void);     /* test_media.c: G.711 Table 2a, media frame seal/open */

#endif /* XT_TEST_GROUPS_H */
