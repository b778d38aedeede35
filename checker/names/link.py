"""Linking: which English text renders each Chinese name of an aligned segment.

Strongest evidence first: the user's glossary and the bundled table (the entity's English name
or an alias), the same Latin token, pinyin of a Chinese name in any romanisation (surname first
or last, the surname alone as a short form), a Cantonese or Hokkien spelling whose surname
matches, a shorter form of a known name, a word-for-word title, and a sound-alike of a
transliterated foreign name. A Chinese name the extractor missed is found back from its English
spelling. The rules (checker.rules.names) report what failed to link and how.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from checker.extract.names import BODY_RUN, PREPOSITION_SURNAMES, role_ending_at, transliteration
from checker.lexicon import english_glosses, english_tokens, normalise_word, zh_content_words
from checker.model import Entity, NameMention, SentenceFacts, Span
from checker.names import romanize, split_words
from checker.names.phonetic import edit_similarity, sound_similarity
from checker.names.table import (
    EntityTable,
    common_words,
    english_key,
    japanese_reading,
    ordinary_english,
    to_simplified,
)

# Below this a sound-alike is not the name; above LINK it is.
SOUND_LINK = 0.6


# A Chinese-looking name rendered by its sound (古兰沙 Gourinchas) must sound this close.
CLOSE_SOUND = 0.8


# A Chinese name found from its English spelling must be at least this close to it.
CLOSE_SPELLING = 0.8


#: How English names a country besides its name: its adjective, its capital, its acronym.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "China": ("Chinese", "Beijing", "PRC"),
    "United States": ("American", "Americans", "U.S.", "US", "USA", "America", "Washington"),
    "Japan": ("Japanese", "Tokyo"),
    "United Kingdom": ("British", "Britain", "UK", "U.K.", "London"),
    "France": ("French", "Paris"),
    "Germany": ("German", "Berlin"),
    "Russia": ("Russian", "Moscow"),
    "India": ("Indian",),
    "South Korea": ("Korean", "South Korean", "Seoul", "Korea"),
    "Italy": ("Italian",),
    "Canada": ("Canadian",),
    "Australia": ("Australian",),
    "Taiwan": ("Taiwanese",),
    "Hong Kong": ("HK",),
    "Europe": ("European",),
    "Asia": ("Asian",),
    "Africa": ("African",),
    "Spain": ("Spanish",),
    "Brazil": ("Brazilian",),
    "Mexico": ("Mexican",),
    "Israel": ("Israeli",),
    "Iran": ("Iranian",),
    "Ukraine": ("Ukrainian",),
    "Singapore": ("Singaporean",),
    "Vietnam": ("Vietnamese",),
    "Thailand": ("Thai",),
    "Indonesia": ("Indonesian",),
    "Malaysia": ("Malaysian",),
    "Philippines": ("Filipino", "Philippine"),
    "Pakistan": ("Pakistani",),
    "Turkey": ("Turkish", "Türkiye"),
    "Netherlands": ("Dutch",),
    "Switzerland": ("Swiss",),
    "Sweden": ("Swedish",),
    "Egypt": ("Egyptian",),
    "Saudi Arabia": ("Saudi",),
    "North Korea": ("North Korean", "DPRK", "Pyongyang"),
    "Macao": ("Macau", "Macanese"),
    "Denmark": ("Danish",), "Finland": ("Finnish",), "Norway": ("Norwegian",),
    "Poland": ("Polish",), "Greece": ("Greek",), "Portugal": ("Portuguese",),
    "Ireland": ("Irish",), "Scotland": ("Scottish",), "Argentina": ("Argentine",),
    "Lebanon": ("Lebanese",), "Laos": ("Lao", "Laotian"), "Myanmar": ("Burmese",),
    "Nepal": ("Nepali", "Nepalese"), "New Zealand": ("New Zealander",), "Peru": ("Peruvian",),
    "Czech Republic": ("Czech",), "Czechia": ("Czech",), "Slovakia": ("Slovak",),
    "United Arab Emirates": ("Emirati", "UAE"), "Kazakhstan": ("Kazakh",),
    "Uzbekistan": ("Uzbek",), "Afghanistan": ("Afghan",), "Belgium": ("Belgian",),
    "Sudan": ("Sudanese",), "Wales": ("Welsh",), "Iceland": ("Icelandic",),
    "England": ("English",), "Kyrgyzstan": ("Kyrgyz",), "Tajikistan": ("Tajik",),
    "Turkmenistan": ("Turkmen",), "Croatia": ("Croatian",), "Serbia": ("Serbian",),
    "Qatar": ("Qatari",), "Kuwait": ("Kuwaiti",), "Oman": ("Omani",), "Yemen": ("Yemeni",),
    "Iraq": ("Iraqi",), "Bangladesh": ("Bangladeshi",), "Cambodia": ("Cambodian",),
    "Mongolia": ("Mongolian",), "Chile": ("Chilean",), "Bolivia": ("Bolivian",),
    "Ethiopia": ("Ethiopian",), "Nigeria": ("Nigerian",), "Kenya": ("Kenyan",),
    "Ghana": ("Ghanaian",), "Morocco": ("Moroccan",), "Algeria": ("Algerian",),
    "Zambia": ("Zambian",), "Zimbabwe": ("Zimbabwean",), "Hungary": ("Hungarian",),
    "Austria": ("Austrian",), "Romania": ("Romanian",), "Bulgaria": ("Bulgarian",),
    "Colombia": ("Colombian",), "Venezuela": ("Venezuelan",), "Cuba": ("Cuban",),
}


def adjectives(place: str) -> tuple[str, ...]:
    """The regular adjectives of a place's English name, besides those listed in DEMONYMS:
    "Latin American", "Colombian", "European", "Hungarian", "Iraqi", "Egyptian"."""
    listed = DEMONYMS.get(place, ())
    if place.endswith(("a", "e")):
        return (*listed, place + "n" if place.endswith("a") else place + "an")
    if place.endswith("y"):
        return (*listed, place[:-1] + "ian")
    return (*listed, place + "i", place + "ian", place + "ese")


def inflected(form: str, text: str) -> bool:
    """"Central Plains" for Central Plain, "Middle Eastern" for Middle East, "Guangdong
    Provincial": a form of the name, not a misspelling. A misspelling is at most two
    letters off and is not the name plus an ending."""
    a, b = romanize.ascii_fold(form), romanize.ascii_fold(text)
    if a.startswith(b) or b.startswith(a) or _plural_and_adjective(a, b):
        return True
    return abs(len(a) - len(b)) > 2 or edit_similarity(form, text) * max(len(a), len(b)) < \
        max(len(a), len(b)) - 2


def _plural_and_adjective(a: str, b: str) -> bool:
    """"Democrats" and "Democratic": the plural's stem opens the adjective."""
    plural, other = (a, b) if a.endswith("s") else (b, a)
    stem = plural[:-1]
    return plural.endswith("s") and len(stem) >= 5 and other.startswith(stem) \
        and other[len(stem):] in _ADJECTIVE_ENDINGS


_ADJECTIVE_ENDINGS = frozenset({"ic", "ian", "an", "n", "ese", "i", "ish"})


ORG_WORDS = frozenset(
    split_words(
        "ministry bank company corporation corp group university college agency commission bureau "
        "council committee department office association institute academy exchange fund "
        "federation union league club party court administration authority organization "
        "organisation board inc ltd airlines airline motors news times post daily journal "
        "united fc"
    )
)


_LOWER_NOT_NAME_WORDS = frozenset(split_words(
    "science park center centre station airport port bridge road street hall museum city"))


def established_name(entity: Entity | None) -> str | None:
    """The entity's English name when it is not simply Hanyu pinyin (Jensen Huang, Macron,
    TSMC, and also Wade-Giles or Cantonese names: Chen-Ning Yang, Kaohsiung), so that the
    plain pinyin ("Yang Zhenning") is the non-standard form."""
    if entity is None or entity.kind == "term":
        return None
    if entity.source == "cedict" and entity.kind != "person":
        return None
    if any(romanize.hanyu_spells(zh, entity.en) for zh in entity.zh):
        return None
    return entity.en


ALL_DEMONYMS = frozenset(d for forms in DEMONYMS.values() for d in forms)


@dataclass(frozen=True)
class Link:
    """A Chinese name and the English text that renders it."""

    mention: NameMention
    rendering: Span
    how: str  # established, variant, latin, pinyin, surname, regional, short, gloss, sound,
    # document (as the document renders it elsewhere), word (a word of the name, not its
    # short form)


@dataclass
class LinkedSegment:
    """The names of one aligned segment and how they link across the languages."""

    index: int
    zh: list[NameMention]
    en: list[NameMention]
    en_texts: list[Span]
    zh_texts: list[Span]
    links: list[Link] = field(default_factory=list)
    unlinked: list[NameMention] = field(default_factory=list)
    table: EntityTable | None = None


