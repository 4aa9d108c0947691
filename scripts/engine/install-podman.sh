#!/usr/bin/env bash
# The container engine of `npm run test:compose`: rootful Podman from Debian's packages, with
# debootstrap for the base images' root file system. Installed only where missing; nothing is
# configured here: the engine runs with its own configuration, storage root and socket
# (scripts/src/engine/paths.ts), never with the machine's, so a user's own images and containers are
# never touched.
set -euo pipefail
# runc: crun fails here ("cgroups in hybrid mode not supported"). catatonit: `init: true`.
packages=(podman runc conmon catatonit netavark aardvark-dns slirp4netns iptables uidmap debootstrap)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "already installed: ${packages[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-podman: installing ${missing[*]} needs root" >&2
  exit 1
fi
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
