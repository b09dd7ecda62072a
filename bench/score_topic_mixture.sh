#!/usr/bin/env bash
# What the topic mixture costs `topicmodel score`: trains a bundle with the shipped recipe (AutoML cut to its
# initial configuration plus 2 trials, LDA as shipped: 14 seeded topics, 200 sweeps), then scores the 22k arXiv
# listings (../shared/corpus/arxiv-cs-listings.jsonl, read in place) with and without --no-topic-mixture,
# alternating, REPEATS times each. Prints wall seconds, papers per second (wall) and per CPU-second, peak RSS.
#
#   bash bench/score_topic_mixture.sh            # REPEATS=3; TOPICMODEL_CORPUS=DIR to point at the corpus
# Outputs in bench/out/score-mixture/ (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/bench/out/score-mixture"
REPEATS=${REPEATS:-3}
die() { echo "score_topic_mixture.sh: $*" >&2; exit 2; }

# shellcheck source=bench/find_corpus.sh
source "$ROOT/bench/find_corpus.sh"
corpus=$(find_corpus)
INPUT="$corpus/arxiv-cs-listings.jsonl"
mkdir -p "$OUT"

dotnet build -c Release --nologo -v quiet "$ROOT/src/TopicModel.Cli" >/dev/null || die "CLI build failed"
TM="$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel"

BUNDLE="$OUT/models/score-mixture.zip"
if [[ ! -f "$BUNDLE" ]]; then
    /usr/bin/python3 - "$ROOT" "$OUT" <<'PY'
import json, os, re, sys
root, out = sys.argv[1:]
text = open(os.path.join(root, "train.json"), encoding="utf-8").read()
recipe = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
recipe.pop("$schema", None)
recipe["taxonomy"] = os.path.join(root, recipe["taxonomy"])
for key in ("train", "heldOut", "unlabeled", "reviewedLabels"):
    recipe["data"][key] = [os.path.join(root, p) for p in recipe["data"].get(key, [])]
recipe["data"]["prepared"] = os.path.join(out, "prepared")
recipe["automl"]["maxTrials"] = 3
recipe["automl"].pop("timeBudgetSeconds", None)
recipe["output"] = {"models": os.path.join(out, "models"), "name": "score-mixture", "reports": os.path.join(out, "reports")}
json.dump(recipe, open(os.path.join(out, "train.json"), "w"), indent=2)
PY
    "$TM" train --recipe "$OUT/train.json" > "$OUT/train.log" 2>&1 || die "training failed, see $OUT/train.log"
fi

printf '%-22s %6s %9s %10s %12s %8s %s\n' run wall_s papers "papers/s" "papers/cpu-s" rss_mb load
for r in $(seq 1 "$REPEATS"); do
    for mode in with without; do
        flag=(); [[ $mode == without ]] && flag=(--no-topic-mixture)
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f "%e %U %S %M" -o "$OUT/$mode-$r.time" "$TM" score -m "$BUNDLE" "$INPUT" -o "$OUT/$mode-$r.jsonl" "${flag[@]}" 2> "$OUT/$mode-$r.log"
        read -r wall user sys rss < "$OUT/$mode-$r.time"
        n=$(wc -l < "$OUT/$mode-$r.jsonl")
        awk -v m="$mode-mixture-$r" -v w="$wall" -v u="$user" -v s="$sys" -v n="$n" -v rss="$rss" -v l="$load" \
            'BEGIN { printf "%-22s %6.2f %9d %10.0f %12.0f %8.0f %s\n", m, w, n, n / w, n / (u + s), rss / 1024, l }'
    done
done | tee "$OUT/summary.txt"
