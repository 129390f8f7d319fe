// SPDX-License-Identifier: MIT
/*
 * selftest.h - runs the power-on self-test (selftest.c). The caller holds
 * the table lock; the self-test uses the core's internal functions only.
 * pci_selftest_passed() is in api_guard.h.
 */
#ifndef PC_SELFTEST_H
#define PC_SELFTEST_H

/* PC_OK, or PC_E_SELFTEST (and every gated call refuses until a pass). */
int pci_selftest_run(void);

#endif /* PC_SELFTEST_H */
