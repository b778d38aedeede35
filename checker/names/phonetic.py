"""Sound-alike matching of a Chinese transliteration to the foreign name it renders.

科莱特·克雷斯 (ke lai te ke lei si) is Colette Kress; 帕利 (pa li) is Parly; 特朗普 (te lang pu)
is Trump. Both sides are reduced to a skeleton of consonant classes (voicing ignored, l = r,
vowels and h dropped), then compared by edit distance. Crude, but it separates a real rendering
from a different name ("Khabarovsk Krai" for 帕利) well, and needs no data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.names.romanize import ascii_fold, readings

# Pinyin spellings that sound different from English spellings of the same letters.
_PINYIN_SOUNDS = (("zh", "j"), ("ch", "ch"), ("sh", "sh"), ("x", "sh"), ("q", "ch"),
                  ("c", "ts"), ("z", "dz"), ("ng", "n"), ("er", "r"))
# English letter groups, longest first, mapped to one class letter ("" = silent/vowel).
_ENGLISH_CLASSES = (
    ("tch", "S"), ("sch", "S"), ("ph", "F"), ("ch", "S"), ("sh", "S"), ("th", "θ"),
    ("dg", "S"),  # Hodgson 霍奇森, Bridges 布里奇斯: the sound of j
    ("ck", "K"), ("gh", ""), ("kh", "K"), ("qu", "K"), ("ts", "S"), ("dz", "S"),
    ("ng", "N"), ("x", "KS"), ("ce", "S"), ("ci", "S"), ("cy", "S"), ("ge", "S"),
    ("gi", "S"),
)
_CLASSES = {
    "p": "P", "b": "P", "t": "T", "d": "T", "k": "K", "g": "K", "c": "K", "q": "K", "f": "F",
    "v": "F", "w": "F", "s": "S", "z": "S", "j": "S", "m": "N", "n": "N", "l": "L", "r": "L",
    "h": "", "y": "",
}


@lru_cache(maxsize=8192)
def skeleton(letters: str) -> str:
    """Consonant classes of a lowercase ASCII spelling: "colettekress" → "KLTKLS"."""
    out, index = [], 0
    while index < len(letters):
        for group, cls in _ENGLISH_CLASSES:
            if letters.startswith(group, index):
                if group in ("ce", "ci", "cy", "ge", "gi"):
                    out.append(cls)
                    index += 1  # keep the vowel for the next step
                elif group == "gh" and (index == 0 or not letters[index - 1].isalpha()):
                    out.append("K")  # a hard g opening a word: Ghana 加纳, Gheit 盖特
                    index += 2
                else:
                    out.append(cls)
                    index += len(group)
                break
        else:
            out.append(_CLASSES.get(letters[index], ""))
            index += 1
    # doubled letters sound once ("Colette"), a final r is silent in most transliterations
    collapsed = re.sub(r"(.)\1+", r"\1", "".join(out))
    return collapsed


# Characters a transliteration reads other than their first reading: 沃什 is "wo shi" (Warsh),
# 加西亚 "ga xi ya" (Garcia, Gaza, Canada: 加 renders a hard g or c), 埃夫斯塔西乌 "...xi u"
# (Efstathiou: 乌 renders a vowel, u or ou).
_TRANSLITERATION_READINGS = {"什": "shi", "缪": "miu", "加": "ga", "乌": "u", "烏": "u",
                             "若": "zhuo"}  # 若昂 João, 若泽 José: a Portuguese j


@lru_cache(maxsize=8192)
def chinese_skeleton(text: str) -> str:
    """The skeleton of a transliteration's Mandarin reading: 特朗普 → "TLNP"."""
    syllables = []
    for char in text:
        options = readings(char)
        if not options:
            continue
        syllable = _TRANSLITERATION_READINGS.get(char, options[0])
        for pinyin, sound in _PINYIN_SOUNDS:
            syllable = syllable.replace(pinyin, sound)
        syllables.append(syllable)
    return skeleton("".join(syllables))


def sound_similarity(chinese: str, english: str) -> float:
    """0..1: how well an English name sounds like a Chinese transliteration."""
    folded = ascii_fold(english)
    left, right = chinese_skeleton(chinese), skeleton(folded)
    if not left or not right:
        return 0.0
    similarity = 1.0 - _distance(left, right) / max(len(left), len(right))
    if _FRENCH_OI.search(folded) and chinese.endswith("瓦"):
        # French oi/oy sounds "wa", which Chinese writes 瓦 (Leroy 勒鲁瓦, François 弗朗索瓦)
        french = skeleton(_FRENCH_OI.sub("wa", folded))
        similarity = max(similarity,
                         1.0 - _distance(left, french) / max(len(left), len(french)))
    return similarity


_FRENCH_OI = re.compile(r"o[iy]", re.IGNORECASE)


# n/l (Nanjing, Lanzhou are confused), s/k (维奇 "vich", "vic"); th is t (托马斯 Thomas) and
# also s (阿瑟 Arthur, 史密斯 Smith)
_CLOSE = ({"N", "L"}, {"S", "K"}, {"θ", "S"})
_TH = {"θ", "T"}


def _distance(a: str, b: str) -> float:
    """Edit distance; swapping n for l, or dropping an l (the r of "Parly"), costs half."""
    previous = [float(i) for i in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        current = [float(i)]
        for j, y in enumerate(b, 1):
            substitute = 0.0 if x == y or {x, y} == _TH else (
                0.5 if {x, y} in _CLOSE else 1.0)
            current.append(min(previous[j] + (0.5 if x == "L" else 1.0),
                               current[j - 1] + (0.5 if y == "L" else 1.0),
                               previous[j - 1] + substitute))
        previous = current
    return previous[-1]


def edit_similarity(a: str, b: str) -> float:
    """Plain letter similarity of two spellings (misspelt names): 1 − distance / length."""
    x, y = ascii_fold(a), ascii_fold(b)
    if not x or not y:
        return 0.0
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (cx != cy)))
        # a swap of two neighbours is one slip, not two
        previous = current
    distance = previous[-1]
    if sorted(x) == sorted(y) and distance == 2 and len(x) == len(y):
        distance = 1
    return 1.0 - distance / max(len(x), len(y))