def link_document(segments: list[tuple[int, SentenceFacts, SentenceFacts]],
                  table: EntityTable) -> list[LinkedSegment]:
    """Link the names of each segment: (segment index, zh facts, en facts) each.

    A Chinese name found from its English spelling in one segment is then looked for in every
    segment: 单建国 introduced as "Shan Jianguo" and later misspelt "Dan Jianguo"."""
    linked = [_link_segment(index, zh, en, table) for index, zh, en in segments]
    discovered = {m.span.text: m.kind for s in linked for m in s.zh if m.evidence == "english"}
    for segment in linked:
        if _add_occurrences(segment, discovered):
            # relink with the new occurrences, keeping what the English showed here
            # (鉴江 found from "Jianjiang" is linked to it, whatever the pinyin finder says)
            segment.links = [link for link in segment.links if link.mention.evidence == "english"]
            _link(segment, discover=False)
    _link_as_elsewhere(linked)
    return linked


def listed_short_forms(entity: Entity | None) -> bool:
    """The table says how to shorten the name ("Prabowo", not "Subianto")."""
    return entity is not None and any(" " not in form for form in entity.english_forms[1:])


#: Links that show how the document itself renders a name.
_RENDERINGS = frozenset({"established", "variant", "pinyin", "regional", "sound", "gloss"})


def _link_as_elsewhere(linked: list[LinkedSegment]) -> None:
    """A name the document renders one way in one place may be rendered the same way, or by
    one word of it, elsewhere: 范日旺 is "Pham Nhat Vuong" once and "Vuong" after, 柯莱特·克雷斯
    "Colette Kress" and then "Kress"."""
    renderings: dict[str, set[str]] = defaultdict(set)
    shortened: dict[str, set[str]] = defaultdict(set)
    for segment in linked:
        for link in segment.links:
            if link.how in _RENDERINGS:
                renderings[link.mention.span.text].add(link.rendering.text)
                parts = re.split(r"[·•・．]", link.mention.span.text)
                words = link.rendering.text.split()
                if len(parts) > 1 and len(parts[-1]) >= 2 and len(words) > 1:
                    # 安德烈·海姆 "Andre Geim", then 海姆 alone: "Geim"
                    renderings[parts[-1]].add(words[-1])
                for part in parts[:-1] if len(words) > 1 else ():
                    # 费萨尔·本·法尔汉 "Faisal bin Farhan", then 费萨尔 alone: "Faisal"
                    renderings[part] |= {word for word in words if len(part) >= 2
                                         and sound_similarity(part, word) >= SOUND_LINK}
            elif link.how in ("surname", "short"):
                shortened[link.mention.span.text].add(link.rendering.text)
    defined = document_acronyms(linked)
    for segment in linked:
        used = {link.rendering for link in segment.links}
        for mention in list(segment.unlinked):
            forms = renderings.get(mention.span.text, set())
            # one word of the full name, unless the document shortens it to another word
            # ("Prabowo" elsewhere: then "Subianto" is a second way to say him)
            words = forms | ({w for form in forms for w in form.split()
                              if len(w) >= 3 and w[:1].isupper() and not (
                                  mention.entity and _a_place_alone(
                                      [w], segment.table, mention.entity))}
                             if not shortened[mention.span.text]
                             and not listed_short_forms(mention.entity) else set())
            # or part of a hyphenated name: "the Gashuunsukhait-Ganqimaodu section"
            span = next((window for n in segment.en for window in _hyphen_parts(n)
                         if window.text in words and not overlaps_used(window, used)), None)
            if span is None and forms:
                span = _acronym_of_a_name_with(forms, segment, used, defined)
            if span is not None:
                how = "given" if _given_name_alone(mention, span.text) else "document"
                segment.links.append(Link(mention, span, how))
                segment.unlinked.remove(mention)
                used.add(span)


def _acronym_of_a_name_with(forms: set[str], segment: LinkedSegment, used: set[Span],
                            defined: dict[str, tuple[str, ...]]) -> Span | None:
    """魏格纳研究所 "AWI", where the document brings in "Alfred Wegener Institute (AWI)" and
    renders 魏格纳 "Wegener" elsewhere: the acronym stands for a name that holds it
    (``defined``: the document's acronyms, see document_acronyms)."""
    for name in segment.en:
        if name.evidence == "acronym" and not overlaps_used(name.span, used) and any(
                re.search(rf"\b{re.escape(form)}\b", before)
                for before in defined.get(name.span.text, ()) for form in forms):
            return name.span
    return None


def document_acronyms(document: list[LinkedSegment]) -> dict[str, tuple[str, ...]]:
    """The acronyms the English of a document brings in "(ACRONYM)", each with the words
    before it (see _bracketed_acronyms)."""
    return _bracketed_acronyms("\n".join(text.text for segment in document
                                         for text in segment.en_texts))


@lru_cache(maxsize=4)
def _bracketed_acronyms(english: str) -> dict[str, tuple[str, ...]]:
    """Acronym → the words before each "(ACRONYM)" of a text (eight at most, from a capital):
    how the document introduces its acronyms (one pass per document, not per question)."""
    found: dict[str, list[str]] = defaultdict(list)
    for match in _INTRODUCED_ACRONYM.finditer(english):
        found[match.group(2)].append(match.group(1).strip())
    return {acronym: tuple(names) for acronym, names in found.items()}


_INTRODUCED_ACRONYM = re.compile(
    r"((?:[A-Z][\w&.'-]*[ \t]+)(?:[\w&.'-]+[ \t]+){0,7}?)\(([A-Z][A-Za-z&.-]{1,11})\)")


def _given_name_alone(mention: NameMention, word: str) -> bool:
    """"Guangming" for 陆光明 (Lu Guangming): English calls a Chinese person by the family
    name; the given name alone is no short form of it (the rules report it)."""
    if mention.entity is not None or mention.kind != "person" or mention.evidence == "english" \
            or not is_chinese_person(mention) or " " in word or "-" in word:
        return False
    _, given = romanize.split_surname(mention.span.text)
    return len(given) >= 2 and romanize.spells(
        [romanize.char_spellings(c) for c in given], romanize.ascii_fold(word))


def _hyphen_parts(name: NameMention) -> list[Span]:
    """The whole name, and each part of a name of capitalised parts joined by hyphens."""
    parts = [name.span]
    if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", name.span.text):
        start = name.span.start
        for part in name.span.text.split("-"):
            parts.append(Span(start, start + len(part), part))
            start += len(part) + 1
    return parts


def _add_occurrences(segment: LinkedSegment, names: dict[str, str]) -> bool:
    """Add the unclaimed occurrences of names found elsewhere (name → kind) to a segment's
    Chinese names; a body's not where it ends a person's name (隆平 in 袁隆平)."""
    added = False
    for name in sorted(names, key=len, reverse=True):
        for text in segment.zh_texts:
            for match in re.finditer(re.escape(name), text.text) if name in text.text else ():
                span = Span(text.start + match.start(), text.start + match.end(), name)
                before = text.text[match.start() - 1:match.start()]
                if names[name] != "person" and before and before in romanize.SURNAMES \
                        and before not in PREPOSITION_SURNAMES:
                    continue
                if not overlaps_used(span, {m.span for m in segment.zh}):
                    segment.zh.append(NameMention(span, names[name], "english"))
                    added = True
    return added


def _link_segment(index: int, zh: SentenceFacts, en: SentenceFacts, table: EntityTable
                  ) -> LinkedSegment:
    names = [_as_namesake(m, zh.texts, en.names) for m in zh.names]
    segment = LinkedSegment(index, names, list(en.names), list(en.texts),
                            list(zh.texts), table=table)
    _link(segment, discover=True)
    return segment


#: What a person's title or a table note says they do: a title of one field before the name
#: of a table person known in another is a namesake's (股评人林嘉欣 is no actress).
_FIELDS_OF_TITLES = {
    "arts": split_words("演员 歌手 导演 影星 歌星 巨星 天王 作家 钢琴家 指挥家 制片人 编剧 "
                        "画家 诗人 艺术家"),
    "sport": split_words("选手 球员 运动员 教练 主教练 主帅 名将 球星 新秀 老将 小将 前锋 后卫 "
                         "中场 门将 球王"),
    "affairs": split_words("董事长 董事 总裁 总经理 经理 首席执行官 行政总裁 执行长 创始人 分析师 "
                           "股评人 经济学家 交易员 银行家 投资人 律师 医生 教授 研究员 局长 部长 "
                           "市长 区长 县长 书记 议员 行长 法官 商人 老板 主席"),
}
_FIELDS_OF_NOTES = {
    "arts": re.compile(r"\b(?:act(?:or|ress)|singer|film|musician|pianist|composer|"
                       r"entertainer|comedian|novelist|writer|pop|star)\b", re.IGNORECASE),
    "sport": re.compile(r"\b(?:player|footballer|swimmer|athlete|coach|sprinter|boxer|golfer|"
                        r"gymnast|diver|skater|Olympic|champion)\b", re.IGNORECASE),
    "affairs": re.compile(r"\b(?:chair(?:man|woman)?|CEO|founder|executive|business\w*|tycoon|"
                          r"entrepreneur|minister|politician|president|governor|official|"
                          r"economist|banker|investor|secretary|mayor|lawmaker|legislator|"
                          r"diplomat|ambassador|scientist|professor|leader)\b", re.IGNORECASE),
}


