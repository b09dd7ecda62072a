#!/usr/bin/env bash
# Does the fold-in method change the shipped classifier's quality? Trains the shipped recipe's pipeline (train.json
# with AutoML cut to its initial configuration, maxTrials 1, so both runs fit the same pipeline) once per LDA fold-in
# method and seed (the recipe seed: LDA fit, folds and trainer), then evaluates each bundle on the held-out digest.
# Prints the dev objective (cross-validated, what `train` prints), dev macro-F1, held-out and forward (later months)
# macro-F1 / micro-accuracy per method and seed, then the means over the seeds.
#
#   bash bench/fold_in_quality.sh                 # METHODS="gibbs cvb0" SEEDS="42 43 44"
# Outputs in bench/out/fold-in-quality/ (git-ignored).
set -euo pipefail

# ROOT: the checkout whose CLI is built and trained (default: this one), e.g. another build to compare against.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
OUT=${OUT:-"$ROOT/bench/out/fold-in-quality"}
METHODS=${METHODS:-"gibbs cvb0"}
SEEDS=${SEEDS:-"42 43 44"}
TOLERANCE=${TOLERANCE:-}   # lda.inferenceTolerance for cvb0; empty: the recipe's (or the default)
die() { echo "fold_in_quality.sh: $*" >&2; exit 2; }
mkdir -p "$OUT"

dotnet build -c Release --nologo -v quiet "$ROOT/src/TopicModel.Cli" >/dev/null || die "CLI build failed"
TM="$ROOT/src/TopicModel.Cli/bin/Release/net10.0/topicmodel"

{
printf '%-8s %6s %10s %12s %16s %18s %16s %18s %8s\n' method seed dev_score dev_macro_f1 heldout_macro_f1 heldout_micro_acc forward_macro_f1 forward_micro_acc train_s
for seed in $SEEDS; do
for method in $METHODS; do
    name="$method-$seed"
    /usr/bin/python3 - "$ROOT" "$OUT" "$method" "$seed" "$TOLERANCE" <<'PY'
import json, os, re, sys
root, out, method, seed, tolerance = sys.argv[1:]
name = f"{method}-{seed}"
text = open(os.path.join(root, "train.json"), encoding="utf-8").read()
recipe = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.M))
recipe.pop("$schema", None)
recipe["taxonomy"] = os.path.join(root, recipe["taxonomy"])
for key in ("train", "heldOut", "forward", "unlabeled", "reviewedLabels"):
    recipe["data"][key] = [os.path.join(root, p) for p in recipe["data"].get(key, [])]
recipe["seed"] = int(seed)
recipe["data"]["prepared"] = os.path.join(out, "prepared-" + name)
recipe["automl"]["maxTrials"] = 1
recipe["automl"].pop("timeBudgetSeconds", None)
recipe["lda"]["inference"] = method
if tolerance: recipe["lda"]["inferenceTolerance"] = float(tolerance)
recipe["output"] = {"models": os.path.join(out, "models"), "name": name, "reports": os.path.join(out, "reports")}
json.dump(recipe, open(os.path.join(out, f"train-{name}.json"), "w"), indent=2)
PY
    start=$(date +%s)
    "$TM" train --recipe "$OUT/train-$name.json" > "$OUT/train-$name.log" 2>&1 || die "training ($name) failed, see $OUT/train-$name.log"
    seconds=$(( $(date +%s) - start ))
    "$TM" evaluate --model "$OUT/models/$name.zip" --recipe "$OUT/train-$name.json" --out "$OUT/reports/$name" > "$OUT/evaluate-$name.log" 2>&1 \
        || die "evaluate ($name) failed, see $OUT/evaluate-$name.log"
    /usr/bin/python3 - "$OUT" "$method" "$seed" "$seconds" <<'PY'
import json, sys
out, method, seed, seconds = sys.argv[1:]
name = f"{method}-{seed}"
board = json.load(open(f"{out}/models/{name}.leaderboard.json"))
best = max(board["trials"], key=lambda t: t["score"])
metrics = json.load(open(f"{out}/reports/{name}/metrics.json"))
def find(d, *names):
    for n in names:
        if n in d: return d[n]
    for v in d.values():
        if isinstance(v, dict):
            r = find(v, *names)
            if r is not None: return r
    return None
def value(x): return x["value"] if isinstance(x, dict) and "value" in x else x
f1 = value(find(metrics, "macroF1", "MacroF1"))
acc = value(find(metrics, "microAccuracy", "MicroAccuracy"))
forward = json.load(open(f"{out}/reports/{name}/forward/metrics.json"))
ff1 = value(find(forward, "macroF1", "MacroF1"))
facc = value(find(forward, "microAccuracy", "MicroAccuracy"))
print(f"{method:<8} {seed:>6} {best['score']:10.4f} {best['metrics']['macroF1']:12.4f} {f1:16.4f} {acc:18.4f} {ff1:16.4f} {facc:18.4f} {seconds:>8}")
PY
done
done
} | tee "$OUT/summary.txt"
awk 'NR > 1 { n[$1]++; d[$1] += $3; f[$1] += $4; h[$1] += $5; a[$1] += $6; g[$1] += $7; b[$1] += $8 }
     END { for (m in n) printf "%-8s %6s %10.4f %12.4f %16.4f %18.4f %16.4f %18.4f\n", m, "mean", d[m] / n[m], f[m] / n[m], h[m] / n[m], a[m] / n[m], g[m] / n[m], b[m] / n[m] }' \
    "$OUT/summary.txt" | sort | tee -a "$OUT/summary.txt"
