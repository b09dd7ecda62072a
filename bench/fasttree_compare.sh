#!/usr/bin/env bash
# Issue 7's benchmark: FastTree against XGBoost 1.7 (tree_method=hist, lossguide growth, same trees, leaves,
# learning rate, 255 bins, lambda 1, no minimum child weight) on identical svmlight features: the seed digests
# (train 000_, test 001_, taxonomy keyword labels) and the 22k arXiv listings (first category as label, hashed
# tf-idf). The two trainers run alternately, `repeats` times each, so machine load hits both alike; each run
# records fit time (excluding data loading) as wall clock and as the process's CPU time (user + system, all
# threads; with one thread on a loaded machine it is the closer measure of the work done), the whole process's
# peak RSS, held-out macro-F1 and the 1-minute load average when it started; the summary gives medians and ratios.
# Besides the timed pair it runs, once each for macro-F1 only: XGBoost on FastTree's exact objective (hessian
# p(1-p), log-prior start; bench/fasttree_compare.py), FastTree with the trainer's default 10-example leaves, and
# FastTree with XGBoost's step sizes (half the learning rate and λ, the same leaf values as a 2p(1-p) hessian).
# XGB_OBJECTIVE_RUN=0 skips the XGBoost run on FastTree's objective (on arXiv it costs as much as a timed run).
# Needs python3-xgboost (Debian), run with /usr/bin/python3.
# Usage: bash bench/fasttree_compare.sh [data=seed,arxiv] [trees=100] [leaves=20] [lr=0.2] [minLeaf=1] [threads=2] [repeats=3]
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=${1:-seed,arxiv}; trees=${2:-100}; leaves=${3:-20}; lr=${4:-0.2}; minleaf=${5:-1}; threads=${6:-2}; repeats=${7:-3}
out=bench/out/fasttree
corpus=${ARXIV_LISTINGS:-../shared/corpus/arxiv-cs-listings.jsonl}
[ -f "$corpus" ] || corpus=../../shared/corpus/arxiv-cs-listings.jsonl   # from a git worktree under wt/
dotnet build bench/TopicModel.Bench -c Release -v q -nologo >/dev/null
bin=bench/TopicModel.Bench/bin/Release/net10.0/TopicModel.Bench
py=/usr/bin/python3

run() { # data label rep prediction-file command...
  local data=$1 label=$2 rep=$3 pred=$4; shift 4
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$@" > $out/$data/run.out 2> $out/$data/run.time
  local secs cpu rss f1
  secs=$(grep -o ' fit_seconds=[0-9.]*' $out/$data/run.out | cut -d= -f2)
  cpu=$(grep -o 'fit_cpu_seconds=[0-9.]*' $out/$data/run.out | cut -d= -f2)
  rss=$(grep "Maximum resident" $out/$data/run.time | awk '{printf "%.0f", $NF/1024}')
  f1=$($py bench/fasttree_compare.py score $out/$data $pred)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$data" "$label" "$rep" "$secs" "$cpu" "$rss" "$f1" "$load" | tee -a $out/runs.tsv
}

stamp=$(date -u +%FT%TZ)
mkdir -p $out
echo "# $stamp trees=$trees leaves=$leaves lr=$lr minLeaf=$minleaf threads=$threads repeats=$repeats" >> $out/runs.tsv
for data in ${datasets//,/ }; do
  if [ ! -f $out/$data/meta.txt ]; then
    if [ $data = seed ]; then $bin fasttree-export seed $out/seed; else $bin fasttree-export arxiv "$corpus" $out/arxiv 14; fi
  fi
  for rep in $(seq 1 $repeats); do
    run $data FastTree $rep fasttree.pred $bin fasttree-fit $out/$data $trees $leaves $lr $minleaf $threads
    run $data XGBoost $rep xgb-builtin.pred $py bench/fasttree_compare.py xgb $out/$data $trees $leaves $lr $minleaf $threads builtin
  done
  [ "${XGB_OBJECTIVE_RUN:-1}" = 0 ] || run $data "XGBoost, FastTree's objective" 1 xgb-fasttree.pred $py bench/fasttree_compare.py xgb $out/$data $trees $leaves $lr $minleaf $threads fasttree
  [ "$minleaf" = 10 ] || run $data "FastTree, minLeaf 10" 1 fasttree.pred $bin fasttree-fit $out/$data $trees $leaves $lr 10 $threads
  # XGBoost's hessian 2p(1-p) gives leaf values -G/(2H+λ) = -(G/2)/(H+λ/2): FastTree with half the rate and half the λ takes its steps.
  run $data "FastTree, XGBoost's step (lr/2, λ/2)" 1 fasttree.pred $bin fasttree-fit $out/$data $trees $leaves $(awk "BEGIN{print $lr/2}") $minleaf $threads 0.5
done
$py bench/fasttree_compare.py summary $out/runs.tsv "$stamp"
