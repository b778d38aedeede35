"""Name findings over the whole document: non-standard renderings (pinyin where an
established English name exists), one entity rendered two ways, two accepted names mixed."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from checker.extract.numerals import normalize_chinese
from checker.model import Entity, Finding, NameMention, Severity, Span
from checker.names import romanize, split_words
from checker.names.link import (
    ALL_DEMONYMS,
    DEMONYMS,
    ORG_WORDS,
    Link,
    LinkedSegment,
    adjectives,
    by_paraphrase,
    document_acronyms,
    established_name,
    glossed_name,
    is_chinese_person,
    listed_short_forms,
    romanised_chinese,
    short_forms,
    zh_text_of,
)
from checker.names.table import (
    EntityTable,
    english_key,
    to_simplified,
)
from checker.rules.names.common import (
    ARABIC_ARTICLE,
    COMPANY_FORMS,
    PLACE_NOUNS,
    NameInconsistent,
    NameMisspelled,
    NameNonStandard,
    entity_key,
    initials,
    kind_of,
    one_slip,
    ordinary_words,
    title_nationality,
    traditional,
)


def document_findings(document: list[LinkedSegment],
                      reported: frozenset[Span] | set[Span] = frozenset()) -> list[Finding]:
    """Non-standard renderings and inconsistencies, over the whole document (``reported``:
    the Chinese names the sentence rules have spoken of already)."""
    by_entity: dict[str, list[Link]] = defaultdict(list)
    heads = _name_heads([link for segment in document for link in segment.links])
    for segment in document:
        for link in segment.links:
            if not _head_of_a_longer_name(link, heads):
                by_entity[entity_key(link.mention)].append(link)
    segment_of = {id(link): s.index for s in document for link in s.links}
    whole = {id(link): next((m.span.text for m in s.en if m.span.contains(link.rendering)),
                            link.rendering.text) for s in document for link in s.links}
    introduced = frozenset(document_acronyms(document))
    findings = []
    for links in by_entity.values():
        findings += _entity_findings(links, segment_of, whole, introduced)
        findings += _clipped_unused_names(links, segment_of, whole, findings)
    return findings + _mainland_spellings(document) + _foreigners_in_mandarin(document) \
        + _acronym_slips(document, introduced) + _renamed(document, whole, reported) \
        + _spelt_out_otherwise(document, findings)


def _renamed(document: list[LinkedSegment], whole: dict[int, str],
             reported: frozenset[Span] | set[Span]) -> list[Finding]:
    """A known body the document names by one of its names, and elsewhere by a name of its own
    making: "Japan Trade Promotion Organization" where it says "JETRO", "National University
    of Defence Science and Technology" beside "National University of Defense Technology".
    Either the English word for word of the Chinese name, or a name that opens as the body's
    does and goes on otherwise."""
    rendered = {link.rendering.text for segment in document for link in segment.links}
    findings = []
    for segment in document:
        used = {link.rendering for link in segment.links}
        for mention, rendering in _other_names(segment, used, whole):
            current = next((form for form in mention.entity.english_forms
                            if form in rendered), None)
            if current is None or mention.span in reported:
                continue
            findings.append(NameInconsistent.finding(
                f"inconsistent rendering: {mention.span.text} is {current} elsewhere in this "
                f"document, {rendering.text} here", mention.span, rendering, current,
                segment.index))
    return findings


def _other_names(segment: LinkedSegment, used: set[Span], whole: dict[int, str]
                 ) -> Iterator[tuple[NameMention, Span]]:
    """The known bodies of a segment that an English name of another making stands for."""
    for mention in segment.unlinked:
        if mention.entity is None or mention.entity.source != "table" \
                or mention.entity.kind not in ("org", "media", "event"):
            continue
        paraphrase = by_paraphrase(mention, segment, used)
        # or a name of two words or more translating the Chinese name's words one by one
        name = _whole_name(paraphrase.rendering, segment) if paraphrase \
            else glossed_name(mention, segment, used, shortest=2)
        # "Minister of National Defense Wellington Koo": a title and a person, not a name
        if name is not None and _a_name_of_its_own(name.text, mention.entity) \
                and not any(name.overlaps(span) for span in used):
            yield mention, name
    for link in segment.links:
        entity = link.mention.entity
        if link.how == "short" and entity is not None and entity.kind in ("org", "event") \
                and whole[id(link)] != link.rendering.text \
                and whole[id(link)].startswith(link.rendering.text) \
                and _a_name_of_its_own(whole[id(link)], entity):
            name = _whole_name(link.rendering, segment)
            if name is not None and not any(name.overlaps(other.rendering)
                                            for other in segment.links if other is not link):
                yield link.mention, name


def _whole_name(span: Span, segment: LinkedSegment) -> Span | None:
    """The English name of two or more words around ``span``."""
    return next((name.span for name in segment.en if name.span.contains(span)
                 and name.evidence != "acronym" and len(name.span.text.split()) >= 2), None)


def _a_name_of_its_own(text: str, entity: Entity) -> bool:
    """Not a name of the entity, nor one of its names with more around it."""
    key = f" {english_key(text)} "
    return all(f" {english_key(form)} " not in key and key not in f" {english_key(form)} "
               for form in entity.english_forms)


def _acronym_slips(document: list[LinkedSegment], introduced: frozenset[str]
                   ) -> list[Finding]:
    """An acronym nothing explains, a letter off one the document brings in or renders a name
    by: "CLFP" beside "CFLP", "CLR" beside "LCR". A reader meets two names for one body, or a
    slip of the keyboard. Known acronyms ("WHO" beside "WTO") are the table's business."""
    established = {acronym for acronym in introduced if _ACRONYM.fullmatch(acronym)} | {
        link.rendering.text for segment in document for link in segment.links
        if _ACRONYM.fullmatch(link.rendering.text)}
    findings = []
    for segment in document:
        used = {link.rendering for link in segment.links}
        for name in segment.en:
            text = name.span.text
            if name.evidence != "acronym" or name.span in used or text in established \
                    or not _ACRONYM.fullmatch(text) or segment.table is None \
                    or segment.table.english_owners(text):
                continue
            near = sorted(other for other in established if _one_letter_off(text, other))
            if len(near) != 1:
                continue
            source = next((m.span for m in segment.unlinked), None)
            findings.append(NameInconsistent.finding(
                f"inconsistent rendering: {text} is {near[0]} elsewhere in this document",
                source, name.span, near[0], segment.index))
    return findings