def _as_namesake(mention: NameMention, zh_texts: tuple[Span, ...],
                 en_names: tuple[NameMention, ...]) -> NameMention:
    """A table person whom the Chinese titles in a field the table does not know them in, and
    whom the English does not name by one of their names (a whole name, or a name ending in
    their family name: "Darren Woods", but not "Cheung Kwok-wing", whose Cheung opens a
    Cantonese name), is another bearer of the name: 建滔集团主席张国荣 is
    the Kingboard chairman Cheung Kwok-wing, not the singer Leslie Cheung. Such a mention is
    linked as a person the table does not know."""
    entity = mention.entity
    if entity is None or entity.kind != "person":
        return mention
    forms = {english_key(form) for form in _english_forms(entity)}
    family = {english_key(form) for form in short_forms(entity)}
    if any(english_key(name.span.text) in forms
           or english_key(name.span.text.split()[-1]) in family for name in en_names):
        return mention
    sentence = next((t for t in zh_texts if t.contains(mention.span)), None)
    if sentence is None:
        return mention
    role = role_ending_at(to_simplified(sentence.text), mention.span.start - sentence.start)
    fields = {field for field, titles in _FIELDS_OF_TITLES.items() if role in titles}
    known = {field for field, pattern in _FIELDS_OF_NOTES.items()
             if pattern.search(entity.note or "")}
    if fields and known and not fields & known:
        return replace(mention, entity=None, evidence="surname")  # as 主席张大明 would be
    return mention


def _link(segment: LinkedSegment, discover: bool) -> None:
    used: set[Span] = {link.rendering for link in segment.links}
    # strongest evidence first, so that a weak sound-alike cannot take another name's
    # rendering; a body no table knows, translated word for word, before the place it opens
    # with ("Huai River Water Resources Commission" is 淮河水利委员会, not 淮河)
    for finder in (_body_by_gloss, by_established, _by_latin, _by_pinyin, _by_regional,
                   _by_honorific, by_short_form, _by_contraction, _by_gloss, _by_sound,
                   _body_by_sound, _by_other_word):
        for mention in segment.zh:
            if any(link.mention is mention for link in segment.links):
                continue
            link = finder(mention, segment, used)
            if link is not None:
                segment.links.append(link)
                used.add(link.rendering)
    if discover:
        _discover_people(segment, used)
        _discover_bodies(segment, used)
    linked = {id(link.mention) for link in segment.links}
    segment.unlinked = [m for m in segment.zh if id(m) not in linked]


def _by_honorific(mention: NameMention, segment: LinkedSegment, used: set[Span]
                  ) -> Link | None:
    """张先生 "Mr Zhang", 陈先生 "Mr Chan": the family name alone, in any of its spellings."""
    if mention.evidence != "honorific":
        return None
    spellings = romanize.surname_spellings(mention.span.text)
    for name in _free_names(segment, used):
        last = name.span.text.split()[-1]
        if romanize.ascii_fold(last).lower() in spellings:
            start = name.span.end - len(last)
            return Link(mention, Span(start, name.span.end, last), "surname")
    return None


def _discover_people(segment: LinkedSegment, used: set[Span]) -> None:
    """Chinese names the extractor missed, found from the English: "Zheng Qinwen" is pinyin,
    and 郑钦文 stands in the aligned Chinese. A close miss ("Zheng Quinwen") adds the Chinese
    name unlinked, for the misspelling check."""
    # a person's name may hold a company's (何小鹏 holds 小鹏, XPeng): only people block
    taken = [m.span for m in segment.zh if m.kind == "person" or len(m.span.text) > 3]
    for name in _free_names(segment, used):
        words = split_hyphens(name.span.text)
        # "Yang Po-hsuan": Taiwan's Wade-Giles, hyphenated
        if not 2 <= len(words) <= 3 or not (romanised_chinese(name.span.text)
                                            or "-" in name.span.text):
            continue
        for text in segment.zh_texts:
            found = _spelled_in(text, words, taken)
            if found is None:
                continue
            mention, exact = found
            _drop_inside(segment, mention.span)
            segment.zh.append(mention)
            taken.append(mention.span)
            if exact:
                segment.links.append(Link(mention, name.span, "pinyin"))
                used.add(name.span)
            break


def _discover_bodies(segment: LinkedSegment, used: set[Span]) -> None:
    """Companies and places the extractor missed, found from the English: "Longping High-Tech"
    opens with the pinyin of 隆平 (隆平高科), "Beidahuang" is 北大荒. Found once, the Chinese
    name is looked for in every segment, so that "Longping Hi-Tech" or "Great Northern
    Wilderness" elsewhere can be told apart from it."""
    taken = [m.span for m in segment.zh]
    for name in _free_names(segment, used):
        words = name.span.text.split()
        lead = re.sub(r"'s$", "", words[0])
        if not lead[:1].isupper() or len(lead) < 5 or not romanised_chinese(lead) \
                or (segment.table and segment.table.english_owners(lead)):
            continue  # "Shanghai Shenhua": Shanghai is known, and linked on its own
        if len(words) > 1 and romanised_chinese(name.span.text):
            continue  # "Yanze Xiongsi": all pinyin, a person's name (or a place's)
        # a single word may name a two-character place ("in Tongwan", 桐湾), not just
        # anything two characters spell ("if Xiaoming meets…": 小明 is a boy)
        shortest = 2 if len(words) > 1 or _after_a_place_preposition(name, segment) else 3
        found = _pinyin_run(lead, segment.zh_texts, taken, shortest=shortest)
        if found is not None:
            mention = NameMention(found, "org", "english")
            segment.zh.append(mention)
            taken.append(found)
            # "Wangjiaba Town" and "Wangjiaba" are one way of writing 王家坝
            generic = all(w.lower() in _PLACE_WORDS | _GENERIC_WORDS | {"town", "township"}
                          for w in words[1:])
            rendering = Span(name.span.start, name.span.start + len(lead), lead) \
                if generic else name.span
            segment.links.append(Link(mention, rendering, "pinyin"))
            used.add(name.span)


def _after_a_place_preposition(name: NameMention, segment: LinkedSegment) -> bool:
    for text in segment.en_texts:
        if text.start <= name.span.start < text.end:
            before = text.text[:name.span.start - text.start].split()
            return bool(before) and before[-1].lower() in ("in", "at", "from", "near", "to")
    return False


def _pinyin_run(word: str, texts: list[Span], taken: list[Span], shortest: int
                ) -> Span | None:
    """A run of Chinese characters, not a word of the language, that ``word`` spells."""
    folded = romanize.ascii_fold(word).lower()
    blocked = set(taken)
    for text in texts:
        for start, first in enumerate(text.text):
            # most characters cannot begin the word: test the first syllable before the run
            if not any(folded.startswith(s) for s in romanize.char_spellings(first)):
                continue
            for length in range(4, shortest - 1, -1):
                run = text.text[start:start + length]
                span = Span(text.start + start, text.start + start + len(run), run)
                if len(run) == length and _han_only(run) \
                        and to_simplified(run) not in common_words() \
                        and not overlaps_used(span, blocked) \
                        and romanize.spells([romanize.char_spellings(c) for c in run], folded):
                    return span
    return None


def _drop_inside(segment: LinkedSegment, span: Span) -> None:
    """Forget the names (and their links) that a newly found person's name contains."""
    inside = [m for m in segment.zh if span.start <= m.span.start and m.span.end <= span.end]
    segment.zh = [m for m in segment.zh if m not in inside]
    segment.links = [link for link in segment.links if link.mention not in inside]


def _spelled_in(text: Span, words: list[str], taken: list[Span]
                ) -> tuple[NameMention, bool] | None:
    """A surname and given name in ``text`` that the English words spell, exactly or nearly."""
    english = " ".join(words)
    for start, char in enumerate(text.text):
        if char not in romanize.SURNAMES:
            continue
        family = romanize.surname_spellings(char)
        if romanize.ascii_fold(words[0]) not in family and romanize.ascii_fold(
                words[-1]) not in family:
            continue  # the English surname must be this character's
        for length in (3, 2):
            chinese = text.text[start:start + length]
            if len(chinese) < length or not _han_only(chinese):
                continue
            span = Span(text.start + start, text.start + start + length, chinese)
            if overlaps_used(span, set(taken)):
                continue
            mention = NameMention(span, "person", "english")
            if romanize.is_person_spelling(chinese, words) == "full":
                return mention, True
            forms = romanize.person_spelling_forms(chinese)
            wade_giles = [" ".join(split_hyphens(f)) for f in romanize.wade_giles_forms(chinese)]
            if any(len(f.split()) == len(words) and not inflected(f, english)
                   and edit_similarity(f, english) >= CLOSE_SPELLING
                   for f in forms + wade_giles):
                return mention, False
    return None

