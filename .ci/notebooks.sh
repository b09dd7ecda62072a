#!/usr/bin/env bash
# Runs the notebooks the way users do, twice: in the real .NET Interactive kernel hosted by `topicmodel notebook run`,
# and through Jupyter (`nbconvert --execute`) with the dotnet-interactive kernel; then checks the executed notebooks
# (.ci/check_notebooks.py: valid, no failed cell, and both runs' outputs equal value by value) and that the check
# fails on a real difference (--self-test); converts the Jupyter-executed notebooks to HTML (`nbconvert --to html`)
# and checks that headless Chromium draws every chart with the network blocked; then exports each notebook as a C#
# file-based app, runs it and checks its page the same way.
# Needs what .ci/install.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools"
out=artifacts/notebooks
rm -rf "$out"
mkdir -p "$out/in-process" "$out/jupyter"

bash notebooks/pack.sh
dotnet build src/TopicModel.Cli -c Release --nologo -v quiet
notebooks=(notebooks/0*.ipynb)

status=0
dotnet run --project src/TopicModel.Cli -c Release --no-build -- notebook run "${notebooks[@]}" --out "$out/in-process" || status=1
# --allow-errors: write the failed notebook, so the check below can print the cell and the compiler's message.
for notebook in "${notebooks[@]}"; do
  /usr/bin/jupyter nbconvert --to notebook --execute --allow-errors --ExecutePreprocessor.kernel_name=.net-csharp \
    --ExecutePreprocessor.timeout=900 --output-dir "$out/jupyter" "$notebook" 2>&1 | grep -v '^info: \|^      \|Debugger warning\|frozen modules\|PYDEVD\|^0\.00s' || true
  [ -f "$out/jupyter/$(basename "$notebook")" ] || { echo "error: jupyter did not run $notebook"; status=1; }
done
/usr/bin/python3 .ci/check_notebooks.py "$out/in-process" "$out/jupyter" || status=1
/usr/bin/python3 .ci/check_notebooks.py --self-test "$out/in-process" "$out/jupyter" || status=1

# The executed notebooks as a reader gets them offline: converted to HTML, every chart drawn with no network.
/usr/bin/jupyter nbconvert --to html --output-dir "$out/html" "$out"/jupyter/*.ipynb 2>&1 | grep -v 'Debugger warning\|frozen modules\|PYDEVD\|^0\.00s' || true
bash .ci/check_pages.sh "$out"/html/*.html || status=1

# The path that outlives the kernel: each notebook exported as a C# file-based app, run with `dotnet run`, its page
# checked in headless Chromium.
mkdir -p "$out/apps"
pages=()
for notebook in "${notebooks[@]}"; do
  name=$(basename "$notebook" .ipynb)
  dotnet run --project src/TopicModel.Cli -c Release --no-build -- notebook export "$notebook" -o "$out/apps/$name.cs" || { status=1; continue; }
  (cd "$out/apps" && dotnet run "$name.cs" -- "../$name.html") || { echo "error: the exported $name.cs failed"; status=1; continue; }
  pages+=("$out/$name.html")
done
((${#pages[@]})) && { bash .ci/check_pages.sh "${pages[@]}" || status=1; }
exit $status
