#!/usr/bin/env python3
"""Side-by-side classifier quality: our AutoML model vs the rules, scikit-learn and fastText.

Benchmark-only helper for bench/compare_classifiers.sh (issue 5). Python is never a runtime
dependency of the product. Needs python3-sklearn (numpy, scipy) and the fasttext CLI.

Subcommands
  folds     write the 5 cross-validation folds over the reviewed 2025 papers (JSONL digests our CLI reads)
  heldout   train the baselines on the training papers of a prepared papers.jsonl, score the non-leaked
            held-out papers, add our model's scores, print and write the table
  cv        the same over the cross-validation folds (one prepared papers.jsonl + our scores per fold)

Training papers are selected exactly as TopicModel.Training.Pipelines.TrainingRun.Corpus does: papers
not in the held-out split and whose id is not a held-out id, each id once; of those the training-split
papers (reviewed label where there is one, else weak) and the reviewed papers of the unlabeled files.
Test papers are the held-out papers whose id does not occur in any other split (the 19 shared
training/held-out papers are left out), scored against their reviewed labels.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SEED = 42
RESAMPLES = 1000
# fastText as issue 18's user ran it: 50 epochs, unigrams (its other settings as FASTTEXT_ARGS).
FASTTEXT_UNIGRAM_ARGS = ["-epoch", "50", "-lr", "1.0", "-wordNgrams", "1", "-dim", "100", "-minCount", "1",
                         "-loss", "softmax", "-thread", "1", "-seed", "42", "-verbose", "0"]
FASTTEXT_ARGS = ["-epoch", "25", "-lr", "1.0", "-wordNgrams", "2", "-dim", "100", "-bucket", "200000", "-minCount", "1",
                 "-loss", "softmax", "-thread", "1", "-seed", str(SEED), "-verbose", "0"]
OURS = "ours (AutoML, train.json)"
TEACHER = "ours, teacher (score --accurate)"


# ---------------------------------------------------------------- data

def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def text(p: dict) -> str:
    return f"{p['title']}. {p['abstract']}"


def training_papers(papers: list[dict]) -> list[dict]:
    held = {p["id"] for p in papers if p["split"] == "heldOut"}
    seen, out = set(), []
    for p in papers:
        if p["split"] == "heldOut" or p["id"] in held or p["id"] in seen:
            continue
        seen.add(p["id"])
        if p["split"] == "train" or p["labelSource"] == "reviewed":
            out.append(p)
    return out


def test_papers(papers: list[dict], digest: str | None = None) -> list[dict]:
    # A held-out paper also in a training file is leaked and left out (as `evaluate` does); one that is only
    # in the unlabeled pool file (the CV folds are cut from it) never trained: training drops held-out ids.
    other = {p["id"] for p in papers if p["split"] == "train"}
    seen, out = set(), []
    for p in papers:
        if p["split"] != "heldOut" or p["id"] in other or p["id"] in seen:
            continue
        if digest is not None and p["digest"] not in digest.split(","):
            continue
        if p["labelSource"] != "reviewed":
            sys.exit(f"error: held-out paper {p['id']} has no reviewed label; the benchmark scores reviewed labels only")
        seen.add(p["id"])
        out.append(p)
    return out


# ---------------------------------------------------------------- baselines

def read_vectors(path: Path) -> dict[str, np.ndarray]:
    """Sentence vectors by paper id, as `TopicModel.Bench embed-export` writes them (our encoder, our cache)."""
    return {r["id"]: np.asarray(r["vector"], dtype=np.float32) for r in read_jsonl(path)}


def sklearn_systems(train: list[dict], test: list[dict], tune_lr: bool,
                    vectors: dict[str, np.ndarray] | None = None, encoder: str = "", weight: float = 0.5) -> dict[str, list[str]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV, StratifiedKFold
    from sklearn.pipeline import Pipeline
    from sklearn.svm import LinearSVC
    import warnings
    warnings.filterwarnings("ignore")  # rare classes (< 5 papers) warn in StratifiedKFold

    x_train = [text(p) for p in train]
    y_train = [p["topic"] for p in train]
    x_test = [text(p) for p in test]

    def tfidf():
        return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True, min_df=1)

    systems = {
        "TF-IDF + LogisticRegression (C=1)": Pipeline([("tfidf", tfidf()), ("clf", LogisticRegression(C=1.0, solver="sag", max_iter=5000, random_state=SEED))]),
        "TF-IDF + LinearSVC (C=1)": Pipeline([("tfidf", tfidf()), ("clf", LinearSVC(C=1.0))]),
        # Class-balanced, as a user who reads the scikit-learn docs on imbalanced classes would train it (issue 18).
        "TF-IDF + LinearSVC balanced (C=1)": Pipeline([("tfidf", tfidf()), ("clf", LinearSVC(C=1.0, class_weight="balanced"))]),
        "TF-IDF + LinearSVC balanced (C=0.1)": Pipeline([("tfidf", tfidf()), ("clf", LinearSVC(C=0.1, class_weight="balanced"))]),
    }
    # What a careful user does next: tune C and class weights by 5-fold CV on the training papers only.
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    grid = {"clf__C": [0.1, 0.3, 1, 3, 10, 30, 100], "clf__class_weight": [None, "balanced"]}
    systems["TF-IDF + LinearSVC (CV-tuned)"] = GridSearchCV(
        Pipeline([("tfidf", tfidf()), ("clf", LinearSVC())]), grid, scoring="f1_macro", cv=folds, n_jobs=1)
    if tune_lr:  # LogisticRegression fits are ~100x slower than LinearSVC here: a smaller grid, 3 folds
        lr_grid = {"clf__C": [1, 10, 100], "clf__class_weight": [None, "balanced"]}
        systems["TF-IDF + LogisticRegression (CV-tuned)"] = GridSearchCV(
            Pipeline([("tfidf", tfidf()), ("clf", LogisticRegression(solver="sag", max_iter=5000, random_state=SEED))]),
            lr_grid, scoring="f1_macro", cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED), n_jobs=1)

    inputs = {name: (x_train, x_test) for name in systems}
    if vectors is not None:
        # The embedding baseline: TF-IDF 1-2-grams beside the sentence vector times a fixed weight, C and
        # class weights tuned by the same CV.
        from scipy.sparse import csr_matrix, hstack
        from sklearn.base import BaseEstimator, TransformerMixin

        class TfidfPlusVectors(BaseEstimator, TransformerMixin):
            def __init__(self, weight: float = 0.5):
                self.weight = weight

            def fit(self, rows, y=None):
                self.tfidf_ = tfidf().fit([t for t, _ in rows])
                return self

            def transform(self, rows):
                dense = np.stack([v for _, v in rows]) * self.weight
                return hstack([self.tfidf_.transform([t for t, _ in rows]), csr_matrix(dense)]).tocsr()

        missing = [p["id"] for p in train + test if p["id"] not in vectors]
        if missing:
            sys.exit(f"error: {len(missing)} papers have no vector in the embeddings file (first: {missing[0]}); export every input file")
        name = f"TF-IDF + {encoder} ×{weight:g} + LinearSVC (CV-tuned)"
        systems[name] = GridSearchCV(Pipeline([("features", TfidfPlusVectors(weight)), ("clf", LinearSVC())]),
                                     grid, scoring="f1_macro", cv=folds, n_jobs=1)
        inputs[name] = ([(text(p), vectors[p["id"]]) for p in train], [(text(p), vectors[p["id"]]) for p in test])

    out, chosen = {}, {}
    for name, model in systems.items():
        x_fit, x_score = inputs[name]
        model.fit(x_fit, y_train)
        out[name] = list(model.predict(x_score))
        if hasattr(model, "best_params_"):
            chosen[name] = {k.removeprefix("clf__"): v for k, v in model.best_params_.items()}
    return out, chosen


_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def fasttext_line(p: dict) -> str:
    return " ".join(_TOKEN.findall(text(p).lower()))


def fasttext_system(train: list[dict], test: list[dict], workdir: Path, args: list[str] = FASTTEXT_ARGS) -> list[str]:
    workdir.mkdir(parents=True, exist_ok=True)
    train_file, test_file, model = workdir / "train.txt", workdir / "test.txt", workdir / "model"
    train_file.write_text("".join(f"__label__{p['topic']} {fasttext_line(p)}\n" for p in train), encoding="utf-8")
    test_file.write_text("".join(f"{fasttext_line(p)}\n" for p in test), encoding="utf-8")
    subprocess.run(["fasttext", "supervised", "-input", str(train_file), "-output", str(model), *args],
                   check=True, stdout=subprocess.DEVNULL)
    result = subprocess.run(["fasttext", "predict", str(model) + ".bin", str(test_file)],
                            check=True, capture_output=True, text=True)
    labels = [line.strip().removeprefix("__label__") for line in result.stdout.splitlines()]
    if len(labels) != len(test):
        sys.exit(f"error: fastText predicted {len(labels)} labels for {len(test)} papers")
    for f in (train_file, test_file, Path(str(model) + ".bin"), Path(str(model) + ".vec")):
        f.unlink(missing_ok=True)
    return labels


def ours(test: list[dict], scored_paths: list[Path]) -> list[str]:
    by_id = {}
    for path in scored_paths:
        for s in read_jsonl(path):
            by_id[s["id"]] = s["topic"]
    # `score` writes the input's own id when it has one (the CV folds keep the corpus's arXiv ids).
    def key(p: dict) -> str:
        return p["id"] if p["id"] in by_id else p.get("sourceId") or p["id"]
    missing = [p["id"] for p in test if key(p) not in by_id]
    if missing:
        sys.exit(f"error: our scored output lacks {len(missing)} test papers (e.g. {missing[:3]})")
    return [by_id[key(p)] for p in test]


def all_systems(papers: list[dict], test: list[dict], scored: list[Path], workdir: Path, log, tune_lr: bool,
                vectors: dict[str, np.ndarray] | None = None, encoder: str = "", teacher: list[Path] | None = None) -> tuple[dict, dict, int]:
    train = training_papers(papers)
    t0 = time.time()
    preds = {OURS: ours(test, scored)}
    if teacher:
        preds[TEACHER] = ours(test, teacher)
    preds["weak labeler (keyword rules)"] = [p["weakTopic"] for p in test]
    sk, chosen = sklearn_systems(train, test, tune_lr, vectors, encoder)
    preds.update(sk)
    preds["fastText supervised"] = fasttext_system(train, test, workdir)
    preds["fastText (50 epochs, unigrams)"] = fasttext_system(train, test, workdir, FASTTEXT_UNIGRAM_ARGS)
    log(f"  {len(train)} training papers, {len(test)} test papers; baselines trained in {time.time() - t0:.1f} s")
    return preds, chosen, len(train)


# ---------------------------------------------------------------- metrics

def encode(gold: list[str], preds: dict[str, list[str]]):
    classes = sorted(set(gold).union(*[set(v) for v in preds.values()]))
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[g] for g in gold])
    p = {k: np.array([index[x] for x in v]) for k, v in preds.items()}
    return y, p, len(classes)


def macro_f1(y: np.ndarray, p: np.ndarray, k: int, w: np.ndarray | None = None) -> float:
    """Mean F1 over the classes present in the gold labels (support > 0); predicted-only classes left out."""
    w = np.ones(len(y)) if w is None else w
    tp = np.bincount(y[y == p], weights=w[y == p], minlength=k)
    support = np.bincount(y, weights=w, minlength=k)
    predicted = np.bincount(p, weights=w, minlength=k)
    present = support > 0
    f1 = 2 * tp[present] / (support[present] + predicted[present])
    return float(f1.mean())


def accuracy(y, p, k, w=None) -> float:
    w = np.ones(len(y)) if w is None else w
    return float(np.sum(w * (y == p)) / np.sum(w))


def hit_rate(hits: np.ndarray, w=None) -> float:
    """Share of papers whose predicted topic is the reviewed primary or one of its secondaries (issue 18)."""
    w = np.ones(len(hits)) if w is None else w
    return float(np.sum(w * hits) / np.sum(w))


def table(gold: list[str], preds: dict[str, list[str]], secondary: list[list[str]]) -> list[dict]:
    """Point estimates, 95% percentile paired-bootstrap intervals (seeded, same resamples for every
    system) and the paired difference ours − system (mean over resamples, 95% interval)."""
    y, p, k = encode(gold, preds)
    hits = {name: np.array([x == g or x in s for x, g, s in zip(v, gold, secondary)], dtype=float)
            for name, v in preds.items()}
    n = len(y)
    rng = np.random.default_rng(SEED)
    weights = np.stack([np.bincount(rng.integers(0, n, n), minlength=n) for _ in range(RESAMPLES)]).astype(float)
    rows, boot = [], {}
    for name, pred in p.items():
        boot[name] = {
            "macroF1": np.array([macro_f1(y, pred, k, w) for w in weights]),
            "accuracy": np.array([accuracy(y, pred, k, w) for w in weights]),
            "hitRate": np.array([hit_rate(hits[name], w) for w in weights]),
        }
    point = {name: {"macroF1": macro_f1(y, pred, k), "accuracy": accuracy(y, pred, k), "hitRate": hit_rate(hits[name])}
             for name, pred in p.items()}
    for name in p:
        row = {"system": name, "n": n}
        for metric in ("macroF1", "accuracy", "hitRate"):
            b = boot[name][metric]
            row[metric] = point[name][metric]
            row[metric + "CI"] = [float(np.percentile(b, 2.5)), float(np.percentile(b, 97.5))]
            if name != OURS:
                d = boot[OURS][metric] - b
                row[metric + "DiffOurs"] = {
                    "point": point[OURS][metric] - point[name][metric],
                    "mean": float(d.mean()),
                    "ci": [float(np.percentile(d, 2.5)), float(np.percentile(d, 97.5))],
                    "pOursNotBetter": float(np.mean(d <= 0)),
                }
        rows.append(row)
    return rows


def markdown(rows: list[dict]) -> str:
    def ci(v):
        return f"[{v[0]:.3f}, {v[1]:.3f}]"

    def diff(d):
        return "—" if d is None else f"{d['mean']:+.3f} [{d['ci'][0]:+.3f}, {d['ci'][1]:+.3f}]"

    lines = ["| system | macro-F1 [95% CI] | accuracy [95% CI] | primary-or-secondary hit rate [95% CI] "
             "| ours − system, macro-F1 [95% CI] | ours − system, accuracy [95% CI] |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['system']} | {r['macroF1']:.3f} {ci(r['macroF1CI'])} | {r['accuracy']:.3f} {ci(r['accuracyCI'])} "
                     f"| {r['hitRate']:.3f} {ci(r['hitRateCI'])} "
                     f"| {diff(r.get('macroF1DiffOurs'))} | {diff(r.get('accuracyDiffOurs'))} |")
    return "\n".join(lines) + "\n"


def write(out: Path, stem: str, rows: list[dict], meta: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    md = markdown(rows)
    (out / f"{stem}.md").write_text(md, encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps({**meta, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    print(md)
    print(f"wrote {out / (stem + '.md')} and {stem}.json")


def common_meta() -> dict:
    return {
        "macroF1": "mean per-class F1 over the classes present in the gold labels of the (re)sample; classes only predicted are left out (as TopicModel's MacroF1)",
        "bootstrap": f"{RESAMPLES} paired resamples of papers with replacement, numpy default_rng({SEED}), 95% percentile intervals; differences are ours − system on the same resample",
        "text": "title + '. ' + abstract",
        "tfidf": "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, lowercase), scikit-learn defaults otherwise",
        "logisticRegression": "multinomial, solver sag (same optimum as the default lbfgs, much faster here), max_iter 5000",
        "tunedSvc": "GridSearchCV over C in {0.1,0.3,1,3,10,30,100} x class_weight in {None, balanced}, 5-fold stratified CV (seed 42) on the training papers only, scoring f1_macro",
        "tunedLr": "GridSearchCV over C in {1,10,100} x class_weight in {None, balanced}, 3-fold stratified CV (seed 42) on the training papers only, scoring f1_macro",
        "fasttext": "fasttext supervised " + " ".join(FASTTEXT_ARGS) + " (lowercased, punctuation split off)",
        "fasttextUnigrams": "fasttext supervised " + " ".join(FASTTEXT_UNIGRAM_ARGS),
        "balancedSvc": "LinearSVC(class_weight='balanced') at C=1 and C=0.1, the baselines of issue 18",
    }


# ---------------------------------------------------------------- commands

def cmd_heldout(a) -> None:
    papers = read_jsonl(Path(a.prepared))
    test = test_papers(papers, digest=a.digest)
    print(f"{a.stem}: {len(test)} non-leaked papers with reviewed labels")
    vectors = read_vectors(Path(a.embeddings)) if a.embeddings else None
    preds, chosen, n_train = all_systems(papers, test, [Path(s) for s in a.scored], Path(a.out) / "work", print, tune_lr=a.tune_lr,
                                         vectors=vectors, encoder=a.encoder,
                                         teacher=[Path(s) for s in a.teacher_scored] if a.teacher_scored else None)
    rows = table([p["topic"] for p in test], preds, [p.get("secondary") or [] for p in test])
    meta = {**common_meta(), "data": f"{a.describe}, {len(test)} papers not in the training data; {n_train} training papers",
            "tunedChoices": chosen}
    write(Path(a.out), a.stem, rows, meta)
    # A test set of several files (digests) is also reported file by file, from the same predictions: no system is retrained.
    digests = a.digest.split(",") if a.digest else []
    for digest in digests if len(digests) > 1 else []:
        part = [i for i, p in enumerate(test) if p["digest"] == digest]
        rows = table([test[i]["topic"] for i in part], {k: [v[i] for i in part] for k, v in preds.items()},
                     [test[i].get("secondary") or [] for i in part])
        write(Path(a.out), f"{a.stem}-{digest}", rows,
              {**meta, "data": f"{a.describe}, the {len(part)} papers of {digest} alone; {n_train} training papers"})
    with open(Path(a.out) / f"{a.stem}-predictions.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(test):
            f.write(json.dumps({"id": p["id"], "digest": p["digest"], "gold": p["topic"], **{k: v[i] for k, v in preds.items()}}) + "\n")


def cmd_folds(a) -> None:
    from sklearn.model_selection import StratifiedKFold
    import warnings
    warnings.filterwarnings("ignore")
    papers = read_jsonl(Path(a.prepared))
    reviewed = [p for p in papers if p["split"] == "unlabeled" and p["labelSource"] == "reviewed" and p["digest"] == a.digest]
    reviewed = list({p["id"]: p for p in reviewed}.values())
    folds = StratifiedKFold(n_splits=a.k, shuffle=True, random_state=SEED)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for i, (_, test_idx) in enumerate(folds.split(reviewed, [p["topic"] for p in reviewed])):
        with open(out / f"fold{i}.jsonl", "w", encoding="utf-8") as f:
            for j in test_idx:
                p = reviewed[j]
                f.write(json.dumps({"id": p.get("sourceId") or p["id"], "title": p["title"], "abstract": p["abstract"]}) + "\n")
    print(f"wrote {a.k} folds over {len(reviewed)} reviewed '{a.digest}' papers to {out}")


def cmd_cv(a) -> None:
    gold, secondary, preds_all, trains = [], [], {}, []
    for i in range(a.k):
        fold = Path(a.dir) / f"fold{i}"
        papers = read_jsonl(fold / "prepared" / "papers.jsonl")
        test = test_papers(papers, digest=f"fold{i}")
        print(f"fold {i}: {len(test)} test papers")
        preds, _, n_train = all_systems(papers, test, [fold / "scored.jsonl"], fold / "work", print, tune_lr=a.tune_lr)
        trains.append(n_train)
        gold += [p["topic"] for p in test]
        secondary += [p.get("secondary") or [] for p in test]
        for k, v in preds.items():
            preds_all.setdefault(k, []).extend(v)
    rows = table(gold, preds_all, secondary)
    meta = {**common_meta(), "data": f"{a.k}-fold CV over {len(gold)} reviewed 2025 papers (same folds for every system), "
                                     f"pooled out-of-fold predictions; training papers per fold {trains}"}
    write(Path(a.out), "cv2025", rows, meta)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("heldout")
    h.add_argument("--prepared", required=True)
    h.add_argument("--scored", required=True, nargs="+")
    h.add_argument("--out", required=True)
    h.add_argument("--tune-lr", action="store_true", help="also grid-search LogisticRegression (slow on a loaded 2-core machine)")
    h.add_argument("--digest", default=None, help="score only the held-out papers of these digests (file stems, comma-separated; with several, each is also reported alone)")
    h.add_argument("--stem", default="heldout", help="output name: <stem>.md|json, <stem>-predictions.jsonl")
    h.add_argument("--describe", default="held-out digest", help="what the test papers are, for the table's metadata")
    h.add_argument("--embeddings", help="JSONL of {id, vector} from `TopicModel.Bench embed-export`: adds the TF-IDF + sentence-vector baseline")
    h.add_argument("--encoder", default="MiniLM", help="the encoder's name in the table (with --embeddings)")
    h.add_argument("--teacher-scored", nargs="+", help="a distilled bundle's `score --accurate` output: adds the teacher's row beside the student (ours)")
    f = sub.add_parser("folds")
    f.add_argument("--prepared", required=True)
    f.add_argument("--digest", default="hf-daily-papers-2025")
    f.add_argument("--k", type=int, default=5)
    f.add_argument("--out", required=True)
    c = sub.add_parser("cv")
    c.add_argument("--dir", required=True)
    c.add_argument("--k", type=int, default=5)
    c.add_argument("--out", required=True)
    c.add_argument("--tune-lr", action="store_true", help="also grid-search LogisticRegression in every fold (slow)")
    a = ap.parse_args()
    {"heldout": cmd_heldout, "folds": cmd_folds, "cv": cmd_cv}[a.cmd](a)


if __name__ == "__main__":
    main()
