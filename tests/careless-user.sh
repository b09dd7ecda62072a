#!/usr/bin/env bash
# A careless user against the real `topicmodel` (issue 22): every mistake below must end with the documented exit
# code and a one-line message that names the problem and the path the user gave, never a stack trace or a hidden
# temp file. Prints one line per case and "N passed, N failed"; exits non-zero if any case failed.
#
#   bash tests/careless-user.sh            # builds src/TopicModel.Cli (Release) and trains a 1-trial model in a temp folder
#   CONFIGURATION=Debug bash tests/careless-user.sh   # reuses the Debug build `dotnet test` made (.ci/run does this)
#
# Exit codes (README): 0 ok, 1 finished with rejects, 2 bad input/options/unwritable output, 130 interrupted, 70 a bug.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

configuration=${CONFIGURATION:-Release}
dotnet build src/TopicModel.Cli -c "$configuration" -v quiet -nologo >/dev/null || { echo "build failed"; exit 1; }
dll="$repo/src/TopicModel.Cli/bin/$configuration/net10.0/topicmodel.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
tm() { dotnet "$dll" "$@"; }

passed=0; failed=0
# check NAME CODE PATTERN -- command...: runs the command, wants exit CODE and the message PATTERN (grep -E) in what it
# printed (stderr; stdout too for a command that succeeds), and no stack trace, temp file name or "internal error"
# anywhere in its stderr. Every case names the message it expects: an exit code alone is not enough.
check() {
    local name=$1 want=$2 pattern=$3; shift 4
    [ -n "$pattern" ] || { echo "careless-user.sh: case '$name' has no message pattern" >&2; exit 70; }
    "$@" >"$work/out" 2>"$work/err"
    local code=$?
    local printed=("$work/err")
    [ "$want" -eq 0 ] && printed+=("$work/out")
    if [ "$code" -eq "$want" ] && grep -Eq -- "$pattern" "${printed[@]}" && ! grep -Eq '   at |\.tmp|internal error' "$work/err"; then
        passed=$((passed + 1)); echo "ok    $name (exit $code)"
    else
        failed=$((failed + 1)); echo "FAIL  $name: exit $code (want $want), stderr:"; sed 's/^/      /' "$work/err" | head -5
    fi
}
fact() { # fact NAME CONDITION...: a check on files the previous command left
    local name=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "ok    $name"; else failed=$((failed + 1)); echo "FAIL  $name"; fi
}

held="$repo/data/digests/001_a7ac521b53603ff9.txt"
train="$repo/data/digests/000_97cca7786c7f0218.txt"

# A small model: the shipped data, one AutoML trial, a quick LDA.
cat >recipe.json <<EOF
{
  "seed": 42, "taxonomy": "$repo/data/taxonomy.json",
  "data": { "train": ["$train"], "heldOut": ["$held"], "reviewedLabels": ["$repo/data/labels"], "prepared": "$work/prepared" },
  "automl": { "maxTrials": 1, "folds": 3 },
  "lda": { "enabled": true, "numberOfTopics": 14, "seedFromTaxonomy": true, "maximumNumberOfIterations": 30, "numberOfThreads": 2 },
  "output": { "models": "$work/models", "name": "careless", "reports": "$work/reports" }
}
EOF
check "train a small model" 0 "Model bundle: .*/models/careless.zip" -- tm train -r recipe.json
model="$work/models/careless.zip"

# 1. Outputs that cannot be written.
echo "a file" >notes.txt
check "score -o under a file" 2 "notes.txt/out.jsonl: cannot write: .*notes.txt is a file, not a folder" -- tm score -m "$model" "$held" -o notes.txt/out.jsonl
check "score -o on procfs" 2 "^error: /proc/out.jsonl: cannot write" -- tm score -m "$model" "$held" -o /proc/out.jsonl
check "evaluate --out under a file" 2 "cannot write: .*notes.txt is a file, not a folder" -- tm evaluate -r recipe.json -m "$model" --out notes.txt/report
check "prep --out under a file" 2 "cannot write: .*notes.txt is a file, not a folder" -- tm prep -r recipe.json --out notes.txt/prepared
check "score -o a folder" 2 "it is a folder; give a file name" -- tm score -m "$model" "$held" -o "$work" --format jsonl
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p ro && chmod 555 ro
    check "score -o into a read-only folder" 2 "ro/out.jsonl: cannot write: permission denied" -- tm score -m "$model" "$held" -o ro/out.jsonl
fi

# 2. Scoring to stdout leaves no rejects file behind; a clean run leaves no empty one.
mkdir -p pipe
check "score to stdout" 0 "scored 112 papers" -- bash -c 'cd pipe && exec dotnet "$0" score -m "$1" "$2"' "$dll" "$model" "$held"
fact "stdout gets one record per paper" test "$(wc -l <"$work/out")" -eq 112
fact "stdout run leaves no rejects.jsonl" test ! -e pipe/rejects.jsonl
check "clean run to a file" 0 "scored 112 papers" -- tm score -m "$model" "$held" -o clean.jsonl
fact "clean run leaves no rejects file" test ! -e clean.jsonl.rejects.jsonl

