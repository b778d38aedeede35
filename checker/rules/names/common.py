"""What the name checks share: the rules (codes, docs, examples) and the small judgements
both the segment and the document checks make."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.names import role_before
from checker.extract.numerals import normalize_chinese
from checker.model import NameMention, Severity
from checker.names import split_words
from checker.names.link import (
    LinkedSegment,
    inflected,
    zh_text_of,
)
from checker.names.phonetic import edit_similarity
from checker.names.table import (
    english_key,
    ordinary_english,
    to_simplified,
)
from checker.rules.registry import Rule, register

# A misspelling: letters this similar to the expected name, but not equal.
MISSPELLING = 0.75


#: The Arabic article that opens a word of a name ("al-Kaabi", "el-Sisi"), spelt many ways.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|az|at)-", re.IGNORECASE)


def same_spelling(a: str, b: str) -> bool:
    """Two names spelt alike but for case, punctuation and the Arabic article of each word:
    "Abdel Fattah al-Sisi" and "Abdel Fattah el-Sisi"."""
    return english_key(_without_articles(a)) == english_key(_without_articles(b))


def _without_articles(name: str) -> str:
    return " ".join(ARABIC_ARTICLE.sub("", word) for word in name.split())


#: The words that only give a company's legal form: "China Investment Corp." and "China
#: Investment Corporation" are one name.
COMPANY_FORMS = frozenset(split_words(
    "company corporation corp co group holdings holding ltd limited inc plc"))


@register
class NameInconsistent(Rule):
    """One entity, two renderings in one document.

    Why: a reader meets "Lin Jian" in one paragraph and "Lin Chien" in the next and takes them
    for two people. The preferred form is the glossary's, then the bundled table's, then an
    established (non-pinyin) form, then the one the document uses most. Places where the
    other form is plain pinyin of a name with an established form are reported as E205
    (non-standard) instead, with the inconsistency in the message. A Chinese person called
    by the given name alone ("Guangming" after "Lu Guangming") is reported here too: English
    shortens a Chinese name to the family name. So is a body called once by part of a name
    of it the document never gives ("Contemporary Amperex" where it says "CATL" elsewhere);
    a shorter form of a name it does give ("Henderson Land" after Henderson Land
    Development) is the usual second reference. Also here: a name the body no longer goes by
    beside its current one ("FINA" after "World Aquatics"; alone, a former name is a minor
    E205, since a text about the past may mean it), and two acronyms for one body ("HKSE"
    beside "HKEX", "CLFP" beside "CFLP").
    """

    code = "E201"
    name = "name-inconsistent"
    category = "consistency"
    severity = Severity.MAJOR
    correct = ("发言人林剑表示……林剑还说", "Spokesperson Lin Jian said ... Lin also said")
    incorrect = ("发言人林剑表示……林剑还说", "Spokesperson Lin Jian said ... Lin Chien also said")


@register
class NameMismatch(Rule):
    """A different name sits where the Chinese name should be rendered.

    Why: a wrong person, company or place changes who did what, and reads perfectly fluently.
    Reported when the Chinese name has no rendering in its aligned English and an English
    name there is accounted for by nothing in the Chinese; and when an English name could
    only have come from a Chinese name that is not there — a known person, body or foreign
    place whose Chinese name is absent ("Kyoto" with no 京都), a pinyin name or place none of
    whose syllables the Chinese holds ("Zhang Jike" beside 郭梅) — even if the name it
    displaced is one the checker does not know. Context a translator adds (China, the US)
    and Hong Kong or Taiwan texts, whose names are spelt too many ways, are left alone.
    """

    code = "E202"
    name = "name-mismatch"
    category = "name"
    severity = Severity.MAJOR
    correct = ("特朗普政府", "the Trump administration")
    incorrect = ("特朗普政府", "the Biden administration")


@register
class NameMisspelled(Rule):
    """A near miss of the expected rendering: a letter dropped, doubled or swapped.

    The expected rendering is the table's, the pinyin's, or the document's own spelling of
    the name elsewhere (a township no table knows, "Liushuwan" once and "Liushiwan" after);
    for a transliteration no table knows, a known person's full name the English is one slip
    from ("Christophe Fouqet": the table's Christophe Fouquet). Also a known body's name of
    three words or more with one word swapped for another ("Abu Dhabi National Petroleum
    Company" for the Abu Dhabi National Oil Company, "Qatar Investment Agency" where the
    Chinese says 该局 after 卡塔尔投资局, "Forum on China-Africa Commerce Beijing Summit"), and
    a misspelt full name around an accepted short form ("Tengku Zafrul Azis").
    A name nothing vouches for, spelt two near ways equally often, is reported at each place.

    Why: a misspelt name is an error a reader notices and a spellchecker does not.
    Example: 付凌晖 is Fu Linghui, not "Fu Linhui"; 黄仁勋 is Jensen Huang, not "Jenson Huang".
    """

    code = "E203"
    name = "name-misspelled"
    category = "name"
    severity = Severity.MAJOR
    correct = ("国家统计局新闻发言人付凌晖表示", "NBS spokesperson Fu Linghui said")
    incorrect = ("国家统计局新闻发言人付凌晖表示", "NBS spokesperson Fu Linhui said")


@register
class NameMissing(Rule):
    """A person, organisation or place of the Chinese is not in its aligned English.

    Why: a dropped name loses who said or did something. A name already given nearby may be
    replaced by a pronoun or a description ("he", "the ministry"), or moved into the next
    sentence: that is not reported. In a document of several sentences a missing place or
    organisation is minor (the context often carries it: 美国商务部 → "the Commerce
    Department"); a missing person is always major.
    """

    code = "E204"
    name = "name-missing"
    category = "name"
    severity = Severity.MAJOR
    correct = ("王毅与布林肯举行会谈", "Wang Yi held talks with Antony Blinken")
    incorrect = ("王毅与布林肯举行会谈", "Wang Yi held talks")


@register
class NameNonStandard(Rule):
    """Pinyin where the entity has an established English name.

    Why: "Huang Renxun" is the pinyin of 黄仁勋, but English readers know him as Jensen Huang;
    "Ma Kelong" is the pinyin of the Chinese transliteration of Emmanuel Macron. Readers do not
    recognise either. The suggestion is the established name (glossary, then bundled table).
    Also the Mandarin reading of a Japanese or Korean name ("Pingye Huiyi" for 平野惠一,
    "Piao" for 朴), or of a name whose title makes its bearer Korean, Japanese or Vietnamese
    ("Yin Ningbin" for 韩国宇宙航空厅厅长尹宁彬), and — minor, for a look — mainland pinyin
    for a person the Chinese places in Hong Kong, Macao, Taiwan, Singapore or Malaysia, who
    writes the name otherwise.
    """

    code = "E205"
    name = "name-nonstandard"
    category = "name"
    severity = Severity.MAJOR
    correct = ("英伟达首席执行官黄仁勋", "NVIDIA CEO Jensen Huang")
    incorrect = ("英伟达首席执行官黄仁勋", "NVIDIA CEO Huang Renxun")


@register
class TermMismatch(Rule):
    """A glossary term not translated as the glossary says.

    Why: a house glossary fixes the wording of key terms (新质生产力 → "new quality
    productive forces"); a synonym, however good, breaks consistency across publications.
    Only a user's glossary (``--glossary``) is checked: its terms, and its names where the
    English uses another accepted form (the glossary says "Huang Jen-hsun", the English
    "Jensen Huang").
    """

    code = "T101"
    name = "term-mismatch"
    category = "term"
    severity = Severity.MAJOR
    correct = ("发展新质生产力", "develop new quality productive forces")
    incorrect = ("发展新质生产力", "develop new productive forces of high quality")
    glossary = (("新质生产力", "new quality productive forces"),)


@lru_cache(maxsize=64)
def traditional(text: str) -> bool:
    """Written in Traditional characters (a Hong Kong, Macao or Taiwan text)."""
    return to_simplified(text) != normalize_chinese(text)


def initials(name: str) -> str:
    """"cic" for China Investment Corporation: what an acronym of the name would be."""
    return "".join(w[0] for w in english_key(name).split() if w not in ("of", "the", "and"))


def ordinary_words(text: str, glossing: int = 3) -> bool:
    """A name of one or two ordinary English words ("Total", "Human Rights", "Link"): words
    CC-CEDICT uses to gloss at least ``glossing`` ordinary Chinese words. It may translate
    words of the Chinese rather than name anything."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
    counts = ordinary_english()
    return len(words) <= 2 and all(counts.get(w, 0) >= glossing for w in words)


PLACE_NOUNS = frozenset(split_words(
    "subdistrict district county city province town township village prefecture street road "
    "river lake mountain island region state palace temple square hall tower park garden "
    "bridge port bay station stadium harbor harbour airport pier wharf terminal market "
    "centre center arena"))


def kind_of(mention: NameMention) -> str:
    return mention.entity.kind if mention.entity else mention.kind


def entity_key(mention: NameMention) -> str:
    """What identifies an entity across a document: the table's key, else the Chinese text;
    a transliterated name by its family part (霍华德·卢特尼克 and 卢特尼克 are one man)."""
    if mention.entity:
        return mention.entity.key
    if mention.evidence in ("dotted", "translit"):
        return re.split(r"[·•・．]", mention.span.text)[-1]
    return mention.span.text


def one_slip(form: str, text: str) -> bool:
    """``text`` is ``form`` with a letter or two wrong: as many words, not an inflection."""
    return len(form.split()) == len(text.split()) and not inflected(form, text) \
        and MISSPELLING <= edit_similarity(form, text) < 1.0


def title_nationality(mention: NameMention, segment: LinkedSegment) -> tuple[str, str] | None:
    """The nationality a person's title gives a name written in characters (韩国LG新能源首席
    执行官|金东明: Korean), and that title; None when the title serves a Chinese side
    (韩国三星电子中国区总裁) or there is none. Such a name is written in English as its bearer
    writes it, which the characters do not tell."""
    text = zh_text_of(mention, segment)
    if text is None:
        return None
    clause = re.split(r"[，。；：、,;:（）()“”「」《》\s和与及]",
                      to_simplified(text.text[:mention.span.start - text.start]))[-1]
    country = _FOREIGN_SERVICE.search(clause)
    if country is None or _CHINESE_SIDE.search(clause[country.end():]) \
            or not role_before(clause, len(clause)) or _a_branch_of(clause, country):
        return None
    return _NATIONALITY[country.group(0)], clause


def _a_branch_of(clause: str, country: re.Match[str]) -> bool:
    """隆基绿能越南公司总经理, 中国驻韩国大使: the country names a body's branch or a mission
    there, whose staff may come from the body's own country."""
    return country.start() > 0 and (_BRANCH.match(clause, country.end()) is not None
                                    or clause[country.start() - 1] == "驻")


_BRANCH = re.compile("(?:分公司|子公司|公司|工厂|办事处|代表处|分行|分部)")


#: The countries whose people's names Chinese writes in characters and English in their own
#: romanisation; 代表理事 is a Korean company's chief executive.
_NATIONALITY = {"韩国": "Korean", "朝鲜": "Korean", "代表理事": "Korean", "日本": "Japanese",
                "越南": "Vietnamese"}
_FOREIGN_SERVICE = re.compile("|".join(_NATIONALITY))
#: A Chinese person serving a foreign body: 韩国三星电子中国区总裁
_CHINESE_SIDE = re.compile("中国|中方|中资|华裔|华人|华侨|台湾|香港|澳门|驻华|在华|中区|华区")
