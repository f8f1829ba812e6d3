"""Text features for Vietnamese and English: folded word and character n-gram TF-IDF.

Words come from `words.Words`: Vietnamese text is segmented into words ("nông nghiệp" is one word,
not two syllables), text written without diacritics joins its syllables by the lexicon of words
the corpus showed, and every word is folded (no diacritics, case-folded), so "Đại học" and "dai
hoc" are the same term. Word 1–2 grams carry topics; character n-grams (optional) catch spelling
variants. The vocabulary, lexicon and IDF are fitted on the whole corpus (both sides of a match),
so a term means the same on either side.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Self, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from kernel.text import fold

from .words import STOP_WORDS, WordNgrams, Words, lexicon_of, remember, segments_of

__all__ = [
    "STOP_WORDS",
    "TextVectorizer",
    "fit_distinct",
    "fold",
    "keep_strongest",
    "profile_vectorizer",
    "shared_terms",
]

# Keyword arguments of scikit-learn's (untyped) CountVectorizer: an analyzer, a preprocessor, ranges.
CounterParams: TypeAlias = dict[str, Any]
# A chunk's words from `_tokenise`: (joined chunk-local vocabulary, word ids, words per text, run starts).
Tokens: TypeAlias = tuple[str, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.bool_]]

_Result = TypeVar("_Result")


def _count(
    texts: Sequence[str], params: CounterParams, vocabulary: dict[str, int] | None
) -> tuple[sp.csr_matrix, str | None]:
    """Count one chunk of texts; returns (counts, terms) with a chunk-local vocabulary when none is given.

    Terms travel back from a worker as one joined string: pickling a million small strings costs
    more than counting them.
    """
    vectorizer = CountVectorizer(vocabulary=vocabulary, dtype=np.float32, **params)
    counts = vectorizer.fit_transform(texts) if vocabulary is None else vectorizer.transform(texts)
    terms = None if vocabulary is not None else "\x00".join(vectorizer.get_feature_names_out())
    return counts.tocsr(), terms


def _tokenise(texts: Sequence[str], words: Words) -> Tokens:
    """Return one chunk's words as (joined chunk-local vocabulary, word ids, words per text, run starts).

    The same words as the `WordNgrams` analyzer (segmented, folded, stop words dropped), as
    integers: n-grams are then made and counted by numpy instead of a Python dict per text.
    A word that starts a run (after punctuation or a stop word) is never the second word of a pair.
    """
    folded_words, found, lengths, starts = words.folded, [], [], []
    with _no_cyclic_gc():
        for text in texts:
            count, new_run = 0, True
            for word in folded_words(text):
                if word is None:
                    new_run = True
                    continue
                found.append(word)
                starts.append(new_run)
                new_run = False
                count += 1
            lengths.append(count)
        vocabulary = {word: index for index, word in enumerate(dict.fromkeys(found))}
        ids = np.fromiter(map(vocabulary.__getitem__, found), dtype=np.int64, count=len(found))
    return "\x00".join(vocabulary), ids, np.array(lengths, dtype=np.int64), np.array(starts, dtype=bool)


def _in_worker(
    function: Callable[..., _Result], segments: dict[str, tuple[str, ...]], chunk: Sequence[str], *args: object
) -> _Result:
    """Return `function(chunk, *args)` run in a worker process that knows the chunk's segmented texts."""
    remember(segments)
    return function(chunk, *args)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: millions of short lists and strings hold no cycles,
    and the collections their allocation triggers cost as much as the tokenising itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _word_ngram_counts(
    parts: list[Tokens], n_texts: int, ngram_range: Sequence[int]
) -> tuple[sp.csr_matrix, npt.NDArray[np.object_]]:
    """Return (counts, terms) of word 1- and/or 2-grams from tokenised chunks, as CountVectorizer would."""
    index: dict[str, int] = {}
    id_parts, length_parts, start_parts = [], [], []
    for joined, local_ids, local_lengths, local_starts in parts:
        local = joined.split("\x00") if joined else []
        mapping = np.fromiter((index.setdefault(word, len(index)) for word in local), dtype=np.int64, count=len(local))
        id_parts.append(mapping[local_ids])
        length_parts.append(local_lengths)
        start_parts.append(local_starts)
    words, lengths, run_starts = np.concatenate(id_parts), np.concatenate(length_parts), np.concatenate(start_parts)
    names = np.array(list(index), dtype=object)
    if not names.size:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    text_of_word = np.repeat(np.arange(n_texts), lengths)
    row_parts, col_parts = [], []
    # One column per distinct term: a word pair spells the same term as a word of two syllables
    # ("nong" + "nghiep" written without diacritics is the word "nong nghiep"), and counts with it.
    column: dict[str, int] = {}
    if ngram_range[0] == 1:
        column.update((name, position) for position, name in enumerate(names))
        row_parts.append(text_of_word)
        col_parts.append(words)
    if ngram_range[1] == 2:
        # A bigram joins two consecutive words of one run (words written side by side).
        starts = np.flatnonzero((text_of_word[:-1] == text_of_word[1:]) & ~run_starts[1:])
        keys, bigrams = np.unique(words[starts] * len(names) + words[starts + 1], return_inverse=True)
        spelled = (f"{names[a]} {names[b]}" for a, b in zip(*np.divmod(keys, len(names)), strict=True))
        bigram_columns = np.fromiter((column.setdefault(term, len(column)) for term in spelled), np.int64, len(keys))
        row_parts.append(text_of_word[starts])
        col_parts.append(bigram_columns[bigrams])
    terms = np.array(list(column), dtype=np.object_)
    rows, cols = np.concatenate(row_parts), np.concatenate(col_parts)
    counts = sp.csr_matrix((np.ones(rows.size, dtype=np.float32), (rows, cols)), shape=(n_texts, terms.size))
    counts.sum_duplicates()
    return counts, terms