# 3. Command-line mistakes exit 2.
check "score without --model (no train.json here)" 2 "train.json" -- tm score "$held" -o x.jsonl
check "score without inputs" 2 "Required argument 'inputs' missing" -- tm score -m "$model"
check "unknown option" 2 "unknown option '--bogus'" -- tm score -m "$model" --bogus "$held" -o x.jsonl
check "--threads -2" 2 "--threads: must be at least 0" -- tm score -m "$model" "$held" -o x.jsonl --threads -2
check "unknown output extension" 2 "unknown output extension '.xlsx'" -- tm score -m "$model" "$held" -o x.xlsx
check "parquet output" 0 "scored 112 papers" -- tm score -m "$model" "$held" -o x.parquet
fact "parquet magic bytes" test "$(head -c 4 x.parquet)" = "PAR1"
check "train --name with a folder" 2 "--name: '../x' is not a file name" -- tm train -r recipe.json --name ../x

# 4. Folders and globs as inputs.
mkdir -p digests && cp "$held" digests/a.txt && cp "$train" digests/b.txt
check "a folder as input" 0 "scored 328 papers" -- tm score -m "$model" digests -o folder.jsonl
check "a quoted glob as input" 0 "scored 328 papers" -- tm score -m "$model" 'digests/*.txt' -o glob.jsonl
fact "folder and glob give the same bytes" cmp -s folder.jsonl glob.jsonl
mkdir -p empty
check "an empty folder" 2 "the folder holds no digests" -- tm score -m "$model" empty -o x.jsonl

# 5. Inputs with no papers are an error in every format.
printf 'A title about routing in experts\nWe study \xe2\x28\xa1 things in detail.\n' >all-bad.txt
printf '{"title": "only a title"}\nnot json\n' >all-bad.jsonl
check "a digest whose every paper is rejected" 2 "no papers among" -- tm score -m "$model" all-bad.txt -o x.jsonl
check "a JSONL file whose every record is bad" 2 "no papers among" -- tm score -m "$model" all-bad.jsonl -o x.jsonl

# 6. Digest years can be given.
check "--digest-year silences the no-year warning" 0 "^scored 112" -- tm score -m "$model" "$held" -o dated.jsonl --digest-year 2024
fact "no warning with --digest-year" bash -c "! grep -q warning '$work/err'"

# 7. Interrupting a long score keeps what was done; --resume finishes it byte-identically.
for i in $(seq 1 6); do cat "$repo/data/corpus/hf-daily-papers-2025.jsonl"; done >large.jsonl
check "score a large file" 0 "scored 18,0[0-9]{2} papers" -- tm score -m "$model" large.jsonl -o reference.csv --no-topic-mixture
dotnet "$dll" score -m "$model" large.jsonl -o resumed.csv --no-topic-mixture 2>"$work/term.err" &  # not through tm(): $! must be the CLI itself
pid=$!
while [ -z "$(find . -maxdepth 1 -name '.resumed.csv.*.tmp' -size +100k 2>/dev/null)" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
kill -TERM "$pid"; wait "$pid"; code=$?
if [ "$code" -eq 130 ] && grep -Eq "interrupted: kept [0-9,]+ scored records .*resumed.csv.partial" "$work/term.err" && [ -s resumed.csv.partial ]; then
    passed=$((passed + 1)); echo "ok    SIGTERM during score keeps resumed.csv.partial (exit 130)"
else
    failed=$((failed + 1)); echo "FAIL  SIGTERM during score: exit $code"; sed 's/^/      /' "$work/term.err" | head -5
fi
check "--resume continues" 0 "resuming after" -- tm score -m "$model" large.jsonl -o resumed.csv --no-topic-mixture --resume
fact "resumed output equals the uninterrupted one" cmp -s reference.csv resumed.csv
check "--resume with nothing to resume" 2 "nothing to resume" -- tm score -m "$model" "$held" -o fresh.jsonl --resume

# 9. Messages that name the real problem.
printf '{\n  "seed": 42,\n  "data" {}\n}\n' >badjson.json
check "a JSON error has one line number" 2 "badjson.json:3: not valid JSON: .*\(at byte" -- tm prep -r badjson.json
fact "no second, 0-based line number" bash -c "! grep -q LineNumber '$work/err'"
printf 'Title one\nAn abstract long enough to be one.\n' | iconv -t UTF-16 >utf16.txt
check "a UTF-16 file" 2 "UTF-16LE text: save it as UTF-8" -- tm score -m "$model" utf16.txt -o x.jsonl
printf 'title\tabstract\nA\tB\n' >papers.tsv
check "a .tsv file" 2 "unsupported format '.tsv'" -- tm score -m "$model" papers.tsv -o x.jsonl
check "topics defaults to the recipe's model" 0 "LDA topics \(14, " -- tm topics -r recipe.json

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
