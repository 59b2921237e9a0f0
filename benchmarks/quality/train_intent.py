"""Train mailsum's English intent model on the Parakweet *train* split (never the test split).

    python benchmarks/quality/train_intent.py          # writes mailsum/extract/data/intent_en.json
    python benchmarks/quality/train_intent.py --cv     # the 5-fold selection on train (~6 min)

TF-IDF (words, word pairs, the cue rules' verdict, "?") + L2 logistic regression in plain
numpy (sparse by hand, no scipy). ``--cv`` scores settings by 5-fold cross-validation on train
*through the whole decision extract makes* (rules, vetoes, the model, one threshold per rule
verdict; a message counts as a request when extract would give it a request/question/todo
point, which is what score_parakweet counts), at several assumed shares of requests (see
PRIORS), and picks the L2 strength by the one-standard-error rule. The test split is never
read here. Tried and dropped: character 3-5-grams (5-fold F1 0.79 vs 0.82 with words only);
Snowball-stemmed words and pairs instead of or beside the plain ones (mean-prior F1 0.731-0.738
vs 0.736-0.738 at l2 3e-4 / 3e-5, within one fold-SE: no gain). Also tried (2026-11-27, same
harness, four fold seeds, thresholds also chosen nested on the other folds): NBSVM features
(naive-Bayes log-count ratios, Wang & Manning 2012, beta 1 and 0.25) +0.0003 over the plain
model, the seeds disagreeing on the sign; word trigrams +0.003; sublinear or binary tf +0.001;
a length bucket and first/last-word features nothing; trigrams with binary tf the best, +0.005
(+0.006 nested, every seed positive) but under one fold-SE (0.008-0.011) for half again the
vocabulary, so not shipped.
"""

from __future__ import annotations

import argparse
import itertools
import json
import mailbox
import math
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
EVAL = Path(os.environ.get("EVAL", ROOT.parent / "shared" / "eval"))

from mailsum.extract import cues, intent  # noqa: E402
from mailsum.extract import points as extract  # noqa: E402
from mailsum.extract.dates import parse_due  # noqa: E402
from mailsum.parse import message as parse  # noqa: E402
from mailsum.parse.quotes import own_text  # noqa: E402
from mailsum.text.formulae import without_formulae  # noqa: E402
from mailsum.text.segment import split_sentences  # noqa: E402

# Chosen by --cv on train: one-SE rule over L2_GRID (best l2=3e-5 at mean-prior F1 0.738, fold
# SE 0.010; l2=3e-4 reaches 0.737, 1e-3 only 0.725), thresholds the best for that l2.
# Questions are the rules' call (extract._RULES_DECIDE), so they have no threshold.
SETTINGS = {"l2": 3e-4, "balanced": True,
            "threshold": {"request": 0.5, "todo": 0.55, "none": 0.5}}
MIN_DF = 2
FOLDS = 5
_ACTION = ("request", "question", "todo")


def rule_kind(text: str) -> str | None:
    """The cue rules' verdict on a message: its first point kind (as extract would find)."""
    kinds = [extract.rule_kind(s)
             for s in split_sentences(without_formulae(own_text(text))) or [text]]
    kinds = [k for k in kinds if k]
    for k in ("request", "question", "todo", "blocker", "deadline"):
        if k in kinds:
            return k
    return None


@dataclass
class Example:
    """One train message: its label, training text and the sentences extract would read."""

    text: str
    label: bool
    language: str
    sentences: list[tuple[str, bool, bool]]  # (sentence, due date found, is a resolution)


def load_train() -> list[Example]:
    """The train split as extract sees it: parsed mbox (own text, language), gold labels."""
    pk = EVAL / "data" / "parakweet"
    gold = json.loads((pk / "train.gold.json").read_text(encoding="utf-8"))
    out = []
    for m in mailbox.mbox(pk / "train.mbox"):
        msg = parse.parse_message(m.as_bytes())
        g = gold[msg.message_id.strip("<>")] if msg.message_id.strip("<>") in gold \
            else gold[msg.message_id]
        sentences = [
            (s, parse_due(s, msg.date, msg.language) is not None, extract.is_resolution(s))
            for s in split_sentences(without_formulae(msg.own_text))
            if not cues.IGNORE_RE.match(s)
        ] if not msg.auto else []
        out.append(Example(g["text"], g["label"] == "Yes", msg.language, sentences))
    return out


# ------------------------------------------------------------------------ sparse matrices


@dataclass
class Sparse:
    """Rows x columns in coordinate form; enough for X @ w and X.T @ g."""

    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray
    shape: tuple[int, int]

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, self.vals * w[self.cols], minlength=self.shape[0])

    def tdot(self, g: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, self.vals * g[self.rows], minlength=self.shape[1])


