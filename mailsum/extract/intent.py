"""How likely an English sentence asks for action: a small logistic-regression model.

Trained on the Parakweet email-intent *train* split only (benchmarks/quality/train_intent.py)
and shipped as ``data/intent_en.json`` (TF-IDF weights of words, word pairs and a few cue
flags). extract uses it beside the cue rules for English text: it drops rule hits that read
like newsletters ("please click here to unsubscribe") and adds plain-worded requests ("maybe
we can have lunch on Thursday"). German keeps the rules alone: there is no German training data.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from mailsum.text.segment import tokenize_words

MODEL = Path(__file__).resolve().parent / "data" / "intent_en.json"
_URL = re.compile(r"https?://\S+|www\.\S+|\$LINK", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:[.,:]\d+)*$")


def features(sentence: str, rule_kind: str | None) -> list[str]:
    """Words, word pairs, the rule's verdict and a question-mark flag of one sentence."""
    text = _URL.sub(" URL ", sentence)
    words = ["<num>" if _NUMBER.match(w) else w.lower() for w in tokenize_words(text)]
    feats = words + [f"{a} {b}" for a, b in zip(["<s>", *words], words, strict=False)]
    feats.append(f"<rule:{rule_kind or 'none'}>")
    if sentence.rstrip().endswith("?"):
        feats.append("<?>")
    return feats


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, tuple[float, float]], float, dict[str, float]]:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    table = {f: (idf, w) for f, (idf, w) in data["features"].items()}
    raw = data["threshold"]
    thresholds = {k: float(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    thresholds.setdefault("default", float(raw) if not isinstance(raw, dict) else 0.5)
    return table, float(data["bias"]), thresholds


def threshold(rule_kind: str | None = "request") -> float:
    """The probability from which a sentence counts as asking for action, by the rules' verdict
    on it (chosen by cross-validation on train; "none" = no rule fired)."""
    thresholds = _model()[2]
    return thresholds.get(rule_kind or "none", thresholds["default"])


def probability(sentence: str, rule_kind: str | None) -> float:
    """P(the sentence asks someone to act or to meet), given the rules' kind for it."""
    table, bias, _ = _model()
    counts: dict[str, int] = {}
    for f in features(sentence, rule_kind):
        if f in table:
            counts[f] = counts.get(f, 0) + 1
    norm = math.sqrt(sum((c * table[f][0]) ** 2 for f, c in counts.items())) or 1.0
    z = bias + sum(c * table[f][0] * table[f][1] for f, c in counts.items()) / norm
    return 1.0 / (1.0 + math.exp(-z))
