"""Words for search: what a document is made of and what a query asks for, the same for every engine.

Documents and queries are both reduced to folded words (no case, no diacritics, "đ" → "d") separated by
single spaces, so PostgreSQL's parser, SQLite's FTS5 tokenizer and Python all see identical tokens and
no punctuation ever reaches an engine's query syntax.
"""

import re
import unicodedata

from kernel.text import fold

# Letters and digits of any script; underscores and everything else separate words.
_WORD = re.compile(r"[^\W_]+")
# Control and format characters, and the private-use markers engines highlight with: never indexed or searched.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ue000\ue001]")
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12
MAX_TERM_LENGTH = 40


def clean(text: str) -> str:
    """Return `text` in NFC without control characters or highlight markers, spaces collapsed."""
    return " ".join(_INVISIBLE.sub(" ", unicodedata.normalize("NFC", text or "")).split())


# Folded forms of the words seen so far: a language has far fewer distinct words than a rebuild has
# characters, so each word is folded once instead of every time it occurs.
_folded_words: dict[str, tuple[str, ...]] = {}
MAX_CACHED_WORDS = 500_000


def words(text: str) -> list[str]:
    """Return the folded words of `text` in order ("Đại học, Thủ-Dầu-Một" → ["dai", "hoc", "thu", "dau", "mot"])."""
    found = []
    for written in _WORD.findall(unicodedata.normalize("NFC", text or "")):
        folded = _folded_words.get(written)
        if folded is None:
            if len(_folded_words) >= MAX_CACHED_WORDS:
                _folded_words.clear()
            # Folding may split a word ("½" → "1⁄2") or join letters: findall again on the folded form.
            folded = _folded_words[written] = tuple(_WORD.findall(fold(written)))
        found.extend(folded)
    return found


def folded_text(*parts: str) -> str:
    """Return the folded words of all `parts`, separated by single spaces: the indexed form of a text."""
    return " ".join(word for part in parts if part for word in words(part))


def exact_words(text: str) -> list[str]:
    """Return the lower-case words of `text` with their diacritics kept ("Thủ Dầu" → ["thủ", "dầu"])."""
    return _WORD.findall(clean(text).casefold())


def query_terms(text: str) -> list[str]:
    """Return the folded search terms of a query: at most MAX_QUERY_TERMS words, each cut to MAX_TERM_LENGTH."""
    return [term[:MAX_TERM_LENGTH] for term in words((text or "")[:MAX_QUERY_LENGTH])][:MAX_QUERY_TERMS]


def query_exact_terms(text: str) -> list[str]:
    """Return the query's words with diacritics, or [] when it has none (then exact ranking adds nothing)."""
    exact = [term[:MAX_TERM_LENGTH] for term in exact_words((text or "")[:MAX_QUERY_LENGTH])][:MAX_QUERY_TERMS]
    return exact if exact != query_terms(text) else []