def _english_forms(entity: Entity) -> list[str]:
    """The full ways the English may name a known entity: its names and aliases, a country's
    adjective ("Chinese"); not a person's surname alone (see ``short_forms``)."""
    short = set(short_forms(entity))
    forms = [f for f in entity.english_forms if f not in short]
    for form in entity.english_forms:
        forms += adjectives(form) if entity.kind == "place" else DEMONYMS.get(form, ())
        if entity.kind == "event" and form.endswith(" Olympics"):
            # "the Los Angeles Games", "the Paris Olympic Games"
            forms += [form[:-len("Olympics")] + "Games", form[:-1] + " Games"]
    return forms


def short_forms(entity: Entity) -> list[str]:
    """A person's family or given name alone on second reference ("Macron", "Xi", "Huang").
    Tried after pinyin, so that the "Huang" of "Huang Renxun" is not taken for a short form
    of Jensen Huang."""
    if entity.kind != "person":
        return []
    words = {w for form in entity.english_forms if " " in form for w in form.split()}
    forms = [f for f in entity.english_forms if " " not in f and f in words]
    if not forms and len(entity.en.split()) >= 2:
        forms.append(entity.en.split()[-1])  # "Macron"; the table lists other short forms
    return list(dict.fromkeys(forms))


def find_text(needle: str, texts: list[Span]) -> Span | None:
    """A whole-word, case-insensitive occurrence of an English name in the segment."""
    return next(_find_all(needle, texts), None)


def _find_all(needle: str, texts: list[Span]) -> Iterator[Span]:
    """Every whole-word occurrence of an English name (case-insensitive unless an acronym)."""
    if not needle.strip():
        return
    pattern = _name_pattern(needle)
    for text in texts:
        for match in pattern.finditer(text.text):
            yield Span(text.start + match.start(), text.start + match.end(), match.group(0))


@lru_cache(maxsize=8192)
def _name_pattern(needle: str) -> re.Pattern[str]:
    """A name's whole-word pattern, compiled once (a long document asks for thousands, which
    would push everything else out of re's own cache)."""
    # "China–Central Asia" for China-Central Asia: any dash joins the words
    escaped = re.sub(r"\\-|[‐–—]", "[-‐–—]", re.escape(needle)).replace(r"\ ", r"[\s‐–—-]+")
    if needle.isupper():
        escaped += "s?"  # AEDs for AED
    flags = 0 if needle.isupper() and len(needle) <= 5 else re.IGNORECASE
    return re.compile(rf"(?<!\w){escaped}(?!\w)", flags)


_PLACE_WORDS = frozenset(split_words(
    "city province prefecture county district port bay street road river lake island"))


#: Capitals that stand for their country ("Tokyo said"), but not inside another name: the
#: "Tokyo" of "University of Tokyo" is no rendering of 日本.
_CAPITALS = frozenset(split_words("Beijing Washington Tokyo London Paris Berlin Moscow Seoul "
                                  "Pyongyang"))


def _inside_a_named_neighbour(span: Span, mention: NameMention, segment: LinkedSegment
                              ) -> bool:
    """"Jiangmen" of "Jiangmen Underground Neutrino Observatory" is not 江门市 when the
    sentence also names the observatory (江门中微子实验), whose name it is. For places: a
    person's name inside a body's (马克斯·普朗克 of the Max Planck Society) is still his."""
    if mention.entity is None or mention.entity.kind != "place":
        return False
    outer = [n.span for n in segment.en if _inside(span, n.span) and n.span != span]
    return bool(outer) and any(
        other is not mention and other.entity is not None
        and other.entity is not mention.entity
        and any(english_key(form) == english_key(o.text) for o in outer
                for form in other.entity.english_forms)
        for other in segment.zh)


def _a_capital_inside(span: Span, entity: Entity, segment: LinkedSegment) -> bool:
    return span.text in _CAPITALS and span.text not in entity.english_forms \
        and _inside_a_longer_name(span, segment)


def _inside_a_longer_name(span: Span, segment: LinkedSegment) -> bool:
    return any(_inside(span, n.span) and n.span != span for n in segment.en)


def _part_of_another_name(span: Span, entity: Entity, segment: LinkedSegment) -> bool:
    """"Toyota" in "Toyota City" is a place, not the carmaker; "Wuhan University" in "Wuhan
    University of Technology" is another university. "Tencent" in "Tencent Holdings" is fine."""
    outer = next((n.span for n in segment.en if _inside(span, n.span)), None)
    if outer is None or span.text.isupper():
        return False  # "UN" in "UN High Commissioner": a body of the UN, still the UN
    # only what follows counts: "Sales of NVIDIA" is NVIDIA, "Toyota City" is not Toyota
    after = outer.text[span.end - outer.start:]
    extra = [re.sub(r"['’]s$", "", w.lower().strip(",.")) for w in after.split()]
    if entity.kind == "place":
        # "Sudan" in "South Sudan", a country of its own; "Paris" in "Paris Agreement" is Paris
        return segment.table is not None and any(
            other is not entity and other.kind in ("place", "name")
            and english_key(other.en) == english_key(outer.text)
            for other in segment.table.english_owners(outer.text))
    if any(w in _PLACE_WORDS for w in extra):
        return True
    if not extra or extra[0] in ORG_WORDS or extra[0] in _UNIT_WORDS:
        return False  # "NBS Department of Urban Surveys", "AMD Chair": still that body
    return entity.kind in ("org", "media") and any(
        _distinctive(w) and w not in ("motor", "motors", "co", "inc") for w in extra if w)


def _opens_a_longer_body(mention: NameMention, segment: LinkedSegment) -> bool:
    """索尼 of 索尼半導體解決方案公司: the Chinese goes on into a body of the company's, so an
    English name that goes on past "Sony" ("Sony Semiconductor Solutions") is that body."""
    if mention.entity is None or mention.entity.kind not in ("org", "media"):
        return False
    text = zh_text_of(mention, segment)
    if text is None:
        return False
    return BODY_RUN.match(text.text, mention.span.end - text.start) is not None


_UNIT_WORDS = frozenset(split_words(
    "division unit branch chair chairman chief ceo president spokesperson spokesman director "
    "head"))


def by_established(mention: NameMention, segment: LinkedSegment, used: set[Span]
                    ) -> Link | None:
    if mention.entity is None:
        return None
    forms = sorted(_english_forms(mention.entity), key=len, reverse=True)
    longer = _opens_a_longer_body(mention, segment)
    for form in forms:
        # a whole name before one inside a longer name: "in Shanghai", not the Shanghai of
        # "Shanghai Shenhua" before it
        for span in sorted(_find_all(form, segment.en_texts),
                           key=lambda span: _inside_a_longer_name(span, segment)):
            if not overlaps_used(span, used) and (longer or not _part_of_another_name(
                    span, mention.entity, segment)) \
                    and not _a_capital_inside(span, mention.entity, segment) \
                    and not _inside_a_named_neighbour(span, mention, segment):
                return Link(mention, span, "established")
    keys = {_name_key(form) for form in forms if " " in form}
    for name in _free_names(segment, used):
        for span, _words in word_windows(name):
            variant = " " in span.text and _name_key(span.text) in keys or any(
                _same_letters(span.text, form) for form in forms if len(form) > 4) or (
                mention.entity.kind == "person" and _with_a_middle_name(span.text, forms))
            if variant and not _part_of_another_name(span, mention.entity, segment) \
                    and not _a_capital_inside(span, mention.entity, segment) \
                    and not _inside_a_named_neighbour(span, mention, segment):
                return Link(mention, span, "variant")
    return _by_homograph(mention, segment, used)


def _by_homograph(mention: NameMention, segment: LinkedSegment, used: set[Span]
                  ) -> Link | None:
    """The same characters name two bodies: 证监会 is the mainland's CSRC, and in Hong Kong
    text (證監會) the SFC. An English name of the other one renders the mention."""
    if mention.entity.source != "table" or mention.entity.kind not in ("org", "media") \
            or mention.evidence == "defined":
        return None  # 新加坡金融管理局（金管局）: the text says which 金管局 it means
    folded = to_simplified(mention.span.text)
    for name in _free_names(segment, used):
        if any(e is not mention.entity and e.kind == mention.entity.kind and e.source == "table"
               and any(to_simplified(form) == folded for form in e.zh)
               for e in segment.table.english_owners(name.span.text)):
            return Link(mention, name.span, "established")
    return None


