"""Words, not syllables: Vietnamese word segmentation shared by the matching features and the reasons.

Vietnamese writes a space between syllables, not between words: "nông nghiệp" (agriculture) and
"trí tuệ nhân tạo" (artificial intelligence) are one word each. Text with diacritics is segmented
by underthesea's CRF word segmenter (its model ships inside the wheel: nothing is downloaded).
Text written without diacritics ("nong nghiep thong minh") is where that model fails, so it is
segmented by longest match against a lexicon: the multi-syllable words the model found in the
corpus, folded. "nong nghiep" then becomes the same word as "nông nghiệp", so matching stays
diacritic-insensitive. English text is split at spaces and punctuation, as before.

A word is a folded form (its folded syllables joined by spaces, so both spellings give the same
string) and the form it was written in. Stop words and punctuation end a run: word pairs are made
only of words written side by side, so a reason never shows a phrase that nobody wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections import ChainMap
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from kernel.text import fold

# Vietnamese function words, written with diacritics (lower case, NFC). A text written with
# diacritics is filtered with these, so "có" (have) goes while "cơ" (mechanics) stays.
VIETNAMESE_STOP_WORDS = frozenset(
    (
        "à", "ạ", "ai", "ấy", "bao", "bằng", "bị", "bởi", "cả", "các", "cái", "cần", "chỉ", "chiếc",
        "cho", "chứ", "chưa", "có", "của", "cùng", "cũng", "đã", "đang", "đây", "để", "đến", "đều",
        "điều", "do", "đó", "được", "gì", "hay", "hơn", "hoặc", "họ", "khi", "không", "là", "lại",
        "lên", "mà", "mỗi", "mình", "mọi", "một", "nào", "này", "nên", "nếu", "ngay", "nhằm", "nhất",
        "nhiều", "như", "nhưng", "những", "nơi", "ở", "qua", "ra", "rất", "rồi", "sau", "sẽ", "sự",
        "tại", "theo", "thì", "thế", "trên", "trong", "từ", "từng", "và", "vào", "vẫn", "về", "với",
        "vì", "việc", "xuống", "tôi", "bạn", "nhau", "đối với", "bao gồm", "cũng như", "tuy nhiên",
        "trong khi", "vì vậy", "do đó", "ngoài ra", "đồng thời", "thông qua", "chúng tôi", "chúng ta",
        "các bạn", "hiện nay", "hiện đang", "cho đến", "kể cả", "như vậy", "như thế", "đặc biệt",
        "hơn nữa", "bên cạnh", "có thể", "nhằm mục đích", "với mục tiêu", "trong đó", "những gì",
    )
)  # fmt: skip
# Folded, for text written without diacritics: only syllables that are function words in every
# reading once the marks are gone (so not "co": có "have" / cơ "mechanics"), and the multi-syllable
# ones, whose folded forms are still unambiguous.
FOLDED_STOP_WORDS = frozenset(
    ("va", "cua", "cac", "nhung", "cho", "voi", "duoc", "mot", "nay", "khi", "theo", "hoac", "se", "cung", "rat")
) | frozenset(fold(word) for word in VIETNAMESE_STOP_WORDS if " " in word)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | FOLDED_STOP_WORDS

_TOKENS = re.compile(r"\w+|[^\w\s]")
_SYLLABLES = re.compile(r"\w+")
# Letters only Vietnamese writes (not French "é" or Spanish "ñ"): a text with one is segmented.
_VIETNAMESE_LETTERS = re.compile("[ăằắặẳẵạảãầấậẩẫẹẻẽềếệểễịỉĩọỏồốộổỗơờớợởỡụủũưừứựửữỳỵỷỹđ]", re.IGNORECASE)
_EDGES = re.compile(r"^\W+|\W+$")
MAX_WORD_SYLLABLES = 4


def is_vietnamese(text: str) -> bool:
    """Return whether `text` is written in Vietnamese with its diacritics (what the segmenter reads)."""
    return not text.isascii() and _VIETNAMESE_LETTERS.search(unicodedata.normalize("NFC", text)) is not None


# Segmented texts fitted vectorizers carry (`TextVectorizer.segments_`): the segmenter is the
# costliest step of a refit, and a profile's text rarely changes between two refits. The last few
# are kept by reference (the index's two vectorizers, and the index before), so a long-running
# worker neither copies them nor keeps every refit's texts.
_known: ChainMap[str, tuple[str, ...]] = ChainMap()
REMEMBERED = 4


def remember(segments: dict[str, tuple[str, ...]]) -> None:
    """Let `segment` answer these texts without running the segmenter again (a loaded or previous index)."""
    global _known
    if segments and not any(known is segments for known in _known.maps):
        _known = ChainMap(segments, *_known.maps[: REMEMBERED - 1])


def segment(text: str) -> tuple[str, ...]:
    """Return the tokens of `text` as written: words (several syllables for a Vietnamese word) and marks."""
    if not is_vietnamese(text):
        return tuple(_TOKENS.findall(text))
    known = _known.get(text)
    return known if known is not None else _segmented(text)


@lru_cache(maxsize=65_536)
def _segmented(text: str) -> tuple[str, ...]:
    # Imported here: loading the segmenter costs about half a second, and English text never needs it.
    from underthesea import word_tokenize

    return tuple(word_tokenize(unicodedata.normalize("NFC", text), use_token_normalize=False))


def _segment_chunk(texts: list[str]) -> list[tuple[str, ...]]:
    return [segment(text) for text in texts]


def segments_of(texts: Iterable[str], *, n_jobs: int = 1, chunk_size: int = 2_000) -> dict[str, tuple[str, ...]]:
    """Return the tokens of each distinct text written with diacritics (remembered ones are not segmented again).

    `n_jobs` > 1 runs the segmenter in that many processes when many texts are new.
    """
    wanted = [text for text in dict.fromkeys(texts) if is_vietnamese(text)]
    found = {text: _known[text] for text in wanted if text in _known}
    new = [text for text in wanted if text not in found]
    if n_jobs > 1 and len(new) > chunk_size:
        from joblib import Parallel, delayed  # only large corpora pay for the worker processes

        chunks = [new[start : start + chunk_size] for start in range(0, len(new), chunk_size)]
        results = Parallel(n_jobs=n_jobs)(delayed(_segment_chunk)(chunk) for chunk in chunks)
        found.update(zip(new, (tokens for chunk in results for tokens in chunk), strict=True))
    else:
        found.update((text, segment(text)) for text in new)
    return found


def lexicon_of(segments: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Return the folded multi-syllable words of segmented texts (what joins text written without diacritics)."""
    found = set()
    for tokens in segments.values():
        for token in tokens:
            if " " in token:
                syllables = _SYLLABLES.findall(fold(token))
                if 1 < len(syllables) <= MAX_WORD_SYLLABLES:
                    found.add(" ".join(syllables))
    return frozenset(found)