_ACRONYM = re.compile(r"[A-Z][A-Z&]{2,7}")


def _spelt_out_otherwise(document: list[LinkedSegment], found: list[Finding]
                         ) -> list[Finding]:
    """An acronym the document spells out one way, spelt out another way elsewhere: "Korea
    International Trade Association (KITA)", then "the Korea International Trade Agency".
    The same initials and all but one or two of the same words: a reader meets two names for
    one body, one of them wrong. Another name of the same body in the table is no slip."""
    spelt = {acronym: full for acronym, names in document_acronyms(document).items()
             for full in [_spelt_out(acronym, names)] if full is not None}
    for segment in document:  # or the table spells out an acronym the document uses
        for link in segment.links:
            acronym, entity = link.rendering.text, link.mention.entity
            if entity is not None and _ACRONYM.fullmatch(acronym) and acronym not in spelt:
                full = next((form for form in entity.english_forms
                             if " " in form and initials(form).upper() == acronym), None)
                if full is not None:
                    spelt[acronym] = full
    taken = {f.target for f in found if f.target is not None}
    findings = []
    for segment in document:
        for name in segment.en:
            text = name.span.text
            full = spelt.get(initials(text).upper())
            if full is None or name.span in taken or not _one_or_two_words_apart(text, full) \
                    or _same_body(text, full, segment.table):
                continue
            source = next((link.mention.span for link in segment.links
                           if link.rendering.overlaps(name.span)), None) or next(
                (m.span for m in segment.unlinked if kind_of(m) in ("org", "name")), None)
            findings.append(NameInconsistent.finding(
                f"inconsistent rendering: the document spells {initials(text).upper()} out as "
                f"{full}, here as {text}", source, name.span, full, segment.index))
    return findings


def _spelt_out(acronym: str, names: tuple[str, ...]) -> str | None:
    """The words before "(ACRONYM)" whose initials make the acronym: "Korea International
    Trade Association" out of "Yeo said the Korea International Trade Association"."""
    for before in names:
        words = before.split()
        for start in range(len(words)):
            if words[start][:1].isupper() and initials(" ".join(words[start:])).upper() \
                    == acronym:
                return " ".join(words[start:])
    return None


def _one_or_two_words_apart(text: str, full: str) -> bool:
    """As many words, one or two of them other ones: not the same name, nor another."""
    ours, theirs = english_key(text).split(), english_key(full).split()
    differ = sum(a != b for a, b in zip(ours, theirs, strict=False))
    return len(ours) == len(theirs) >= 3 and 1 <= differ <= min(2, len(ours) - 2)


