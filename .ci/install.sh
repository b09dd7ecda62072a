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
# Jupyter runs the notebooks with the dotnet-interactive kernel in CI (.ci/notebooks.sh); nbformat validates them.
[ -x /usr/bin/jupyter-nbconvert ] || apt_packages+=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)
/usr/bin/python3 -c "import nbformat" 2>/dev/null || apt_packages+=(python3-nbformat)
# GNU parallel runs `score --shard` shards side by side in bench/shard_parallel.sh.
command -v parallel >/dev/null || apt_packages+=(parallel)
ldconfig -p 2>/dev/null | grep 'libgomp\.so\.1' >/dev/null || apt_packages+=(libgomp1)
# Native AOT (the tests publish src/TopicModel.Scorer, topicmodel-score): clang (or else gcc, which the SDK falls back
# to) links the executable against zlib (zlib1g-dev).
command -v clang >/dev/null || command -v gcc >/dev/null || apt_packages+=(clang)
[ -e /usr/include/zlib.h ] || apt_packages+=(zlib1g-dev)
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

# The .NET Interactive kernel as a Jupyter kernel (the same kernel Polyglot Notebooks runs), for .ci/notebooks.sh.
interactive_version="1.0.712001"
export PATH="$PATH:$HOME/.dotnet/tools"
# (Outputs are read whole before grep: with pipefail, `grep -q` closing the pipe early would fail the test.)
tools=$(dotnet tool list -g)
if ! grep -qi "microsoft.dotnet-interactive *$interactive_version" <<<"$tools"; then
  dotnet tool uninstall -g Microsoft.dotnet-interactive >/dev/null 2>&1 || true
  dotnet tool install -g Microsoft.dotnet-interactive --version "$interactive_version"
fi
kernels=$(/usr/bin/jupyter kernelspec list 2>/dev/null || true)
grep -q '\.net-csharp' <<<"$kernels" || dotnet-interactive jupyter install
