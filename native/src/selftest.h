/*
 * selftest.h - runs the power-on self-test (selftest.c). The caller holds
 * the table lock, which must be recursive: the packet round trip goes
 * through the public session calls. pci_selftest_passed() is in api_guard.h.
 */
#ifndef PC_SELFTEST_H
#define PC_SELFTEST_H

/* PC_OK, or PC_E_SELFTEST (and every gated call refuses until a pass).
 * PC_E_NO_SLOT if the session table had no room for the loopback packet
 * (only on a re-run while calls are up): the previous verdict stands. */
int pci_selftest_run(void);

#endif /* PC_SELFTEST_H */