def _same_body(text: str, full: str, table: EntityTable | None) -> bool:
    """Both names are the table's for one body."""
    if table is None:
        return False
    owners = set(map(id, table.english_owners(full)))
    return any(id(entity) in owners for entity in table.english_owners(text))


def _one_letter_off(text: str, other: str) -> bool:
    """BIFF and BJIFF, CTA and CTF, CLFP and CFLP: one letter more, less or other, or the
    same letters in another order."""
    if text == other:
        return False
    if sorted(text) == sorted(other):
        return True
    if len(text) == len(other):
        return sum(a != b for a, b in zip(text, other, strict=True)) == 1
    short, long = sorted((text, other), key=len)
    return len(long) - len(short) == 1 and any(
        long[:i] + long[i + 1:] == short for i in range(len(long)))


def _name_heads(links: list[Link]) -> dict[str, list[tuple[str, str]]]:
    """Each proper beginning of a linked Chinese name → (its English, its entity key), for
    _head_of_a_longer_name to look up instead of comparing every pair of links."""
    heads: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for link in links:
        chinese = link.mention.span.text
        for size in range(2, len(chinese)):
            heads[chinese[:size]].append((english_key(link.rendering.text),
                                          entity_key(link.mention)))
    return heads


def _head_of_a_longer_name(link: Link, heads: dict[str, list[tuple[str, str]]]) -> bool:
    """博纳 "Bona" where the document names 博纳影业 "Bona Film Group": the short form of the
    longer name, whatever else the table knows by those characters (John Boehner)."""
    english, key = english_key(link.rendering.text), entity_key(link.mention)
    return any(other_key != key and longer.startswith(english + " ")
               for longer, other_key in heads.get(link.mention.span.text, ()))


def _mainland_spellings(document: list[LinkedSegment]) -> list[Finding]:
    """A person the Chinese places in Hong Kong, Macao, Taiwan, Singapore or Malaysia (香港大学
    校长…, 台湾…, or a text in Traditional characters), written in Hanyu pinyin that only
    the mainland uses ("Zheng Zhenmao", "Li Zijia"): people there write their names in
    Wade-Giles or their dialect (Cheng, Lee Zii Jia), which we cannot derive — worth a
    look, not a verdict."""
    findings = []
    for segment in document:
        for link in segment.links:
            if link.how != "pinyin" or link.mention.entity is not None \
                    or not is_chinese_person(link.mention) \
                    or not _MAINLAND_ONLY.search(link.rendering.text.lower()):
                continue
            text = zh_text_of(link.mention, segment)
            if text is None:
                continue
            before = text.text[:link.mention.span.start - text.start]
            if traditional(text.text) or _REGIONAL.search(to_simplified(before[-16:])):
                findings.append(NameNonStandard.finding(
                    f"non-standard rendering: {link.rendering.text} spells "
                    f"{link.mention.span.text} in mainland pinyin; Hong Kong, Macao, Taiwan "
                    "and Southeast Asian Chinese names are written as their bearers write "
                    "them (Wade-Giles, Cantonese, Hokkien)", link.mention.span, link.rendering,
                    None, segment.index, severity=Severity.MINOR))
    return findings


def _foreigners_in_mandarin(document: list[LinkedSegment]) -> list[Finding]:
    """A Korean, Japanese or Vietnamese name written in Chinese characters and rendered in
    Mandarin pinyin: "Yin Ningbin" for 韩国宇宙航空厅厅长尹宁彬 (Yoon Young-bin), "Ruan
    Hongyan" for 越南工贸部长阮鸿延 (Nguyen Hong Dien). The title before the name says
    whose country the person serves; the English writes the name as its bearer does,
    which the characters do not tell, so there is no suggestion."""
    findings = []
    for segment in document:
        for link in segment.links:
            if link.how != "pinyin" or link.mention.entity is not None \
                    or _korean_in_mandarin(link) \
                    or not is_chinese_person(link.mention) or not romanize.hanyu_spells(
                        to_simplified(link.mention.span.text), link.rendering.text):
                # a 朴 read Piao is reported already; "Shin Yu-bin" for 申裕斌 is Korean,
                # though 裕斌 reads yu bin
                continue
            found = title_nationality(link.mention, segment)
            if found is None:
                continue
            nationality, clause = found
            findings.append(NameNonStandard.finding(
                f"non-standard rendering: {link.rendering.text} reads "
                f"{link.mention.span.text} in Mandarin, but the Chinese makes the name "
                f"{nationality} ({clause}); write it as its bearer does",
                link.mention.span, link.rendering, None, segment.index))
    return findings


