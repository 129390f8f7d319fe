# SPDX-License-Identifier: MIT
#
# FindINTEROP-Phone.Crypto.cmake - adds the Phone.Crypto interop assembly (the phone's
# native security core) to an nf-interpreter build. Same shape as the module the
# MetadataProcessor generates (Phone.Crypto_INCLUDE_DIRS / Phone.Crypto_SOURCES, found with
# find_file), with four additions: the C core of this repository, the Monocypher backend
# and Monocypher itself, fetched pinned to a release and its SHA-256, and ML-KEM-768 from
# PQClean (npm pqclean@0.8.1, fetched with npm and checked against its SHA-256 by
# native/pqclean/fetch-pqclean.sh) with our glue.
#
# Use (docs/device.md, "Building the firmware image"):
#   - copy this file to <nf-interpreter>/CMake/Modules/ (the folder nf-interpreter puts on
#     CMAKE_MODULE_PATH; FindINTEROP*.cmake files there are git-ignored by nf-interpreter);
#   - configure with NF_INTEROP_ASSEMBLIES=Phone.Crypto and PHONE_REPO_DIR=<this repository>
#     (the CMakeUserPresets.json beside this file sets both).
# The stubs are used in place from native/nanoframework; nothing is copied into
# InteropAssemblies/. Every file listed here must exist: a missing one stops the configure.
#
# tests/device/Host/FindInteropModuleTests.cs checks that PHONE_CORE_SOURCES names exactly
# the .c files of native/src, and configures this module against the repository.

include(FetchContent)

if(NOT PHONE_REPO_DIR)
    message(FATAL_ERROR "Phone.Crypto: set PHONE_REPO_DIR to the root of the phone repository (see docs/device.md)")
endif()

# native code directory (the MDP's default would be ${PROJECT_SOURCE_DIR}/InteropAssemblies/Phone.Crypto)
set(BASE_PATH_FOR_THIS_MODULE ${PHONE_REPO_DIR}/native/nanoframework)

########################################################################################
# Monocypher, the device's crypto library (backends/backend_monocypher.c).
# nf-interpreter convention (CMake/binutils.common.cmake): a pinned version, FetchContent,
# and a <LIB>_SOURCE variable to build from a local copy instead (e.g. offline).
# SHA-256 of the release tarball monocypher-4.0.2.tar.gz (docs/device.md lists where it
# was checked); the download fails if the bytes differ.
set(PHONE_MONOCYPHER_VERSION "4.0.2")
set(PHONE_MONOCYPHER_SHA256 "38d07179738c0c90677dba3ceb7a7b8496bcfea758ba1a53e803fed30ae0879c")

if(MONOCYPHER_SOURCE)
    message(STATUS "Monocypher ${PHONE_MONOCYPHER_VERSION} (source from: ${MONOCYPHER_SOURCE})")
    FetchContent_Declare(
        monocypher
        SOURCE_DIR ${MONOCYPHER_SOURCE}
    )
else()
    message(STATUS "Monocypher ${PHONE_MONOCYPHER_VERSION} from its release tarball")
    FetchContent_Declare(
        monocypher
        URL https://github.com/LoupVaillant/Monocypher/releases/download/${PHONE_MONOCYPHER_VERSION}/monocypher-${PHONE_MONOCYPHER_VERSION}.tar.gz
            https://monocypher.org/download/monocypher-${PHONE_MONOCYPHER_VERSION}.tar.gz
        URL_HASH SHA256=${PHONE_MONOCYPHER_SHA256}
        DOWNLOAD_EXTRACT_TIMESTAMP TRUE
        UPDATE_DISCONNECTED ON
        # the tarball has no CMake project: populate only, never add_subdirectory
        SOURCE_SUBDIR no-cmake-project-here
    )
endif()

FetchContent_GetProperties(monocypher)
if(NOT monocypher_POPULATED)
    FetchContent_MakeAvailable(monocypher)
endif()

########################################################################################
# ML-KEM-768 (hybrid pairing): PQClean's ml-kem-768/clean + common/fips202 as npm package
# pqclean@0.8.1 ships them, fetched with `npm pack` and checked against the SHA-256 pinned
# in native/pqclean/fetch-pqclean.sh (needs bash and npm on the build machine), or from a
# local copy of the tarball: -DPQCLEAN_TGZ=<path>/pqclean-0.8.1.tgz (still hash-checked).
# PQClean's folders go on the PQClean and glue files' include path only (its header
# names - api.h, kem.h, poly.h... - must not shadow anything else of the image).
if(PQCLEAN_TGZ)
    set(ENV{PQCLEAN_TGZ} ${PQCLEAN_TGZ})
endif()
execute_process(COMMAND bash ${PHONE_REPO_DIR}/native/pqclean/fetch-pqclean.sh ${CMAKE_BINARY_DIR}/pqclean
                RESULT_VARIABLE PHONE_PQCLEAN_RC)
if(NOT PHONE_PQCLEAN_RC EQUAL 0)
    message(FATAL_ERROR "Phone.Crypto: fetch-pqclean.sh failed (${PHONE_PQCLEAN_RC})")