def matrix(docs: list[list[str]], vocab: dict[str, int], idf: np.ndarray) -> Sparse:
    """L2-normalised TF-IDF rows, the same weighting intent.probability applies."""
    rows, cols, vals = [], [], []
    for r, d in enumerate(docs):
        counts = Counter(vocab[f] for f in d if f in vocab)
        if not counts:
            continue
        ids = np.fromiter(counts, dtype=np.int64)
        v = np.fromiter(counts.values(), dtype=float) * idf[ids]
        v /= np.linalg.norm(v)
        rows.append(np.full(len(ids), r))
        cols.append(ids)
        vals.append(v)
    return Sparse(_cat(rows, np.int64), _cat(cols, np.int64), _cat(vals, float),
                  (len(docs), len(vocab)))


def _cat(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)


@dataclass
class Model:
    vocab: dict[str, int]
    idf: np.ndarray
    w: np.ndarray
    b: float

    def probabilities(self, docs: list[list[str]]) -> np.ndarray:
        x = matrix(docs, self.vocab, self.idf)
        return 1 / (1 + np.exp(-(x.dot(self.w) + self.b)))


def fit(docs: list[list[str]], y: np.ndarray, l2: float, balanced: bool) -> Model:
    """L2 logistic regression by Nesterov-accelerated gradient descent (convex, so it converges
    to the same optimum whatever the start; 1,500 steps are plenty at these sizes)."""
    df = Counter(f for d in docs for f in set(d))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= MIN_DF))}
    idf = np.array([math.log((1 + len(docs)) / (1 + df[f])) + 1 for f in vocab])
    x = matrix(docs, vocab, idf)
    cw = (np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean())) if balanced
          else np.ones(len(y)))
    w, b = np.zeros(len(vocab)), 0.0
    vw, vb = w.copy(), b
    lr = 1.0 / (0.25 * cw.max() + l2)
    for step in range(1, 1501):
        p = 1 / (1 + np.exp(-(x.dot(vw) + vb)))
        g = cw * (p - y) / len(y)
        nw = vw - lr * (x.tdot(g) + l2 * vw)
        nb = vb - lr * g.sum()
        mom = (step - 1) / (step + 2)
        vw, vb = nw + mom * (nw - w), nb + mom * (nb - b)
        w, b = nw, nb
    return Model(vocab, idf, w, float(b))


# --------------------------------------------------------------------------- evaluation


@dataclass
class Decision:
    """What extract.classify needs of one sentence besides the model's probability."""

    message: int
    kind: str | None  # the rules' kind
    fixed: bool  # decided without the model (not English, blocker, greeting, resolution)
    features: list[str]


def sentences_of(examples: list[Example]) -> list[Decision]:
    out = []
    for i, ex in enumerate(examples):
        for s, due, res in ex.sentences:
            kind = extract.rule_kind(s, due)
            fixed = (res or ex.language != "en" or kind in extract._RULES_DECIDE
                     or extract._ignored(s))
            out.append(Decision(i, None if res else kind, fixed, intent.features(s, kind)))
    return out


def message_votes(sents: list[Decision], probs: np.ndarray, t: dict[str, float],
                  n: int) -> np.ndarray:
    """Per message: would extract.combine give one of its sentences an action point?"""
    votes = np.zeros(n, dtype=bool)
    for d, p in zip(sents, probs, strict=True):
        if d.fixed:
            hit = d.kind in _ACTION
        elif d.kind in _ACTION:
            hit = p >= t[d.kind]
        else:
            hit = p >= t["none"]
        votes[d.message] |= hit
    return votes


def f1(pred: np.ndarray, y: np.ndarray, prior: float | None = None) -> tuple[float, float, float]:
    """P, R, F1; with ``prior``, as if that share of the messages asked for action (the
    negatives reweighted), since real mail has fewer requests than the balanced train split."""
    wpos, wneg = 1.0, 1.0
    if prior is not None:
        wneg = (1 - prior) / prior * y.mean() / (1 - y.mean())
    tp = float((pred & (y == 1)).sum()) * wpos
    fp = float((pred & (y == 0)).sum()) * wneg
    fn = float((~pred & (y == 1)).sum()) * wpos
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# Share of messages that ask for action in the mail we will meet: unknown, so thresholds are
# chosen for the mean F1 over a plausible range (the train split's 47 % is its upper end).
PRIORS = (0.15, 0.2, 0.3, 0.4, 0.47)