#: Spellings only Hanyu pinyin makes: "Zheng", "Qi", "Xu", "Zi", "Cai", "Zhi".
_MAINLAND_ONLY = re.compile(r"\b(?:zh|q|x|z|c(?!h))|(?<=[a-z])(?:zh|q|x|z|c(?!h))")


#: Places whose people do not write their names in Hanyu pinyin.
_REGIONAL = re.compile("香港|港府|特区|澳门|台湾|台北|高雄|新加坡|马来西亚|大马|槟城|吉隆坡")


def _korean_in_mandarin(link: Link) -> bool:
    """"Piao Hengjun" for 朴亨埈: 朴 is a Korean family name (Park, Pak), which only Mandarin
    reads Piao."""
    return to_simplified(link.mention.span.text)[:1] == "朴" \
        and "piao" in link.rendering.text.lower().replace("-", " ").split()


def _full_form(link: Link) -> bool:
    """A form that names the entity in full (not a surname or an acronym short form)."""
    return link.how in ("pinyin", "regional", "sound", "variant") or (
        link.how == "established" and link.mention.entity is not None
        and english_key(link.rendering.text) == english_key(link.mention.entity.en))


def _entity_findings(links: list[Link], segment_of: dict[int, int], whole: dict[int, str],
                     introduced: frozenset[str]) -> list[Finding]:
    entity = links[0].mention.entity
    established = established_name(entity)
    # a place inside another's English name is spelt as that name is ("the Macao Government
    # Tourism Office"), which says nothing of how the text spells the place ("Macau"); another
    # name of it is still another name ("Amoy" beside "the Xiamen Marathon")
    standalone = {link.rendering.text for link in links
                  if whole[id(link)] == link.rendering.text}
    # nor does a former name a longer name keeps ("the Bombay High Court" beside "Mumbai")
    former = {english_key(form) for form in entity.former} if entity is not None else set()
    named_after = {id(link) for link in links if whole[id(link)] != link.rendering.text and (
        kind_of(link.mention) == "place"
        and any(one_slip(link.rendering.text, text) for text in standalone)
        or english_key(link.rendering.text) in former)}
    forms = Counter(_form_key(link) for link in links
                    if _full_form(link) and id(link) not in named_after)
    preferred = _preferred(links, established, forms)
    tied = _tied_spellings(links, segment_of, forms, established)
    findings = tied or []
    for link in links:
        index = segment_of[id(link)]
        short = _former_name_finding(link, links, index, whole) \
            or _short_form_finding(link, links, index) \
            or _second_acronym(link, links, index, introduced)
        if short is not None:
            findings.append(short)
        elif link.how == "given":
            findings.append(_given_name_finding(link, links, index))
        elif established and (link.how == "pinyin" or link.how == "sound" and romanised_chinese(
                link.rendering.text)) and not _same_name(link.rendering.text, established) \
                and not _with_its_noun(link.rendering.text, established) \
                and not _within_the_name(link.rendering.text, established):
            elsewhere = _other_places(links, link, established)
            findings.append(NameNonStandard.finding(
                f"non-standard rendering: {link.mention.span.text} is known in English as "
                f"{established}, not {link.rendering.text}" + elsewhere,
                link.mention.span, link.rendering, established, index))
        elif link.how == "sound" and entity is None and _pinyin_of_transliteration(link):
            findings.append(NameNonStandard.finding(
                f"non-standard rendering: {link.rendering.text} is the pinyin of the Chinese "
                f"transliteration {link.mention.span.text}; write the name as its bearer does",
                link.mention.span, link.rendering, None, index))
        elif link.how == "pinyin" and entity is None and _korean_in_mandarin(link):
            findings.append(NameNonStandard.finding(
                f"non-standard rendering: {link.rendering.text} reads the Korean name "
                f"{link.mention.span.text} in Mandarin; 朴 is Park in a Korean name",
                link.mention.span, link.rendering, None, index))
        elif (len(forms) > 1 and _full_form(link) and preferred and tied is None
              and id(link) not in named_after
              and _form_key(link) != _preferred_key(preferred, links)):
            loose = entity is not None and entity.source == "cedict" and entity.kind == "place"
            if link.mention.evidence == "english" and link.mention.kind != "person" \
                    and not _near_miss(link.rendering.text, preferred):
                continue  # "Wudaoliang Station", "Wudaoliang Bridge": two things, one place
            if _near_miss(link.rendering.text, preferred):
                findings.append(NameMisspelled.finding(
                    f"name misspelt: {link.mention.span.text} is {preferred} elsewhere in this "
                    f"document, {link.rendering.text} here", link.mention.span, link.rendering,
                    preferred, index))
                continue
            findings.append(NameInconsistent.finding(
                f"inconsistent rendering: {link.mention.span.text} is {preferred} elsewhere "
                f"in this document, {link.rendering.text} here",
                link.mention.span, link.rendering, preferred, index,
                severity=Severity.MINOR if loose else None))
    return findings + _mixed_aliases([link for link in links if id(link) not in named_after],
                                     segment_of, findings)


