# SPDX-License-Identifier: MIT
# pqclean.cmake - ML-KEM-768 from PQClean (npm pqclean@0.8.1, deps/PQClean), fetched and
# SHA-256-checked by fetch-pqclean.sh into DEST at configure time (never committed), plus
# our glue (pq_glue.c, pq_fips202.c). Included by native/CMakeLists.txt and
# native/xtensa/CMakeLists.txt; native/nanoframework/FindINTEROP-Phone.Crypto.cmake lists
# the same files for the device. Sets:
#   PC_PQCLEAN_SOURCES   PQClean's .c files the core needs (fips202.c comes in via pq_fips202.c)
#   PC_PQ_GLUE_SOURCES   our two glue files
#   PC_PQCLEAN_INCLUDES  include folders of both (PQClean's clean/ and common/, the glue)
# PQClean is third-party code: built with its own flags, not the core's -Werror set.
# pc_fetch_pqclean(DEST)
set(PC_PQCLEAN_DIR ${CMAKE_CURRENT_LIST_DIR})
function(pc_fetch_pqclean dest)
  execute_process(COMMAND bash ${PC_PQCLEAN_DIR}/fetch-pqclean.sh ${dest} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "fetch-pqclean.sh failed (${rc})")
  endif()
  set(root ${dest}/PQClean)
  set(kem ${root}/crypto_kem/ml-kem-768/clean)
  set(PC_PQCLEAN_SOURCES
    ${kem}/cbd.c ${kem}/indcpa.c ${kem}/kem.c ${kem}/ntt.c ${kem}/poly.c ${kem}/polyvec.c
    ${kem}/reduce.c ${kem}/symmetric-shake.c ${kem}/verify.c PARENT_SCOPE)
  set(PC_PQ_GLUE_SOURCES ${PC_PQCLEAN_DIR}/pq_glue.c ${PC_PQCLEAN_DIR}/pq_fips202.c PARENT_SCOPE)
  set(PC_PQCLEAN_INCLUDES ${kem} ${root}/common ${PC_PQCLEAN_DIR} PARENT_SCOPE)
endfunction()