class TextVectorizer(TransformerMixin, BaseEstimator):  # type: ignore[misc]  # scikit-learn ships no types
    """Folded word (+ optional character) n-gram TF-IDF; rows are L2-normalised float32 CSR.

    `max_terms` keeps only each document's strongest terms: it bounds the cost of all-pairs
    sparse products at 100,000 × 20,000 while keeping the specific terms that explain a match.
    `n_jobs` > 1 tokenises in parallel processes for large corpora (tokenising is pure Python).
    `stop_words`: drop Vietnamese and English function words (truthy) or keep every word (None).
    `ngram_range` is (1, 1), (1, 2) or (2, 2): word pairs, never longer phrases; `phrases`: pairs only
    of words written side by side (False: across punctuation and dropped stop words too).
    """

    def __init__(
        self,
        *,
        ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] | None = None,
        char_weight: float = 0.5,
        min_df: float = 2,  # as in scikit-learn: an int counts documents, a float is a share of them
        max_df: float = 1.0,
        sublinear_tf: bool = True,
        max_terms: int | None = None,
        stop_words: bool | None = True,
        phrases: bool = True,
        n_jobs: int = 1,
        chunk_size: int = 20_000,
    ) -> None:
        self.ngram_range = ngram_range
        self.char_ngram_range = char_ngram_range
        self.char_weight = char_weight
        self.min_df = min_df
        self.max_df = max_df
        self.sublinear_tf = sublinear_tf
        self.max_terms = max_terms
        self.stop_words = stop_words
        self.phrases = phrases
        self.n_jobs = n_jobs
        self.chunk_size = chunk_size

    # -- parameters of the underlying counters ---------------------------------------------
    def _analyzers(self) -> list[tuple[str, CounterParams]]:
        lexicon: frozenset[str] = getattr(self, "lexicon_", frozenset())
        word: CounterParams = {
            "analyzer": WordNgrams(
                self.ngram_range, stop_words=bool(self.stop_words), lexicon=lexicon, phrases=self.phrases
            )
        }
        analyzers = [("w", word)]
        if self.char_ngram_range:
            analyzers.append(
                ("c", {"preprocessor": fold, "analyzer": "char_wb", "ngram_range": tuple(self.char_ngram_range)})
            )
        return analyzers

    def _map(self, function: Callable[..., _Result], texts: Sequence[str], *args: object) -> list[_Result]:
        # Equal chunks, at least one per worker, so no worker idles while another finishes a big one.
        n_chunks = max(-(-len(texts) // self.chunk_size), self.n_jobs if len(texts) >= 2 * self.chunk_size else 1, 1)
        size = -(-len(texts) // n_chunks) if texts else 1
        chunks = [texts[start : start + size] for start in range(0, len(texts), size)]
        if self.n_jobs == 1 or len(chunks) == 1:
            return [function(chunk, *args) for chunk in chunks]
        from joblib import Parallel, delayed  # only large corpora pay for the worker processes

        # A worker process does not share this one's memory: it gets its chunk's segmented texts.
        known: dict[str, tuple[str, ...]] = getattr(self, "segments_", {})
        results: list[_Result] = Parallel(n_jobs=self.n_jobs)(
            delayed(_in_worker)(function, {text: known[text] for text in chunk if text in known}, chunk, *args)
            for chunk in chunks
        )
        return results

    # -- fitting -----------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], y: object = None) -> Self:
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> sp.csr_matrix:
        """Return the TF-IDF rows of `texts` after learning vocabulary and IDF from them."""
        texts = list(texts)
        if not 1 <= self.ngram_range[0] <= self.ngram_range[1] <= 2:
            raise ValueError(f"ngram_range must be within (1, 2), not {self.ngram_range}")
        # The segmenter runs once per distinct text; the rows of a later transform (a profile's
        # update, a shard's reasons) reuse what it found. Words written without diacritics are
        # joined by the words it found elsewhere.
        self.segments_ = segments_of(texts, n_jobs=self.n_jobs)
        remember(self.segments_)
        self.lexicon_ = lexicon_of(self.segments_)
        self.vocabularies_: list[dict[str, int]] = []
        self.idf_: list[npt.NDArray[np.float32]] = []
        blocks: list[sp.csr_matrix] = []
        for prefix, params in self._analyzers():
            if prefix == "w":
                words = params["analyzer"].words
                parts = self._map(_tokenise, texts, words)
                counts, terms = _word_ngram_counts(parts, len(texts), tuple(self.ngram_range))
            else:
                counts, terms = _merge(self._map(_count, texts, params, None))
            counts, terms = self._limit(counts, terms)
            df = np.bincount(counts.indices, minlength=counts.shape[1])
            idf = (np.log((1 + len(texts)) / (1 + df)) + 1).astype(np.float32)
            self.vocabularies_.append({term: index for index, term in enumerate(terms)})
            self.idf_.append(idf)
            blocks.append(counts)
        names: list[str] = []
        for (prefix, _params), vocabulary in zip(self._analyzers(), self.vocabularies_, strict=True):
            names.extend(term if prefix == "w" else f"{prefix}:{term}" for term in vocabulary)
        self.terms_ = np.array(names, dtype=np.object_)
        self.n_features_ = len(self.terms_)
        return self._weight(blocks)

    def _limit(self, counts: sp.csr_matrix, terms: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
        n_docs = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        low = self.min_df if isinstance(self.min_df, int) else self.min_df * n_docs
        high = self.max_df if isinstance(self.max_df, int) else self.max_df * n_docs
        keep = np.flatnonzero((df >= low) & (df <= max(high, low)))
        if not len(keep):
            # A corpus so small that no term reaches min_df (a new portal's first program) keeps
            # every term: fitting on nothing would fail, and every later recompute with it.
            keep = np.flatnonzero(df)
        return counts[:, keep].tocsr(), terms[keep]

    # -- transforming ------------------------------------------------------------------------
    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Return the L2-normalised TF-IDF rows (float32 CSR) of `texts`."""
        check_is_fitted(self, "idf_")
        texts = list(texts)
        blocks: list[sp.csr_matrix] = []
        for position, ((_prefix, params), vocabulary) in enumerate(
            zip(self._analyzers(), self.vocabularies_, strict=True)
        ):
            if len(texts) <= self.chunk_size:
                # One profile changed: reuse a counter whose (large) vocabulary was validated once.
                blocks.append(self._counter(position, params, vocabulary).transform(texts).tocsr())
                continue
            parts = self._map(_count, texts, params, vocabulary)
            blocks.append(sp.vstack([part for part, _ in parts]).tocsr())
        return self._weight(blocks)

    def _counter(self, position: int, params: CounterParams, vocabulary: dict[str, int]) -> CountVectorizer:
        counters = self.__dict__.setdefault("_counters", {})
        if position not in counters:
            counters[position] = CountVectorizer(vocabulary=vocabulary, dtype=np.float32, **params)
            counters[position].transform([""])  # validates the vocabulary now, not on every call
        return counters[position]

    def _weight(self, blocks: list[sp.csr_matrix]) -> sp.csr_matrix:
        weighted = []
        for index, (counts, idf) in enumerate(zip(blocks, self.idf_, strict=True)):
            counts = counts.astype(np.float32)  # a copy: the caller's counts stay counts
            if self.sublinear_tf:
                counts.data = np.log1p(counts.data)
            counts.data *= idf[counts.indices]
            block = normalize(counts)
            weighted.append(block * (1.0 if index == 0 else self.char_weight))
        matrix = sp.hstack(weighted, format="csr") if len(weighted) > 1 else weighted[0]
        if self.max_terms:
            matrix = keep_strongest(matrix, self.max_terms)
        matrix = normalize(matrix).astype(np.float32)
        matrix.sort_indices()
        return matrix

    def get_feature_names_out(self, input_features: object = None) -> npt.NDArray[np.object_]:
        check_is_fitted(self, "terms_")
        return self.terms_


def _merge(parts: list[tuple[sp.csr_matrix, str | None]]) -> tuple[sp.csr_matrix, np.ndarray]:
    """Stack chunk counts with chunk-local vocabularies into one matrix over their union."""
    index: dict[str, int] = {}
    remapped = []
    for counts, joined in parts:
        local = joined.split("\x00") if joined else []
        mapping = np.fromiter((index.setdefault(term, len(index)) for term in local), dtype=np.int64, count=len(local))
        counts = counts.tocoo()
        remapped.append((counts.shape[0], counts.row, mapping[counts.col], counts.data))
    n_terms = len(index)
    matrix = sp.vstack(
        [sp.csr_matrix((data, (row, col)), shape=(n_rows, n_terms)) for n_rows, row, col, data in remapped]
    ).tocsr()
    return matrix, np.array(list(index), dtype=object)


def fit_distinct(vectorizer: TextVectorizer, texts: Sequence[str]) -> tuple[sp.csr_matrix, dict[str, int]]:
    """Fit `vectorizer` on each distinct stated text once; return its rows, an empty one last, and each text's row.

    A profile's needs and offers are often one text: counted once, it does not double its terms'
    document frequencies. The empty text ("") maps to the empty row.
    """
    corpus = list(dict.fromkeys(text for text in texts if text))
    fitted = vectorizer.fit_transform(corpus)
    matrix = sp.vstack([fitted, sp.csr_matrix((1, fitted.shape[1]), dtype=fitted.dtype)], format="csr")
    return matrix, {text: row for row, text in enumerate(corpus)} | {"": len(corpus)}


def profile_vectorizer(corpus_size: int, *, n_jobs: int = 1) -> TextVectorizer:
    """Return the text features of two-sided profile matches, as the portal and `evaluate_matching` fit them.

    Folded words and word pairs: "đại học" meets "dai hoc". A term in half of a large corpus tells
    nothing; in a small portal (or a test) no term is that common by accident. A term only one text
    uses can meet nothing, so in a large corpus it does not take one of a text's `max_terms` places.
    Chosen on profiles-vntc (P@10, sparse score): 64 places 0.72, 128 places 0.76, no cap 0.76. Word
    pairs across punctuation and stop words too (`phrases=False`) cost 0.01 there and keep a full
    recompute a third faster (bench/matching.py); reasons still show only phrases somebody wrote.
    """
    large = corpus_size >= 200
    return TextVectorizer(
        ngram_range=(1, 2),
        min_df=2 if large else 1,
        max_df=0.5 if large else 1.0,
        max_terms=128,
        phrases=False,
        n_jobs=n_jobs,
    )


def keep_strongest(matrix: sp.csr_matrix, max_terms: int, *, block_rows: int = 16_384) -> sp.csr_matrix:
    """Return `matrix` with only the `max_terms` largest entries of each row kept (ties: first columns).

    The cut is a per-row threshold from numpy's partition on a padded block of long rows, not a
    sort of every entry: the cap runs over every text of a full recompute (tens of millions of entries).
    """
    matrix = matrix.tocsr().copy()
    lengths = np.diff(matrix.indptr)
    long_rows = np.flatnonzero(lengths > max_terms)
    if long_rows.size == 0:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    threshold = np.full(matrix.shape[0], -np.inf, dtype=matrix.data.dtype)
    for first in range(0, long_rows.size, block_rows):
        block = long_rows[first : first + block_rows]
        block_lengths = lengths[block]
        padded = np.full((block.size, int(block_lengths.max())), -np.inf, dtype=matrix.data.dtype)
        within = np.arange(block_lengths.sum()) - np.repeat(np.cumsum(block_lengths) - block_lengths, block_lengths)
        sources = np.repeat(matrix.indptr[block], block_lengths) + within
        padded[np.repeat(np.arange(block.size), block_lengths), within] = matrix.data[sources]
        threshold[block] = -np.partition(-padded, max_terms - 1, axis=1)[:, max_terms - 1]
    above = matrix.data > threshold[rows]
    tied = matrix.data == threshold[rows]
    room = max_terms - np.bincount(rows[above], minlength=matrix.shape[0])
    tied_before = np.concatenate([[0], np.cumsum(tied)])
    tied_rank = tied_before[:-1] - tied_before[matrix.indptr[rows]]
    matrix.data[~(above | (tied & (tied_rank < room[rows])))] = 0
    matrix.eliminate_zeros()
    return matrix


def shared_terms(
    left: sp.csr_matrix, right: sp.csr_matrix, terms: np.ndarray, top: int = 5
) -> list[tuple[str, float]]:
    """Return the terms two single-row TF-IDF vectors share, strongest contribution first."""
    product = left.multiply(right).tocsr()
    if product.nnz == 0:
        return []
    order = np.argsort(-product.data, kind="stable")[:top]
    return [(str(terms[product.indices[i]]), float(product.data[i])) for i in order]
