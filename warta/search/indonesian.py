"""How Warta reads Indonesian text for search: words, stems and compounds.

Words
    A word is a run of letters and digits (``[^\\W_]+``), lower-cased. Everything
    else, including every character that means something to a search syntax
    (quotes, ``& | ! : * ( ) -``, FTS operators' punctuation), separates words, so a
    reader's query never reaches the database as syntax: only single words do, each
    passed as a parameter.

Stems
    Affixes are removed with the Snowball Indonesian stemmer: on PostgreSQL by the
    built-in ``indonesian`` text search configuration, elsewhere (SQLite) by the
    ``snowballstemmer`` package, which is the same algorithm (``pembicaraan``,
    ``dibicarakan`` and ``bicara`` all become ``bicara``; particles ``-lah/-kah``
    and ``-nya`` go too). Both sides of a search are stemmed the same way, so the
    algorithm's known slips (``menanam`` -> ``anam``, ``menteri`` -> ``teri``) cost
    recall on a few words but never make index and query disagree.

Compounds
    Indonesian writes many compounds both split and joined (``kerja sama``,
    ``bekerja sama``, ``kerjasama``; ``tanggung jawab``, ``pertanggungjawaban``), and
    the stemmer cannot see that ``kerjasama`` holds ``kerja`` (it makes ``rjasama``).
    So every pair of adjacent words in a document (separated only by spaces or a
    hyphen) is also indexed as *joined* tokens: the stems glued together
    (``kerja`` + ``sama`` -> ``kerjasama``) and the stem of that
    (``rjasama``), which is what the stemmer makes of the word written joined.
    Thus a one-word query ``kerjasama`` finds ``bekerja sama``.

    In a query each word must match (AND). A word is satisfied by one of its
    *forms*, or by the joined tokens of the pair it forms with the word before or
    after it. The forms are its stem, the word as written, and the stem of its
    stem: the stemmer strips at most two prefixes, so a joined compound with one
    prefix more (``bekerjasama`` -> ``kerjasama``) needs a second pass to meet
    ``kerjasama`` -> ``rjasama``, and a word the stemmer over-strips in the query
    (``menteri`` -> ``teri``) still finds the documents whose word stems to it
    (``kementerian`` -> ``menteri``). With ``A(i)`` for "the document has a form of
    word i" and ``J(i)`` for "the document has a joined token of words i and
    i+1", a query is::

        AND over i of ( A(i) | J(i-1) | J(i) )

    which is linear in the number of words, so ``kerja sama`` also finds
    ``kerjasama`` and ``bekerjasama``. A few very common function words (``di``,
    ``yang``, ``dan`` ...) are dropped from queries that have other words, since
    requiring them only loses results.

Nothing here touches the database; ``queries.py`` turns a ``SearchTerms`` into SQL
for each database and ``services.py`` stores a ``DocumentTerms``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 10

WORD = re.compile(r"[^\W_]+")
PARTIAL_WORD_AT_END = re.compile(r"[^\W_]+\Z")
# Two words written as one compound when only spaces or a hyphen separate them.
PAIR_GAP = re.compile(r"[ \t\u00a0]*-?[ \t\u00a0]*")

# Dropped from queries that have other words: nearly every article has them.
QUERY_STOPWORDS = frozenset(
    (  # noqa: SIM905 -- a line of words reads better than a column of them
        "yang dan di ke dari untuk dengan pada dalam atau ini itu oleh para akan adalah "
        "juga sebagai bahwa"
    ).split()
)

_local = threading.local()


def _stemmer():
    """Snowball stemmers keep state between calls: one per thread."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("indonesian")
    return stemmer


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball Indonesian stem of a lower-case word."""
    return _stemmer().stemWord(word)


@dataclass(frozen=True)
class Word:
    text: str  # lower-case
    start: int
    end: int
    joins_next: bool  # only spaces or a hyphen before the next word

    @property
    def stem(self) -> str:
        return stem(self.text)


def words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets, in order."""
    found = list(WORD.finditer(text))
    result = []
    for i, match in enumerate(found):
        joins = (
            i + 1 < len(found)
            and PAIR_GAP.fullmatch(text, match.end(), found[i + 1].start()) is not None
        )
        result.append(Word(match.group().lower(), match.start(), match.end(), joins))
    return result


