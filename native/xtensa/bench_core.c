/*
 * bench_core.c - the core's interop entry points (filled in as native/src lands).
 */
#include "bench_ops.h"

void xt_bench_core(void)
{
}
