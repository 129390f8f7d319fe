// SPDX-License-Identifier: MIT
// Stands for any C++ translation unit of the nanoCLR image: it is compiled with our include
// folders on its path (nf-interpreter adds an interop assembly's folders to every file of the
// image), so it breaks when a header of ours shadows a standard one. libstdc++'s <atomic> and
// <semaphore> reach <climits> -> <limits.h>; nanoCLR's POSIX target includes all three.
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstring>
#include <semaphore>

static_assert(INT_MAX == 2147483647, "<climits> must be the standard one");

std::counting_semaphore<4> probe_semaphore(0);
std::atomic<int> probe_counter(INT_MAX);
