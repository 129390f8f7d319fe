// SPDX-License-Identifier: MIT
/*
 * keystore.h - the identity key and the contact book, held in a static
 * table of open stores and sealed into secure flash (storage.h).
 *
 * The identity secret never leaves this module: handshakes ask it for a DH.
 */
#ifndef PC_KEYSTORE_H
#define PC_KEYSTORE_H

#include <stddef.h>
#include <stdint.h>

int32_t pci_keystore_open(const uint8_t *locator, size_t len);
int pci_keystore_close(int32_t store);
int pci_keystore_status(int32_t store);
int32_t pci_keystore_factory_reset(int32_t store, const uint8_t *locator, size_t len);
int pci_keystore_identity_public(int32_t store, uint8_t pub[32]);

/* out = X25519(identity secret, peer). PC_E_BAD_KEY for a low-order peer. */
int pci_keystore_dh(int32_t store, uint8_t out[32], const uint8_t peer[32]);

/* Copies the contact's resumption secret of that generation into psk
 * (the caller wipes it), or PC_E_NO_PSK. */
int pci_keystore_resumption(int32_t store, int index, uint32_t generation, uint8_t psk[32]);

int pci_keystore_contact_read(int32_t store, int index, uint8_t rec[74]);
int pci_keystore_contact_find(int32_t store, const uint8_t pub[32]);
int pci_keystore_pin(int32_t store, const uint8_t pub[32], const uint8_t *name, size_t name_len,
                    int flags, const uint8_t resumption[32]);
int pci_keystore_set_flags(int32_t store, int index, int flags);
/* flags: the contact's new PC_CONTACT_* flags, written in the same record
 * write, or -1 to keep them. */
int pci_keystore_remember(int32_t store, int index, const uint8_t pub[32], uint32_t psk_generation,
                         const uint8_t resumption[32], int flags);
int pci_keystore_forget(int32_t store, int index);
/* pc_contact_page (keystore_page.c): out is at least PC_PAGE_HEADER_LEN. */
int pci_keystore_contact_page(int32_t store, int first, const uint8_t *prefix, size_t prefix_len,
                              uint8_t *out, size_t out_len);

void pci_keystore_wipe_all(void);

#endif /* PC_KEYSTORE_H */