class Words:
    """Splits a text into runs of words: `pairs(text)` gives (folded, as written) with None between runs.

    `stop_words`: drop function words (a dropped word ends a run); `lexicon`: folded words that
    join the syllables of text written without diacritics; `phrases`: the features' word pairs stay
    inside runs (False: across punctuation and dropped words too, as scikit-learn pairs them).
    Reasons always read runs (`forms`): a phrase shown is one somebody wrote.
    """

    def __init__(self, *, stop_words: bool = True, lexicon: frozenset[str] = frozenset(), phrases: bool = True):
        self.stop_words = stop_words
        self.lexicon = lexicon
        self.phrases = phrases
        self.starts = frozenset(word.split(" ", 1)[0] for word in lexicon)

    def pairs(self, text: str) -> list[tuple[str, str] | None]:
        """Return the words of `text` in order as (folded, as written), None where a run ends."""
        if not is_vietnamese(text):
            tokens = [(token.lower() if token.isascii() else fold(token), token) for token in segment(text)]
            return self._filter(self._joined(tokens), accented=False)
        words: list[tuple[str, str] | None] = []
        for token in segment(text):
            syllables = _SYLLABLES.findall(fold(token))
            # The segmenter may keep a mark with a word ("· IoT"): the word is shown without it.
            words.append((" ".join(syllables), _EDGES.sub("", token)) if syllables else None)
        return self._filter(words, accented=True)

    def forms(self, text: str) -> dict[str, str]:
        """Return how `text` spells each of its words and word pairs, by folded form ("vung nuoi" → "vùng nuôi").

        A word capitalised only because it starts a sentence is given in lower case ("Nông nghiệp"
        → "nông nghiệp"); names keep their capitals ("Cần Thơ", "IoT").
        """
        pairs = [(pair[0], in_reading_case(pair[1])) if pair else None for pair in self.pairs(text)]
        spelled: dict[str, str] = {}
        for pair in pairs:
            if pair is not None:
                spelled.setdefault(pair[0], pair[1])
        for first, second in pairwise(pairs):
            if first is not None and second is not None:
                spelled.setdefault(f"{first[0]} {second[0]}", f"{first[1]} {second[1]}")
        return spelled

    def folded(self, text: str) -> list[str | None]:
        """Return only the folded forms of `pairs(text)` (what the features count); run ends only for phrases."""
        words = self.pairs(text) if is_vietnamese(text) else self._plain(text)
        if self.phrases:
            return [word[0] if word else None for word in words]
        return [word[0] for word in words if word]

    def _plain(self, text: str) -> list[tuple[str] | None]:
        """Return `pairs(text)`'s folded forms (1-tuples) for text the segmenter does not read, fast.

        Every text of a full recompute passes here: one regex over the folded text and one loop,
        without the written forms only reasons need.
        """
        tokens = _TOKENS.findall(text.lower() if text.isascii() else fold(text))
        if self.starts:
            # A mark ends a run either way: "," stands for the None the joiner gives it.
            tokens = [pair[0] if pair else "," for pair in self._joined([(token, token) for token in tokens])]
        stop_words = STOP_WORDS if self.stop_words else frozenset()
        out: list[tuple[str] | None] = []
        for token in tokens:
            if len(token) < 2 or token in stop_words or not (token[0].isalnum() or token[0] == "_"):
                if out and out[-1] is not None:
                    out.append(None)
            else:
                out.append((token,))
        return out

    def _joined(self, tokens: list[tuple[str, str]]) -> list[tuple[str, str] | None]:
        """Mark punctuation as run ends and join syllables the lexicon knows as one word, longest first."""
        out: list[tuple[str, str] | None] = []
        position = 0
        while position < len(tokens):
            folded, written = tokens[position]
            if not folded[0].isalnum() and folded[0] != "_":
                out.append(None)
                position += 1
                continue
            width = self._match(tokens, position) if folded in self.starts else 1
            if width == 1:
                out.append((folded, written))
            else:
                span = tokens[position : position + width]
                out.append((" ".join(f for f, _ in span), " ".join(w for _, w in span)))
            position += width
        return out

    def _match(self, tokens: list[tuple[str, str]], position: int) -> int:
        for width in range(min(MAX_WORD_SYLLABLES, len(tokens) - position), 1, -1):
            if " ".join(folded for folded, _ in tokens[position : position + width]) in self.lexicon:
                return width
        return 1

    def _filter(self, tokens: Iterable[tuple[str, str] | None], *, accented: bool) -> list[tuple[str, str] | None]:
        """Replace one-letter words and stop words by a run end ("lúa ở đồng bằng": no "lúa đồng bằng");
        never two run ends in a row."""
        out: list[tuple[str, str] | None] = []
        for token in tokens:
            if token is not None:
                folded, written = token
                if len(folded) < 2 or (self.stop_words and self._is_stop_word(folded, written, accented)):
                    token = None
            if token is not None or (out and out[-1] is not None):
                out.append(token)
        return out

    @staticmethod
    def _is_stop_word(folded: str, written: str, accented: bool) -> bool:
        if accented and not written.isascii():
            return unicodedata.normalize("NFC", written.lower()) in VIETNAMESE_STOP_WORDS
        return folded in STOP_WORDS


