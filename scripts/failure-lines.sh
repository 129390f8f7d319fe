#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Prints the lines of a stage log that say why it failed (xunit, CTest, GoogleTest,
# compilers, our own scripts), with a little context, at most 80 lines; or the log's tail.
set -uo pipefail
log=$1
pattern='\[FAIL\]|^ *Failed [A-Za-z]|Error Message|Stack Trace|Assert\.|\[  FAILED  \]|Failure$|FAILED|: error|error:|FAIL:|^check failed|Timeout|Exception'
if grep -q -E "$pattern" "$log"; then
  # Passing tests whose names hold a keyword (…Timeout…) are not why it failed.
  grep -v -E '^ *Passed ' "$log" | grep -n -E -A6 "$pattern" | head -80
else
  tail -40 "$log"
fi
