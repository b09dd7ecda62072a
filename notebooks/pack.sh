#!/usr/bin/env bash
# Packs the TopicModel libraries into artifacts/packages and restores them from there into the NuGet global packages
# folder, so a notebook loads the library the Polyglot way:
#   #r "nuget: TopicModel.DataFrames, 0.1.0"      (brings TopicModel.ML, .DataPrep, .Training, .Evaluation)
# Run it once after cloning and again after changing the library (then restart the notebook's kernel).
# (`#i "nuget: <folder>"` would need an absolute path in every notebook: the kernel does not resolve a relative one.)
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
mkdir -p "$out"
version=$(dotnet msbuild src/TopicModel.DataFrames -getProperty:Version)
ids=()
# Every library under src/ but the command-line tool, the notebook host and the kernel extension (packed inside
# TopicModel.DataFrames).
for project in src/*/*.csproj; do
  name=$(basename "$project" .csproj)
  case "$name" in TopicModel.Cli|TopicModel.Notebooks|TopicModel.Interactive) continue ;; esac
  dotnet pack "$project" -c Release -o "$out" --nologo -v quiet
  ids+=("${name,,}")
done
# NuGet caches a package by id and version, so a kernel would keep using an earlier pack of the same version:
# drop the cached copies of ours.
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
for id in "${ids[@]}"; do rm -rf "${cache%/}/$id/$version"; done
# The kernel also caches each `#r "nuget:"` set's resolved assembly list (~/.packagemanagement/nuget/Cache), keyed by
# the ids and versions asked for: after a repack of the same version it would keep the old list and miss assemblies
# the library now depends on (FileNotFoundException in Jupyter). Drop it; the next restore rebuilds it.
rm -rf "${HOME:?}/.packagemanagement/nuget/Cache"
# The kernel restores `#r "nuget: ..."` from nuget.org and `#i` sources only, and `#i` takes no relative path. But a
# package already in the global packages folder is used from there: put ours there with a restore from artifacts/.
seed=$(mktemp -d)
trap 'rm -rf "$seed"' EXIT
cat > "$seed/seed.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="TopicModel.DataFrames" Version="$version" /></ItemGroup>
</Project>
XML
dotnet restore "$seed/seed.csproj" -p:RestoreAdditionalProjectSources="$(pwd)/$out" --nologo -v quiet
echo "packed ${ids[*]} $version into $out"