def _with_a_middle_name(text: str, forms: list[str]) -> bool:
    """"Luhut Binsar Pandjaitan" for the table's Luhut Pandjaitan: the first and last names
    of a two-word form, with one or two names between them."""
    words = text.split()
    return 3 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and any(
        form.split() == [words[0], words[-1]] for form in forms)


def _name_key(text: str) -> frozenset[str]:
    """A name's words without order, hyphens or initials: "Tsai Ming-kai", "Ming-Kai Tsai";
    "Charles K. Kao", "Charles Kao"; "Chung Euisun", "Chung Eui-sun"."""
    words = (romanize.ascii_fold(w) for w in text.split())
    return frozenset(w for w in words if len(w) > 1)


def _same_letters(a: str, b: str) -> bool:
    """"Qinshihuang" and "Qin Shihuang": the same letters, spaced differently (and the same
    digits: "Plaza" is not "Plaza 66")."""
    return romanize.ascii_fold(a) == romanize.ascii_fold(b) \
        and re.findall(r"\d+", a) == re.findall(r"\d+", b)


def by_short_form(mention: NameMention, segment: LinkedSegment, used: set[Span]
                   ) -> Link | None:
    if mention.entity is None:
        return None
    whole = {n.span for n in segment.en}
    found = [span for span in (find_text(form, segment.en_texts)
                               for form in short_forms(mention.entity))
             if span is not None and not overlaps_used(span, used)]
    # a short form that is a whole name first: "Suphachai" (谢镕仁) before the family name
    # "Chearavanont" that ends his brother's name in the same sentence
    for span in sorted(found, key=lambda span: span not in whole):
        # the short form must be a whole name or its last word: "Anthony" of "Anthony
        # Albanesse" is not; "Johnson" of "Mike Johnson" is (约翰逊 alone names no one)
        if (span in whole or not any(_inside(span, n.span) and n.span.end != span.end
                                     for n in segment.en)
                and not _a_relatives_name(span, mention, segment)) \
                and not _in_another_known_name(span, mention, segment):
            return Link(mention, span, "surname")
    return None



def _a_relatives_name(span: Span, mention: NameMention, segment: LinkedSegment) -> bool:
    """"Chearavanont" ending "Soopakit Chearavanont" is not short for 谢国民 (Dhanin
    Chearavanont) when his son 谢吉人 (Soopakij Chearavanont) is named in the same
    sentence: the longer name renders the relative, however spelt."""
    entity = mention.entity
    return entity is not None and any(
        _inside(span, name.span) and name.span != span and any(
            other.entity is not None and other.entity is not entity
            and other.entity.kind == "person"
            and english_key(other.entity.en).split()[-1:] == [english_key(span.text)]
            for other in segment.zh)
        for name in segment.en)


def _in_another_known_name(span: Span, mention: NameMention, segment: LinkedSegment) -> bool:
    """"Ho" of "Stanley Ho" is not short for 何猷龙 (Lawrence Ho): the whole name is the table's
    name of another person. Only for a Chinese name in full: 纳赛尔 alone may be any Nasser,
    whoever the table took it for."""
    entity = mention.entity
    if segment.table is None or entity is None or not is_chinese_person(mention) \
            or len(mention.span.text) < 3:
        return False
    own_words = {w for form in entity.english_forms for w in english_key(form).split()}
    return any(
        _inside(span, name.span) and any(
            other.kind == "person" and other != entity
            and english_key(other.en) == english_key(name.span.text)
            and not set(english_key(other.en).split()) <= own_words  # Martin Lee Ka-shing
            for other in segment.table.english_owners(name.span.text))
        for name in segment.en)


def _by_other_word(mention: NameMention, segment: LinkedSegment, used: set[Span]
                   ) -> Link | None:
    """A word of a known person's full name that is not the short form the table gives:
    "Ibrahim" for 安瓦尔 (Anwar Ibrahim, "Anwar" for short), "Hiroki" for 十时裕树 (Totoki).
    Linked so that the rules can say which short form to use."""
    entity = mention.entity
    if entity is None or entity.kind != "person" or not listed_short_forms(entity):
        return None
    short = {english_key(form) for form in short_forms(entity)}
    words = {word for form in entity.english_forms if " " in form
             for word in re.split(r"[\s-]+", form) if len(word) >= 2}
    # "Jiang" for 蔣萬安 (Chiang for short): the family name in another romanisation
    family = romanize.surname_spellings(romanize.split_surname(
        to_simplified(mention.span.text))[0]) if is_chinese_person(mention) else frozenset()
    for name in segment.en:
        text = name.span.text
        if (text in words or romanize.ascii_fold(text) in family and " " not in text) \
                and english_key(text) not in short and not overlaps_used(name.span, used):
            return Link(mention, name.span, "word")
    return None


def _inside(span: Span, other: Span) -> bool:
    return other.start <= span.start and span.end <= other.end and span != other


_GENERIC_WORDS = frozenset(
    split_words(
        "of the and for corporation corp company co inc ltd limited group holdings agency news sea "
        "ocean river lake mountain mountains galaxy province city county district state republic "
        "people's peoples kingdom region autonomous prefecture island islands representatives "
        "association society committee council foundation affairs"
    )
)


def _by_contraction(mention: NameMention, segment: LinkedSegment, used: set[Span]
                    ) -> Link | None:
    """The English uses a shorter form of a known name: "Xinhua" for Xinhua News Agency,
    "Microsoft" for Microsoft Corporation, "the House" for the House of Representatives,
    "PBOC" for People's Bank of China, "German" for Germany."""
    if mention.entity is None or mention.entity.kind == "person":
        return None  # "Satya" is not a short form of Satya Nadella
    forms = [f for f in mention.entity.english_forms if len(f) >= 3]
    for name in _free_names(segment, used):
        if _names_another(name, mention.entity, segment.table) \
                or _another_bodys_own_name(name, mention, segment.table):
            continue  # "International Energy Agency" is not short for the IAEA
        if _SERIES_NUMBER.search(name.span.text):
            continue  # "Chang'e-8" is one mission, not short for the Chang'e program
        words = name.span.text.split()
        if _adds_place_word(words, forms, mention.entity):
            continue  # "Toyota City" is no short form of Toyota
        if _the_body_noun(name, segment, forms):
            return Link(mention, name.span, "short")
        if any(_contracts(name.span.text, words, form) for form in forms) \
                and not _a_place_alone(words, segment.table, mention.entity):
            return Link(mention, name.span, "short")
        for span, window in word_windows(name):
            # a one-word prefix counts only as a whole name: "European" of "European
            # Investment Bank" is not the European Central Bank
            whole = span == name.span or len(window) > 1
            if whole and any(_starts_form(window, form) for form in forms) \
                    and not _a_place_alone(window, segment.table, mention.entity):
                return Link(mention, span, "short")
    return None


def _the_body_noun(name: NameMention, segment: LinkedSegment, forms: list[str]) -> bool:
    """"The Club's chief executive" for 馬會行政總裁: the last word of the body's name, a body
    noun, capitalised after "the" as a body calls itself."""
    word = name.span.text.removesuffix("'s").removesuffix("’s")
    if " " in word or word.lower() not in _SELF_NAMING_NOUNS or not any(
            form.split()[-1].lower() == word.lower() for form in forms if " " in form):
        return False
    return any(text.start <= name.span.start <= text.end and text.text[
        max(0, name.span.start - text.start - 4):name.span.start - text.start] in ("the ", "The ")
        for text in segment.en_texts)


#: The nouns a body calls itself by, capitalised: "the Club", "the Bank", "the Commission".
_SELF_NAMING_NOUNS = frozenset(split_words(
    "club bank ministry council commission committee group company bureau authority "
    "department agency university court party foundation trust fund institute association "
    "federation league board corporation exchange"))


#: A name of a series with its number: "Chang'e-8", "Shenzhou-20", "Tianwen-1".
_SERIES_NUMBER = re.compile(r"-\d+[A-Za-z]?$")


def _adds_place_word(words: list[str], forms: list[str], entity: Entity) -> bool:
    """The English name carries a place word ("City", "County") that no form of a company or
    body has: it names the place."""
    if entity.kind == "place":
        return False
    form_words = {w.lower() for form in forms for w in form.split()}
    return any(w.lower().strip(",.") in _PLACE_WORDS - form_words for w in words)


def _a_place_alone(words: list[str], table: EntityTable | None, entity: Entity) -> bool:
    """"Shanghai" alone is the city, not short for Shanghai Port (the club); "Hong Kong" is
    not short for the Hong Kong Cultural Centre, nor "China" for the China CDC. It may be
    short for the place's government ("the Hong Kong government")."""
    place = " ".join(words)
    # (a dictionary place of that name is too loose: "Zijin" is Zijin Mining, not Zijin
    # County)
    return is_a_body(entity) and table is not None and any(
        _a_place(e) and e.source != "cedict" for e in table.english_owners(place)) and not any(
        set(english_key(form.replace(place, " ")).split()) <= _GOVERNMENT_WORDS
        for form in entity.english_forms)


