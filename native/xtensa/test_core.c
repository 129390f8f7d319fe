/*
 * test_core.c - the core on the emulated CPU (filled in as native/src lands).
 */
#include "test_groups.h"
#include "xt_test.h"

void xt_test_core(void)
{
}