endif()
set(PHONE_PQCLEAN_KEM ${CMAKE_BINARY_DIR}/pqclean/PQClean/crypto_kem/ml-kem-768/clean)
set(PHONE_PQCLEAN_INCLUDES ${PHONE_PQCLEAN_KEM} ${CMAKE_BINARY_DIR}/pqclean/PQClean/common
    ${PHONE_REPO_DIR}/native/pqclean ${PHONE_REPO_DIR}/native/src ${PHONE_REPO_DIR}/native/include)

########################################################################################
# include directories
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Core)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/CLR/Include)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/HAL/Include)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PROJECT_SOURCE_DIR}/src/PAL/Include)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${BASE_PATH_FOR_THIS_MODULE})
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PHONE_REPO_DIR}/native/include)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${PHONE_REPO_DIR}/native/src)
list(APPEND Phone.Crypto_INCLUDE_DIRS ${monocypher_SOURCE_DIR}/src)
# optional/: Ed25519 with SHA-512 (RFC 8032) for certificate checks; not in monocypher.c
list(APPEND Phone.Crypto_INCLUDE_DIRS ${monocypher_SOURCE_DIR}/src/optional)

########################################################################################
# source files

# interop layer (the MDP's layout) and the ESP32 platform and storage backends
set(Phone.Crypto_SRCS
    Phone_Crypto.cpp
    Phone_Crypto_Phone_Crypto_Abi_NativeCrypto_mshl.cpp
    Phone_Crypto_Phone_Crypto_Abi_NativeCrypto.cpp
    platform_esp32.c
    storage_nvs.c
)

# the C core: every .c file of native/src, by name (PC_TEST_HOOKS is never defined here)
set(PHONE_CORE_SOURCES
    api_cookie.c
    api_core.c
    api_handshake.c
    api_kem.c
    api_media.c
    api_org.c
    api_session.c
    api_store.c
    book_index.c
    cert.c
    cert_name.c
    cipher_state.c
    ed25519_strict.c
    cookie_secret.c
    g711_mulaw.c
    handles.c
    handshake.c
    hkdf.c
    hs_table.c
    kem_table.c
    keypool.c
    keystore.c
    keystore_contacts.c
    keystore_migrate.c
    keystore_page.c
    keystore_records.c
    mlkem.c
    org_crl.c
    org_record.c
    precompute.c
    replay.c
    selftest.c
    store_image.c
    store_record.c
    symmetric_state.c
    test_hooks.c
    test_hooks_kem.c
    test_hooks_precomp.c
    test_vectors.c
    transport.c
    transport_keys.c
    transport_packet.c
    transport_rekey.c
)

macro(phone_crypto_add_source file dir)
    set(Phone.Crypto_SRC_FILE SRC_FILE-NOTFOUND)
    find_file(Phone.Crypto_SRC_FILE ${file} PATHS ${dir} NO_DEFAULT_PATH NO_CACHE CMAKE_FIND_ROOT_PATH_BOTH)
    if(NOT Phone.Crypto_SRC_FILE)
        message(FATAL_ERROR "Phone.Crypto: ${file} not found in ${dir}")
    endif()
    if(BUILD_VERBOSE)
        message("${file} >> ${Phone.Crypto_SRC_FILE}")
    endif()
    list(APPEND Phone.Crypto_SOURCES ${Phone.Crypto_SRC_FILE})
endmacro()

foreach(SRC_FILE ${Phone.Crypto_SRCS})
    phone_crypto_add_source(${SRC_FILE} ${BASE_PATH_FOR_THIS_MODULE})
endforeach()
foreach(SRC_FILE ${PHONE_CORE_SOURCES})
    phone_crypto_add_source(${SRC_FILE} ${PHONE_REPO_DIR}/native/src)
endforeach()
phone_crypto_add_source(backend_monocypher.c ${PHONE_REPO_DIR}/native/backends)
phone_crypto_add_source(monocypher.c ${monocypher_SOURCE_DIR}/src)
phone_crypto_add_source(monocypher-ed25519.c ${monocypher_SOURCE_DIR}/src/optional)
foreach(SRC_FILE cbd.c indcpa.c kem.c ntt.c poly.c polyvec.c reduce.c symmetric-shake.c verify.c)
    phone_crypto_add_source(${SRC_FILE} ${PHONE_PQCLEAN_KEM})
    set_source_files_properties(${Phone.Crypto_SRC_FILE} PROPERTIES INCLUDE_DIRECTORIES "${PHONE_PQCLEAN_INCLUDES}")
endforeach()
foreach(SRC_FILE pq_glue.c pq_fips202.c)
    phone_crypto_add_source(${SRC_FILE} ${PHONE_REPO_DIR}/native/pqclean)
    set_source_files_properties(${Phone.Crypto_SRC_FILE} PROPERTIES INCLUDE_DIRECTORIES "${PHONE_PQCLEAN_INCLUDES}")
endforeach()

include(FindPackageHandleStandardArgs)

FIND_PACKAGE_HANDLE_STANDARD_ARGS(Phone.Crypto DEFAULT_MSG Phone.Crypto_INCLUDE_DIRS Phone.Crypto_SOURCES)
