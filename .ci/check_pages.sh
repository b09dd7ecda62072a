#!/usr/bin/env bash
# Checks the pages the exported notebook apps wrote: headless Chromium loads each page offline and every Plotly.NET
# chart on it must have been drawn (a plot container in the rendered DOM per chart div in the page).
# usage: check_pages.sh PAGE.html...
set -uo pipefail
status=0
for page in "$@"; do
  charts=$(grep -o 'Plotly chart will be drawn inside this DIV' "$page" | wc -l)
  tables=$(grep -o '<table>' "$page" | wc -l)
  dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=20000 --dump-dom "file://$(realpath "$page")" 2>/dev/null)
  drawn=$(grep -o 'class="plot-container plotly"' <<<"$dom" | wc -l)
  echo "$page: $tables tables, $charts charts, $drawn drawn"
  if [ "$charts" -lt 1 ] || [ "$tables" -lt 1 ] || [ "$drawn" -ne "$charts" ]; then
    echo "error: $page: expected at least one table and one chart, and every chart drawn"
    status=1
  fi
  if grep -q '<script src=\|requirejs.config' "$page"; then echo "error: $page loads a script from elsewhere: not offline"; status=1; fi
done
exit $status
