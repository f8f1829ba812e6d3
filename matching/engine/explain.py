"""Reasons for many pairs at once: what a full recompute stores with each of its millions of matches.

`ProfileMatcher.explain` and `FundingRecommender.explain` explain one pair at a time, which is
right for a page but far too slow for 100,000 sources × 20 matches × every kind. Here the same
facts are computed for all listed pairs with a few sparse products: the terms that weigh most in
both texts, each direction's fit, and the taxonomy facts the two sides share.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from .reasons import Reason, ReasonCode, fact_reasons
from .reciprocity import Profile, ProfileMatcher
from .words import Words


def top_shared_terms(
    left: sp.csr_matrix, right: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray, terms: np.ndarray, top: int = 5
) -> list[list[str]]:
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


# Terms shown in one reason: enough to say what the two sides share, few enough to read.
MAX_TERMS = 4


@lru_cache(maxsize=4)
def _words(lexicon: frozenset[str]) -> Words:
    return Words(lexicon=lexicon)


@lru_cache(maxsize=50_000)
def surface_forms(text: str, lexicon: frozenset[str] = frozenset()) -> dict[str, str]:
    """Return how `text` itself spells each of its folded words and word pairs ("vung nuoi" → "vùng nuôi").

    Terms are matched folded (so "dai hoc" meets "đại học"); a reason shows them as the person wrote them.
    Only whole words are here: no stop word, no syllable cut out of a word, no pair across a comma.
    """
    return _words(lexicon).forms(text)


def _inside(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _chained(first: str, second: str) -> bool:
    """Return whether one term ends with the syllables the other starts with ("hop tac xa trong" / "trong lua")."""
    a, b = first.split(), second.split()
    return any(a[-n:] == b[:n] or b[-n:] == a[:n] for n in range(1, min(len(a), len(b))))


def as_written(
    terms: list[str], *texts: str, lexicon: frozenset[str] = frozenset(), limit: int = MAX_TERMS
) -> list[str]:
    """Return at most `limit` of the (folded) terms as the texts spell them, in the given order.

    A term is shown as one of the texts wrote it, with diacritics where any text has them. A term
    no text spells as whole words (a stop word, a piece of a word) is left out, never shown folded;
    so is a term inside a longer one kept ("nông nghiệp" beside "nông nghiệp công nghệ"), and a pair
    that runs into a stronger term ("hợp tác xã trồng" beside "trồng lúa").
    """
    forms = [surface_forms(text, lexicon) for text in texts if text]
    kept: list[tuple[str, str]] = []
    for term in terms:
        spellings = [spelled[term] for spelled in forms if term in spelled]
        if not spellings:
            continue
        # Diacritics first, then lower case: "Camera" opening a sentence reads "camera" if another wrote it so.
        written = min(spellings, key=lambda form: (form.isascii(), form[:1].isupper()))
        if any(_inside(folded, term) or _chained(folded, term) for folded, _ in kept):
            continue
        shorter = [n for n, (folded, _) in enumerate(kept) if _inside(term, folded)]
        if shorter:
            kept[shorter[0]] = (term, written)
            kept = [pair for n, pair in enumerate(kept) if n not in shorter[1:]]
        elif len(kept) < limit:
            kept.append((term, written))
    return [written for _, written in kept]


def pair_fits(left: sp.csr_matrix, right: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Return the dot product of each listed pair of rows (a direction's fit)."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32)
    return np.asarray(sp.csr_matrix(left[rows].multiply(right[cols])).sum(axis=1), dtype=np.float32).ravel()


def _shared_terms_of(
    seeker: Profile, provider: Profile, needs_met: list[str], offers_used: list[str], lexicon: frozenset[str]
) -> dict[str, list[str]]:
    """Return the terms each direction shares, as written; a side that stated no needs of its own
    (its needs are its description) shares topics ("terms"), not something it looks for."""
    params: dict[str, list[str]] = {}
    topics = []
    if seeker.needs != seeker.offers:
        params["needs_met"] = as_written(needs_met, seeker.needs, provider.offers, lexicon=lexicon)
    else:
        topics += needs_met
    if provider.needs != provider.offers:
        params["offers_used"] = as_written(offers_used, seeker.offers, provider.needs, lexicon=lexicon)
    else:
        topics += offers_used
    if topics:
        params["terms"] = as_written(list(dict.fromkeys(topics)), seeker.offers, provider.offers, lexicon=lexicon)
    return params


def profile_pair_reasons(
    matcher: ProfileMatcher,
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    left: Sequence[Profile],
    right: Sequence[Profile],
    *,
    top: int = 2 * MAX_TERMS,
) -> list[list[Reason]]:
    """Return the reasons of each (left row, right row) pair of a fitted ProfileMatcher, strongest first."""
    terms = matcher.vectorizer_.get_feature_names_out()
    lexicon: frozenset[str] = getattr(matcher.vectorizer_, "lexicon_", frozenset())
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
        terms_of_pair = _shared_terms_of(left[i], right[j], needs_met[n], offers_used[n], lexicon)
        if any(terms_of_pair.values()):
            reasons.append(Reason(ReasonCode.SHARED_TERMS, terms_of_pair, 1.0))
        reasons.extend(fact_reasons(left[i], right[j]))
        explained.append(sorted(reasons, key=lambda reason: -reason.weight))
    return explained