def is_a_body(entity: Entity) -> bool:
    """An organisation, or one of CC-CEDICT's loose names whose English ends as a body's or a
    venue's does (香港文化中心 "Hong Kong Cultural Center"; not 龙门山 "Mt Longmen")."""
    if entity.kind not in ("place", "name"):
        return True
    last = entity.en.split()[-1].lower() if entity.en.split() else ""
    return entity.kind == "name" and (last in ORG_WORDS or last in _VENUE_WORDS)


#: The last words of a venue's English name.
_VENUE_WORDS = frozenset(split_words(
    "center centre theater theatre museum hall stadium gymnasium arena library gallery "
    "observatory hospital school institute"))


#: What a government's English name adds to its place's name.
_GOVERNMENT_WORDS = frozenset(split_words(
    "the government sar special administrative region municipal provincial people's peoples "
    "state council"))


def _names_another(name: NameMention, entity: Entity, table: EntityTable | None) -> bool:
    """The English name is the known name of another entity ("Chinese Academy of
    Engineering" is not a shorter Chinese Academy of Sciences)."""
    if table is None or " " not in name.span.text.strip():
        return False
    key = english_key(name.span.text)
    others = [e for e in table.english_owners(name.span.text)
              if e.source != "cedict" and e.kind == entity.kind and english_key(e.en) == key]
    return bool(others) and entity not in others


def _another_bodys_own_name(name: NameMention, mention: NameMention,
                            table: EntityTable | None) -> bool:
    """"Alibaba" is Alibaba, not short for Alibaba Cloud (阿里云): a one-word name the table
    gives another body, which the mention's name extends by more than a company's legal
    form (丰田汽车, Toyota Motor, may be "Toyota")."""
    if table is None or " " in name.span.text.strip() \
            or mention.entity.kind not in ("org", "media"):
        return False
    key = english_key(name.span.text)
    more = set(english_key(mention.entity.en).split()) - set(key.split()) - _GENERIC_WORDS \
        - _MAKERS
    return bool(more) and any(e.source != "cedict" and e is not mention.entity
                              and e.kind == mention.entity.kind and english_key(e.en) == key
                              for e in table.english_owners(name.span.text))


#: What a maker's name adds to its brand: "Toyota Motor", "Huawei Technologies".
_MAKERS = frozenset(split_words("motor motors technologies technology international"))


def _starts_form(words: list[str], form: str) -> bool:
    """"Three Gorges" for Three Gorges on the Chang Jiang, "Mekong" for Mekong River: the
    first words of a known name, not only generic ones."""
    form_words = [w.lower() for w in form.split()]
    lowered = [w.lower().strip(",.") for w in words]
    return (len(form_words) > len(lowered) and form_words[:len(lowered)] == lowered
            and any(_distinctive(w) and len(w) >= 4 for w in lowered))


def _distinctive(word: str) -> bool:
    """A word that tells one name from another ("Foreign"), not "Ministry" or "of"."""
    return word not in _GENERIC_WORDS and word not in ORG_WORDS


def _contracts(text: str, words: list[str], form: str) -> bool:
    form_words = [w.lower().strip(",.") for w in form.split()]
    lowered = [w.lower().strip(",.") for w in words]
    if set(lowered) <= set(form_words) and any(_distinctive(w) for w in lowered):
        return True
    initials = "".join(w[0] for w in form.split() if w[:1].isupper())
    letters = text.replace(".", "")
    if letters.isupper() and len(letters) >= 2 and letters == initials:
        return True
    # an adjective or plural of the whole name: "Middle Eastern", "Central Plains"
    whole, folded = romanize.ascii_fold(form), romanize.ascii_fold(text)
    if len(whole) >= 4 and folded.startswith(whole) and len(folded) - len(whole) <= 3:
        return True
    # the same content words up to their endings: "National Commission of Supervision" for
    # the National Supervisory Commission
    content = [w for w in lowered if _distinctive(w) and w not in ("of", "the", "and")]
    form_content = [w for w in form_words if _distinctive(w) and w not in ("of", "the", "and")]
    if content and len(content) == len(form_content) and all(
            any(_same_stem(a, b) for b in form_content)
            for a in content):
        return True
    # word by word the same stems: "South China" for Southern China
    if len(lowered) == len(form_words) > 1 and all(
            a.startswith(b) or b.startswith(a) for a, b in zip(lowered, form_words, strict=True)
            if min(len(a), len(b)) >= 4 or a == b):
        return all(len(_common_prefix(a, b)) >= min(len(a), len(b))
                   for a, b in zip(lowered, form_words, strict=True))
    # a name run together with a suffix: Xinhuanet for Xinhua News Network
    if len(lowered) == 1 and len(form_words[0]) >= 4 and lowered[0].startswith(form_words[0]) \
            and len(lowered[0]) <= len(form_words[0]) + 3:
        return True
    # an adjective of a place: Germany → German, Italy → Italian, Argentina → Argentine;
    # not another name that starts alike (Guangdong, Guangxi)
    stem = form_words[-1] if len(form_words) == 1 else ""
    word = lowered[0] if len(lowered) == 1 else ""
    common = len(_common_prefix(stem, word))
    return (bool(stem and word) and common >= 4 and len(stem) - common <= 2
            and word[common:] in _ADJECTIVE_ENDINGS)


_ADJECTIVE_ENDINGS = frozenset(split_words("n an ian ean ese ish i ic ine er ern s")) | {""}


def by_paraphrase(mention: NameMention, segment: LinkedSegment, used: set[Span],
                  share: float = 0.5) -> Link | None:
    """An organisation, programme or place described rather than named: 国防部 "the defense
    budget", 外交部 "the Foreign Ministry", 探月工程 "China's lunar exploration programme". At
    least ``share`` of the distinctive words of a known English name are in the English."""
    entity = mention.entity
    if entity is None or entity.kind not in ("org", "media", "product") \
            or mention.evidence == "latin":
        return None
    text = " ".join(t.text.lower() for t in segment.en_texts)
    words = set(re.findall(r"[a-z]+", text))
    for form in entity.english_forms:
        distinctive = _distinctive_words(form)
        found = {_word_in(w, words) for w in distinctive} - {None}
        if distinctive and len(found) >= share * len(distinctive):
            anchor = find_text(sorted(found)[0], segment.en_texts)
            if anchor is not None and not overlaps_used(anchor, used) \
                    and not _place_of_another_name(anchor, found, segment) \
                    and not _word_of_another_name(anchor, form, segment):
                return Link(mention, anchor, "paraphrase")
    return None


def _word_in(word: str, words: set[str]) -> str | None:
    """``word`` among ``words``, or a word of the same stem ("Economy Ministry" for the
    Ministry of Economic Affairs: economic, economy)."""
    if word in words:
        return word
    if len(word) < 6:
        return None
    return next((w for w in sorted(words) if len(w) >= 6 and w[:5] == word[:5]
                 and abs(len(w) - len(word)) <= 3), None)


def _word_of_another_name(anchor: Span, form: str, segment: LinkedSegment) -> bool:
    """"Museum" of "Albert Museum" does not describe the British Museum: the English name
    around the word has distinctive words of its own, and holds at most half of the
    known name's ("Foreign Ministry" for the Ministry of Foreign Affairs has none of its
    own; "National Integrated Circuit … Fund" holds most of the "China …" one)."""
    own = _distinctive_words(form)
    for name in segment.en:
        if _inside(anchor, name.span) and name.span != anchor:
            words = _distinctive_words(name.span.text)
            return bool(words - own) and len(words & own) <= 0.5 * len(own)
    return False


def _distinctive_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower())
            if w not in _GENERIC_WORDS and w not in ORG_WORDS and len(w) > 2}


def _place_of_another_name(anchor: Span, found: set[str], segment: LinkedSegment) -> bool:
    """"Shanghai" of "Shanghai Shenhua" does not describe Shanghai Port: the only words found
    are places, and they are part of a longer English name ("Shandong" alone may well be
    the Shandong Taishan club)."""
    table = segment.table
    return table is not None and all(
        any(_a_place(e) for e in table.english_owners(word)) for word in found) \
        and any(_inside(anchor, name.span) for name in segment.en)


def _a_place(entity: Entity) -> bool:
    """A place, or one of CC-CEDICT's names spelt in pinyin, which are mostly places (上海
    is of kind "name" there)."""
    return entity.kind == "place" or entity.kind == "name" and any(
        romanize.hanyu_spells(form, entity.en) for form in entity.zh)


def _by_gloss(mention: NameMention, segment: LinkedSegment, used: set[Span]) -> Link | None:
    """A title or an organisation translated word for word: 《花城》 "Flower City" (花 flower,
    城 city). Most of the Chinese content words have a dictionary gloss in one English name."""
    if mention.entity is not None or mention.kind == "person" or mention.evidence in (
            "latin", "surname", "dotted", "gloss"):
        return None  # a known entity has known names; a person is not translated by meaning
    name = glossed_name(mention, segment, used)
    return Link(mention, name, "gloss") if name is not None else None


