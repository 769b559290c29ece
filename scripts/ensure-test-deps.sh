#!/usr/bin/env bash
# The system packages the tests use: Debian's Chromium (end-to-end tests; Playwright never
# downloads a browser here), strongSwan's charon + swanctl with kernel-libipsec (the oracle
# suite negotiates with real daemons), and Java 17 with Guava and JSR-305 for the shared Batfish
# checker (../shared/tools/batfish-check, its setup.sh; the unit tests in test/security/injection
# run it on generated exports); then, through ensure-oracle-others.sh, real Libreswan and
# OpenIKED for the oracle suite. Installs what is missing when run as root on Debian; otherwise
# says exactly what to install.
set -euo pipefail
PACKAGES=(chromium fonts-dejavu-core fonts-liberation strongswan-charon strongswan-swanctl libcharon-extra-plugins iproute2 openjdk-17-jdk-headless libguava-java libjsr305-java)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing test prerequisites: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    mkdir -p /usr/share/man/man1   # slim Debian images: the JDK's postinst needs it
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
bash "$(dirname "$0")/ensure-oracle-others.sh"
