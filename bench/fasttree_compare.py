"""XGBoost side of bench/fasttree_compare.sh, and the shared macro-F1 evaluator.

  python3 bench/fasttree_compare.py xgb <dir> <trees> <leaves> <learningRate> <minLeaf> <threads>
  python3 bench/fasttree_compare.py score <dir> <predictionFile>
"""
import sys, time
import numpy as np


def read_svm(path, dim):
    labels, indptr, indices, values = [], [0], [], []
    for line in open(path):
        parts = line.split()
        labels.append(int(parts[0]))
        for p in parts[1:]:
            j, v = p.split(':')
            indices.append(int(j)); values.append(float(v))
        indptr.append(len(indices))
    import scipy.sparse as sp
    return sp.csr_matrix((np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)), shape=(len(labels), dim)), np.array(labels)


def meta(d):
    lines = open(f'{d}/meta.txt').read().split('\n')
    return int(lines[0]), [c for c in lines[1:] if c]


def macro_f1(y, p):
    classes = sorted(set(y) | set(p))
    f1s = []
    for c in classes:
        tp = sum(1 for a, b in zip(y, p) if a == c and b == c)
        fp = sum(1 for a, b in zip(y, p) if a != c and b == c)
        fn = sum(1 for a, b in zip(y, p) if a == c and b != c)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


if sys.argv[1] == 'xgb':
    import xgboost as xgb
    d, trees, leaves, lr, min_leaf, threads = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
    dim, classes = meta(d)
    xtr, ytr = read_svm(f'{d}/train.svm', dim)
    xte, yte = read_svm(f'{d}/test.svm', dim)
    params = {
        'objective': 'multi:softprob', 'num_class': len(classes), 'tree_method': 'hist', 'grow_policy': 'lossguide',
        'max_leaves': leaves, 'max_depth': 0, 'eta': lr, 'max_bin': 255, 'lambda': 1.0, 'min_child_weight': 0,
        'nthread': threads, 'seed': 0,
    }
    start = time.perf_counter()
    dtrain = xgb.DMatrix(xtr, label=ytr, nthread=threads)
    booster = xgb.train(params, dtrain, num_boost_round=trees)
    elapsed = time.perf_counter() - start
    pred = booster.predict(xgb.DMatrix(xte, nthread=threads)).argmax(axis=1)
    open(f'{d}/xgb.pred', 'w').write('\n'.join(str(int(c)) for c in pred) + '\n')
    print(f'xgboost {xgb.__version__} fit_seconds={elapsed:.2f}')
elif sys.argv[1] == 'score':
    d, pred_file = sys.argv[2], sys.argv[3]
    y = [int(l.split()[0]) for l in open(f'{d}/test.svm')]
    p = [int(l) for l in open(f'{d}/{pred_file}') if l.strip()]
    acc = sum(a == b for a, b in zip(y, p)) / len(y)
    print(f'macro_f1={macro_f1(y, p):.4f} accuracy={acc:.4f}')
