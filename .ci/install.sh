#!/usr/bin/env bash
# Installs everything the build and tests need on a fresh Debian machine with the .NET SDK.
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required"; exit 1; }
dotnet restore TopicModel.sln