def _clipped_unused_names(links: list[Link], segment_of: dict[int, int], whole: dict[int, str],
                          found: list[Finding]) -> list[Finding]:
    """A body the document names one way ("CATL") and once by part of another of its names,
    which the document never gives whole ("Contemporary Amperex", from Contemporary Amperex
    Technology): a reader meets a new name for the same company. Shortening a name the
    document gives ("Henderson Land Development", then "Henderson Land") is the usual
    second reference, and a one-word short form ("Tianqi") is left alone."""
    entity = links[0].mention.entity
    if entity is None or entity.kind not in ("org", "media") or entity.source == "glossary":
        return []
    flagged = {(f.target.start, f.target.end) for f in found if f.target}
    findings = []
    for link in links:
        words = _name_proper(link.rendering.text)
        if link.how != "short" or len(words) < 2 or whole[id(link)] != link.rendering.text \
                or (link.rendering.start, link.rendering.end) in flagged \
                or _introduced_with(link, links):
            continue
        others = [o for o in links if o is not link and english_key(o.rendering.text)
                  != english_key(link.rendering.text)]
        if not others or any(words <= _name_proper(o.rendering.text) for o in others):
            continue
        shown = Counter(o.rendering.text for o in others).most_common(1)[0][0]
        findings.append(NameInconsistent.finding(
            f"inconsistent rendering: {link.mention.span.text} is {shown} elsewhere in this "
            f"document, {link.rendering.text} here (part of a name the document does not "
            "give)", link.mention.span, link.rendering, shown, segment_of[id(link)]))
    return findings


def _introduced_with(link: Link, links: list[Link]) -> bool:
    """The name given with another of its forms in brackets right beside it: "China
    Investment Corporation (CIC)", "CIC (China Investment Corporation)"."""
    return any(o is not link and (0 < o.rendering.start - link.rendering.end <= _BESIDE
                                  or 0 < link.rendering.start - o.rendering.end <= _BESIDE)
               for o in links)


#: How far apart a name and its bracketed form may start and end: " (", or " Corp. (" after
#: a name the extractor ends before its legal form.
_BESIDE = 8


def _name_proper(name: str) -> frozenset[str]:
    """The words of a body's name but for its legal form ("Corp.", "Group")."""
    return frozenset(english_key(name).split()) - COMPANY_FORMS


def _tied_spellings(links: list[Link], segment_of: dict[int, int], forms: Counter,
                    established: str | None) -> list[Finding] | None:
    """A name nothing vouches for, spelt two near ways as often ("Josef Ashbacher" once,
    "Aschbacher" once): no majority says which is right, so each is reported against the
    other. None when there is no such tie."""
    entity = links[0].mention.entity
    if established or entity is not None and entity.source == "glossary" or len(forms) != 2:
        return None
    (first, count), (second, other_count) = forms.most_common(2)
    if count != other_count or not one_slip(first, second):
        return None
    texts = {key: next(link.rendering.text for link in links if _form_key(link) == key)
             for key in (first, second)}
    return [NameMisspelled.finding(
        f"name spelt two ways: {link.mention.span.text} is {link.rendering.text} here and "
        f"{texts[second if _form_key(link) == first else first]} elsewhere in this document; "
        "one of them is misspelt", link.mention.span, link.rendering, None,
        segment_of[id(link)]) for link in links if _full_form(link)]


