"""Reasons for many pairs at once: what a full recompute stores with each of its millions of matches.

`ProfileMatcher.explain` and `FundingRecommender.explain` explain one pair at a time, which is
right for a page but far too slow for 100,000 sources × 20 matches × every kind. Here the same
facts are computed for all listed pairs with a few sparse products: the terms that weigh most in
both texts, each direction's fit, and the taxonomy facts the two sides share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

from .reasons import Reason, ReasonCode, fact_reasons
from .reciprocity import Profile, ProfileMatcher
from .text import STOP_WORDS, fold

WORD = re.compile(r"(?u)\b\w\w+\b")


def top_shared_terms(left, right, rows: np.ndarray, cols: np.ndarray, terms, top: int = 5) -> list[list[str]]:
    """Return, per pair (left row, right row), the `top` terms that weigh most in both texts."""
    if len(rows) == 0:
        return []
    products = sp.csr_matrix(left[rows].multiply(right[cols]))
    products.eliminate_zeros()
    pair_of = np.repeat(np.arange(products.shape[0]), np.diff(products.indptr))
    order = np.lexsort((-products.data, pair_of))
    starts = np.searchsorted(pair_of[order], pair_of[order], side="left")
    keep = order[(np.arange(order.size) - starts) < top]
    shared: list[list[str]] = [[] for _ in range(len(rows))]
    for pair, term in zip(pair_of[keep].tolist(), products.indices[keep].tolist(), strict=True):
        shared[pair].append(str(terms[term]))
    return shared


@lru_cache(maxsize=20_000)
def surface_forms(text: str) -> dict[str, str]:
    """Return how `text` itself spells each of its folded words and word pairs ("vung nuoi" → "vùng nuôi").

    Terms are matched folded (so "dai hoc" meets "đại học"); a reason shows them as the person wrote them.
    """
    words = [(fold(word), word.lower()) for word in WORD.findall(text)]
    words = [(folded, word) for folded, word in words if folded not in STOP_WORDS]
    forms = {}
    for (first, first_word), (second, second_word) in pairwise(words):
        forms.setdefault(f"{first} {second}", f"{first_word} {second_word}")
    for folded, word in words:
        forms.setdefault(folded, word)
    return forms


def as_written(terms: list[str], *texts: str) -> list[str]:
    """Return the terms as the first of `texts` that contains them spells them."""
    spelled = []
    for term in terms:
        for text in texts:
            if term in (forms := surface_forms(text)):
                spelled.append(forms[term])
                break
        else:
            spelled.append(term)
    return spelled


def pair_fits(left, right, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return the dot product of each listed pair of rows (a direction's fit)."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(sp.csr_matrix(left[rows].multiply(right[cols])).sum(axis=1), dtype=np.float32).ravel()


def profile_pair_reasons(
    matcher: ProfileMatcher,
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    left: Sequence[Profile],
    right: Sequence[Profile],
    *,
    top: int = 5,
) -> list[list[Reason]]:
    """Return the reasons of each (left row, right row) pair of a fitted ProfileMatcher, strongest first."""
    terms = matcher.vectorizer_.get_feature_names_out()
    forward = pair_fits(matcher.left_needs_, matcher.right_offers_, rows, cols)
    backward = pair_fits(matcher.left_offers_, matcher.right_needs_, rows, cols)
    needs_met = top_shared_terms(matcher.left_needs_text_, matcher.right_offers_text_, rows, cols, terms, top)
    offers_used = top_shared_terms(matcher.left_offers_text_, matcher.right_needs_text_, rows, cols, terms, top)
    explained = []
    for n, (i, j) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        reasons = [
            Reason(
                ReasonCode.MUTUAL_FIT,
                {"forward": round(float(forward[n]), 3), "backward": round(float(backward[n]), 3)},
                float(scores[n]),
            )
        ]
        if needs_met[n] or offers_used[n]:
            seeker, provider = left[i], right[j]
            terms_of_pair = {
                "needs_met": as_written(needs_met[n], seeker.needs, provider.offers),
                "offers_used": as_written(offers_used[n], seeker.offers, provider.needs),
            }
            reasons.append(Reason(ReasonCode.SHARED_TERMS, terms_of_pair, 1.0))
        reasons.extend(fact_reasons(left[i], right[j]))
        explained.append(sorted(reasons, key=lambda reason: -reason.weight))
    return explained
