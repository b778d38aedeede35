"""Name findings within one aligned segment: a Chinese name with no rendering, a wrong or
misspelt one, an English name with no source."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from checker.extract.names import (
    BODY_RUN,
    BODY_WORD,
    NATIONALITIES,
    TRANSLITERATION_CHARACTERS,
    ZH_ROLES,
    body_words,
    family_part,
    role_before,
    transliteration,
)
from checker.extract.numerals import normalize_chinese
from checker.lexicon import english_glosses, english_tokens, normalise_word, zh_content_words
from checker.model import Entity, Finding, NameMention, Severity, Span
from checker.names import romanize, split_words
from checker.names.link import (
    ALL_DEMONYMS,
    CLOSE_SOUND,
    DEMONYMS,
    ORG_WORDS,
    SOUND_LINK,
    Link,
    LinkedSegment,
    by_established,
    by_paraphrase,
    by_short_form,
    document_acronyms,
    find_text,
    followed_by,
    inflected,
    is_a_body,
    is_chinese_person,
    overlaps_used,
    romanised_chinese,
    spells_body,
    split_hyphens,
    word_windows,
    zh_text_of,
)
from checker.names.phonetic import edit_similarity, sound_similarity
from checker.names.table import (
    EntityTable,
    common_words,
    english_key,
    japanese_reading,
    ordinary_english,
    to_simplified,
)
from checker.rules.names.common import (
    COMPANY_FORMS,
    MISSPELLING,
    PLACE_NOUNS,
    NameInconsistent,
    NameMismatch,
    NameMissing,
    NameMisspelled,
    NameNonStandard,
    TermMismatch,
    entity_key,
    initials,
    kind_of,
    one_slip,
    ordinary_words,
    same_spelling,
    title_nationality,
    traditional,
)

# How the English may stand in for a name already given: a pronoun or a description.
_PRONOUNS = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their|it|its)\b", re.IGNORECASE)


_DESCRIPTIONS = re.compile(
    r"\b(?:the (?:company|firm|group|ministry|"
    r"bank|agency|bureau|commission|department|government|organi[sz]ation|university|"
    r"institute|association|council|committee|exchange|club|team|newspaper|outlet|paper|"
    r"country|city|province|region|state|island|territory|administration|court|party|"
    r"office|body|regulator|maker|giant|company's|group's))\b",
    re.IGNORECASE,
)


#: Descriptions that stand for a body only once the document has named it: "the league"
#: is the Chinese Super League said again, but alone it may be any league.
_REFERRING_DESCRIPTIONS = re.compile(r"\bthe league\b", re.IGNORECASE)


def segment_findings(segment: LinkedSegment, document: list[LinkedSegment],
                      table: EntityTable, nearby: str,
                      spellings: dict[str, list[tuple[int, str]]]) -> list[Finding]:
    """``nearby``: the Chinese of the segment and its neighbours (see nearby_chinese);
    ``spellings``: how the document spells its names out (see document_spellings)."""
    findings = []
    rendered = {link.rendering for link in segment.links}
    free = [n for n in segment.en if n.evidence != "initial"
            and not overlaps_used(n.span, rendered) and not _explained(n, segment, table)]
    remainders = _known_remainders(segment, rendered, table)
    # a capitalised word that opens the sentence may be a name: "Lutnik also said"
    initials = [n for n in segment.en if n.evidence == "initial"
                and not overlaps_used(n.span, rendered)]
    linked_here = {entity_key(link.mention) for link in segment.links}
    for mention in segment.unlinked:
        if mention.entity is not None and mention.entity.kind == "term":
            findings.append(_term_finding(mention, segment))
            continue
        rival = _rival_place(mention, free, segment, table) \
            or _rival_body(mention, free, segment, table)
        if rival is not None:
            findings.append(rival)
            free = [n for n in free if not overlaps_used(n.span, {rival.target})]
            continue
        if entity_key(mention) in linked_here and (
                kind_of(mention) not in ("person", "org", "media")
                or not any(_kinds(n, table) & {kind_of(mention)} for n in free)):
            # said twice in Chinese, once in English (unless a rival stands there, or a
            # variant of the name: "the Qatar Investment Bureau" after "the Qatar
            # Investment Authority (QIA)")
            # ("Cathay" linked 國泰航空, and "Cathay Pacifc" beside it misspells 國泰)
            variant = _variant_of_elsewhere(mention, free, segment, document) \
                or _misspelling(mention, free, segment.index, table)
            if variant is not None:
                findings.append(variant)
                free = [n for n in free if not overlaps_used(n.span, {variant.target})]
            continue
        deviation = _glossary_deviation(mention, segment, table) or _variant_of_elsewhere(
            mention, free, segment, document)
        if deviation is not None:
            findings.append(deviation)
            free = [n for n in free if not overlaps_used(n.span, {deviation.target})]
            continue
        finding = _misspelling(mention, free + initials, segment.index, table,
                               _renderings_elsewhere(mention, segment, spellings))
        if finding is None and (_confident(mention, missing=False)
                                or _company_of_its_officer(mention, segment)):
            finding = _mismatch_or_missing(
                mention, free + remainders if kind_of(mention) == "org" else free, segment,
                document, table)
        elif finding is None and all(n.evidence == "strange" for n in free) and (
                _untraced_body(mention, segment, document, table)
                or _untraced_periodical(mention, segment, document)):
            # a body we cannot look up: its loss is sure when no unexplained name stands in
            # the English (which may be its brand: Petronas for 马来西亚国家石油公司), but for
            # a word no dictionary has that opens the sentence ("Polysilicon output")
            finding = NameMissing.finding(
                f"name missing: {mention.span.text} is not in the English, nor any word of it",
                mention.span, None, None, segment.index)
        if finding is not None:
            findings.append(finding)
            if finding.target is not None:
                free = [n for n in free if not overlaps_used(n.span, {finding.target})]
    variants = _variants_beside(segment, free)
    free = [n for n in free if not overlaps_used(n.span, {f.target for f in variants})]
    swapped = _swapped_beside(segment, free)
    free = [n for n in free if not overlaps_used(n.span, {f.target for f in swapped})]
    variants += swapped
    findings += variants + _loose_misspellings(segment) + _known_person_misspelt(segment, table) \
        + _family_name_of_another(segment, table)
    misspelt = _misspelt_pinyin(free, segment, findings)
    taken = {f.target for f in misspelt if f.target is not None}
    free = [n for n in free if not overlaps_used(n.span, taken)]
    kanji = _mandarin_readings(free, segment, table) + _pinyin_of_an_inner_name(
        free, segment, table)
    taken = {f.target for f in kanji if f.target is not None}
    free = [n for n in free if not overlaps_used(n.span, taken)]
    # "Bank Negara Malaysia" is no rendering of 马来西亚 though it holds "Malaysia"
    reported = {f.target for f in findings + misspelt + kanji if f.target is not None}
    whole = [n for n in segment.en if n in free or (
        n.span not in rendered and not any(r.contains(n.span) for r in rendered)
        and not overlaps_used(n.span, reported))]
    strangers = _unsourced_bodies(whole, segment, document, nearby, table) + _longer_names(
        segment, nearby, table)
    taken = {f.target for f in strangers if f.target is not None}
    free = [n for n in free if not overlaps_used(n.span, taken)]
    return findings + misspelt + kanji + strangers + _foreign_names(free, segment, nearby, table)


def _known_remainders(segment: LinkedSegment, rendered: set[Span], table: EntityTable
                      ) -> list[NameMention]:
    """The rest of an English name that holds a rendering, when the rest is a known body's
    name: "ZTE" of "ZTE Canada", where "Canada" renders 加拿大 of 华为加拿大公司."""
    found = []
    for name in segment.en:
        inside = [r for r in rendered if name.span.contains(r) and r != name.span]
        if len(inside) != 1:
            continue
        r = inside[0]
        left = Span(name.span.start, r.start, name.span.text[:r.start - name.span.start])
        right = Span(r.end, name.span.end, name.span.text[r.end - name.span.start:])
        for part in (left, right):
            text = part.text.strip(" ,").removesuffix("'s").removesuffix("’s")
            if not text or any(e.kind not in ("org", "media") for e in table.english_owners(
                    text)) or not table.english_owners(text):
                continue
            start = part.start + part.text.index(text)
            found.append(NameMention(Span(start, start + len(text), text), "name", "name",
                                     None))
    return found


def _rival_place(mention: NameMention, free: list[NameMention], segment: LinkedSegment,
                 table: EntityTable) -> Finding | None:
    """A known place the English names where the Chinese of the sentence names another,
    which the English leaves out or says fewer times than the Chinese: "Chiayi Mayor" for
    台南市長, "Lahore's Orange Line" for 卡拉奇快速公交橙线 beside "Karachi's Saddar area".
    The rival's Chinese name elsewhere in the document excuses nothing: this sentence names
    one place and the English another. A country is context a translator adds ("Karachi,
    Pakistan"), not a rival of a city, and a name built on the place's ("New Gwadar
    International Airport" for 瓜达尔新机场) none at all."""
    entity = mention.entity
    if entity is None or entity.kind != "place" or not entity.english_forms \
            or _posted_to(mention, segment) or any(
                m.span.start == mention.span.end and kind_of(m) in ("org", "media")
                for m in segment.zh):
        return None  # 菲律宾|外交部 "the Department of Foreign Affairs": the body's country
    zh_text = normalize_chinese("".join(t.text for t in segment.zh_texts))
    said = normalize_chinese(mention.span.text)
    for name in free:
        text = name.span.text
        owners = [e for e in table.english_owners(text) if e.kind == "place"]
        if not owners or text in DEMONYMS or text in NATIONALITIES \
                or _in_a_dateline(name, segment) \
                or any(form in text for form in entity.english_forms) \
                or any(normalize_chinese(form) in zh_text for e in owners for form in e.zh) \
                or any(said in normalize_chinese(form) or _variant_form(mention.span.text, form)
                       for e in owners for form in e.zh):
            continue  # 泗水 is also Surabaya (泗水市): another reading of the same name
        if _a_venue(entity.english_forms[0]) != _a_venue(text):
            continue  # a city is no rival of a stadium (国家网球中心 … 十堰 → "Xiangyang")
        return NameMismatch.finding(
            f"different name: {mention.span.text} is {entity.english_forms[0]}, the English "
            f"says {text} ({owners[0].zh[0]}), which the Chinese does not name here",
            mention.span, name.span, entity.english_forms[0], segment.index)
    return None


def _a_venue(name: str) -> bool:
    """A place that is a building or ground, by its last word: "National Tennis Center"."""
    return name.split()[-1].lower() in _VENUE_WORDS if name.split() else False


_VENUE_WORDS = frozenset(split_words(
    "center centre stadium court arena hall park airport station port bridge square tower "
    "palace temple museum gymnasium gym theatre theater pier wharf terminal oval"))


def _posted_to(mention: NameMention, segment: LinkedSegment) -> bool:
    """中国驻菲律宾大使馆 "the Chinese Embassy in Manila": a mission's country, which English
    names by the city the mission sits in."""
    text = zh_text_of(mention, segment)
    return text is not None and text.text[mention.span.start - text.start - 1:
                                          mention.span.start - text.start] in ("驻", "駐")


def _rival_body(mention: NameMention, free: list[NameMention], segment: LinkedSegment,
                table: EntityTable) -> Finding | None:
    """A body no table knows, named after a place (昆明海关, 河南农业大学), where the English
    names the same kind of body after another known place the Chinese does not name:
    "Nanning Customs" for 昆明海关. The rest of the English name must say what the rest of
    the Chinese says (海关 "customs")."""
    if mention.evidence != "body":
        return None
    said = normalize_chinese(mention.span.text)
    head = next(((end, e) for start, end, e in table.scan(said) if start == 0), None)
    if head is None or head[1].kind != "place":
        return None
    place, rest = head[1], said[head[0]:]
    glosses = set().union(*(english_glosses(w) for w in zh_content_words(rest))) \
        if rest else set()
    zh_text = normalize_chinese("".join(t.text for t in segment.zh_texts))
    for name in free:
        words = name.span.text.split()
        for size in (2, 1):
            other = " ".join(words[:size])
            owners = [e for e in table.english_owners(other) if e.kind == "place"]
            tail = [normalise_word(w) for w in words[size:]]
            if not owners or not tail or other in place.english_forms \
                    or size == 1 and other in _DIRECTIONS or any(
                    normalize_chinese(form) in zh_text for e in owners for form in e.zh) \
                    or not all(any(w.startswith(g) or g.startswith(w) for g in glosses)
                               for w in tail if w not in _LINK_WORDS):
                continue
            return NameMismatch.finding(
                f"different name: {mention.span.text} is named after {place.en}, the English "
                f"says {name.span.text}, after {other} ({owners[0].zh[0]}), which the Chinese "
                "does not name here", mention.span, name.span, None, segment.index)
    return None


#: Words that open a region's name, no place alone ("Eastern European": 东欧, not 东汉).
_DIRECTIONS = frozenset(split_words(
    "Eastern Western Northern Southern Central East West North South Upper Lower Greater"))


def _longer_names(segment: LinkedSegment, nearby: str, table: EntityTable) -> list[Finding]:
    """A body or place rendered inside a longer English name that is another known entity,
    which no Chinese near the sentence names: "South Sudan" (南苏丹) for 苏丹. (Longer names
    the table does not know are mostly the same entity in a compound: "Johor-Singapore
    Special Economic Zone", "Shares of HSBC".)"""
    findings = []
    folded = normalize_chinese(nearby)
    for link in segment.links:
        kind = kind_of(link.mention)
        if kind not in ("org", "place", "media"):
            continue
        if not _ends_the_name(link.mention, segment):
            findings += _other_parents(link, segment, table, folded)
            continue
        for name in segment.en:
            if name.span == link.rendering or not name.span.contains(link.rendering):
                continue
            others = [e for e in table.english_owners(name.span.text)
                      if e.kind in (kind, "name") and e is not link.mention.entity]
            if others and not any(normalize_chinese(form) in folded
                                  for e in others for form in e.zh):
                findings.append(NameMismatch.finding(
                    f"different name: {link.mention.span.text} is {link.rendering.text}, the "
                    f"English says {name.span.text} ({others[0].zh[0]})", link.mention.span,
                    name.span, link.rendering.text, segment.index))
            elif not others and _another_body_of(link, name):
                findings.append(NameMismatch.finding(
                    f"different name: {link.mention.span.text} is {link.rendering.text}, the "
                    f"English says {name.span.text}, another body", link.mention.span,
                    name.span, link.rendering.text, segment.index))
            elif not others:
                findings += _other_parents(link, segment, table, folded)
            break
    return findings


def _other_parents(link: Link, segment: LinkedSegment, table: EntityTable, folded: str
                   ) -> list[Finding]:
    """A body rendered under another body's name (see _another_parent)."""
    for name in segment.en:
        if name.span != link.rendering and name.span.contains(link.rendering):
            parent = _another_parent(link, name, table, folded)
            if parent is None:
                return []
            return [NameMismatch.finding(
                f"different name: {link.mention.span.text} is not part of {parent.en} "
                f"({parent.zh[0]}), as the English says: {name.span.text}",
                link.mention.span, name.span, None, segment.index)]
    return []


def _another_parent(link: Link, name: NameMention, table: EntityTable, folded: str
                    ) -> Entity | None:
    """"CASS Institute of Physics" for 中国科学院物理研究所: the rendering with another known
    body before it (CASS, the Chinese Academy of Social Sciences), which no Chinese near
    the sentence names; the body's own parent is there (中国科学院, "CAS Institute of
    Physics")."""
    if kind_of(link.mention) != "org" or name.span.end != link.rendering.end \
            or name.span.start >= link.rendering.start \
            or not {w.lower() for w in link.rendering.text.split()} & ORG_WORDS:
        return None  # "Volkswagen Anhui", "He Xiaopeng": a place or a person, no part of a body
    prefix = name.span.text[:link.rendering.start - name.span.start].strip()
    prefix = re.sub(r"['’]s$", "", prefix)
    if not (prefix.isupper() and len(prefix) >= 2 or len(prefix.split()) >= 2):
        return None  # an acronym or a name of words ("Inter" is no Inter Milan)
    owners = [e for e in table.english_owners(prefix) if e.kind in ("org", "media")
              and e is not link.mention.entity and e.source != "cedict"]
    if not owners or any(normalize_chinese(form) in folded for e in owners for form in e.zh):
        return None
    return owners[0]


def _another_body_of(link: Link, name: NameMention) -> bool:
    """"Wuhan University of Technology" for 武汉大学 (Wuhan University): a body's name that
    goes on with "of …" past the whole rendering names another body, unless it is one of
    the entity's own names."""
    entity = link.mention.entity
    rendering = link.rendering.text
    return kind_of(link.mention) == "org" and rendering.split()[-1].lower() in ORG_WORDS \
        and name.span.text.startswith(rendering + " of ") and (
            entity is None or english_key(name.span.text) not in {
                english_key(form) for form in entity.english_forms})


def _ends_the_name(mention: NameMention, segment: LinkedSegment) -> bool:
    """The Chinese name stops where the mention does: punctuation, a conjunction or a
    particle follows (武汉大学和…), not more of a longer name (世界田联钻石联赛), nor a dash
    joining it to another (拉各斯—伊巴丹铁路, the Lagos-Ibadan Railway)."""
    text = zh_text_of(mention, segment)
    if text is None:
        return False
    end = mention.span.end - text.start
    after = text.text[end:end + 1]
    if after and after in "—–-－‐" and _is_han(text.text[end + 1:end + 2]):
        return False
    return not after or not _is_han(after) or after in "和与及、的在是将也都已"


def _is_han(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"


def _unsourced_bodies(free: list[NameMention], segment: LinkedSegment,
                      document: list[LinkedSegment], nearby: str, table: EntityTable
                      ) -> list[Finding]:
    """A body the curated table knows ("Bank Negara Malaysia") that no Chinese near the
    sentence names, where the Chinese names a body the English leaves unrendered
    (马来西亚投资发展局): one body put for another, even when we cannot look up the Chinese
    one. Without an unrendered Chinese body the English name may be context the translator
    added ("NVIDIA's Jensen Huang"), which is not reported."""
    folded = normalize_chinese(nearby)
    strangers = []
    for name in free:
        owners = [e for e in table.english_owners(name.span.text)
                  if e.source != "cedict" and e.kind in ("org", "media")]
        if owners and name.evidence == "acronym" and _defined_otherwise(
                name.span.text, owners, document):
            continue  # "China Aviation Supplies Holding Company (CAS)": not the Academy
        if owners and not any(normalize_chinese(form) in folded
                              for e in owners for form in e.zh):
            strangers.append((name, owners))
    # the Chinese bodies are looked for only when a stranger needs one (most sentences: none)
    unrendered = _unrendered_bodies(segment, table) if strangers else []
    findings: list[Finding] = []
    for name, owners in strangers:
        if not unrendered:
            break
        if any(_variant_form(body.text, form) for body in unrendered for e in owners
               for form in e.zh):
            continue  # 约翰·霍普金斯大学 for the table's 约翰斯·霍普金斯大学
        body = unrendered.pop(0)
        findings.append(NameMismatch.finding(
            f"different name: the English says {name.span.text} ({owners[0].zh[0]}), which the "
            f"Chinese does not name; the Chinese has {body.text}",
            body, name.span, None, segment.index))
    return findings


def _defined_otherwise(acronym: str, owners: list[Entity], document: list[LinkedSegment]
                       ) -> bool:
    """The English of the document introduces the acronym in brackets after a name none of
    its known owners goes by: it stands for that name here."""
    known = {english_key(form) for e in owners for form in e.english_forms}
    return any(not any(english_key(before).endswith(form) for form in known)
               for before in document_acronyms(document).get(acronym, ()))


def _unrendered_bodies(segment: LinkedSegment, table: EntityTable) -> list[Span]:
    """Chinese bodies of the segment (a name of at least two characters before a body word)
    that no link renders."""
    covered = [link.mention.span for link in segment.links]
    bodies = []
    for text in segment.zh_texts:
        for start, match in body_words(text.text):
            if match.start() - start < 2:
                continue  # 集团今年: "the group", no name
            span = Span(text.start + start, text.start + match.end(), text.text[start:match.end()])
            if not any(c.start <= span.end - 1 < c.end for c in covered) \
                    and _names_a_body(span, match.start() - start, segment, table):
                bodies.append(span)
    return bodies


def _names_a_body(span: Span, ending_at: int, segment: LinkedSegment, table: EntityTable
                  ) -> bool:
    """中国电影资料馆 and 北大荒农垦集团 name a body: a proper noun and more before the body
    word. 国资企业集团 ("state-owned groups") has no proper noun; 中国公司 ("Chinese
    companies") is a country and the body word alone."""
    head = span.text[:ending_at]
    inside = [m.span for m in segment.zh
              if span.start <= m.span.start and m.span.end <= span.start + ending_at]
    if len(inside) == 1 and inside[0].text == head:
        return False
    return bool(inside) or bool(table.scan(head))


def _variant_form(body: str, form: str) -> bool:
    """Two Chinese forms of one body: the same body word and most characters shared."""
    ending = BODY_WORD.search(form)
    if ending is None or not body.endswith(ending.group(0)):
        return False
    shared = set(normalize_chinese(body)) & set(normalize_chinese(form))
    return len(shared) >= 0.6 * len(set(form))


def _mandarin_readings(free: list[NameMention], segment: LinkedSegment, table: EntityTable
                       ) -> list[Finding]:
    """A four-character name with no compound surname, read in Mandarin two and two:
    "Yanze Xiongsi" for 岩泽雄司 (Yuji Iwasawa), "Pingye Huiyi" for 平野惠一 (Keiichi Hirano).
    Chinese names have two or three characters; four, split so, are Japanese, and the
    English writes them as their bearers do. So is a three-character name that opens with
    a family name CC-CEDICT reads in Japanese ("Pingye Jian" for 平野健)."""
    zh_text = normalize_chinese("".join(t.text for t in segment.zh_texts))
    findings = []
    for name in free:
        words = [romanize.ascii_fold(w).lower() for w in name.span.text.split()]
        if len(words) != 2 or not all(w[:1].isupper() for w in name.span.text.split()):
            continue
        run = _read_two_and_two(words, zh_text, table)
        if run is not None:
            findings.append(NameNonStandard.finding(
                f"non-standard rendering: {name.span.text} reads {run} in Mandarin; a "
                f"name like this one is Japanese: write it as its bearer does",
                _chinese_span(run, segment), name.span, None, segment.index))
    return findings


def _pinyin_of_an_inner_name(free: list[NameMention], segment: LinkedSegment,
                             table: EntityTable) -> list[Finding]:
    """The pinyin of a known body that opens a longer Chinese name, where the English names
    the body apart: "Qinghua University's Center for International Security and Strategy"
    for 清华大学战略与安全研究中心 (Tsinghua University)."""
    findings = []
    for mention in segment.zh:
        text = normalize_chinese(mention.span.text)
        for size in range(len(text) - 1, 1, -1):
            inner = table.get(text[:size])
            if inner is None or inner.source != "table" or inner.kind not in ("org", "place") \
                    or romanize.hanyu_spells(text[:size], inner.en):
                continue
            for name in free:
                words = [w for w in re.split(r"[\s-]+", name.span.text) if w]
                if spells_body(text[:size], words) or romanize.spells_place(text[:size], words):
                    findings.append(NameNonStandard.finding(
                        f"non-standard rendering: {mention.span.text[:size]} is known in "
                        f"English as {inner.en}, not {name.span.text}",
                        Span(mention.span.start, mention.span.start + size,
                             mention.span.text[:size]), name.span, inner.en, segment.index))
                    free = [n for n in free if n is not name]
                    break
            break
    return findings


def _read_two_and_two(words: list[str], zh_text: str, table: EntityTable) -> str | None:
    for start in range(len(zh_text) - 2):
        for length in (4, 3):
            run = zh_text[start:start + length]
            known = table.get(run[:2])
            if len(run) < length or not all("\u3400" <= c <= "\u9fff" for c in run) \
                    or run[:2] in romanize.COMPOUND_SURNAMES \
                    or known is not None and not japanese_reading(known) \
                    or length == 3 and not japanese_reading(known) \
                    or run in common_words() or run[:2] in common_words():
                continue
            if not set(run[:2]) & _JAPANESE_FAMILY_CHARACTERS:
                continue  # 巴弄卓康 "Banong Zhuokang": a Tibetan name, written in pinyin
            if all(romanize.spells([romanize.char_spellings(c) for c in half], word)
                   for half, word in ((run[:2], words[0]), (run[2:], words[1]))):
                return run
    return None


#: Characters common in Japanese family names (岩泽, 平野, 田中, 佐藤, 高桥 …).
_JAPANESE_FAMILY_CHARACTERS = frozenset(
    "野田村山川本藤井木岛泽原崎谷部口松石岩森桥宫冈林竹仓浦池泉坂阪久岸吉古渡佐伊斋菅城"
    "濑滨铃堀樱柳芦荻冢塚畑沼尾根江")


def _variant_of_elsewhere(mention: NameMention, free: list[NameMention],
                          segment: LinkedSegment, document: list[LinkedSegment]
                          ) -> Finding | None:
    """A known body or place the document names by its English name elsewhere (or for
    another mention in this sentence), and here by a variant sharing most of its words:
    "China Academy of Social Sciences" beside "Chinese Academy of Social Sciences",
    "Forbidden City Museum" beside "Palace Museum"."""
    entity = mention.entity
    if entity is None or entity.kind not in ("org", "media", "place") or entity.source == "cedict":
        return None
    accepted = {english_key(form) for form in entity.english_forms}
    if not any(link.mention.entity is entity and english_key(link.rendering.text) in accepted
               and (other is not segment or link.mention.span != mention.span)
               for other in document for link in other.links):
        return None
    for name in free:
        if english_key(name.span.text) not in accepted and not any(
                _contains_words(name.span.text, form) for form in entity.english_forms) and any(
                _shares_most_words(name.span.text, form) for form in entity.english_forms):
            # (but "World Athletics Diamond League" is a longer name, not a variant)
            return NameInconsistent.finding(
                f"inconsistent rendering: {mention.span.text} is {entity.en} elsewhere in this "
                f"document, {name.span.text} here", mention.span, name.span, entity.en,
                segment.index)
    return None


def _variants_beside(segment: LinkedSegment, free: list[NameMention]) -> list[Finding]:
    """A known body the sentence names by its English name, then again by a variant that
    shares two thirds of its distinctive words: "the Qatar Investment Authority (QIA) … the
    Qatar Investment Bureau" for 卡塔尔投资局 … 卡塔尔投资局 (both mentions linked, to the
    name and its acronym)."""
    findings = []
    for link in segment.links:
        entity = link.mention.entity
        if entity is None or entity.kind not in ("org", "media") or entity.source == "cedict" \
                or english_key(link.rendering.text) not in {
                    english_key(form) for form in entity.english_forms}:
            continue
        for name in free:
            if _another_chinese_body(name, segment):
                continue  # 立法院外交及國防委員會 beside 國防部: a committee, not the ministry
            if any(f.target == name.span for f in findings) or initials(name.span.text) in {
                    english_key(form).replace(" ", "") for form in entity.english_forms} or any(
                    _contains_words(name.span.text, form) or _contains_words(form, name.span.text)
                    for form in entity.english_forms) or not any(
                    _reworded(name.span.text, form) for form in entity.english_forms):
                continue
            findings.append(NameInconsistent.finding(
                f"inconsistent rendering: {link.mention.span.text} is {link.rendering.text} "
                f"in this sentence, {name.span.text} too", link.mention.span, name.span,
                entity.en, segment.index))
    return findings


def _another_chinese_body(name: NameMention, segment: LinkedSegment) -> bool:
    """The English name is of a kind of body (a committee) the Chinese sentence names outside
    every linked name (委员会): it renders that body, not a linked one reworded."""
    kind = name.span.text.split()[-1].lower()
    words = _BODY_KINDS.get(kind)
    if not words:
        return False
    covered = [link.mention.span for link in segment.links]
    for text in segment.zh_texts:
        for word in words:
            for match in re.finditer(word, text.text):
                at = text.start + match.start()
                if not any(span.start <= at < span.end for span in covered):
                    return True
    return False


#: The last word of an English body's name, and the Chinese words for that kind of body.
_BODY_KINDS = {
    "committee": ("委员会", "委員會"), "commission": ("委员会", "委員會"),
    "council": ("理事会", "理事會", "委员会", "委員會", "议会", "議會"),
    "court": ("法院", "法庭"), "association": ("协会", "協會", "公会", "公會"),
    "institute": ("研究所", "研究院", "学院", "學院"),
}


def _shares_most_words(text: str, form: str) -> bool:
    """Half or more of the name's distinctive words are the form's (of, the, and aside)."""
    words = {w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("of", "the", "and")}
    form_words = set(re.findall(r"[a-z]+", form.lower()))
    if words - form_words <= PLACE_NOUNS:
        return False  # "Toyota City" beside Toyota: the place named after the company
    return len(words) >= 2 and len(words & form_words) * 2 >= len(words)


#: Links loose enough to have accepted a misspelling of a known name.
_LOOSE_LINKS = frozenset({"short", "variant"})
#: Links whose English name may run on past them: "Sharif" of "Shebhaz Sharif", "Tengku
#: Zafrul" of "Tengku Zafrul Azis".
_GROWN_LINKS = frozenset({"surname", "established"})


def _loose_misspellings(segment: LinkedSegment) -> list[Finding]:
    """A known name linked by a loose match that is a near miss of one of its accepted forms:
    "Cathay Pacifc" taken as a short form of 國泰 (Cathay Pacific), or an accepted short form
    inside a longer name that misspells the full one ("Tengku Zafrul Azis": Tengku Zafrul,
    or Tengku Zafrul Aziz)."""
    findings = []
    for link in segment.links:
        entity = link.mention.entity
        rendering = _misspelt_whole(link, segment) if link.how in _GROWN_LINKS \
            else link.rendering
        if link.how not in _LOOSE_LINKS | _GROWN_LINKS or entity is None \
                or entity.kind in ("place", "name") or rendering is None:
            continue  # "Argentine" for Argentina: places have adjectives
        text = rendering.text
        forms = [f for f in entity.english_forms if len(f) >= 4]
        if any(same_spelling(f, text) for f in forms):
            continue
        near = [f for f in forms if one_slip(f, text)]
        whole = _misspelt_whole(link, segment) if link.how == "short" else None
        if not near and whole is not None:
            near = [f for f in forms if _one_word_swapped(f, whole.text, segment.table)]
            rendering, text = whole, whole.text
        if near:
            findings.append(NameMisspelled.finding(
                f"name misspelt: {link.mention.span.text} is {near[0]}, the English says {text}",
                link.mention.span, rendering, near[0], segment.index))
    return findings


def _runs_on(words: list[str], form_words: list[str], text: str,
             table: EntityTable | None) -> bool:
    """The English name goes on past a body's name of the same length into one of its
    meetings ("… Beijing Summit"), not with the rest of the body's name ("CRRC Zhuzhou
    Electric Locomotive": a word put in), nor as another name ("Hong Kong Special
    Administrative Region")."""
    rest = words[len(form_words):]
    return bool(set(rest) & _EVENT_NOUNS) and not set(rest) & set(form_words) and (
        table is None or not table.english_owners(text))


#: What a body's name may run on into: its meeting ("… Beijing Summit").
_EVENT_NOUNS = frozenset(split_words(
    "summit forum conference meeting session ministerial roundtable expo fair week congress"))


def _swapped_beside(segment: LinkedSegment, free: list[NameMention]) -> list[Finding]:
    """A name no Chinese word accounts for, one word off the name of a body the segment
    links: "Qatar Investment Agency" beside 卡塔尔投资局 (Qatar Investment Authority), said
    again with one word swapped."""
    findings = []
    for name in free:
        for link in segment.links:
            entity = link.mention.entity
            if entity is None or entity.kind not in ("org", "media"):
                continue
            form = next((f for f in entity.english_forms
                         if len(english_key(f).split()) == len(english_key(name.span.text).split())
                         and _one_word_swapped(f, name.span.text, segment.table)), None)
            if form is not None:
                findings.append(NameMisspelled.finding(
                    f"name misspelt: {link.mention.span.text} is {form}, the English says "
                    f"{name.span.text}", link.mention.span, name.span, form, segment.index))
                break
    return findings


def _one_word_swapped(form: str, text: str, table: EntityTable | None) -> bool:
    """A name of three words or more with one word of a known name swapped for another:
    "Abu Dhabi National Petroleum Company" for the Abu Dhabi National Oil Company, "Beijing
    International Book Expo" for the Beijing International Book Fair. The short form the
    link found ("Abu Dhabi National") is right, the name around it is not. Not a spelling
    variant ("Centre", "Center"), nor one company word for another ("Group", "Corporation"),
    nor two names of one entity ("Central Committee of the CPC", "… of the CCP")."""
    words, form_words = english_key(text).split(), english_key(form).split()
    if len(words) > len(form_words) and _runs_on(words, form_words, text, table):
        # "Forum on China-Africa Commerce Beijing Summit": the name runs on past the body's
        words = words[:len(form_words)]
    if len(words) != len(form_words) or len(words) < 3:
        return False
    swapped = [(a, b) for a, b in zip(words, form_words, strict=True) if a != b]
    if len(swapped) != 1 or set(swapped[0]) <= COMPANY_FORMS \
            or edit_similarity(*swapped[0]) >= MISSPELLING:
        return False
    new, old = swapped[0]
    return table is None or not {id(e) for e in table.english_owners(new)} & {
        id(e) for e in table.english_owners(old)}


def _known_person_misspelt(segment: LinkedSegment, table: EntityTable) -> list[Finding]:
    """A transliteration no table knows, rendered by an English name one slip from the full
    name of a person the table does know ("Christophe Fouqet" for 克里斯托弗·富凯, where the
    table has Christophe Fouquet under another Chinese name, 傅恪礼): the English sounds
    like the Chinese and all but spells a known person's name."""
    findings = []
    for link in segment.links:
        text = link.rendering.text
        if link.how != "sound" or link.mention.entity is not None \
                or table.english_owners(text):
            continue
        words = english_key(text).split()
        near = {form for at, word, form, _ in table.people_one_word_off(text)
                if one_slip(word, words[at]) and not same_spelling(form, text)}  # al-Sisi
        if len(near) == 1:
            form = near.pop()
            findings.append(NameMisspelled.finding(
                f"name misspelt: {link.mention.span.text} is probably {form}, the English "
                f"says {text}", link.mention.span, link.rendering, form, segment.index))
    return findings


_DOT = re.compile("[·•・．]")


def _family_name_of_another(segment: LinkedSegment, table: EntityTable) -> list[Finding]:
    """A known person found by the family name inside the full name of another known person:
    "Mohammed bin Salman" for 阿卜杜勒阿齐兹·本·萨勒曼 (Prince Abdulaziz bin Salman), "Lee
    Kuan Yew" for 李显龙. The family is right, the person is not."""
    findings = []
    for link in segment.links:
        entity = link.mention.entity
        whole = _misspelt_whole(link, segment) if link.how == "surname" else None
        text = link.mention.span.text
        if whole is None or entity is None or entity.kind != "person" or not (
                _DOT.search(text) or len(text) >= 3 and is_chinese_person(link.mention)):
            # 纳赛尔 or 伍兹 alone is any Nasser or Woods, not the table's
            continue
        others = [e for e in table.english_owners(whole.text)
                  if e.kind == "person" and e is not entity and e.en != entity.en]
        if others:
            also = "" if english_key(others[0].en) == english_key(whole.text) \
                else f" ({others[0].en})"
            findings.append(NameMismatch.finding(
                f"different name: {link.mention.span.text} is {entity.en}, the English says "
                f"{whole.text}{also}", link.mention.span, whole, entity.en, segment.index))
    return findings


def _misspelt_whole(link: Link, segment: LinkedSegment) -> Span | None:
    """The English name a person's family name was found in, when it says more than the
    family name: "Shebhaz Sharif", where only "Sharif" linked 夏巴兹·谢里夫 (Shehbaz Sharif)."""
    found = link.rendering
    return next((name.span for name in segment.en if name.span.start <= found.start
                 and found.end <= name.span.end and name.span != found), None)


def _misspelt_pinyin(free: list[NameMention], segment: LinkedSegment,
                     found: list[Finding]) -> list[Finding]:
    """A place word of pinyin shape that no run of the Chinese spells, but one nearly does:
    "Wangjaiba Town" for 王家坝镇 (Wangjiaba). Only before a place noun ("Town", "County"):
    elsewhere a name need not be spelt from the Chinese ("Shenzhen" for 深证)."""
    taken = {f.target for f in found if f.target is not None}
    zh_text = normalize_chinese("".join(t.text for t in segment.zh_texts))
    findings = []
    for name in free:
        if overlaps_used(name.span, taken):
            continue
        # "Jitang Town", or "Jitang townships" (吉潭镇), the noun outside the name
        text = name.span.text + _place_noun_after(name, segment)
        for word in re.finditer(r"([A-Z][a-z]{4,}) (\w+)", text):
            if word.group(2).lower() not in PLACE_NOUNS | _PLURAL_PLACE_NOUNS \
                    or word.end(1) > len(name.span.text) \
                    or segment.table and segment.table.english_owners(word.group(1)):
                continue
            near = _near_pinyin(word.group(1), zh_text, before_place=True)
            if near is None or transliteration(near[1]):
                continue  # 莫内达 "La Moneda Palace": a foreign name, not spelt in pinyin
            start = name.span.start + word.start()
            span = Span(start, start + len(word.group(1)), word.group(1))
            spelling, chinese = near
            findings.append(NameMisspelled.finding(
                f"name misspelt: {chinese} is {spelling}, the English says {word.group(1)}",
                _chinese_span(chinese, segment), span, spelling, segment.index))
            break
    return findings


#: The Chinese ends of the places a pinyin word before a place noun names.
_PLACE_CHARACTERS = frozenset("镇鎮乡鄉村县縣区區市")
_PLURAL_PLACE_NOUNS = frozenset({"townships", "towns", "counties", "villages", "districts"})


def _place_noun_after(name: NameMention, segment: LinkedSegment) -> str:
    """The lowercase place noun that follows the name in its English sentence, with the
    space before it ("" if none)."""
    for text in segment.en_texts:
        if text.start <= name.span.start and name.span.end <= text.end:
            after = re.match(r" ([a-z]+)", text.text[name.span.end - text.start:])
            if after and after.group(1) in PLACE_NOUNS | _PLURAL_PLACE_NOUNS:
                return after.group(0)
    return ""


def _chinese_span(run: str, segment: LinkedSegment) -> Span | None:
    """Where the segment's Chinese has ``run`` (compared as normalised characters)."""
    for text in segment.zh_texts:
        at = normalize_chinese(text.text).find(run)
        if at >= 0:
            return Span(text.start + at, text.start + at + len(run), text.text[at:at + len(run)])
    return None


def _near_pinyin(word: str, zh_text: str, before_place: bool = False
                 ) -> tuple[str, str] | None:
    """(the pinyin, the Chinese) of a run of two to four characters whose pinyin is one slip
    from ``word``; None when some run spells it exactly or none comes close, or when the word
    is ordinary English. ``before_place``: a run before a place character (吉潭镇) may be
    shorter (Jitan), the place noun on both sides being evidence that they match."""
    lower = word.lower()
    if lower in ordinary_english() or not romanize.pinyin_like(lower[:-1]) and \
            not romanize.pinyin_like(lower):
        return None
    best: tuple[str, str] | None = None
    han = [i for i, c in enumerate(zh_text) if "\u3400" <= c <= "\u9fff"]
    for start in han:
        for size in (2, 3, 4):
            run = zh_text[start:start + size]
            if len(run) < size or not all("\u3400" <= c <= "\u9fff" for c in run):
                continue
            chars = [romanize.char_spellings(c) for c in run]
            if romanize.spells(chars, lower):
                return None
            spelling = romanize.first_readings(run)
            similarity = edit_similarity(spelling, lower)
            shortest = 5 if before_place and zh_text[start + size:start + size + 1] in \
                _PLACE_CHARACTERS else 6
            if len(spelling) >= shortest and 0.8 <= similarity < 1.0 and best is None:
                best = (spelling.capitalize(), run)
    return best


def _foreign_names(free: list[NameMention], segment: LinkedSegment, written: str,
                   table: EntityTable) -> list[Finding]:
    """English names nothing in the Chinese can account for: a known person or body whose
    Chinese name is absent (the English says "Kyoto", the Chinese has no 京都), or a pinyin
    name none of whose syllables the Chinese holds ("Zhang Jike" where the Chinese has
    郭梅). The Chinese name it displaced may be one the extractor does not know; the
    English one is wrong either way."""
    findings = []
    for name in free:
        reason = _foreign_reason(name, written, table)
        if reason is None or _in_a_dateline(name, segment):
            continue
        displaced = next((m for m in segment.unlinked if _could_render(m, name, table)), None)
        findings.append(NameMismatch.finding(
            f"different name: the English says {name.span.text}, {reason}",
            displaced.span if displaced else None, name.span, None, segment.index))
    return findings


def _in_a_dateline(name: NameMention, segment: LinkedSegment) -> bool:
    """"NYON, Switzerland, Sept 3 (Reuters) -": English datelines add the country the
    Chinese one (路透社尼翁9月3日电) leaves out."""
    for text in segment.en_texts:
        line = _DATELINE.match(text.text)
        if line and text.start <= name.span.start < text.start + line.end():
            return True
    return False


#: A wire dateline: the city in capitals, its state or country, the date.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+,(?: [A-Z][\w.'-]*)+,? [A-Z][a-z]{2,}\.? \d{1,2}\b")


def nearby_chinese(document: list[LinkedSegment]) -> dict[int, str]:
    """Segment index → the Chinese of the segment and two neighbours each side: a translator
    may move a name across a sentence boundary, and the aligner may pair a short sentence one
    off. (Segments come in index order; one pass over the document, not one per segment.)"""
    texts = ["".join(t.text for t in segment.zh_texts) for segment in document]
    return {segment.index: "".join(texts[max(0, at - 2):at + 3])
            for at, segment in enumerate(document)}


def _foreign_reason(name: NameMention, written: str, table: EntityTable) -> str | None:
    text, zh_text = name.span.text, normalize_chinese(written)
    if _pinyin_person(text) and not traditional(written) and not table.english_owners(text) \
            and not _person_spelt_in(text, zh_text):
        return "a Chinese name the Chinese does not contain"
    if text in NATIONALITIES or text in _ADDED_CONTEXT \
            or english_key(text) in english_key(zh_text) or _syllables_in(text, zh_text):
        # "U.S. President Donald Trump" for 特朗普总统 (context a translator adds), AMD
        # written in the Chinese too, "Lee" for an unknown 李 (his own romanisation)
        return None
    owners = [e for e in table.english_owners(text) if _vouched(e, name)]
    if owners and not any(_named_in(form, zh_text) or e.kind == "person" and _nearly_named(
            form, zh_text, e) for e in owners for form in e.zh) \
            and not any(e.kind == "person" and (_sounds_in(e, zh_text) or _family_speaks(
                e, zh_text)) for e in owners) \
            and not (any(e.kind == "place" for e in owners)
                     and (_transliterated_in(text, zh_text) or _translated_in(text, zh_text))):
        return f"which is {owners[0].zh[0]} in Chinese, and the Chinese does not name it"
    if traditional(written):
        return None  # Hong Kong and Taiwan names are spelt too many ways to say
    if _pinyin_person(text):
        return "a Chinese name the Chinese does not contain"
    place = _pinyin_place(text)
    if place and not _spelt_in(place, zh_text) and all(
            any(romanize.hanyu_spells(zh, form) for zh in e.zh for form in e.english_forms)
            for e in table.english_owners(place)):  # not "Toyota City"
        return "a Chinese place the Chinese does not contain"
    return None


def _family_speaks(entity: Entity, zh_text: str) -> bool:
    """塞巴斯蒂安·科 is 科 on second reference, even one character, when it says something:
    科在仪式结束时说 ("Coe said at the end of the ceremony")."""
    families = {normalize_chinese(re.split(r"[·•・．]", form)[-1]) for form in entity.zh
                if re.search(r"[·•・．]", form)}
    cue = f"(?:[在也还又]|{'|'.join(_SPEECH)})"
    return any(re.search(f"(?:^|[，。：；“”\"]){re.escape(family)}{cue}", zh_text)
               for family in families)


def _pinyin_place(text: str) -> str | None:
    """The pinyin word of "Jialing River", "Shouxian County": a Chinese place by its shape."""
    match = re.fullmatch(r"([A-Z][a-z]{3,}) (River|Lake|Mountains?|County|City|Province|"
                         r"Town|Village|District|Prefecture)", text)
    if match is None or not romanised_chinese(match.group(1)):
        return None
    return match.group(1).lower()


def _spelt_in(word: str, zh_text: str) -> bool:
    """Some run of one to four characters of the Chinese spells the word in pinyin."""
    for start in range(len(zh_text)):
        for size in (1, 2, 3, 4):
            run = zh_text[start:start + size]
            if len(run) == size and romanize.spells(
                    [romanize.char_spellings(c) for c in run], word):
                return True
    return False


#: Names a translator adds for the reader: the countries of a Chinese or American text.
_ADDED_CONTEXT = frozenset({"China", "United States", *DEMONYMS["China"],
                            *DEMONYMS["United States"]})


def _sounds_in(entity: Entity, zh_text: str) -> bool:
    """The Chinese transliterates the person's family name some other way than the table
    (瑟比加 for the table's 西比加, Sybiha)."""
    family = entity.en.split()[-1]
    return any(sound_similarity(run, family) >= CLOSE_SOUND
               for run in _TRANSLITERATION_RUN.findall(zh_text))


def _transliterated_in(name: str, zh_text: str) -> bool:
    """The Chinese transliterates the place's distinctive word some other way than the table
    (克默顿 for Kemerton, 依斯干达 for the Iskandar of Iskandar Puteri)."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", name)
             if w.lower() not in ORG_WORDS and w.lower() not in PLACE_NOUNS]
    # any two to five characters: transliterations use more characters than the usual ones
    # (默, 顿 of 克默顿), and run into the words around them (西澳大利亚克默顿)
    runs = {run[start:end] for run in re.findall(r"[\u4e00-\u9fff]+", zh_text)
            for start in range(len(run)) for end in range(start + 2, min(len(run), start + 5) + 1)}
    return any(sound_similarity(run, word) >= CLOSE_SOUND for word in words for run in runs)


def _translated_in(name: str, zh_text: str) -> bool:
    """The Chinese translates the place's name word for word (东部经济走廊 "Eastern Economic
    Corridor"): most of its words gloss words of the Chinese."""
    words = {normalise_word(w) for w in english_tokens(name)} - _LINK_WORDS
    if len(words) < 2:
        return False
    glosses = set().union(*(english_glosses(w) for w in zh_content_words(zh_text)))
    return len(words & glosses) >= 0.6 * len(words)


_LINK_WORDS = frozenset({"of", "the", "and", "for", "de", "la"})
_TRANSLITERATION_RUN = re.compile(f"[{''.join(sorted(TRANSLITERATION_CHARACTERS))}]{{2,6}}")


def _vouched(entity: Entity, name: NameMention) -> bool:
    """An entity whose English name cannot come from anything but its Chinese name.

    Not: a place in China (a translator writes "Inner Mongolia" for 一区, "Hubei" for 全省),
    CC-CEDICT's loose names ("Spring", "Port"), an ordinary word ("Total", "the Senate"), an
    acronym (申遗 is put on "UNESCO's list"; "CDC" is any disease-control centre)."""
    if entity.source == "glossary" or entity.kind not in ("person", "org", "media", "place") \
            or name.evidence == "acronym" \
            or entity.kind != "place" and ordinary_words(name.span.text):
        return False
    if entity.source == "cedict":
        return entity.kind in ("person", "org") and len(name.span.text.split()) >= 2
    if entity.kind == "place":
        return not _CHINESE_PLACE.search(entity.note) and not any(
            romanize.hanyu_spells(zh, entity.en) for zh in entity.zh)
    return True


_CHINESE_PLACE = re.compile(r"China|Hong Kong|Taiwan|Macao|Tibet|planet")


#: The nouns a Chinese place name may drop (安第斯山脉 is also just 安第斯), longest first.
_PLACE_NOUNS_ZH = ("山脉", "群岛", "半岛", "海峡", "沙漠", "高原", "平原", "盆地", "山", "河", "湖",
                   "岛")


#: What a Chinese name may drop besides its place noun: the administrative unit, the
#: company's line of business or legal form (泗水市 is also 泗水, 绿地集团 绿地).
_DROPPABLE_NOUNS = (*_PLACE_NOUNS_ZH, "自治区", "特别行政区", "市", "省", "州", "县", "区",
                    "控股集团", "集团", "控股", "股份", "公司", "娱乐", "科技", "汽车", "银行")


#: Countries a body's Chinese name may open with, and a text may leave out.
_COUNTRY_FIRST = re.compile("中国|美国|英国|法国|德国|日本|韩国|沙特|阿联酋|卡塔尔|科威特|俄罗斯|"
                            "印度|新加坡|马来西亚|印尼|澳大利亚|加拿大|巴西|南非|土耳其|伊朗")


#: One-character names of countries that abbreviate a pair: 中老 "China-Laos", 美日.
_PAIRED = "中美日俄欧韩朝德法英印澳加"


def _named_in(form: str, zh_text: str) -> bool:
    """The Chinese names the entity, in full or by its one-character abbreviation beside
    another country's (中老铁路 "China-Laos Railway")."""
    form = normalize_chinese(form)
    if form.endswith("委员会") and form[:-2] in zh_text:
        return True  # 国家卫生健康委 for 国家卫生健康委员会
    stem = next((form[:-len(noun)] for noun in _DROPPABLE_NOUNS if form.endswith(noun)), "")
    if len(stem) >= 2 and stem in zh_text:
        return True  # 安第斯 for 安第斯山脉 (the Andes), 泗水 for 泗水市, 猫眼 for 猫眼娱乐
    country = _COUNTRY_FIRST.match(form)
    if country and len(form) - country.end() >= 4 and form[country.end():] in zh_text:
        return True  # 公共投资基金 for 沙特公共投资基金: the country said before, or understood
    return form in zh_text or len(form) == 2 and re.search(
        f"[{_PAIRED}]{form[0]}|{form[0]}[{_PAIRED}]", zh_text) is not None


def _nearly_named(form: str, zh_text: str, entity: Entity) -> bool:
    """A person's Chinese name of three or more characters written with one other character
    after the first (狄亚乐 for 狄韦乐): a variant transliteration, see
    _written_one_character_off."""
    form = normalize_chinese(form)
    if len(form) < 3 or _spells_its_characters(form, entity):
        return False
    return any(_one_character_apart(form, zh_text[at:at + len(form)])
               for at in range(len(zh_text) - len(form) + 1) if zh_text[at] == form[0])


def _pinyin_person(text: str) -> bool:
    """Two or three words of pinyin, capitalised, one end a Chinese surname: "Zhang Jike",
    "Lu Chaoyang" (not "Kentaro Okuda", not "Nandu River")."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) \
            or not romanised_chinese(text) or {w.rstrip(".,") for w in words} & _NOT_NAME_WORDS \
            or {w.lower() for w in words} & (ORG_WORDS | PLACE_NOUNS):
        return False
    ends = {romanize.ascii_fold(words[0]).lower(), romanize.ascii_fold(words[-1]).lower()}
    return bool(ends & romanize.all_surname_spellings())


def _person_spelt_in(text: str, zh_text: str) -> bool:
    """Some run of the Chinese is the person the pinyin name spells: surname and given name
    ("Wang Xing" for 王兴), not a surname that happens to be there (周 of 周二 for "Zhou
    Qiang")."""
    words = split_hyphens(re.sub(r"['’]", "", text))
    regional = "-" in text  # "Wong Ka-yan": a Cantonese given name we cannot derive
    if _spelt_in("".join(words).lower(), zh_text):
        return True  # "Yu'E Bao" is 余额宝, a product spelt in pinyin, not a person
    for start, char in enumerate(zh_text):
        if char not in romanize.SURNAMES and zh_text[start:start + 2] not in \
                romanize.COMPOUND_SURNAMES:
            continue
        for size in (2, 3, 4):
            run = zh_text[start:start + size]
            if len(run) == size and (romanize.is_person_spelling(run, words) == "full" or (
                    regional and romanize.spells_surname_with_given(run, text.split()))):
                return True
    return False


def _syllables_in(text: str, zh_text: str) -> bool:
    """Some character of the Chinese is spelt like the name's first or last word."""
    words = [romanize.ascii_fold(w).lower() for w in re.split(r"[\s-]+", text) if w]
    return bool({words[0], words[-1]} & _spellings_in(zh_text))


@lru_cache(maxsize=16)
def _spellings_in(zh_text: str) -> frozenset[str]:
    """Every spelling of every character of a text, as a surname and otherwise (one text is
    asked about for each English name near it)."""
    return frozenset().union(*(romanize.char_spellings(c) | romanize.surname_spellings(c)
                               for c in set(zh_text) if "\u3400" <= c <= "\u9fff"))


def _explained(name: NameMention, segment: LinkedSegment, table: EntityTable) -> bool:
    """An English name the Chinese accounts for some other way: a known entity whose Chinese
    form is in the segment, or a country the Chinese names by one character ("China-Japan"
    for 中日, "China" for 中方), or a body named after a name rendered in the sentence
    ("Dangote Group" beside "Dangote" for 丹格特集团)."""
    if _named_after_a_rendering(name, segment) or _in_a_quoted_title(name, segment):
        return True
    zh_text = normalize_chinese("".join(t.text for t in segment.zh_texts))
    for part in re.split(r"[-/]", name.span.text):
        owners = table.english_owners(part)
        forms = [normalize_chinese(form) for e in owners for form in e.zh]
        if any(form in zh_text for form in forms):
            continue
        country = part in DEMONYMS or part in ALL_DEMONYMS
        if country and any(form[:1] in zh_text for form in forms):
            continue
        return False
    return True


def _in_a_quoted_title(name: NameMention, segment: LinkedSegment) -> bool:
    """"To Live" for 《活着》: a capitalised word inside a short quotation, where the Chinese
    has a title in 《》, is the title's rendering, not a name."""
    if not any(m.kind == "title" for m in segment.zh):
        return False
    for text in segment.en_texts:
        if not text.contains(name.span):
            continue
        before = text.text[:name.span.start - text.start]
        after = text.text[name.span.end - text.start:]
        opened = max(before.rfind('"'), before.rfind("“"))
        closed = min((i for i in (after.find('"'), after.find("”")) if i >= 0), default=-1)
        if opened < 0 or closed < 0 or before.count('"') % 2 == 0 and "“" not in before:
            return False
        quoted = before[opened + 1:] + name.span.text + after[:closed]
        return len(quoted.split()) <= _TITLE_WORDS
    return False


#: A quoted title runs to this many words at most ("The Three-Body Problem").
_TITLE_WORDS = 8


def _named_after_a_rendering(name: NameMention, segment: LinkedSegment) -> bool:
    words = name.span.text.split()
    for link in segment.links:
        rendered = link.rendering.text.split()
        if len(words) > len(rendered) and words[:len(rendered)] == rendered \
                and all(w.lower() in ORG_WORDS for w in words[len(rendered):]):
            return True
    return False


def _expected_forms(mention: NameMention) -> list[str]:
    forms = list(mention.entity.english_forms) if mention.entity else []
    if is_chinese_person(mention):
        forms += romanize.person_spelling_forms(mention.span.text)
        if traditional(mention.span.text):  # Taiwan writes Wade-Giles: Yang Po-hsuan
            forms += romanize.wade_giles_forms(normalize_chinese(mention.span.text))
    return forms


def _contains_words(longer: str, name: str) -> bool:
    """The words of ``name`` appear in order inside the longer name, which has more."""
    outer, inner = english_key(longer).split(), english_key(name).split()
    return len(outer) > len(inner) and any(
        outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def _reworded(text: str, form: str) -> bool:
    """Two names of a body that share at least two thirds of their distinctive words, and at
    least two: a translation of the name rather than another body."""
    def distinctive(name: str) -> set[str]:
        return {w for w in english_key(name).split()
                if w not in ORG_WORDS and w not in ("of", "the", "and", "for", "co", "ltd")}
    ours, theirs = distinctive(text), distinctive(form)
    shared = len(ours & theirs)
    return shared >= 2 and shared * 3 >= 2 * max(len(ours), len(theirs))


def _known_spellings(form: str, text: str, table: EntityTable) -> bool:
    """Every word that differs is another known spelling of the word it replaces: "Macao"
    and "Macau" name one place. "Kwan" for the Kuan of Lee Kuan Yew, or "Monterrey" (a
    Mexican city) for the Monterey of Monterey Park, is a known name of something else."""
    pairs = [(w, f) for w, f in zip(text.split(), form.split(), strict=False)
             if w.lower() != f.lower()]
    return bool(pairs) and all(
        any(owner in table.english_owners(f) for owner in table.english_owners(w))
        for w, f in pairs)


#: Links by which the document spells a name out (not a surname or short form).
_SPELT_OUT = frozenset({"established", "variant", "pinyin", "regional", "sound"})


def document_spellings(document: list[LinkedSegment]) -> dict[str, list[tuple[int, str]]]:
    """Chinese name → (segment index, English) for each place the document spells it out
    (once per document: each segment asks about its own unlinked names)."""
    spellings: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for segment in document:
        for link in segment.links:
            if link.how in _SPELT_OUT:
                spellings[link.mention.span.text].append((segment.index, link.rendering.text))
    return spellings


def _renderings_elsewhere(mention: NameMention, segment: LinkedSegment,
                          spellings: dict[str, list[tuple[int, str]]]) -> tuple[str, ...]:
    """How other segments of the document spell this Chinese name out: a name we cannot
    look up (a township found from its pinyin, 龙凤山 "Longfengshan") still has a spelling
    to miss ("Longfengsan")."""
    return tuple(sorted({text for index, text in spellings.get(mention.span.text, ())
                         if index != segment.index}))


def _misspelling(mention: NameMention, free: list[NameMention], index: int,
                 table: EntityTable, elsewhere: tuple[str, ...] = ()) -> Finding | None:
    forms = [f for f in [*_expected_forms(mention), *elsewhere] if len(f) >= 4]
    best: tuple[float, Span, str] | None = None
    for name in free:
        for span, _words in word_windows(name):
            for form in forms:
                if len(form.split()) != len(span.text.split()) or inflected(form, span.text):
                    continue
                score = edit_similarity(form, span.text)
                if MISSPELLING <= score < 1.0 and (best is None or score > best[0]):
                    best = (score, span, form)
    if best is None:
        return None
    _, span, form = best
    if _known_spellings(form, span.text, table):
        return None  # "Macao Government" for the Macau government: both are spellings
    # a place has adjectives and local spellings ("Argentine", "Mallorca" for Majorca): a
    # near miss is worth a look unless it is a botched pinyin spelling
    place = kind_of(mention) == "place" and not romanised_chinese(span.text) \
        and not _letter_dropped_or_added(form, span.text) \
        and not _inside_a_curated_place_name(mention, form, span.text) \
        and not _a_chinese_place(mention)
    written = next((other for other in elsewhere
                    if MISSPELLING <= edit_similarity(other, span.text) < 1.0), None)
    if place and written is not None:
        # whichever spelling is right, a reader meets "El Fasher" and "Al-Fashir" as two
        # places: the document keeps to one
        return NameInconsistent.finding(
            f"inconsistent rendering: {mention.span.text} is {written} elsewhere in this "
            f"document, {span.text} here", mention.span, span, written, index)
    return NameMisspelled.finding(
        f"name misspelt: {mention.span.text} is {form}, the English says {span.text}",
        mention.span, span, form, index, severity=Severity.MINOR if place else None)


def _a_chinese_place(mention: NameMention) -> bool:
    """A place in China the table knows: its English spelling is fixed ("Ulanqab"), with
    no adjective or local form a slip could be ("Ulanqap")."""
    return mention.entity is not None and mention.entity.kind == "place" \
        and _CHINESE_PLACE.search(mention.entity.note) is not None


def _inside_a_curated_place_name(mention: NameMention, form: str, text: str) -> bool:
    """"Tuen Mon Road" for the table's Tuen Mun Road: a slip inside the name of a road, port
    or building the curated table spells, where no adjective or local form explains it (those
    change a word's ending: "Argentine", or are listed: "Macau")."""
    entity = mention.entity
    words, written = form.split(), text.split()
    return entity is not None and entity.source == "table" and len(words) >= 2 \
        and len(words) == len(written) and words[-1] == written[-1] \
        and words[-1].lower() in PLACE_NOUNS


def _letter_dropped_or_added(form: str, text: str) -> bool:
    """"Peshwar" for Peshawar, "Seged" for Szeged: one letter inside a word gone or added,
    a slip of the keyboard, where local spellings and adjectives change letters or endings
    ("Mallorca" for Majorca, "Argentine")."""
    pairs = [(a, b) for a, b in zip(form.split(), text.split(), strict=True) if a != b]
    if len(pairs) != 1:
        return False
    longer, shorter = sorted(pairs[0], key=len, reverse=True)
    return len(longer) == len(shorter) + 1 and any(
        longer[:at] + longer[at + 1:] == shorter for at in range(1, len(longer) - 1))


def _confident(mention: NameMention, missing: bool = True) -> bool:
    """Whether we know enough about a Chinese name to say it has no rendering. A foreign name
    we cannot look up (帕利) is enough to call a different name a mismatch, not enough to call
    the name missing. An acronym (CBA) is kept in translation unless it is one that English
    spells out (GDP, AI)."""
    entity = mention.entity
    if mention.evidence == "role":
        return False
    if mention.evidence == "gloss":
        return True  # the Chinese itself says what the English should write
    if mention.evidence == "latin":
        text = mention.span.text
        # NBA, but also Twitter, iPhone: a name the Chinese keeps in Latin letters
        kept = (text.isupper() or any(c.isupper() for c in text) and len(text) >= 4) \
            and len(text) >= 3 and text.upper() not in _SPELLED_OUT
        return any(c.isdigit() for c in text) or entity is not None or kept or (
            not missing and text.isupper() and text not in _SPELLED_OUT)  # APP: "apps"
    if mention.evidence == "title":
        return entity is not None
    if entity is not None:
        if entity.source == "cedict" and entity.kind == "name":
            # 中日关系 "Sino-Japanese", 大桥 "Da Qiao": CC-CEDICT's loosest names; a long one
            # (利物浦, 摩托罗拉) can still face a different name, and a transliteration
            # (卢旺达 Rwanda) is a name whatever happens to it
            if transliteration(mention.span.text) and _plain_english(entity.en) \
                    and not romanize.hanyu_spells(mention.span.text, entity.en):
                return True
            if not missing and is_a_body(entity):
                return True  # 香港文化中心 "Hong Kong Cultural Center" facing another venue
            if not missing and " " not in entity.en and mention.span.text not in common_words() \
                    and romanize.hanyu_spells(mention.span.text, entity.en):
                return True  # 上海 "Shanghai": a name spelt as it reads, facing another name
            return not missing and len(mention.span.text) >= 3 and _plain_english(entity.en) \
                and mention.span.text not in common_words()
        # a brand that is also a word (苹果, 长城) may be the word; 地球 is always Earth
        ordinary = mention.span.text in common_words() and (
            entity.source == "cedict" or entity.kind in ("org", "product", "media", "event"))
        return not ordinary or entity.source == "glossary"
    if mention.evidence == "translit":
        return not missing or mention.kind == "place"  # 普利特维茨湖: a place by its noun
    return mention.evidence in ("surname", "dotted", "english")


def _company_of_its_officer(mention: NameMention, segment: LinkedSegment) -> bool:
    """新鸿基地产主席 "the chairman of Sun Hung Kai Properties" may say "the chairman" alone,
    but not name another company's chairman. (A government body before a title, 经济部长,
    is left to the title: "the economy minister".)"""
    entity = mention.entity
    return mention.evidence == "role" and entity is not None and entity.kind == "org" \
        and entity.source == "table" and followed_by(mention, segment, _COMPANY_OFFICERS)


#: Titles of a company's officers.
_COMPANY_OFFICERS = ("主席", "董事长", "董事長", "总裁", "總裁", "首席执行官", "首席執行官",
                     "行政总裁", "行政總裁", "总经理", "總經理", "创始人", "創辦人", "CEO")


def _plain_english(name: str) -> bool:
    """"Liverpool", "Motorola": a name, not "Sino-Japanese" or "China-USA"."""
    return "-" not in name and len(name.split()) <= 3 and name[:1].isupper()


#: Acronyms an English text may spell out or drop ("GDP", "artificial intelligence").
_SPELLED_OUT = frozenset(split_words(
    "GDP GNP CPI PPI PMI AI IT CEO CFO CTO COO CIO IPO ETF EV EVS GPU CPU APP APPS VR AR IOT "
    "ICT R&D RMB USD HKD SME SMES NGO NGOS PPP FDI ODA QR ID VIP CBD WIFI PC PCS OS UN"))


def _mismatch_or_missing(mention: NameMention, free: list[NameMention],
                         segment: LinkedSegment, document: list[LinkedSegment],
                         table: EntityTable) -> Finding | None:
    if _posted_to(mention, segment):
        return None  # 驻菲律宾大使馆 "the embassy in Manila", or just "the embassy"
    expected = _expected_forms(mention)
    suggestion = expected[0] if expected else None
    described = _describe(expected)
    foreign = title_nationality(mention, segment) if mention.entity is None \
        and is_chinese_person(mention) else None
    if foreign is not None:
        # 韩国LG新能源首席执行官金东明 is Kim Dong-myung, whom pinyin would call Jin Dongming
        described, suggestion = f"a {foreign[0]} name", None
    noun = _noun_after(mention, segment)
    candidates = sorted((n for n in free if _could_render(mention, n, table)),
                        key=lambda n: -_fitness(mention, n, table)
                        - 3 * (n.span.text.split()[-1].lower() in noun))
    same_kind = bool(candidates)
    if candidates and (_another_bearer(mention, candidates[0], table)
                       or _short_for_the_known(mention, candidates[0], table)
                       or _end_of_the_known(mention, candidates[0], table)
                       or _japanese_namesake(mention, candidates[0])
                       or _written_one_character_off(mention, candidates[0], table)):
        return None  # 麦凯恩 of the WFP is Cindy McCain, not the table's John McCain
    if candidates and not _known_rival(mention, candidates[0], table) and (
            by_paraphrase(mention, segment, {n.span for n in free}, share=1.0)
            or _says_the_loose_name(mention, candidates[0])):
        return None  # "Vice Minister of Commerce" says 商务部 beside another name
    if _qualifies_a_place(mention, segment) and not any(
            "place" in _kinds(c, table) or _a_venue(c.span.text) for c in candidates):
        candidates = []  # 青海省海西蒙古族藏族自治州 "Haixi Mongolian and Tibetan …"
    if not candidates:
        # a word another name's rendering holds ("Europe" for 欧洲) paraphrases nothing else
        rendered = {link.rendering for link in segment.links}
        if _stood_in(mention, segment, document) or by_paraphrase(mention, segment, rendered):
            return None
        if _qualifies_a_place(mention, segment) or _in_a_byline(mention, segment):
            return NameMissing.finding(  # 中国文昌航天发射场 "the Wenchang Space Launch Site"
                f"name missing: {mention.span.text} ({described}) is not in the "
                "English", mention.span, None, suggestion, segment.index,
                severity=Severity.MINOR)
        # a place or body gone, and an unexplained name of another kind stands there; a
        # person gone, and a name made of ordinary words stands there, is reported missing
        # ("The Finance Committee … said": a description, not a rival)
        # (not for a dictionary name of no known kind: 互联网 "Internet" is a word as often)
        candidates = [n for n in free if _plain_name(n) and kind_of(mention) != "name" and (
            mention.kind != "person" or not ordinary_words(n.span.text, glossing=15))]
    sure = _confident(mention, missing=True) or _speaker(mention, segment)
    if candidates and (same_kind or mention.kind != "person" or sure):
        other = candidates[0]
        # a person facing a name that cannot be a person's ("Jagaran Bureau") is as gone
        # as a missing one: major, however unsure we are of who renders the Chinese
        severity = _mismatch_severity(mention, other, table) if same_kind \
            or mention.kind != "person" else None
        return NameMismatch.finding(
            f"different name: {mention.span.text} is {described}, "
            f"the English says {other.span.text}",
            mention.span, other.span, suggestion, segment.index, severity=severity)
    if not sure:
        return None
    # in a document a place or organisation is often left implicit, the context saying it
    # ("the Japanese economy" → "the economy", 美国商务部 → "the Commerce Department"):
    # worth a look, not an error. A person who said or did something is not, and a lone
    # sentence has no context to carry the name.
    severity = Severity.MINOR if mention.kind != "person" and len(document) > 1 \
        and not _lost_body(mention, segment, document) \
        and not _dropped_from_a_list(mention, segment) \
        or _qualifies_a_place(mention, segment) or _in_a_byline(mention, segment) else None
    return NameMissing.finding(
        f"name missing: {mention.span.text} ({described}) is not in the English",
        mention.span, None, suggestion, segment.index, severity=severity)


def _another_bearer(mention: NameMention, other: NameMention, table: EntityTable) -> bool:
    """The Chinese gives a family name alone, and the English names a known person of that
    family name: the table's bearer of the bare name is not the only one."""
    family = normalize_chinese(mention.span.text)
    return kind_of(mention) == "person" and any(
        person.kind == "person" and any(family_part(normalize_chinese(form), person) == family
                                        for form in person.zh)
        for person in table.english_owners(other.span.text))


def _short_for_the_known(mention: NameMention, other: NameMention, table: EntityTable
                         ) -> bool:
    """泗水 is the Si River to the dictionary, and the table's Surabaya is 泗水市: the English
    names a known place or body whose Chinese name is the mention and a place or body word
    (市, 县, 集团), another reading of the same characters."""
    said = normalize_chinese(mention.span.text)
    return len(said) >= 2 and any(
        e.kind in ("place", "org") and any(_said_and_a_noun(said, normalize_chinese(zh))
                                           for zh in e.zh)
        for e in table.english_owners(other.span.text))


def _end_of_the_known(mention: NameMention, other: NameMention, table: EntityTable) -> bool:
    """维拉 is Vera to the dictionary, and "Villa" the short name of Aston Villa (阿斯顿维拉):
    the English is a name the table gives a body whose Chinese name ends with the mention."""
    said, key = normalize_chinese(mention.span.text), english_key(other.span.text)
    return len(said) >= 2 and any(
        e.kind in ("place", "org") and key in {english_key(f) for f in e.english_forms}
        and any(len(zh) > len(said) and normalize_chinese(zh).endswith(said) for zh in e.zh)
        for e in table.english_owners(other.span.text))


def _said_and_a_noun(said: str, form: str) -> bool:
    rest = form[len(said):]
    return form.startswith(said) and 0 < len(rest) <= 2 and (
        rest in _PLACE_WORDS or BODY_WORD.fullmatch(rest) is not None)


_PLACE_WORDS = frozenset({"市", "县", "省", "州", "区", "岛", "镇", "府"})


def _japanese_namesake(mention: NameMention, other: NameMention) -> bool:
    """佐藤健 is the actor Takeru Satoh to the table, and may be any Kenta Sato: the characters
    of a Japanese name do not fix its reading, so an English Japanese name with the table
    person's family name is another bearer, not a wrong person."""
    entity = mention.entity
    if entity is None or entity.kind != "person" or not other.span.text[:1].isupper():
        return False
    known, said = _japanese_words(entity.en), _japanese_words(other.span.text)
    if len(known) != 2 or len(said) != 2 or not set(known) & set(said):
        return False
    # the other word is another name, not the same one misspelt ("Akio Toyota")
    rest = set(known) ^ set(said)
    return len(rest) == 2 and edit_similarity(*rest) < 0.6


def _japanese_words(name: str) -> list[str]:
    """The words of a name in Hepburn, long vowels folded ("Satoh", "Satō" → sato); [] when
    the name is not Japanese in shape."""
    words = [re.sub(r"(?<=o)h$", "", romanize.ascii_fold(w).lower()) for w in name.split()]
    return words if words and romanize.japanese_shape(" ".join(words)) else []


def _written_one_character_off(mention: NameMention, other: NameMention, table: EntityTable
                               ) -> bool:
    """The English names a known person whose Chinese name the text writes with one other
    character (狄亚乐 for the table's 狄韦乐, Dilhan Pillay), and it sounds like the name:
    a variant transliteration, which Chinese writers do not fix the way English does."""
    written = normalize_chinese(mention.span.text)
    if kind_of(mention) != "person" or len(written) < 3 or not any(
            sound_similarity(written, word) >= SOUND_LINK for word in other.span.text.split()):
        return False
    return any(person.kind == "person" and any(_one_character_apart(form, written)
                                               and not _spells_its_characters(form, person)
                                               for form in map(normalize_chinese, person.zh))
               for person in table.english_owners(other.span.text))


def _spells_its_characters(form: str, person: Entity) -> bool:
    """The English name spells the Chinese one, in pinyin or a regional way (李显扬 Lee Hsien
    Yang): one character more or less is then another person (李显龙), not a variant."""
    words = person.en.split()
    return romanize.hanyu_spells(form, person.en) \
        or romanize.spells_surname_with_given(form, words) \
        or romanize.is_person_spelling(form, words) == "full"


def _one_character_apart(form: str, written: str) -> bool:
    return len(form) == len(written) and sum(
        a != b for a, b in zip(form, written, strict=True)) == 1


def _in_a_byline(mention: NameMention, segment: LinkedSegment) -> bool:
    """（记者王立成 刘晓雯）: the reporters of a dateline, which English wire copy leaves out."""
    text = zh_text_of(mention, segment)
    if text is None:
        return False
    before = text.text[:mention.span.start - text.start]
    opened = max(before.rfind("（"), before.rfind("("))
    return opened >= 0 and before[opened + 1:].lstrip().startswith(_BYLINE_ROLES) \
        and ")" not in before[opened:] and "）" not in before[opened:]


_BYLINE_ROLES = ("记者", "記者", "通讯员", "通訊員", "摄影", "攝影", "编辑", "編輯")


def _dropped_from_a_list(mention: NameMention, segment: LinkedSegment) -> bool:
    """An item of a list of names whose neighbour in the list the English renders: 河南、四川和
    甘肃 → "Sichuan and Gansu", 华为、小米和苹果 → "Xiaomi and Apple". One item left out of a
    list the translation keeps is an omission, not a name left to the context."""
    text = zh_text_of(mention, segment)
    if text is None:
        return False
    start, end = mention.span.start - text.start, mention.span.end - text.start
    rendered = {id(link.mention) for link in segment.links}
    kind = kind_of(mention)
    for other in segment.zh:
        if id(other) not in rendered or kind_of(other) != kind:
            continue
        if other.span.start - text.start == end + 1:
            joint = text.text[end]
        elif other.span.end - text.start == start - 1:
            joint = text.text[start - 1]
        else:
            continue
        if joint in _LIST_JOINTS:
            return True
    return False


#: What joins the items of a list of names: 河南、四川和甘肃.
_LIST_JOINTS = frozenset("、和与及")


def _qualifies_a_place(mention: NameMention, segment: LinkedSegment) -> bool:
    """美国得克萨斯州 "Texas", 法国南特 "Nantes", 新加坡南洋理工大学 "Nanyang Technological
    University": a country (or region) just before a place or a body in it is often left to
    the reader; worth a look, not an error."""
    if kind_of(mention) == "org":
        return _heads_a_body(mention, segment)
    if kind_of(mention) not in ("place", "name"):
        return False  # (CC-CEDICT's names are mostly places: 德意志 "Deutschland")
    place = kind_of(mention) == "place"
    if place and (any(m.span.start == mention.span.end and kind_of(m) in ("place", "org", "media")
                      for m in segment.zh) or followed_by(mention, segment, _STATE_COMPANY)):
        return True
    text = zh_text_of(mention, segment)
    if text is None:
        return False
    after = to_simplified(text.text[mention.span.end - text.start:])
    # 德意志|留声机公司 "Deutsche Grammophon": a body no table knows, named after the place
    if BODY_RUN.match(after):
        return True
    if not place:
        return False
    # 匈牙利反对党蒂萨党主席|马扎尔·彼得: the country of a person's title
    person = next((m for m in segment.zh if kind_of(m) == "person"
                   and m.span.start > mention.span.end
                   and m.span.start - mention.span.end <= _TITLE_LENGTH), None)
    if person is None:
        return False
    title = after[:person.span.start - mention.span.end]
    return not re.search(r"[，。；：、,;:（）()“”]", title) and role_before(title, len(title))


def _heads_a_body(mention: NameMention, segment: LinkedSegment) -> bool:
    """交通部|民用航空局 "the ministry's Civil Aeronautics Administration", 美国国会|亚太裔
    党团 "the Congressional Asian Pacific American Caucus": a ministry or legislature just
    before a body of its own, which English names without it or by an adjective."""
    text = zh_text_of(mention, segment)
    if text is None or not to_simplified(mention.span.text).endswith(("部", "院", "国会", "议会")):
        return False
    return bool(_OFFICE_UNDER.match(to_simplified(text.text[mention.span.end - text.start:])))


_OFFICE_UNDER = re.compile(
    "(?:(?![的和与及在是了对向将为从把被等])[\u4e00-\u9fff]){1,8}?"
    "(?:局|署|司|委员会|办公室|研究院|研究所|中心|党团|小组)")


#: How far a person's title may run after the place that opens it.
_TITLE_LENGTH = 16


#: 蒙古国国有企业额尔登斯塔旺陶勒盖公司 "state-owned Erdenes Tavan Tolgoi": a country's
#: state company, whose name the extractor may not find
_STATE_COMPANY = ("国有企业", "國有企業", "国企", "國企", "国营", "國營")


def _says_the_loose_name(mention: NameMention, other: NameMention) -> bool:
    """CC-CEDICT's body names are loose: 交通部 "Department of Transportation" is rendered by
    "Ministry of Transportation and Communications", which holds its distinctive words."""
    entity = mention.entity
    if entity is None or entity.source != "cedict" or entity.kind not in ("org", "media"):
        return False
    words = {w for w in re.findall(r"[a-z]+", entity.en.lower())
             if w not in ORG_WORDS and w not in ("of", "the", "and", "for")}
    return bool(words) and words <= set(re.findall(r"[a-z]+", other.span.text.lower()))


def _known_rival(mention: NameMention, other: NameMention, table: EntityTable) -> bool:
    """The English name standing there is a known body of the same kind ("IMF" for 世贸组织):
    words of the expected name elsewhere in the sentence ("world merchandise trade") do not
    excuse it."""
    kind = mention.entity.kind if mention.entity else mention.kind
    return any(e.kind == kind and e.source != "cedict"
               for e in table.english_owners(other.span.text))


def _untraced_body(mention: NameMention, segment: LinkedSegment,
                   document: list[LinkedSegment], table: EntityTable) -> bool:
    """A body no table knows (河南农业大学), named for the first time, of which the English
    keeps neither the place nor the distinctive words ("agricultural") in the sentence or its
    neighbours: "a local university" has lost the name. A repeat ("the university" for a body
    named earlier) is a description, not a loss."""
    if mention.evidence != "body":
        return False
    text = normalize_chinese(mention.span.text)
    places = [(start, end, e) for start, end, e in table.scan(text) if e.kind == "place"]
    place_words = {normalise_word(w) for _, _, e in places for form in e.english_forms
                   for w in english_tokens(form)}
    middle = text[places[0][1]:] if places else text
    words = [w for w in zh_content_words(middle) if not BODY_WORD.fullmatch(w)]
    distinctive = set().union(*(english_glosses(w) for w in words)) if words else set()
    sentence = _english_words(segment.en_texts)
    if (distinctive | place_words) & sentence:
        return False
    earlier = any(text in normalize_chinese("".join(t.text for t in other.zh_texts))
                  for other in document if other.index < segment.index)
    # the translator may have moved the name into a neighbouring sentence: all of it, not
    # one word ("farmers" next door does not hold 东北农业大学)
    next_door = set().union(*(_english_words(other.en_texts) for other in document
                              if abs(other.index - segment.index) == 1))
    moved = bool(words) and all(english_glosses(w) & next_door for w in words)
    return not earlier and not moved


def _untraced_periodical(mention: NameMention, segment: LinkedSegment,
                         document: list[LinkedSegment]) -> bool:
    """A newspaper or magazine in 《》 that no table knows (《时代报》, El Tiempo), named for the
    first time, and no name in the English: "a Colombian newspaper" has lost it."""
    text = to_simplified(mention.span.text)
    if mention.evidence != "title" or mention.entity is not None \
            or not text.endswith(_PERIODICALS):
        return False
    return not any(text in to_simplified("".join(t.text for t in other.zh_texts))
                   for other in document if other.index < segment.index)


#: The last characters of a newspaper's or a magazine's name.
_PERIODICALS = ("报", "刊", "杂志", "画报")


def _english_words(texts: list[Span]) -> set[str]:
    return {normalise_word(w) for text in texts for w in english_tokens(text.text)}


def _lost_body(mention: NameMention, segment: LinkedSegment,
               document: list[LinkedSegment]) -> bool:
    """A body the curated table knows that the English never names in the whole document:
    not a repeat left implicit but the body lost ("A spokesperson said" for 欧盟委员会发言人)."""
    entity = mention.entity
    if entity is None or entity.kind not in ("org", "media") or entity.source != "table" \
            or mention.evidence == "latin" or not _stands_alone(mention, segment):
        return False
    if _titles_a_person(mention, segment):
        return False  # 外交部发言人林剑 → "Spokesperson Lin Jian": the title shortened
    key = entity_key(mention)
    return not any(entity_key(link.mention) == key for other in document
                   for link in other.links)


def _titles_a_person(mention: NameMention, segment: LinkedSegment) -> bool:
    """The body begins the title of a person named right after it (外交部发言人林剑)."""
    for role in ZH_ROLES:
        if followed_by(mention, segment, (role,)):
            start = mention.span.end + len(role)
            return any(m.kind == "person" and m.span.start == start for m in segment.zh)
    return False


def _stands_alone(mention: NameMention, segment: LinkedSegment) -> bool:
    """Not the tail of a longer name: 广东省教育考试院 is not Taiwan's 考试院 (Examination Yuan)."""
    text = zh_text_of(mention, segment)
    if text is None:
        return True
    at = mention.span.start - text.start
    before = text.text[at - 1:at]
    across = normalize_chinese(text.text[at + len(mention.span.text) - 1:
                                         at + len(mention.span.text) + 1])
    # 联合|国内 "jointly with domestic …": no United Nations there
    return (not before or not "\u3400" <= before <= "\u9fff"
            or before in "的和与及在是对向将为从把被等据由") \
        and not (len(across) == 2 and across in common_words())


def _mismatch_severity(mention: NameMention, other: NameMention, table: EntityTable
                       ) -> Severity | None:
    """CC-CEDICT's place names are the loosest evidence (江南 is "Gangnam" there): facing an
    English name that is not a known place, the mismatch is only worth a look; so is a longer
    name that contains the expected one (a subsidiary, a grouping), and a
    Chinese-looking name the table does not know facing a Western name: 苏德巍 is David
    Solomon, 温拓思 Bill Winters — foreigners take Chinese names we cannot verify."""
    entity = mention.entity
    if entity is not None and entity.kind in ("org", "media") and any(
            _contains_words(other.span.text, form)
            or _same_first_word(other.span.text, form, table)
            or _reworded(other.span.text, form) and not table.english_owners(other.span.text)
            for form in entity.english_forms):
        # "CITIC Securities" for CITIC Group: a related body, maybe; "China National
        # Railway Group" for China State Railway Group: the name translated, not the official
        # one (unless it is the name of another known body: the IEA is not the IAEA)
        return Severity.MINOR
    if entity is None and mention.evidence == "surname" and other.entity is None \
            and not romanised_chinese(other.span.text) and " " in other.span.text.strip() \
            and _shaped_as_a_person(other.span.text):
        return Severity.MINOR
    if entity is not None and entity.source == "cedict" and entity.kind == "place" \
            and "place" not in _kinds(other, table) and not _stranger(mention, other) \
            and not _another_known_place(other, table):
        return Severity.MINOR
    if entity is not None and entity.kind == "place" and any(
            _contains_words(other.span.text, form) for form in entity.english_forms):
        return Severity.MINOR  # "Hong Kong Coliseum" for 香港: a venue named after the place
    return None


def _shaped_as_a_person(text: str) -> bool:
    """Two or three capitalised words, none of them a body's or a place's noun: "David
    Solomon" may be the English name of a 苏德巍, "Midland Realty" is no one's."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
        and words[-1].lower() not in ORG_WORDS | PLACE_NOUNS | _BUSINESS_NOUNS


#: The last words of business names that ORG_WORDS leaves out.
_BUSINESS_NOUNS = frozenset(split_words(
    "realty properties property holdings industries securities capital partners ventures "
    "resources energy motors pharma pharmaceutical pharmaceuticals technologies tech "
    "electronics logistics media entertainment investment investments development township"))


def _same_first_word(text: str, form: str, table: EntityTable) -> bool:
    """"Bona Pictures" for Bona Film Group: the company's own word (no place or other known
    name: "Shanghai Shenhua" is not Shanghai Port), its line of business worded another
    way."""
    first, other = text.split()[0].lower(), form.split()[0].lower()
    return first == other and len(first) >= 4 and first not in ORG_WORDS \
        and len(form.split()) > 1 and len(text.split()) > 1 \
        and not table.english_owners(text.split()[0]) \
        and ordinary_english().get(first, 0) < 3  # not "International Energy Agency"


def _another_known_place(other: NameMention, table: EntityTable) -> bool:
    """"Huoqiu County": a known place (霍邱) with its noun — another place, not a loose
    reading of this one."""
    words = other.span.text.split()
    if len(words) < 2 or words[-1].lower() not in PLACE_NOUNS:
        return False
    return any(e.kind == "place" for e in table.english_owners(" ".join(words[:-1])))


#: Administrative units: a Chinese name ending in one is a place beyond doubt.
_ADMIN = frozenset("省市县區区州镇鎮乡鄉村縣")


def _stranger(mention: NameMention, other: NameMention) -> bool:
    """A province, city or county (江西省: a place whatever CC-CEDICT says of 江西) facing a
    name that is neither a place nor ordinary words ("Netanjahu", not "Zhengwu District" or
    "Culture")."""
    words = other.span.text.split()
    return mention.span.text[-1:] in _ADMIN and not ordinary_words(other.span.text) \
        and not {w.lower() for w in words} & PLACE_NOUNS


def _describe(forms: list[str]) -> str:
    return f'"{forms[0]}"' if forms else "a name"


#: Capitalised words of things that are not people, organisations or places.
_NOT_NAME_WORDS = frozenset(split_words(
    "Period Dynasty Era Level Round Phase Stage Cup League Games Championship Championships "
    "Festival Awards Award Prize Act Law Plan Program Programme Project Initiative Zone Area "
    "Park Center Centre Station Airport Port Bridge Road Street Line Hall Museum Day Week "
    "Year Index Report Survey Conference Forum Summit Expo Fair Agreement Treaty Declaration "
    "Strategy Policy Model Series Edition Version Class Grade Type Category Team Final Finals "
    "Open Cooperation Framework Mechanism Dialogue Partnership Community Budget Session "
    "Congress Plenary Meeting Visit Tour Show Exhibition Minority Majority System Service"
))


_SPEECH = ("说", "說", "表示", "指出", "称", "稱", "认为", "認為", "强调", "強調", "透露", "宣布")


def _speaker(mention: NameMention, segment: LinkedSegment) -> bool:
    """A transliterated name that says something (帕利说), or of three characters or more
    after a title (首席执行官奥博穆): a person, whose loss is a missing name even though no
    table knows him."""
    if mention.evidence != "translit":
        return False
    text = zh_text_of(mention, segment)
    return followed_by(mention, segment, _SPEECH) or (
        text is not None and len(mention.span.text) >= 3
        and role_before(to_simplified(text.text), mention.span.start - text.start))


def _plain_name(name: NameMention) -> bool:
    """A capitalised name, not a generic phrase, a number or a date."""
    words = name.span.text.split()
    return not (_generic(words) or len(words) > 5
                or any(c.isdigit() for c in name.span.text))


def _generic(words: list[str]) -> bool:
    """A phrase of generic capitalised words ("Shanghai Port", "Expo Center"); but a port city
    is named "Port" first (Port Harcourt, Port Said)."""
    if len(words) > 1 and words[0] == "Port":
        words = words[1:]
    return bool({w.rstrip(".,") for w in words} & _NOT_NAME_WORDS)


def _kinds(name: NameMention, table: EntityTable) -> set[str]:
    """What an English name is known to be: the kinds of the entities that go by it."""
    return {e.kind for e in table.english_owners(name.span.text)}


def _could_render(mention: NameMention, name: NameMention, table: EntityTable) -> bool:
    """An English name that could stand where the Chinese one should be: not a generic
    capitalised phrase, and of the same broad kind (a person for a person)."""
    words = name.span.text.split()
    if name.span.text in NATIONALITIES:
        return False  # "the Kazakh proposal": an adjective, no rival name
    kind = mention.entity.kind if mention.entity else mention.kind
    if kind == "place" and len(words) <= 5 and _a_venue(name.span.text) \
            and _shares_a_word(mention, name):
        return True  # "Olympic Green Tennis Center" for 国家网球中心 (National Tennis Center)
    known = _kinds(name, table)
    if not known and (_generic(words) or len(words) > 5) \
            or any(c.isdigit() for c in name.span.text) and mention.kind != "latin":
        return False  # but "Jiuquan Satellite Launch Center" is a known place, not a phrase
    if known:
        # CC-CEDICT's "name" may be any kind: 利物浦 is a city and a club
        return kind in known or kind == "name" or (
            kind in ("org", "media") and bool(known & {"org", "media"}))
    looks_org = bool({w.lower() for w in words} & ORG_WORDS)
    if kind == "person":
        if words[0] == "Best":
            return False  # "Best Screenplay": an award, whoever won it
        # "Rural Affairs", "Information Technology": the words of a title, not a person
        looks_place = bool({w.lower() for w in words} & PLACE_NOUNS)
        # "Asian Pacific American": a people, not a person
        ethnic = any(w in ALL_DEMONYMS for w in words)
        return not looks_org and not looks_place and not ethnic \
            and name.evidence != "acronym" and not ordinary_words(name.span.text, glossing=15)
    if kind in ("org", "media", "product"):
        # pinyin is a person's name, unless it shares a word with the body's own name
        # ("Shanghai Shenhua" for 上海海港, Shanghai Port: the other club of the city)
        return not romanised_chinese(name.span.text) or len(words) == 1 or _shares_a_word(
            mention, name)
    # a place facing "Shan Jixiang": a person's name, the rival of a person nearby
    return not looks_org and name.evidence != "acronym" and not _pinyin_person(name.span.text)


def _noun_after(mention: NameMention, segment: LinkedSegment) -> tuple[str, ...]:
    """The English for the venue or place word right after the Chinese name (SoFi|体育场:
    "stadium"): an English name ending so is the likeliest to stand for it."""
    text = zh_text_of(mention, segment)
    if text is None:
        return ()
    after = to_simplified(text.text[mention.span.end - text.start:][:3])
    return next((english for word, english in _VENUE_NOUNS.items() if after.startswith(word)),
                ())


_VENUE_NOUNS = {"体育场": ("stadium",), "体育馆": ("arena", "stadium", "gymnasium"),
                "球场": ("stadium", "ground", "park"), "机场": ("airport",),
                "大桥": ("bridge",), "火车站": ("station",), "港": ("port", "harbour", "harbor"),
                "公园": ("park",), "广场": ("square", "plaza"), "大学": ("university",)}


def _fitness(mention: NameMention, name: NameMention, table: EntityTable) -> int:
    """How likely an English name stands where the Chinese one should: a known name of the
    same kind first, then a name shaped like the kind (two or three words for a person)."""
    kind = mention.entity.kind if mention.entity else mention.kind
    kinds = _kinds(name, table)
    score = 2 if kind in kinds else 0
    if kind == "person" and 2 <= len(name.span.text.split()) <= 3:
        score += 1
    if kind in ("org", "media"):
        # a rival body shares a word with the right one ("Shanghai Shenhua" for Shanghai
        # Port), a country does not stand for a club ("China")
        score += 2 * _shares_a_word(mention, name) - ("place" in kinds)
    elif kind == "place":
        # and a venue's is another venue ("Olympic Green Tennis Center" for 国家网球中心), not
        # the city the sentence names too
        score += 2 * _shares_a_word(mention, name)
    return score


def _shares_a_word(mention: NameMention, name: NameMention) -> bool:
    words = {w for form in _expected_forms(mention) for w in english_key(form).split()}
    return bool(words & set(english_key(name.span.text).split()) - {"of", "the", "and"})


def _stood_in(mention: NameMention, segment: LinkedSegment, document: list[LinkedSegment]
              ) -> bool:
    """The name moved into a neighbouring sentence, or a pronoun or a description stands in
    for a name given earlier ("he", "the ministry")."""
    if _moved_next_door(mention, segment, document):
        return True
    described = _describes(_DESCRIPTIONS, segment)
    # "the ministry" for 人社部 needs no earlier mention; "he" or "its" does, and so does
    # "the country"
    if described and mention.kind not in ("person", "place") and mention.evidence != "gloss":
        return True
    if not described and not _describes(_REFERRING_DESCRIPTIONS, segment) \
            and not any(_PRONOUNS.search(text.text) for text in segment.en_texts):
        return False
    return _named_before(mention, segment, document)


def _named_before(mention: NameMention, segment: LinkedSegment,
                  document: list[LinkedSegment]) -> bool:
    key = entity_key(mention)
    return any(entity_key(link.mention) == key for s in document
               if s.index < segment.index for link in s.links)


def _described_or_referred_to(mention: NameMention, segment: LinkedSegment,
                              document: list[LinkedSegment]) -> bool:
    """As _stood_in, but a pronoun stands in for a person only: "its first intake" says
    nothing of 北京大学 named two sentences before."""
    kind = kind_of(mention)
    if mention.kind == "person" or kind == "person":
        return _stood_in(mention, segment, document)
    # "the meeting" describes 会议, not the 宜昌市 of its mayor
    patterns = _DESCRIPTIONS_OF.get(kind, (_DESCRIPTIONS, _EVENT_DESCRIPTIONS))
    return any(_describes(pattern, segment) for pattern in patterns) or kind != "place" and (
        _describes(_REFERRING_DESCRIPTIONS, segment) and _named_before(mention, segment, document))


def _describes(pattern: re.Pattern[str], segment: LinkedSegment) -> bool:
    """A description in the English ("the ministry"), not the opening words of a name
    ("the Ministry of Economy, Trade and Industry"), nor the rendering of a description the
    Chinese has of its own (隆平高科总裁杨志远表示，公司将… → "Yang Zhiyuan said the
    company would …": "the company" is 公司, and 隆平高科 is gone)."""
    own = _chinese_descriptions(segment)
    # "The company said it would…" for 丰田汽车表示，公司将…: "it" may render 公司, which
    # leaves "the company" free to stand for the name
    loose = sum(len(_SUBJECT_PRONOUNS.findall(t.text)) for t in segment.en_texts) - sum(
        len(_ZH_SUBJECT_PRONOUNS.findall(t.text)) for t in segment.zh_texts)
    for kind in own:
        own[kind] = max(0, own[kind] - max(0, loose))
    for text in segment.en_texts:
        for match in pattern.finditer(text.text):
            noun = text.start + match.end() - 1
            if any(name.span.start <= noun < name.span.end
                   and len(name.span.text.split()) > 1 for name in segment.en):
                continue
            said = _DESCRIPTION_CLASSES.get(match.group().split()[-1].lower().removesuffix("'s"))
            if said is not None and own[said] > 0:
                own[said] -= 1
                continue
            return True
    return False


def _chinese_descriptions(segment: LinkedSegment) -> dict[str, int]:
    """How many descriptions of each class (see _DESCRIPTION_CLASSES) the Chinese of the
    segment has outside its names and not right after one (沙特阿美|公司 is the name)."""
    names = [m.span for m in segment.zh]
    found: dict[str, int] = defaultdict(int)
    for text in segment.zh_texts:
        simplified = to_simplified(text.text)
        for match in _ZH_DESCRIPTION.finditer(simplified):
            start, end = text.start + match.start(), text.start + match.end()
            if any(n.start < end and start <= n.end for n in names):
                continue  # inside a name, or its suffix (沙特阿美|公司)
            found[_ZH_DESCRIPTION_CLASS[match.group().removeprefix("该")]] += 1
    return found


#: Chinese descriptions (该公司, 该行 …) and the class of English description that renders
#: each.
_ZH_DESCRIPTION_CLASS = {
    **dict.fromkeys(("公司", "集团", "企业", "厂商"), "company"),
    **dict.fromkeys(("行", "银行"), "bank"),
    **dict.fromkeys(("校", "大学", "学校", "高校"), "university"),
    **dict.fromkeys(("机构", "部门", "组织"), "body"),
}
_ZH_DESCRIPTION = re.compile("该?(?:" + "|".join(
    sorted((w for w in _ZH_DESCRIPTION_CLASS if len(w) > 1), key=len, reverse=True))
    + ")|该(?:行|校)")
_SUBJECT_PRONOUNS = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)
_ZH_SUBJECT_PRONOUNS = re.compile("它们|他们|她们|它")
#: The class of each English description noun that a Chinese description may render.
_DESCRIPTION_CLASSES = {
    **dict.fromkeys(("company", "firm", "group", "maker", "giant"), "company"),
    "bank": "bank", "university": "university",
    **dict.fromkeys(("agency", "body", "organization", "organisation", "regulator"), "body"),
}


#: How English describes a place named before ("the city").
_PLACE_DESCRIPTIONS = re.compile(
    r"\bthe (?:country|city|province|region|state|island|territory|county|town|village|area|"
    r"capital|nation|port|district)\b", re.IGNORECASE)
#: The descriptions that may stand for a name of each kind (other kinds: any).
_DESCRIPTIONS_OF = {"place": (_PLACE_DESCRIPTIONS,), "org": (_DESCRIPTIONS,),
                    "media": (_DESCRIPTIONS,)}


#: How English describes an event, programme or product named before ("play at the
#: tournament" for 参加本届世界杯).
_EVENT_DESCRIPTIONS = re.compile(
    r"\bthe (?:tournament|games|cup|championships?|competition|league|season|event|festival|"
    r"fair|expo|show|exhibition|summit|forum|conference|meeting|talks|awards?|prize|mission|"
    r"programme|program|project|plan|scheme|initiative|campaign|launch|film|book|series)\b",
    re.IGNORECASE)


#: Kinds of name whose loss, with the words around it, is an omission; a dictionary proper
#: noun of no known kind (周六 "Saturday") is too loose for that.
_LOSABLE_KINDS = frozenset({"person", "org", "place", "media", "event", "product"})


def unrendered_names(segment: LinkedSegment, document: list[LinkedSegment],
                     findings: list[Finding]) -> list[Span]:
    """The Chinese names of a segment that its English does not render at all: not linked,
    not linked under another mention of the segment, not rendered wrongly (a finding with
    an English side), not moved into a neighbouring sentence, not described ("the
    ministry", "the tournament"), and not a reporter of a dateline."""
    linked_here = {entity_key(link.mention) for link in segment.links}
    rendered_wrongly = {f.source for f in findings if f.target is not None}
    return [m.span for m in segment.unlinked
            if kind_of(m) in _LOSABLE_KINDS and entity_key(m) not in linked_here
            and m.span not in rendered_wrongly and not _moved_next_door(m, segment, document)
            and not _described_or_referred_to(m, segment, document)
            and not by_paraphrase(m, segment, set(), share=1.0)
            and not _in_a_byline(m, segment)]


def _moved_next_door(mention: NameMention, segment: LinkedSegment,
                     document: list[LinkedSegment]) -> bool:
    """The English of a neighbouring segment names the entity though its Chinese does not: the
    translator moved the name across the sentence boundary."""
    key = entity_key(mention)
    forms = [f for f in _expected_forms(mention) if len(f) >= 3]
    for other in document:
        if abs(other.index - segment.index) != 1:
            continue
        if any(entity_key(m) == key for m in other.zh):
            continue  # its own mention accounts for its rendering
        if any(find_text(form, other.en_texts) for form in forms):
            return True
    return False


def _glossary_deviation(mention: NameMention, segment: LinkedSegment, table: EntityTable
                        ) -> Finding | None:
    """The glossary fixes 黄仁勋 as "Huang Jen-hsun" and the English uses the bundled name
    "Jensen Huang": a term finding at that name, not a missing name."""
    entity = mention.entity
    if entity is None or entity.source != "glossary":
        return None
    bundled = table.shadowed.get(normalize_chinese(mention.span.text))
    if bundled is None:
        return None
    stand_in = NameMention(mention.span, mention.kind, mention.evidence, bundled)
    link = by_established(stand_in, segment, set()) or by_short_form(stand_in, segment, set())
    if link is None:
        return None
    return TermMismatch.finding(
        f'glossary: {mention.span.text} is "{entity.en}" in the glossary, the English says '
        f"{link.rendering.text}", mention.span, link.rendering, entity.en, segment.index)


def _term_finding(mention: NameMention, segment: LinkedSegment) -> Finding:
    entity = mention.entity
    assert entity is not None
    return TermMismatch.finding(
        f'term: the glossary renders {mention.span.text} as "{entity.en}"'
        + (f" (or {', '.join(entity.aliases)})" if entity.aliases else "")
        + ", the English does not use it",
        mention.span, None, entity.en, segment.index, severity=Severity.MAJOR)
