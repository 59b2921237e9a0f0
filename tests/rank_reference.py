"""The sentence ranker's similarity as it was before issue 21 (one numpy call per term), the
reference of tests/test_rank_equivalence.py."""

from __future__ import annotations

import numpy as np

from mailsum.text.rank import _terms


def similarity(sentences: list[str], language: str) -> np.ndarray:
    n = len(sentences)
    postings: dict[str, dict[int, int]] = {}
    for r, sentence in enumerate(sentences):
        for term in _terms(sentence, language):
            row = postings.setdefault(term, {})
            row[r] = row.get(r, 0) + 1
    norms = np.zeros(n)
    shared: list[tuple[np.ndarray, np.ndarray]] = []
    for row in postings.values():
        idf = np.log((1 + n) / (1 + len(row))) + 1.0
        idx = np.fromiter(row.keys(), dtype=np.int64, count=len(row))
        val = (1.0 + np.log(np.fromiter(row.values(), dtype=np.float64, count=len(row)))) * idf
        norms[idx] += val * val
        if len(row) > 1:
            shared.append((idx, val))
    norms = np.sqrt(np.maximum(norms, 1e-24))
    if not shared:
        return np.zeros((n, n))
    cells = np.concatenate([(idx[:, None] * n + idx[None, :]).ravel() for idx, _ in shared])
    weights = np.concatenate([np.outer(val, val).ravel() for _, val in shared])
    sim = np.bincount(cells, weights=weights, minlength=n * n).reshape(n, n)
    return sim / norms[:, None] / norms[None, :]
