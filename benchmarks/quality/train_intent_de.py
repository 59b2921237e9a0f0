"""Would a German intent model beside the cue rules help? Cross-validation on our German train set.

    python benchmarks/quality/train_intent_de.py          # ~30 s; prints the 5-fold grid

The English intent model's recipe (train_intent.py: TF-IDF of words, word pairs, the cue rules'
verdict and "?", L2 logistic regression in numpy) fit on ``german/train.tsv``: 3,670 sentences
of CodE Alltag S mails that are in none of the German dev or test sets, labelled by kind (see
german/PROVENANCE.md). The model learns "this sentence is an open point" (any kind) and is
asked only where the rules do not decide (blockers and questions stay the rules' call), as
extract.classify does for English. Folds are grouped by mail; the score is sentence-level
any-point F1 (what run.py reports for the German sets); the L2 strength follows the
one-standard-error rule.

Result (2026-11-27, after the German cues were grown on this train set): rules alone 0.714,
rules + model 0.716-0.736 in CV, and on the two German dev sets the model *lost* 0.01-0.02
(0.903 -> 0.883, 0.857 -> 0.848). With the cues at the end of that day: rules alone 0.726,
rules + model 0.727-0.744 (one-SE pick 0.733, within one fold-SE 0.015 of the rules). So
mailsum ships no German model; this script stays so the
finding can be re-checked when the German train set grows. The train set's real use is as the
development text for German cues (its rules-alone errors are what the cues were grown from).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import train_intent as en  # noqa: E402

from mailsum.extract import intent  # noqa: E402
from mailsum.extract import points as extract  # noqa: E402

TRAIN = HERE / "german" / "train.tsv"
FOLDS = 5
GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
NONE_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: the model adds nothing
L2_GRID = (3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)


def load(path: Path = TRAIN) -> tuple[list[str], list[str], list[str]]:
    """Sources, gold kinds and sentences of a German set."""
    sources, kinds, sentences = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        source, kind, sentence = line.split("\t", 2)
        sources.append(source)
        kinds.append(kind)
        sentences.append(sentence)
    return sources, kinds, sentences


def decide(kinds: list[str | None], fixed: np.ndarray, probs: np.ndarray,
           t: dict[str, float]) -> np.ndarray:
    """Per sentence: does extract.combine give it a point (any kind)?"""
    out = np.zeros(len(kinds), dtype=bool)
    for i, (k, p) in enumerate(zip(kinds, probs, strict=True)):
        if fixed[i]:
            out[i] = k is not None
        elif k in ("request", "todo"):
            out[i] = p >= t[k]
        else:
            out[i] = p >= t["none"]
    return out


def f1(pred: np.ndarray, y: np.ndarray) -> float:
    tp = float((pred & y).sum())
    return 2 * tp / (pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0


def cross_validate(sources: list[str], gold: list[str], sentences: list[str]
                   ) -> tuple[float, dict[str, float]]:
    y = np.array([g != "none" for g in gold])
    mails = sorted(set(sources))
    fold_of = dict(zip(mails, np.random.default_rng(0).permutation(len(mails)) % FOLDS,
                       strict=True))
    folds = np.array([fold_of[s] for s in sources])
    kinds = [extract.rule_kind(s) for s in sentences]
    fixed = np.array([k in extract._RULES_DECIDE or extract._ignored(s)
                      for k, s in zip(kinds, sentences, strict=True)])
    docs = [intent.features(s, k) for s, k in zip(sentences, kinds, strict=True)]
    rule_only = decide(kinds, np.ones(len(y), dtype=bool), np.zeros(len(y)), {})
    print(f"rules alone: F1={f1(rule_only, y):.4f} ({int(y.sum())} points in {len(y)} sentences)")
    rows = []
    for l2 in L2_GRID:
        probs = np.zeros(len(y))
        for k in range(FOLDS):
            tr = folds != k
            model = en.fit([d for d, t in zip(docs, tr, strict=True) if t],
                           y[tr].astype(float), l2, True)
            idx = np.flatnonzero(~tr)
            probs[idx] = model.probabilities([docs[i] for i in idx])
        score, se, t, _ = en.search_thresholds(
            lambda t, p=probs: decide(kinds, fixed, p, t), f1, y, folds, GRID, NONE_GRID)
        rows.append((l2, score, se, t))
        print(f"l2={l2:<6g} F1={score:.4f} (fold SE {se:.4f}); thresholds {t}", flush=True)
    chosen = en.one_se_rule(rows)
    return chosen[0], chosen[3]


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    cross_validate(*load())


if __name__ == "__main__":
    main()
