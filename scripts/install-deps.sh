#!/usr/bin/env bash
# Installs the Debian 12 packages AEDyn needs to build, test and show its window. Idempotent and quiet when
# everything is there; uses sudo when not run as root.
#   --test  also the packages only the test suite needs: slurm-wlm and munge for the one-node Slurm of the
#           slurm_sweep test, poppler-utils (pdftotext) to read exported PDFs back. A desktop needs no cluster
#           daemons, so they are not installed without it.
set -euo pipefail

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    *) echo "install-deps: unknown option '$arg' (the only option is --test)" >&2; exit 2 ;;
  esac
done

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev libqt6opengl6-dev
  libeigen3-dev libboost-dev zlib1g-dev
  xvfb xauth imagemagick
  desktop-file-utils appstream
  dataset-fashion-mnist
)
[ $with_test -eq 1 ] && packages+=(slurm-wlm munge poppler-utils)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