def _short_form_finding(link: Link, links: list[Link], index: int) -> Finding | None:
    """A person named for short by the wrong word: another word of the full name ("Ibrahim"
    where the table says "Anwar"), or the pinyin of the family name where the person has an
    English name of his own, in the table or elsewhere in the document ("Lin" for Ronald Lam,
    "Yi" for Lee Jae-myung)."""
    entity = link.mention.entity
    text = link.rendering.text
    short = short_forms(entity) if entity is not None and entity.kind == "person" else []
    listed = short and listed_short_forms(entity)
    folded = {romanize.ascii_fold(english_key(f)) for f in short}
    if short and romanize.ascii_fold(english_key(text)) not in folded and (
            link.how == "word" or link.how == "surname" and listed):
        return NameInconsistent.finding(
            f"inconsistent rendering: {link.mention.span.text} is {short[0]} for short, "
            f"{text} here", link.mention.span, link.rendering, short[0], index)
    if link.how != "surname":
        return None
    established = established_name(entity) if short else None
    full = [established] if established else [
        other.rendering.text for other in links if _full_form(other)]
    words = {english_key(w) for form in full for w in _name_words(form)}
    if not full or english_key(text) in words or (entity is not None and any(
            english_key(w) == english_key(text) for form in entity.english_forms
            for w in _name_words(form))):
        return None
    return NameNonStandard.finding(
        f"non-standard rendering: {link.mention.span.text} is {full[0]} in English, not "
        f"{text}", link.mention.span, link.rendering,
        short[0] if short else _family_word(link.mention.span.text, full[0]), index)


def _former_name_finding(link: Link, links: list[Link], index: int, whole: dict[int, str]
                         ) -> Finding | None:
    """A body called by a name it has left ("FINA" for World Aquatics, "Hynix Semiconductor"
    for SK Hynix): an inconsistency where the document gives the current name too, and worth
    a look where it does not (a text about the past may mean the old name). Not inside a
    longer name, which keeps its own ("the Bombay High Court")."""
    entity, text = link.mention.entity, link.rendering.text
    if entity is None or not entity.former or whole[id(link)] != text:
        return None
    former = {english_key(form) for form in entity.former}
    if english_key(text) not in former:
        return None
    current = next((other.rendering.text for other in links
                    if english_key(other.rendering.text) not in former
                    and other.rendering.text in entity.english_forms), None)
    if current is not None:
        return NameInconsistent.finding(
            f"inconsistent rendering: {link.mention.span.text} is {current} elsewhere in this "
            f"document, {text} here, a name it no longer goes by", link.mention.span,
            link.rendering, current, index)
    return NameNonStandard.finding(
        f"non-standard rendering: {text} is a former name of {link.mention.span.text}, now "
        f"{entity.en}", link.mention.span, link.rendering, entity.en, index,
        severity=Severity.MINOR)


def _second_acronym(link: Link, links: list[Link], index: int, introduced: frozenset[str]
                    ) -> Finding | None:
    """港交所 is "HKEX", the table's acronym, in one place (or brought in in brackets) and
    "HKSE", the initials of another of its names, in another: two acronyms for one body."""
    entity, text = link.mention.entity, link.rendering.text
    if entity is None or link.how != "short" or not _ACRONYM.fullmatch(text) \
            or text in entity.english_forms:
        return None
    shown = {other.rendering.text for other in links} | introduced
    listed = next((form for form in entity.english_forms
                   if _ACRONYM.fullmatch(form) and form in shown), None)
    if listed is None:
        return None
    return NameInconsistent.finding(
        f"inconsistent rendering: {link.mention.span.text} is {listed} elsewhere in this "
        f"document, {text} here", link.mention.span, link.rendering, listed, index)


def _given_name_finding(link: Link, links: list[Link], index: int) -> Finding:
    """"Guangming" for 陆光明, whom the document calls Lu Guangming: a Chinese person is
    called by the family name on second reference, never by the given name alone."""
    full = next((other.rendering.text for other in links if _full_form(other)),
                link.rendering.text)
    family = _family_word(link.mention.span.text, full)
    return NameInconsistent.finding(
        f"inconsistent rendering: {link.mention.span.text} is {full} elsewhere in this "
        f"document, and {family} for short; {link.rendering.text} here is the given name "
        "alone", link.mention.span, link.rendering, family, index)


def _name_words(form: str) -> list[str]:
    """The words a name may be shortened to: each word, and each part of a hyphenated one
    ("Kore-eda" of Hirokazu Kore-eda, and "Jae" or "myung" of Lee Jae-myung)."""
    return form.split() + re.split(r"[\s-]+", form)


def _family_word(chinese: str, english: str) -> str:
    """The word of an English name that spells the Chinese family name ("Lam" of Ronald Lam
    for 林绍波), or the whole name."""
    family = romanize.surname_spellings(romanize.split_surname(chinese)[0])
    return next((w for w in english.split() if romanize.ascii_fold(w).lower() in family),
                english)


def _near_miss(text: str, preferred: str) -> bool:
    """A letter or two off the preferred form or its last word: "Lutnik" for Lutnick."""
    return any(one_slip(form, text) for form in (preferred, preferred.split()[-1]))