def glossed_name(mention: NameMention, segment: LinkedSegment, used: set[Span],
                 shortest: int = 1) -> Span | None:
    """The free English name of ``shortest`` words or more that translates the Chinese name
    word for word: most of its content words have a dictionary gloss in it
    (哈萨克斯坦国家石油天然气公司 "Kazakh National Oil and Gas Company")."""
    words = zh_content_words(mention.span.text)
    if not words:
        return None
    for name in _free_names(segment, used):
        tokens = english_tokens(name.span.text)
        english = {normalise_word(w) for w in tokens}
        covered = sum(bool(english_glosses(w) & english) for w in words)
        if covered >= max(1, 0.6 * len(words)) and len(tokens) >= shortest:
            return name.span
    return None


def _body_by_gloss(mention: NameMention, segment: LinkedSegment, used: set[Span]
                   ) -> Link | None:
    """A body no table knows, named with a place first (淮河水利委员会), translated word for
    word into a name of its own. Not when another name stands inside the body's Chinese or
    right before it (上海|长海医院 "Changhai Hospital of Shanghai"): that name links first, to
    its place inside the English; nor when the English name runs on far past the Chinese (a
    chain of bodies written as one name)."""
    if mention.evidence != "body" or any(
            other is not mention and (mention.span.contains(other.span)
                                      or other.span.end == mention.span.start)
            for other in segment.zh):
        return None
    link = _by_gloss(mention, segment, used)
    words = len(zh_content_words(mention.span.text))
    if link is None or len(english_tokens(link.rendering.text)) > 2 * words:
        return None
    return link


def _body_by_sound(mention: NameMention, segment: LinkedSegment, used: set[Span]
                   ) -> Link | None:
    """A body no table knows, named after a transliterated place or person (塞格德大学),
    rendered by an English name holding the translated body word and a sound-alike of the
    rest ("University of Szeged")."""
    if mention.evidence != "body":
        return None
    text = to_simplified(mention.span.text)
    ending = next((e for e in _BODY_WORDS if text.endswith(e) and len(text) > len(e)), None)
    if ending is None or not transliteration(text[:-len(ending)]):
        return None
    head = text[:-len(ending)]
    for name in _free_names(segment, used):
        words = name.span.text.split()
        if not {w.lower().strip(",.") for w in words} & set(_BODY_WORDS[ending]):
            continue
        if any(sound_similarity(head, word) >= SOUND_LINK for word in words
               if word[:1].isupper() and word.lower() not in _BODY_WORDS[ending]):
            return Link(mention, name.span, "sound")
    return None


def _same_stem(a: str, b: str) -> bool:
    """"supervision" and "supervisory" share a stem; "Guangxi" and "Guangdong" do not."""
    if a == b:
        return True
    if romanize.pinyin_like(a) or romanize.pinyin_like(b):
        return False  # "Shangshiu" is a misspelling of Shangshui, not another ending of it
    common = len(_common_prefix(a, b))
    if abs(len(a) - len(b)) == 1 and a[common:] and b[common:] \
            and (a[common + 1:] == b[common:] or b[common + 1:] == a[common:]):
        return False  # "Balikpappan": a letter doubled inside the word, not another ending
    if len(a) == len(b) == common + 1:
        return False  # "Ulanqap": the last letter misspelt, not another ending
    return common >= 5 and common >= 0.7 * max(len(a), len(b))


def _common_prefix(a: str, b: str) -> str:
    index = 0
    while index < min(len(a), len(b)) and a[index] == b[index]:
        index += 1
    return a[:index]


def overlaps_used(span: Span, used: set[Span]) -> bool:
    return any(span.overlaps(u) for u in used)


def _by_latin(mention: NameMention, segment: LinkedSegment, used: set[Span]) -> Link | None:
    """The same Latin letters: H20, BG2, or the English a Chinese text gives in brackets
    (道格·琼斯（Doug Jones）)."""
    if mention.evidence not in ("latin", "gloss"):
        return None
    # "WTA1000" may be written "WTA 1000", "SealWu" "Seal Wu"
    spaced = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", mention.span.text)
    camel = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", mention.span.text)
    span = find_text(mention.span.text, segment.en_texts) or find_text(
        spaced, segment.en_texts) or find_text(camel, segment.en_texts)
    return Link(mention, span, "latin") if span is not None else None


def word_windows(name: NameMention) -> list[tuple[Span, list[str]]]:
    """Every run of consecutive words of an English name, longest first. A hyphen between
    capitalised parts also separates words ("Lancang-Mekong"), a hyphen inside a given name
    does not ("Ching-te")."""
    words = [(m.start(), m.end())
             for m in re.finditer(r"[^\s-]+(?:-[a-z][^\s-]*)*", name.span.text)]
    windows = []
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            start, end = words[first][0], words[first + size - 1][1]
            text = name.span.text[start:end]
            windows.append((Span(name.span.start + start, name.span.start + end, text),
                            re.split(r"[\s]+", text)))
    return windows


def is_chinese_person(mention: NameMention) -> bool:
    """A name read with Chinese surname and given name (not a transliteration)."""
    if mention.evidence in ("dotted", "translit", "latin", "title", "gloss"):
        return False
    if mention.evidence == "english":
        return True
    text = to_simplified(mention.span.text)  # 蔣萬安 as 蒋万安
    return (mention.kind == "person" and 2 <= len(text) <= 4
            and (text[:1] in romanize.SURNAMES or text[:2] in romanize.COMPOUND_SURNAMES))


def _by_pinyin(mention: NameMention, segment: LinkedSegment, used: set[Span]) -> Link | None:
    chinese = mention.span.text
    if mention.evidence in ("latin", "title", "gloss") or not _han_only(chinese) \
            or japanese_reading(mention.entity):
        return None
    for name in _free_names(segment, used):
        for span, words in word_windows(name):
            words = [w for w in re.split(r"[\s-]+", " ".join(words)) if w]
            if is_chinese_person(mention):
                how = romanize.is_person_spelling(chinese, split_hyphens(span.text))
                # the surname alone counts only as the whole name ("Huang said"), not as the
                # first word of a different or misspelt name ("Fu Linhui")
                if how == "full" or (how == "surname" and span == name.span):
                    return Link(mention, span, "pinyin" if how == "full" else "surname")
            elif mention.kind in ("place", "org", "name") and (
                    romanize.spells_place(chinese, words) or spells_body(chinese, words)
                    or _river_in_a_list(chinese, words, span, segment)):
                return Link(mention, span, "pinyin")
    return None


def _river_in_a_list(chinese: str, words: list[str], span: Span, segment: LinkedSegment
                     ) -> bool:
    """"the Zi, Yuan and Li rivers" for 资水、沅江、澧水: a river's own syllable, with the
    noun shared by the list it stands in."""
    if len(chinese) != 2 or chinese[1] not in "江河水" or len(words) != 1 \
            or not romanize.spells_place(chinese[0], words):
        return False
    text = next((t for t in segment.en_texts if t.start <= span.start and span.end <= t.end),
                None)
    return text is not None and _RIVERS_AFTER.match(text.text, span.end - text.start) is not None


#: The rest of a list of rivers after one of its names: ", Yuan and Li rivers".
_RIVERS_AFTER = re.compile(r"(?:,?\s+(?:and\s+|or\s+)?[A-Z][a-z]+)*\s+rivers\b")


#: The ends of a body's Chinese name and the English word that translates them.
_BODY_WORDS = {"医院": ("hospital",), "醫院": ("hospital",), "大学": ("university",),
               "大學": ("university",), "集团": ("group",), "集團": ("group",),
               "公司": ("company", "corporation", "co"), "银行": ("bank",), "銀行": ("bank",),
               "控股": ("holdings", "holding"), "航空": ("airways", "airlines", "air"),
               # places: 唐河 "Tang River", 清水河 "Qingshui River", 千岛湖 "Qiandao Lake"
               "河": ("river",), "江": ("river",), "湖": ("lake",), "岛": ("island",),
               "島": ("island",), "山": ("mountain",), "县": ("county",), "縣": ("county",),
               "区": ("district",), "區": ("district",), "市": ("city",), "镇": ("town",),
               "鎮": ("town",),
               # industries: "Zhaoshangju Port" for 招商局港口, "Changrong Marine" for 長榮海運
               "港口": ("port", "ports"), "海运": ("shipping", "marine"),
               "海運": ("shipping", "marine"), "航运": ("shipping",), "航運": ("shipping",),
               "能源": ("energy",), "科技": ("technology", "tech"), "电力": ("power",),
               "電力": ("power",), "证券": ("securities",), "證券": ("securities",),
               "保险": ("insurance",), "保險": ("insurance",), "汽车": ("motor", "motors", "auto"),
               "汽車": ("motor", "motors", "auto"), "制药": ("pharmaceutical", "pharma"),
               "製藥": ("pharmaceutical", "pharma"), "钢铁": ("steel",), "鋼鐵": ("steel",),
               "地产": ("properties", "property"), "地產": ("properties", "property")}


