#!/usr/bin/env bash
# Installs the official Jaeger release archive of one version into .tools/bin/jaeger, its binary
# built with the UI assets, when the archive's sha256 matches the line pinned for it in
# jaeger-release.sha256. Exits 0 once installed (or already there); otherwise prints one line saying
# why the archive was refused and exits 1, changing nothing, so install-jaeger.sh can fall back.
#   fetch-jaeger-release.sh <version>        e.g. 2.13.0
# JAEGER_RELEASE_BASE_URL replaces https://github.com/jaegertracing/jaeger/releases/download, for a
# mirror (or the test's file server); the archive is fetched from <base>/v<version>/<archive>.
set -euo pipefail
version="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pins="$root/scripts/setup/jaeger-release.sha256"
base_url="${JAEGER_RELEASE_BASE_URL:-https://github.com/jaegertracing/jaeger/releases/download}"
bin_dir="$root/.tools/bin"
binary="$bin_dir/jaeger"
stamp="$bin_dir/jaeger.version"

refuse() {
  echo "install-jaeger: the release archive is refused: $*" >&2
  exit 1
}

# The platform names of Jaeger's release archives (its Makefile's `echo-platforms`).
case "$(uname -m)" in
  x86_64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) refuse "Jaeger publishes no linux archive for this machine's $(uname -m)" ;;
esac
# As Jaeger's scripts/build/package-deploy.sh names it; the binary is jaeger-<version>-linux-<arch>/jaeger.
package="jaeger-$version-linux-$arch"
archive="$package.tar.gz"
url="$base_url/v$version/$archive"

# sha256sum -b writes `<sum> *<name>`, Jaeger's checksum file among them: both forms are read.
pinned="$(sed -n "s/^\([0-9a-f]\{64\}\) [ *]$archive\$/\1/p" "$pins" | head -n1)"
if [ -z "$pinned" ]; then
  refuse "no checksum is pinned for $archive in scripts/setup/jaeger-release.sha256 (not yet pinned: see that file); nothing was downloaded"
fi
if [ -x "$binary" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$archive sha256:$pinned" ]; then
  echo "Jaeger $version already installed from its release archive at $binary"
  exit 0
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "downloading $url"
if ! error="$(curl --fail --silent --show-error --location --connect-timeout 10 --max-time 600 --output "$scratch/$archive" "$url" 2>&1)"; then
  refuse "could not download $url: ${error:-curl failed}"
fi
actual="$(sha256sum "$scratch/$archive" | cut -d' ' -f1)"
if [ "$actual" != "$pinned" ]; then
  refuse "$archive from $url does not match its pinned checksum (sha256 $actual, pinned $pinned)"
fi
if ! tar -xzf "$scratch/$archive" -C "$scratch" "$package/jaeger" 2>/dev/null || [ ! -f "$scratch/$package/jaeger" ]; then
  refuse "$archive holds no $package/jaeger"
fi
mkdir -p "$bin_dir"
chmod 755 "$scratch/$package/jaeger"
mv "$scratch/$package/jaeger" "$binary"
echo "$archive sha256:$pinned" > "$stamp"
echo "installed Jaeger $version from its release archive, UI included: $binary"
