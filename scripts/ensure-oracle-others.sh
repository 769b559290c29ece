#!/usr/bin/env bash
# The oracle suite's other real IKE implementations, Libreswan 4.10 pluto and OpenIKED 7.2 iked
# (test/oracle/others/): their drivers live outside the project, in the ike-rigs tool folder
# (IKE_RIGS_DIR, default ../shared/tools/ike-rigs beside this checkout), whose setup.sh installs
# what is missing (apt: openiked ike-scan libnss3-tools gcc …), downloads and extracts Libreswan
# without installing it (it conflicts with strongSwan) and builds the LD_PRELOAD shim, all under
# IKE_RIGS_HOME (default ~/.cache/ike-rigs; keep it between CI runs to skip the download).
# setup.sh is idempotent: a second run only checks. Without root it only reports what is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rigs=${IKE_RIGS_DIR:-$here/../shared/tools/ike-rigs}
if [ ! -x "$rigs/setup.sh" ]; then
  echo "The oracle suite for Libreswan and OpenIKED needs the ike-rigs tools, not found at $rigs." >&2
  echo "Set IKE_RIGS_DIR to the folder that holds setup.sh, pluto-case.mjs and iked-case.mjs." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  exec "$rigs/setup.sh"
fi
if ! "$rigs/setup.sh" --check; then
  echo "Run as root once (idempotent): sudo IKE_RIGS_HOME=${IKE_RIGS_HOME:-~/.cache/ike-rigs} $rigs/setup.sh" >&2
  exit 1
fi