def _mixed_aliases(links: list[Link], segment_of: dict[int, int], found: list[Finding]
                   ) -> list[Finding]:
    """Two accepted names of one person or body in one document, neither a short form of the
    other: "Lee Jae-yong" and "Jay Y. Lee", "PBOC" and "PBC", "Standard Chartered" and
    "StanChart", "Xiamen" and "Amoy". Each is fine; both together make a reader count two. A
    country's other names mix freely ("the United States", "America", "the US")."""
    entity = links[0].mention.entity if links else None
    if entity is None or entity.kind not in ("person", "org", "media", "place"):
        return []
    if entity.kind == "place":
        # "the United States" and "America", "the US" mix freely; "Amoy" and "Xiamen" do not
        adjective = {a for form in entity.english_forms for a in adjectives(form)}
        links = [link for link in links if entity.source != "cedict" and (
            link.rendering.text == entity.en and any(_respelt(other.rendering.text, entity)
                                                     for other in links)
            or _respelt(link.rendering.text, entity) or link.rendering.text not in ALL_DEMONYMS
            and link.rendering.text not in DEMONYMS and link.rendering.text not in adjective)]
    # "the central bank" and "the Cabinet" describe; "Pinduoduo" transcribes 拼多多 beside
    # PDD Holdings: neither is a rival name
    named = [link for link in links if link.how in ("established", "variant", "surname")
             and link.rendering.text[:1].isupper()
             and not ordinary_words(link.rendering.text, glossing=15)
             and not (english_key(link.rendering.text) != english_key(entity.en) and any(
                 romanize.hanyu_spells(zh, link.rendering.text) for zh in entity.zh))]
    keys = [english_key(link.rendering.text) for link in named]
    # a dateline's capitals ("MACAO") are the name, not an acronym of it
    acronyms = {english_key(text) for text in [entity.en, *(n.rendering.text for n in named)]
                if _is_acronym(text) and (_is_acronym(entity.en)
                                          or english_key(text) != english_key(entity.en))}
    preferred = english_key(entity.en) if english_key(entity.en) in keys else (
        keys[0] if keys else None)
    flagged = {(f.target.start, f.target.end) for f in found if f.target}
    # 英国皇家国际事务研究所（查塔姆研究所）: the Chinese uses two names too, and the English
    # follows it
    chinese: dict[str, set[str]] = defaultdict(set)
    for link, key in zip(named, keys, strict=True):
        chinese[key].add(normalize_chinese(link.mention.span.text))
    findings = []
    for link, key in zip(named, keys, strict=True):
        span = (link.rendering.start, link.rendering.end)
        if preferred is None or span in flagged \
                or not _unrelated_forms(key, preferred, acronyms) \
                or not chinese[key] & chinese[preferred]:
            continue
        shown = next(n.rendering.text for n, k in zip(named, keys, strict=True)
                     if k == preferred)
        findings.append(NameInconsistent.finding(
            f"inconsistent rendering: {link.mention.span.text} is {shown} elsewhere in this "
            f"document, {link.rendering.text} here", link.mention.span, link.rendering,
            shown, segment_of[id(link)]))
    return findings


def _respelt(text: str, entity: Entity) -> bool:
    """Another spelling of the place's name, one letter off ("Macau" for Macao), though
    also used as its adjective ("the Macau government"): mixed with the other, it is an
    inconsistency, as "America" beside "the United States" is not."""
    return text != entity.en and text in entity.english_forms \
        and one_slip(english_key(text), english_key(entity.en))


def _unrelated_forms(a: str, b: str, acronyms: set[str]) -> bool:
    """Two names of one kind (keys), neither the other shortened: "Jay Y. Lee" / "Lee
    Jae-yong", "PBOC" / "PBC" and "Amoy" / "Xiamen" are unrelated; "Tencent" / "Tencent
    Holdings", "Lee" / "Lee Jae-yong", "Fed" / "Federal Reserve" are related, and an acronym is
    the short form of any full name."""
    if a == b or (a in acronyms) != (b in acronyms):
        return False
    words_a, words_b = re.split(r"[\s-]+", a), re.split(r"[\s-]+", b)  # "Sisi", "el-Sisi"
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return False
    return not (_clipped(words_a, words_b) or _clipped(words_b, words_a)
                or _initialled(words_a, words_b) or _initialled(words_b, words_a))


def _initialled(short: list[str], long: list[str]) -> bool:
    """"CP Group" for Charoen Pokphand Group (or Charoen Pokphand): the words the shorter
    name lacks are spelt by their initials in the one word it has instead, a body's word
    ("Group") aside."""
    extra = [w for w in short if w not in long and w not in ORG_WORDS]
    missing = [w for w in long if w not in short and w not in ORG_WORDS]
    return len(extra) == 1 and len(missing) >= 2 \
        and extra[0] == "".join(w[0] for w in missing)


