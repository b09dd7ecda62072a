#!/usr/bin/env bash
# Checks HTML pages with notebook outputs (the exported notebook apps' pages, and executed notebooks converted with
# `jupyter nbconvert --to html`): headless Chromium loads each page with the network blocked (every host lookup
# fails) and every Plotly.NET chart on it must have been drawn (a plot container in the rendered DOM per chart div
# in the page), so a page whose charts need a CDN fails.
# usage: check_pages.sh PAGE.html...
set -uo pipefail
status=0
for page in "$@"; do
  charts=$(grep -o 'Plotly chart will be drawn inside this DIV' "$page" | wc -l)
  tables=$(grep -o '<table[ >]' "$page" | wc -l)
  profile=$(mktemp -d)
  dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$profile" \
    --virtual-time-budget=20000 --dump-dom "file://$(realpath "$page")" 2>/dev/null)
  rm -rf "$profile"
  drawn=$(grep -o 'class="plot-container plotly"' <<<"$dom" | wc -l)
  echo "$page: $tables tables, $charts charts, $drawn drawn (network blocked)"
  if [ "$charts" -lt 1 ] || [ "$tables" -lt 1 ] || [ "$drawn" -ne "$charts" ]; then
    echo "error: $page: expected at least one table and one chart, and every chart drawn offline"
    status=1
  fi
done
exit $status
