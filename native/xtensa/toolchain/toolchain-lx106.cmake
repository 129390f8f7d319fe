# SPDX-License-Identifier: MIT
# toolchain-lx106.cmake - Debian's gcc-xtensa-lx106 (bare metal, picolibc) for
# the emulated lx106 core. Used by native/xtensa/CMakeLists.txt only.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR xtensa)
set(CMAKE_C_COMPILER xtensa-lx106-elf-gcc)
set(CMAKE_ASM_COMPILER xtensa-lx106-elf-gcc)
set(CMAKE_AR xtensa-lx106-elf-ar CACHE FILEPATH "")
set(CMAKE_RANLIB xtensa-lx106-elf-ranlib CACHE FILEPATH "")
set(CMAKE_SIZE xtensa-lx106-elf-size CACHE FILEPATH "")
# Bare metal: no executable can be linked without our startup and linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