def joined_tokens(first: str, second: str) -> tuple[str, ...]:
    """Index tokens of two adjacent words read as one compound (see module doc).

    Only words of letters form compounds (``tahun 2024`` is not one), and a
    doubled word (``anak-anak``) is a plural, not a compound.
    """
    if first == second or not (first.isalpha() and second.isalpha()):
        return ()
    glued = stem(first) + stem(second)
    # Gluing can hand the stemmer a prefix ("di kota" -> "dikota" -> "kota"); a token
    # that is just one of the two words' own stems says nothing about the pair.
    own = {stem(first), stem(second)}
    return tuple(t for t in dict.fromkeys((glued, stem(glued))) if t not in own)


@dataclass(frozen=True)
class DocumentTerms:
    """What one text field contributes to the index."""

    words: str  # the words, space-separated: PostgreSQL stems them itself
    compounds: str  # joined tokens of adjacent pairs, already final
    terms: str  # stems and joined tokens, unique, space-delimited on both ends

    @classmethod
    def of(cls, *texts: str) -> DocumentTerms:
        all_words: list[str] = []
        compounds: list[str] = []
        for text in texts:
            found = words(text)
            all_words.extend(w.text for w in found)
            for here, after in zip(found, found[1:], strict=False):
                if here.joins_next:
                    compounds.extend(joined_tokens(here.text, after.text))
        unique = dict.fromkeys([*(stem(w) for w in all_words), *compounds])
        return cls(
            words=" ".join(all_words),
            compounds=" ".join(dict.fromkeys(compounds)),
            terms=f" {' '.join(unique)} " if unique else "",
        )


@dataclass(frozen=True)
class QueryWord:
    """One word a result must contain, with the compounds that may stand for it."""

    text: str
    joined: tuple[str, ...]  # joined tokens with the word before or after it

    @property
    def forms(self) -> tuple[str, ...]:
        """Index terms that stand for this word (see the module doc)."""
        once = stem(self.text)
        return tuple(dict.fromkeys((once, self.text, stem(once))))


@dataclass(frozen=True)
class SearchTerms:
    text: str  # the query as used (cleaned and bounded), for showing back
    words: tuple[QueryWord, ...]

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def highlight_stems(self) -> frozenset[str]:
        """Stems and joined tokens that mark a word (or a pair) in a result."""
        found = set()
        for word in self.words:
            found.update(word.forms)
            found.update(word.joined)
        return frozenset(found)

    @classmethod
    def parse(cls, raw: str) -> SearchTerms:
        """Read a reader's query: bounded in length and words, syntax removed."""
        text = raw[:MAX_QUERY_CHARS]
        if len(raw) > MAX_QUERY_CHARS and WORD.match(raw, MAX_QUERY_CHARS):
            text = PARTIAL_WORD_AT_END.sub("", text)  # no half word from the cut
        text = " ".join(text.split())
        found = [w.text for w in words(text)]
        kept = [w for w in found if w not in QUERY_STOPWORDS] or found
        kept = list(dict.fromkeys(kept))[:MAX_QUERY_WORDS]
        pairs = [joined_tokens(a, b) for a, b in zip(kept, kept[1:], strict=False)]
        query_words = []
        for i, word in enumerate(kept):
            joined = (pairs[i - 1] if i > 0 else ()) + (pairs[i] if i < len(pairs) else ())
            query_words.append(QueryWord(word, tuple(dict.fromkeys(joined))))
        return cls(text=text, words=tuple(query_words))
