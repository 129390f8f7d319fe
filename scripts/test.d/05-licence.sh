#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Licence: every source file starts with an SPDX-License-Identifier: MIT line (LICENSE);
# scripts/check-spdx.sh lists the files that do not.
set -euo pipefail
bash scripts/check-spdx.sh
