#!/usr/bin/env bash
# Installs everything ks-wizard needs on a fresh Debian 12 machine: the local lab's system packages
# (sshd hosts in network namespaces on a bridge, nftables for their port-blocking fault; sudo and
# sshpass on them; ansible-core for the lab-core taskbox and the inventory tests — the wizard itself runs no Ansible), Chromium and PostgreSQL for the tests, and
# the npm dependencies. Idempotent; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

# haproxy + keepalived: only their binaries, for the internal load balancer playbook's config checks
# (haproxy -c, keepalived --config-test); never run as services on this machine (see below)
APT_PACKAGES=(openssh-server sshpass ansible-core sudo iproute2 nftables util-linux procps chromium postgresql haproxy keepalived)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "setup: these Debian packages are missing and this user is not root: ${missing[*]}" >&2
      echo "setup: run as root, or install them with: apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  else SUDO=; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Debian starts (and enables) haproxy and keepalived on install where a service manager runs: a
# keepalived here would send VRRP adverts on this machine's network. Stop and disable both, once,
# right after this script installed them.
if [[ " ${missing[*]} " == *" haproxy "* || " ${missing[*]} " == *" keepalived "* ]]; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    ${SUDO:-} systemctl disable --now haproxy keepalived >/dev/null 2>&1 || true
  elif command -v service >/dev/null; then
    for s in haproxy keepalived; do ${SUDO:-} service "$s" stop >/dev/null 2>&1 || true; done
  fi
fi
# sshd refuses to start without its privilege-separation directory (no systemd here)
[ "$(id -u)" -ne 0 ] || mkdir -p /run/sshd

export NEXT_TELEMETRY_DISABLED=1
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
