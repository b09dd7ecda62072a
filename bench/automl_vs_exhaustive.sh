#!/usr/bin/env bash
# Issue 5's check: does a 60-second cost-frugal search find a pipeline within 0.01 (dev score) of the
# best an exhaustive grid finds over the same space? Also runs random search on the same budget.
# The space is the declared one with most dimensions fixed, so the grid stays exhaustive in minutes:
# trainer (3) × ruleWeight × labelModelBlend × taxonomyPriorWeight (gridSteps values each).
# Usage: bash bench/automl_vs_exhaustive.sh [seconds=60] [gridSteps=3]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
steps=${2:-3}
out=bench/out/automl
mkdir -p "$out"
dotnet build src/TopicModel.Cli -c Release -v q -nologo >/dev/null

recipe() { # name tuner budget-json
  python3 - "$@" <<'PY'
import json, sys, os
name, tuner, budget = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
r = json.load(open('train.json'))
r.pop('$schema', None)
root = os.getcwd()
r['taxonomy'] = os.path.join(root, r['taxonomy'])
for k in ('train', 'heldOut', 'unlabeled', 'reviewedLabels'):
    r['data'][k] = [os.path.join(root, p) for p in r['data'].get(k, [])]
r['data']['prepared'] = os.path.join(root, 'bench/out/automl/prepared')
r['lda'] = {'enabled': False}
r['output'] = {'models': os.path.join(root, 'bench/out/automl'), 'name': name, 'reports': os.path.join(root, 'bench/out/automl/reports')}
space = {
    'featurizer.maxWordNgramLength': 1, 'featurizer.charNgrams': 'off', 'featurizer.minDocumentCount': 2, 'featurizer.titleWeight': '1',
    'trainer': ['SdcaMaximumEntropy', 'NaiveBayes', 'OneVersusAll'],
    'SdcaMaximumEntropy.l2Regularization': 1e-4,
    'NaiveBayes.variant': 'Complement', 'NaiveBayes.alpha': 1e-2, 'NaiveBayes.fitPriors': 'false', 'NaiveBayes.normalizeWeights': 'true',
    'OneVersusAll.lambda': 1e-3, 'classBalance': 0,
    'ruleWeight': {'min': 0, 'max': 4}, 'taxonomyPriorWeight': {'min': 0, 'max': 10},
    'LbfgsMaximumEntropy.l2Regularization': 0.1, 'LbfgsMaximumEntropy.l1Regularization': 0,
    'poolWeight': 0, 'selfTraining': 'off', 'selfTrainingThreshold': 0.9, 'selfTrainingWeight': 0.5,
}
r['automl'] = dict(budget, tuner=tuner, folds=5, searchSpace=space)
json.dump(r, open(f'bench/out/automl/{name}.json', 'w'), indent=1)
PY
}

run() { # name
  local start end
  start=$(date +%s.%N)
  dotnet run --project src/TopicModel.Cli -c Release --no-build -- train --recipe "$out/$1.json" > "$out/$1.log" 2>&1 || { echo "$1 failed, see $out/$1.log"; exit 1; }
  end=$(date +%s.%N)
  python3 - "$1" "$start" "$end" <<'PY'
import json, sys
name, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
board = json.load(open(f'bench/out/automl/{name}.leaderboard.json'))
trials = [t for t in board['trials'] if t['score'] is not None]
best = max(trials, key=lambda t: t['score'])
print(f"{name:12s} trials {len(board['trials']):4d}  wall {end - start:7.1f} s  best score {best['score']:.4f}  "
      f"(macro-F1 {best['metrics']['macroF1']:.4f})  {board['stopReason']}")
print(f"{'':12s} best pipeline: " + '; '.join(f'{k}={v}' for k, v in best['configuration'].items()))
PY
}

recipe grid grid "{\"maxTrials\": 100000, \"gridSteps\": $steps}"
recipe costfrugal costFrugal "{\"timeBudgetSeconds\": $seconds}"
recipe random random "{\"timeBudgetSeconds\": $seconds}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
run costfrugal
run random
run grid
