#!/usr/bin/env bash
# Installs everything the build and tests need on a fresh Debian machine with the .NET SDK.
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required"; exit 1; }
dotnet restore TopicModel.sln

# Debian packages: chromium renders the HTML report headless in the browser tests; libgomp1 (OpenMP) is what
# LightGbm's native library (lib_lightgbm.so, from the Microsoft.ML.LightGbm package) links against.
# plotly.js needs nothing: reports inline the copy inside the Plotly.NET package.
# apt/dpkg may be locked for a moment by unattended upgrades, so installs retry.
apt_packages=()
command -v chromium >/dev/null || apt_packages+=(chromium)
ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || apt_packages+=(libgomp1)
if ((${#apt_packages[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  for attempt in 1 2 3 4 5; do
    if $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${apt_packages[@]}"; then
      break
    fi
    [ "$attempt" -lt 5 ] || { echo "apt-get install ${apt_packages[*]} failed"; exit 1; }
    echo "apt-get failed (attempt $attempt), retrying in 15 s"
    sleep 15
  done
fi