def _is_acronym(text: str) -> bool:
    """PBOC, G20, HKEx: capitals and digits, no run of small letters."""
    return " " not in text.strip() and re.search(r"[a-z]{2,}", text) is None \
        and any(c.isupper() for c in text) and sum(c.isupper() or c.isdigit() for c in text) >= 2


def _clipped(short: list[str], long: list[str]) -> bool:
    """"Fed" for Federal Reserve: a one-word name that begins the longer one."""
    return len(short) == 1 and len(short[0]) >= 3 and long[0].startswith(short[0])


_PINYIN_MARKS = re.compile(r"q|x|zh|uo|ui|iu|ao|ou|ei|ie|ue|si\b|er\b|ang\b|eng\b|ong\b")


def _pinyin_of_transliteration(link: Link) -> bool:
    """The English spells the Chinese transliteration in pinyin ("Ashibahe" for 阿施巴赫, Josef
    Aschbacher): sure when the spelling is one only pinyin makes, or the name runs to four
    syllables or more, which no original matches by chance."""
    chinese = re.sub(r"[·•・．]", "", link.mention.span.text)
    if _pinyin_marked(link.rendering.text):
        return romanize.spells_place(chinese, link.rendering.text.split())
    # Hanyu pinyin only: "Kamakoti" reads 卡马科蒂 with 科 "ko" and 蒂 "ti", as the original
    # does; pinyin says "Kamakedi"
    return len(chinese) >= 4 and romanize.hanyu_spells(chinese, link.rendering.text)


def _pinyin_marked(text: str) -> bool:
    """Spellings only pinyin makes ("Biluoer", "Dupulandisi", "Qi Puce"); "Lamola" is the pinyin
    of 拉莫拉 and also Ronald Lamola's name, so pinyin alone proves nothing."""
    return bool(_PINYIN_MARKS.search(text.lower()))


def _form_key(link: Link) -> str:
    """How a rendering is compared for consistency; a sound-alike of a transliteration by its
    last word ("Howard Lutnick" and "Lutnick" agree, "Lutnik" does not)."""
    if link.how == "sound" and link.mention.entity is None:
        # "Saad Sherida al-Kaabi" and "Al-Kaabi" or "Kaabi": the article is no part of it
        return english_key(ARABIC_ARTICLE.sub("", link.rendering.text.split()[-1]))
    if kind_of(link.mention) == "place":  # "Taitung County" and "Taitung" for 台東縣 agree
        words = link.rendering.text.split()
        while len(words) > 1 and words[-1].lower() in _ADMINISTRATIVE_NOUNS:
            words.pop()
        return english_key(" ".join(words))
    return english_key(link.rendering.text)


#: The administrative level a place's English may add or leave out.
_ADMINISTRATIVE_NOUNS = frozenset(split_words(
    "subdistrict district county city province town township village prefecture region "
    "municipality"))


def _preferred_key(preferred: str, links: list[Link]) -> str:
    match = next((link for link in links if link.rendering.text == preferred), None)
    return _form_key(match) if match else english_key(preferred)


def _same_name(a: str, b: str) -> bool:
    return english_key(a) == english_key(b)


def _within_the_name(text: str, name: str) -> bool:
    """"Adani" of Gautam Adani, "Baowu Steel" of China Baowu Steel: words of the established
    name, which happen to read as pinyin, are the name shortened, not spelt from the
    Chinese."""
    return set(english_key(text).split()) <= set(english_key(name).split())


def _with_its_noun(text: str, established: str) -> bool:
    """"Hualien County" for Hualien: the established name and the place noun it leaves out."""
    words = text.split()
    return len(words) >= 2 and words[-1].lower() in PLACE_NOUNS \
        and _same_name(" ".join(words[:-1]), established)


def _preferred(links: list[Link], established: str | None, forms: Counter) -> str | None:
    entity = links[0].mention.entity
    if entity is not None and entity.source == "glossary":
        return entity.en
    if established:
        return established
    if entity is not None and any(english_key(entity.en) == f for f in forms):
        return entity.en
    if not forms:
        return None
    top = forms.most_common(1)[0][0]
    return next(link.rendering.text for link in links if _form_key(link) == top)


def _other_places(links: list[Link], link: Link, established: str) -> str:
    others = [other.rendering.text for other in links
              if other is not link and _same_name(other.rendering.text, established)]
    if not others:
        return ""
    return f"; the document also writes {established} ({len(others)}×): inconsistent"