def train_docs(examples: list[Example]) -> list[list[str]]:
    return [intent.features(ex.text, rule_kind(ex.text)) for ex in examples]


GRID = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
NONE_GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.01)  # 1.01: the model adds nothing
L2_GRID = (3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)


def robust_f1(votes: np.ndarray, y: np.ndarray) -> float:
    return sum(f1(votes, y, prior)[2] for prior in PRIORS) / len(PRIORS)


def search_thresholds(
    decide: Callable[[dict[str, float]], np.ndarray],
    score: Callable[[np.ndarray, np.ndarray], float],
    y: np.ndarray, folds: np.ndarray, grid: tuple[float, ...], none_grid: tuple[float, ...],
) -> tuple[float, float, dict[str, float], np.ndarray]:
    """The best thresholds per rule verdict (request, todo, none) for held-out probabilities:
    their score, its standard error over the folds, the thresholds and the decisions."""
    best: tuple[float, dict[str, float], np.ndarray] | None = None
    for tr_, tt, tn in itertools.product(grid, grid, none_grid):
        t = {"request": tr_, "todo": tt, "none": tn}
        pred = decide(t)
        value = score(pred, y)
        if best is None or value > best[0]:
            best = (value, t, pred)
    assert best is not None
    value, t, pred = best
    n_folds = int(folds.max()) + 1
    per_fold = [score(pred[folds == k], y[folds == k]) for k in range(n_folds)]
    return value, float(np.std(per_fold, ddof=1) / math.sqrt(n_folds)), t, pred


def one_se_rule(rows: list[tuple[float, float, float, dict[str, float]]]
                ) -> tuple[float, float, float, dict[str, float]]:
    """Of (l2, score, SE, thresholds) rows: the strongest regularisation within one SE of the
    best score."""
    top = max(rows, key=lambda r: r[1])
    chosen = max((r for r in rows if r[1] >= top[1] - top[2]), key=lambda r: r[0])
    print(f"one-SE rule: l2={chosen[0]:g} thresholds {chosen[3]}")
    return chosen


def cross_validate(examples: list[Example]) -> tuple[float, dict[str, float]]:
    """Held-out probabilities for every train sentence per L2 strength, the best thresholds
    for each (mean F1 over PRIORS of the message-level decision extract makes), then the
    one-standard-error rule: the strongest regularisation within one fold-SE of the best.

    The rule matters here: train CV is flat across settings, and train and test differ (other
    senders, far fewer requests), so among equally good fits the simplest one travels best.
    """
    y = np.array([ex.label for ex in examples], dtype=float)
    folds = np.random.default_rng(0).permutation(len(y)) % FOLDS
    docs = train_docs(examples)
    sents = sentences_of(examples)
    sent_fold = np.array([folds[d.message] for d in sents])
    rows = []
    for l2 in L2_GRID:
        probs = np.zeros(len(sents))
        for k in range(FOLDS):
            tr = folds != k
            model = fit([d for d, t in zip(docs, tr, strict=True) if t], y[tr], l2, True)
            idx = np.flatnonzero(sent_fold == k)
            probs[idx] = model.probabilities([sents[i].features for i in idx])
        # questions are the rules' call: no threshold of their own
        score, se, t, votes = search_thresholds(
            lambda t, p=probs: message_votes(sents, p, t, len(y)), robust_f1, y, folds,
            GRID, NONE_GRID)
        rows.append((l2, score, se, t))
        print(f"l2={l2:<6g} mean-prior F1={score:.4f} (fold SE {se:.4f}); at the train prior "
              f"F1={f1(votes, y)[2]:.4f}; thresholds {t}", flush=True)
    chosen = one_se_rule(rows)
    return chosen[0], chosen[3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="5-fold grid on train, then stop")
    args = ap.parse_args()
    examples = load_train()
    if args.cv:
        cross_validate(examples)
        return
    y = np.array([ex.label for ex in examples], dtype=float)
    s = SETTINGS
    model = fit(train_docs(examples), y, float(s["l2"]), bool(s["balanced"]))
    feats = {f: [round(float(model.idf[i]), 4), round(float(model.w[i]), 4)]
             for f, i in model.vocab.items()}  # all: the row norm needs every idf
    out = {"trained_on": "Parakweet EmailIntentDataSet train split (Apache-2.0)",
           "settings": {k: v for k, v in s.items() if k != "threshold"},
           "threshold": s["threshold"],
           "bias": round(model.b, 4), "features": feats}
    intent.MODEL.parent.mkdir(exist_ok=True)
    intent.MODEL.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"wrote {intent.MODEL} ({len(feats)} features)")


if __name__ == "__main__":
    main()
