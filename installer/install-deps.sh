#!/usr/bin/env bash
# Installs every Debian package ComputeLedger needs to build, test and run. Idempotent: packages
# already installed are skipped, and apt-get runs only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
  qt6-qpa-plugins libeigen3-dev libboost-date-time-dev librandom123-dev libsleef-dev
  libxlsxwriter-dev libsqlite3-dev nlohmann-json3-dev poppler-utils cppcheck clang-tidy clang libclang-rt-dev libomp-dev
  xvfb xauth python3 python3-numpy libreoffice-calc-nogui slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