def spells_body(chinese: str, words: list[str]) -> bool:
    """"Wuhan Xiehe Hospital" for 武汉协和医院: the pinyin of the name and its translated
    ending (Wuhan Union Hospital is its English name); "Tang River" for 唐河."""
    for ending, english in _BODY_WORDS.items():
        if chinese.endswith(ending) and len(chinese) > len(ending) and len(words) >= 2 \
                and words[-1].lower() in english:
            return romanize.spells_place(chinese[:-len(ending)], words[:-1])
    return False


def split_hyphens(text: str) -> list[str]:
    """"Lai Ching-te" → ["Lai", "Chingte"]: a hyphenated given name is one word."""
    return [w.replace("-", "") for w in text.split() if w]


def _han_only(text: str) -> bool:
    return bool(text) and all("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
                              for c in text)


def _free_names(segment: LinkedSegment, used: set[Span]) -> list[NameMention]:
    """English names not yet taken by a link; of a name partly taken ("Shandong Taishan"
    after 山东 took "Shandong"), the longest untaken run of words."""
    free = []
    for name in segment.en:
        if not overlaps_used(name.span, used):
            free.append(name)
            continue
        rest = next((span for span, _ in word_windows(name)
                     if not overlaps_used(span, used)), None)
        if rest is not None:
            free.append(NameMention(rest, name.kind, name.evidence, None))
    return free


def _by_regional(mention: NameMention, segment: LinkedSegment, used: set[Span]
                 ) -> Link | None:
    """"Chan Kwok-ki" (Cantonese) for 陈国基, or "Bonnie Chan" for 陈翊庭: the surname in a
    regional spelling, with a given name we cannot derive (Cantonese, or an English name).
    Only for people the table does not know: for those it does, it lists the forms."""
    if not is_chinese_person(mention) or mention.entity is not None:
        return None
    for name in _free_names(segment, used):
        for span, words in word_windows(name):
            if len(words) >= 2 and (
                    romanize.spells_surname_with_given(mention.span.text, words)
                    or romanize.english_given_name(mention.span.text, words)):
                return Link(mention, span, "regional")
    return None


def _transliterated(mention: NameMention) -> bool:
    """A foreign name written in Chinese characters for their sound (特朗普, 科莱特·克雷斯)."""
    if mention.evidence in ("dotted", "translit"):
        return True
    entity = mention.entity
    return entity is not None and entity.kind == "person" and established_name(entity) is not None


def _by_sound(mention: NameMention, segment: LinkedSegment, used: set[Span]) -> Link | None:
    """A sound-alike: 特朗普 ↔ Trump. A name that looks Chinese but has no pinyin rendering
    may be a transliteration too (古兰沙 ↔ Gourinchas), if it sounds very close."""
    if not _transliterated(mention):
        if mention.evidence != "surname":
            return None
        link = _best_sound(mention, segment, used)
        if link is None or not _name_or_family(link.rendering, segment) or (
                " " in link.rendering.text.strip() and (
                    romanised_chinese(link.rendering.text)
                    or _spells_family(mention.span.text, link.rendering.text))):
            return None  # "Fu Linhui", "Huang Kungming": a misspelt name, not a transliteration
        close = sound_similarity(mention.span.text, link.rendering.text) >= CLOSE_SOUND
        return link if close else None
    if mention.entity is not None and mention.entity.source != "cedict":
        # the table knows the name: only its pinyin ("Ma Kelong") is worth a link, wherever
        # a closer sound-alike stands ("West" sounds more like 西雅尔多 than "Xiyaerduo")
        return _spelled_in_pinyin(mention, segment, used)
    return _best_sound(mention, segment, used)


def _spelled_in_pinyin(mention: NameMention, segment: LinkedSegment, used: set[Span]
                       ) -> Link | None:
    chinese = re.sub(r"[·•・．]", "", mention.span.text)
    for name in _free_names(segment, used):
        for span, _ in word_windows(name):
            if romanize.hanyu_spells(chinese, span.text):
                return Link(mention, span, "sound")
    return None


def _spells_family(chinese: str, english: str) -> bool:
    """The English name begins or ends with a spelling of the Chinese family name."""
    family = romanize.surname_spellings(romanize.split_surname(chinese)[0])
    words = [romanize.ascii_fold(w).lower() for w in english.split()]
    return words[0] in family or words[-1] in family


def _name_or_family(span: Span, segment: LinkedSegment) -> bool:
    """A whole English name, or the family name that ends one ("Marcos" of "Ferdinand Marcos
    Jr." for 马科斯)."""
    for name in segment.en:
        if name.span == span:
            return True
        words = [w for w in name.span.text.split() if w.rstrip(".") not in ("Jr", "Sr")]
        if _inside(span, name.span) and words and span.text == words[-1]:
            if segment.table is not None and any(
                    e.kind in ("org", "media") for e in segment.table.english_owners(
                        name.span.text)):
                return False  # "Solution" of "LG Energy Solution" is no one's family name
            # "Shanjei" of "Zheng Shanjei": no; "Bausili" of "Santiago Bausili", yes (pinyin
            # can spell both words, but neither is a Chinese surname)
            surnames = romanize.all_surname_spellings()
            return not (romanised_chinese(name.span.text) and romanize.ascii_fold(
                words[0]).lower() in surnames)

    return False


def romanised_chinese(text: str) -> bool:
    """Every word splits into pinyin syllables: "Fu Linhui", "Ma Kelong"."""
    words = [romanize.ascii_fold(w) for w in re.split(r"[\s-]+", text) if w]
    return bool(words) and all(romanize.pinyin_like(w) for w in words)


_BODY_ENDINGS = ("大学", "大學", "学院", "學院", "公司", "集团", "集團", "基金会", "基金會",
                 "研究所", "医院", "醫院", "银行", "銀行", "协会", "協會", "委员会", "委員會")


def zh_text_of(mention: NameMention, segment: LinkedSegment) -> Span | None:
    """The Chinese sentence of the segment that holds the name."""
    return next((text for text in segment.zh_texts
                 if text.start <= mention.span.start and mention.span.end <= text.end), None)


def followed_by(mention: NameMention, segment: LinkedSegment, words: tuple[str, ...]) -> bool:
    """The segment's Chinese goes on, right after the name, with one of ``words``."""
    text = zh_text_of(mention, segment)
    return text is not None and text.text.startswith(words, mention.span.end - text.start)


def _best_sound(mention: NameMention, segment: LinkedSegment, used: set[Span]) -> Link | None:
    chinese = re.sub(r"[·•・．\-－‐]", "", mention.span.text)
    # 马扎尔·彼得 is Magyar Péter, family name first as in Hungarian: "Peter Magyar"
    parts = re.split(r"[·•・．]", mention.span.text)
    readings = [chinese, "".join(reversed(parts))] if len(parts) == 2 else [chinese]
    spelt = romanize.first_readings(chinese)
    best: tuple[tuple[float, int, float], Span] | None = None
    # 约翰·霍普金斯大学: a name that goes on into a body's may be inside the body's English
    speaker = mention.kind == "person" and not followed_by(mention, segment, _BODY_ENDINGS)
    for name in _free_names(segment, used):
        if speaker and {w.lower() for w in name.span.text.split()} & ORG_WORDS:
            continue  # 卡特里说: no word of "Xinjiang Uygur … Federation of Trade Unions"
        if name.evidence == "initial" \
                and ordinary_english().get(name.span.text.lower(), 0) >= 3:
            continue  # "Said that …" opens a sentence whose subject was dropped
        for span, words in word_windows(name):
            if {w.lower() for w in words} & (ORG_WORDS | _LOWER_NOT_NAME_WORDS) \
                    or not span.text[:1].isupper():
                continue  # "Science" of "Hsinchu Science Park", "of", are no one's name
            if mention.kind == "person" and any(w in ALL_DEMONYMS or w in DEMONYMS
                                                for w in words):
                continue  # "Pacific American" of "Asian Pacific American" is no one's name
            # the reversed order only for a whole name: "Peter Magyar" for 马扎尔·彼得
            score = max(sound_similarity(reading, span.text)
                        for reading in (readings if len(words) > 1 else readings[:1]))
            # equal skeletons (马拉巴 is Malaba and, to the ear, Nairobi): the longer window,
            # then the closer letters
            rank = (score, len(words), edit_similarity(spelt, span.text.lower()))
            if score >= SOUND_LINK and (best is None or rank > best[0]):
                best = (rank, span)
    return Link(mention, best[1], "sound") if best else None