def in_reading_case(written: str) -> str:
    """Return a word as it reads inside a sentence: "Nông nghiệp" → "nông nghiệp", but "Cần Thơ", "IoT", "Mekong" kept.

    Vietnamese names capitalise every syllable, so a word of several syllables with only its first
    letter capitalised is a common word that started a sentence. A one-syllable word may be a name.
    """
    if " " in written and written[:1].isupper() and written[1:] == written[1:].lower():
        return written[:1].lower() + written[1:]
    return written


def ngrams(words: Sequence[str | None], ngram_range: Sequence[int]) -> list[str]:
    """Return the word 1- and/or 2-grams of one text's runs (None ends a run); `ngram_range` is (min_n, max_n)."""
    grams: list[str] = []
    if ngram_range[0] == 1:
        grams.extend(word for word in words if word is not None)
    if ngram_range[1] == 2:
        grams.extend(f"{a} {b}" for a, b in pairwise(words) if a is not None and b is not None)
    return grams


class WordNgrams:
    """A CountVectorizer analyzer: folded word n-grams of a text (picklable, for worker processes)."""

    def __init__(
        self,
        ngram_range: Sequence[int] = (1, 2),
        *,
        stop_words: bool = True,
        lexicon: frozenset[str] = frozenset(),
        phrases: bool = True,
    ) -> None:
        self.ngram_range = tuple(ngram_range)
        self.words = Words(stop_words=stop_words, lexicon=lexicon, phrases=phrases)

    def __call__(self, text: str) -> list[str]:
        return ngrams(self.words.folded(text), self.ngram_range)
