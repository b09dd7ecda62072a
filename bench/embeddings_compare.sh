#!/usr/bin/env bash
# Sentence-embedding features (issue 18, item 2): train.json's pipeline with and without sentence vectors, selected by
# the dev objective only, then evaluated on the held-out 2024 digest and the forward 2026 test set.
#
#   bash bench/embeddings_compare.sh
#
# Runs, each `train` (seed 42, a trial limit: reproducible) then `evaluate`:
#   enc-none     the shipped starting pipeline, no encoder (1 trial)
#   enc-minilm   the same + MiniLM vectors (1 trial; the first run fills the cache, ~2 min on an idle 2-core machine)
#   enc-arctic   the same + ArcticXs vectors (1 trial; fills its cache)
#   enc-all      search over encoder none/MiniLM/ArcticXs and embeddingWeight, starting from the three above (6 trials)
#   enc-norules  the shipped pipeline without rule features or rule blend, classBalance 1, with each encoder (4 trials)
# Outputs (git-ignored): bench/out/enc/{recipes,models,reports}, train-*.log, eval-*.log, times.txt.
# Vectors are cached in ~/.cache/topicmodel/embeddings (or $TOPICMODEL_CACHE); delete it to time a first run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out/enc
mkdir -p "$OUT/recipes"
dotnet build src/TopicModel.Cli -c Release -v quiet -nologo >/dev/null
CLI=$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel

python3 - "$ROOT" "$OUT" <<'PY'
import json, os, sys
root, out = sys.argv[1:]
base = json.load(open(os.path.join(root, "train.json")))
base.pop("$schema", None)
base["taxonomy"] = os.path.join(root, base["taxonomy"])
for key in ("train", "heldOut", "forward", "unlabeled", "reviewedLabels"):
    base["data"][key] = [os.path.join(root, f) for f in base["data"].get(key, [])]
start = base["automl"]["initialConfigurations"][0]
plain = dict(start, labelModelBlend=0, ruleWeight=0, classBalance=1, embeddingWeight=2)
runs = {
    "enc-none": (None, 1, [start]),
    "enc-minilm": (["MiniLM"], 1, [start]),
    "enc-arctic": (["ArcticXs"], 1, [start]),
    "enc-all": (["none", "MiniLM", "ArcticXs"], 6, [dict(start, encoder=e) for e in ("MiniLM", "ArcticXs", "none")]),
    "enc-norules": (["none", "MiniLM", "ArcticXs"], 4, [dict(plain, encoder=e) for e in ("ArcticXs", "MiniLM", "none")]),
}
for name, (encoders, trials, initial) in runs.items():
    r = json.loads(json.dumps(base))
    r["data"]["prepared"] = os.path.join(out, name, "prepared")
    r["output"] = {"models": os.path.join(out, "models"), "name": name, "reports": os.path.join(out, "reports")}
    r["automl"].update(timeBudgetSeconds=3600, maxTrials=trials, initialConfigurations=initial)
    if encoders:
        r["automl"]["searchSpace"]["encoder"] = encoders
    json.dump(r, open(os.path.join(out, "recipes", name + ".json"), "w"), indent=1)
PY

for name in enc-none enc-minilm enc-arctic enc-all enc-norules; do
  start=$(date +%s)
  "$CLI" train --recipe "$OUT/recipes/$name.json" > "$OUT/train-$name.log" 2>&1
  echo "$name: train $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/times.txt"
  "$CLI" evaluate --recipe "$OUT/recipes/$name.json" > "$OUT/eval-$name.log" 2>&1
  grep -E "^trial [0-9]+:" "$OUT/train-$name.log"
  grep -E "metrics:|MicroAccuracy|macro-F1 |hit rate" "$OUT/eval-$name.log"
done
