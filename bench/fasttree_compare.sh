#!/usr/bin/env bash
# Issue 7's benchmark: FastTree against XGBoost (tree_method=hist, lossguide growth, same trees, leaves,
# learning rate, 255 bins, lambda 1) on identical svmlight features: (a) the 22k arXiv listings, first
# category as label, hashed tf-idf; (b) the seed digests (train 000_, test 001_, taxonomy keyword labels).
# Prints fit time (excluding data loading), peak RSS of the whole process and held-out macro-F1.
# Needs python3-xgboost (Debian), run with /usr/bin/python3. Usage: bash bench/fasttree_compare.sh [trees=100] [leaves=20] [lr=0.2] [minLeaf=10] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
trees=${1:-100}; leaves=${2:-20}; lr=${3:-0.2}; minleaf=${4:-10}; threads=${5:-2}
out=bench/out/fasttree
dotnet build bench/TopicModel.Bench -c Release -v q -nologo >/dev/null
bin=bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench
[ -f $out/seed/meta.txt ] || $bin fasttree-export seed $out/seed
[ -f $out/arxiv/meta.txt ] || $bin fasttree-export arxiv ../shared/corpus/arxiv-cs-listings.jsonl $out/arxiv 14

peak() { grep "Maximum resident" "$1" | awk '{printf "%.0f MB", $NF/1024}'; }
for data in seed arxiv; do
  /usr/bin/time -v $bin fasttree-fit $out/$data $trees $leaves $lr $minleaf $threads > $out/$data/ft.out 2> $out/$data/ft.time
  /usr/bin/time -v /usr/bin/python3 bench/fasttree_compare.py xgb $out/$data $trees $leaves $lr $minleaf $threads > $out/$data/xgb.out 2> $out/$data/xgb.time
  echo "$data FastTree: $(cat $out/$data/ft.out) peak=$(peak $out/$data/ft.time) $(/usr/bin/python3 bench/fasttree_compare.py score $out/$data fasttree.pred)"
  echo "$data XGBoost:  $(cat $out/$data/xgb.out) peak=$(peak $out/$data/xgb.time) $(/usr/bin/python3 bench/fasttree_compare.py score $out/$data xgb.pred)"
done
