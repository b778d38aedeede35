"""Omissions and additions: sentences the aligner left without a partner, and clauses whose
content words have no counterpart in the aligned translation.

Whole sentences come from the alignment (a 1-0 or 0-1 link). Clauses are judged with the
CC-CEDICT lexicon: a Chinese clause is covered when one of its content words has an English
gloss in the aligned English, an English clause when one of its content words is a gloss of
a word in the aligned Chinese. The lexicon misses names, idioms and free renderings, so a
clause is only reported when it has several glossable words, none of them is covered, and
the rest of the segment is well covered (which shows that the dictionary does know how this
pair was translated).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from checker import lexicon
from checker.extract.names import ZH_ROLES, role_before, role_ending_at
from checker.model import DateValue, Finding, NameMention, SentenceFacts, Severity, Span
from checker.names.table import to_simplified
from checker.rules.numbers import same_fact
from checker.rules.registry import Rule, register

#: A sentence shorter than this (non-space characters; Chinese counts ×3, about one English
#: word of four letters per two Chinese characters) is a fragment: 他说。 left unaligned is
#: usually folded into a neighbour, so it is minor.
MIN_SENTENCE_LENGTH = 24
#: A clause needs this many content words that the lexicon can gloss before its lack of
#: coverage means anything.
MIN_CLAUSE_WORDS = 3
#: A clause judged by its own words needs fewer: 同比下降7.9% ("down 7.9% year on year") has
#: two, and a clause is only reported around a missing fact anyway.
MIN_OWN_CLAUSE_WORDS = 2
#: ... and the rest of its segment must have at least this share of its glossable words
#: covered (else the dictionary just does not know this translation's wording). Low,
#: because CC-CEDICT's greedy segmentation and missing senses leave faithful clauses at
#: .2-.5; a clause is only reported around a fact already found missing or added.
MIN_REST_COVERAGE = 0.2

_ZH_CLAUSE = re.compile(r"(?:[^，,；;：:。！？!?]|(?<=\d)[,.](?=\d))+")
# commas and stops inside numbers (12,000, 4.5) do not end a clause
_EN_CLAUSE = re.compile(r"(?:[^,;:.!?]|(?<=\d)[,.](?=\d))+")


@register
class SentenceOmitted(Rule):
    """A sentence of the original has no counterpart in the translation.

    The aligner found no sentence of the translation that renders it (a 1-0 link), or linked
    it with a neighbour whose translation renders none of its words while rendering the
    neighbour's (a 2-1 link hiding a 1-0), or its rendering is a fragment that says none of
    it ("Meanwhile." left of a long sentence). Major when the sentence is long enough to carry
    content or holds a number or a name; minor for a short fragment, which translators often
    fold into a neighbour, unless four or more of its dictionary compounds go unrendered
    (跨境并购与投资同样活跃。).

    Why: a dropped sentence removes facts without leaving a trace in the translation,
    which no check of the remaining sentences can see.
    """

    code = "O301"
    name = "sentence-omitted"
    category = "omission"
    severity = Severity.MAJOR
    correct = ("公司周三发布财报。营收增长了两成。",
               "The company reported on Wednesday. Revenue grew by a fifth.")
    incorrect = ("公司周三发布财报。营收增长了两成。",
                 "The company reported on Wednesday.")


@register
class SentenceAdded(Rule):
    """A sentence of the translation has no source in the original.

    The aligner found no sentence of the original that it renders (a 0-1 link), or linked it
    with a neighbour whose original has none of its words (a 1-2 link hiding a 0-1). Major
    when it is long enough to carry content or holds a number or a name, minor for a
    fragment.

    Why: added content is an accuracy error (MQM "addition"): the reader takes it for what
    the original says.
    """

    code = "O302"
    name = "sentence-added"
    category = "addition"
    severity = Severity.MAJOR
    correct = ("公司周三发布财报。", "The company reported on Wednesday.")
    incorrect = ("公司周三发布财报。",
                 "The company reported on Wednesday. Its shares have tripled since 2020.")


@register
class ClauseOmitted(Rule):
    """A clause of the original has no counterpart in its aligned translation.

    A clause (between commas, semicolons or colons) that holds a number, date or name the
    translation lacks, and of whose content words the translation renders none, while the
    rest of the sentence is well rendered: the whole clause was dropped, not just the
    figure. A clause without such a fact is not reported: the dictionary that judges
    coverage misses too many free renderings for that. Also the words around a name the
    translation does not render, when two or more of them are dictionary words it does not
    render either (江苏苏州一家电子厂的负责人刘海涛表示 → "Liu Haitao, Jiangsu province,
    said": 苏州一家电子厂的负责人 is gone), up to the nearest word, name or figure it
    renders, or a body and the title it gives a person the translation names (北京大学校长
    龚旗煌说 → "Gong Qihuang said"), or a place and the word that describes the person by it
    (首尔上班族金敏俊 → "Kim Min-jun said"), or two names side by side (a list cut short:
    广东、江苏、浙江、山东 → "Guangdong and Jiangsu"); not a name the translation describes
    instead ("the ministry", unless "the company" renders a 公司 of the Chinese's own) or
    renders word by word. Likewise a person's title and a word or more qualifying it when
    the person is rendered and they are not (上海一家咨询公司的分析师单晓蕾表示 → "Shan
    Xiaolei said": 一家咨询公司的分析师 is gone; 省委书记赵立东 → "Zhao Lidong"), or the title
    and the body or place it belongs to when the translation names them only elsewhere (印度
    塔塔集团董事长钱德拉塞卡兰说，塔塔计划… → "N. Chandrasekaran said Tata planned…"); not
    when a word of the translation's own stands before the name ("BMW CEO Oliver Zipse").
    Without a lost fact, the clauses a rendering far too short for its sentence leaves
    unsaid ("In his speech." for 王明在讲话中指出，全省要稳住工业基本盘，加快建设先进制造业
    集群。 reports both clauses): no faithful rendering is under 0.36 of its sentence's
    length, so the dictionary's gaps cannot explain them; not when the translation carries
    them nearby (a sentence split at another place, a quotation whose speaker follows).

    Why: translators shorten long sentences; a dropped clause with a figure or a name in
    it is a lost fact, and the sentence around it still reads well.
    """

    code = "O303"
    name = "clause-omitted"
    category = "omission"
    severity = Severity.MAJOR
    correct = ("公司营收增长了两成，净利润翻了一番，董事会决定将股息提高至每股3元。",
               "Revenue grew by a fifth, net profit doubled, and the board decided to raise "
               "the dividend to 3 yuan a share.")
    incorrect = ("公司营收增长了两成，净利润翻了一番，董事会决定将股息提高至每股3元。",
                 "Revenue grew by a fifth, and net profit doubled.")


@register
class ClauseAdded(Rule):
    """A clause of the translation has no source in its aligned original.

    A clause that holds a number, date or name the original lacks, and none of whose
    content words renders a word of the original, while the rest of the sentence is well
    rendered.

    Why: an added clause states something the original does not; with a figure or a name
    in it, readers will quote it.
    """

    code = "O304"
    name = "clause-added"
    category = "addition"
    severity = Severity.MAJOR
    correct = ("公司营收增长了两成，净利润翻了一番。",
               "Revenue grew by a fifth, and net profit doubled.")
    incorrect = ("公司营收增长了两成，净利润翻了一番。",
                 "Revenue grew by a fifth, net profit doubled, and the chairman resigned "
                 "after 12 years in the post.")


#: Findings of a fact that is missing from the translation, or added to it; a clause is
#: only reported around one of them.
MISSING_FACT_RULES = frozenset({"N103", "D103", "E204"})
ADDED_FACT_RULES = frozenset({"N104", "D104"})


def sentence_findings(segments: list[tuple[int, SentenceFacts, SentenceFacts]],
                      source_lang: str) -> list[Finding]:
    """O301/O302 for each (index, source, target) segment with only one side, unless its
    content sits in a neighbouring segment's other side (a merge the aligner missed) or a
    neighbour is an orphan of the other side (a sentence the aligner could not pair with
    its rendering, which the fact rules judge better than "omitted" plus "added")."""
    findings = []
    for position, (index, source, target) in enumerate(segments):
        if bool(source.texts) == bool(target.texts) or _faces_an_orphan(segments, position):
            continue
        if source.texts:
            partners = [segments[p][2] for p in _neighbours(position, len(segments))]
            own = [segments[p][1] for p in _neighbours(position, len(segments))]
            if not _said_nearby(source, partners, source_lang, own):
                findings.append(_sentence_finding(index, source, source_lang, is_source=True))
        else:
            partners = [segments[p][1] for p in _neighbours(position, len(segments))]
            own = [segments[p][2] for p in _neighbours(position, len(segments))]
            if not _said_nearby(target, partners, _other(source_lang), own):
                findings.append(_sentence_finding(index, target, _other(source_lang),
                                                  is_source=False))
    return findings


#: How many segments either side may hold what an orphan sentence says (as the fact rules'
#: window for a number moved to a neighbouring sentence).
NEIGHBOURHOOD = 2


def _neighbours(position: int, count: int) -> list[int]:
    return [p for p in range(position - NEIGHBOURHOOD, position + NEIGHBOURHOOD + 1)
            if p != position and 0 <= p < count]


def _faces_an_orphan(segments: list[tuple[int, SentenceFacts, SentenceFacts]],
                     position: int) -> bool:
    """Whether the run of one-sided segments around ``position`` has orphans of both sides."""
    def one_sided(p: int) -> bool:
        _, source, target = segments[p]
        return bool(source.texts) != bool(target.texts)

    start, end = position, position
    while start > 0 and one_sided(start - 1):
        start -= 1
    while end + 1 < len(segments) and one_sided(end + 1):
        end += 1
    return len({bool(segments[p][1].texts) for p in range(start, end + 1)}) == 2


#: An orphan sentence counts as said by a neighbour when this share of its words is there.
NEARBY_COVERAGE = 0.6


def _said_nearby(orphan: SentenceFacts, partners: list[SentenceFacts], lang: str,
                 own: list[SentenceFacts] | None = None) -> bool:
    """Whether a neighbouring segment's other side already says what the orphan says: all
    its numbers, or (without numbers) most of its words. A fragment cut off at ； is often
    rendered inside the neighbour's sentence ("…；环比增长1.1%。" → "…, and 1.1% quarter
    on quarter."). A number the neighbour's own sentence holds too renders that sentence,
    not the orphan (another 3.0% two sentences on). ``own``: the neighbours' side of the
    orphan, in the order of ``partners``."""
    own = own or [SentenceFacts() for _ in partners]
    said = [q for p, mine in zip(partners, own, strict=True) for q in p.quantities
            if not any(same_fact(q, m) or same_fact(m, q) for m in mine.quantities)]
    dated = {_date_key(d) for p, mine in zip(partners, own, strict=True) for d in p.dates
             if _date_key(d) not in {_date_key(m) for m in mine.dates}}
    if lang == "zh" and orphan.dates and not orphan.quantities and not all(
            _date_key(d) in dated for d in orphan.dates):
        return False  # 今年4月 with no April left over nearby: a dated sentence is gone
    if orphan.quantities:  # figures are specific: all of them there settles it either way
        return all(any(same_fact(q, other) or same_fact(other, q) for other in said)
                   for q in orphan.quantities)
    text = " ".join(t.text for t in orphan.texts)
    partner_text = " ".join(t.text for p in partners for t in p.texts)
    own_text = " ".join(t.text for p in own for t in p.texts)
    # as with numbers, a word the neighbours' own sentences explain renders them, not the
    # orphan: a sentence on its neighbours' topic (H20, NVIDIA, export controls) is gone;
    # a fragment (他说。) is folded into a neighbour whatever its words
    if lang == "zh":
        words = _zh_words(text)
        english = frozenset(lexicon.en_content_words(partner_text))
        if len(words) >= MIN_SENTENCE_WORDS:
            english -= _reach(own_text)
        hits = sum(1 for w in words if lexicon.english_glosses(w) & english)
    else:
        words = _en_words(text)
        reach = _reach(partner_text)
        if len(words) >= MIN_SENTENCE_WORDS:
            reach -= frozenset(lexicon.en_content_words(own_text))
        hits = sum(1 for w in words if w in reach)
    return bool(words) and hits / len(words) >= NEARBY_COVERAGE


def _reach(zh_text: str) -> frozenset[str]:
    """Every English gloss of the Chinese text's dictionary words."""
    return frozenset(g for w in _zh_words(zh_text) for g in lexicon.english_glosses(w))


def _date_key(date: DateValue) -> tuple:
    return (date.year, date.month, date.day, date.decade, date.quarter)


def merged_sentence_findings(segments: list[tuple[int, SentenceFacts, SentenceFacts]],
                             source_lang: str) -> list[Finding]:
    """O301/O302 for a whole sentence inside a merged link (2-1, 3-1 …) that nothing on the
    other side renders, while its partners are rendered: the dictionary aligner folds a
    dropped sentence into its neighbour's link rather than leave it alone, so the omission
    hides there."""
    findings = []
    for index, source, target in segments:
        zh, en = (source, target) if source_lang == "zh" else (target, source)
        if not zh.texts or not en.texts:
            continue
        en_words = _english_words(en)
        zh_sentences = [_Clause(t, frozenset(_zh_words(t.text))) for t in zh.texts]

        def said(word: str, en_words: frozenset[str] = en_words) -> bool:
            return bool(lexicon.english_glosses(word) & en_words)

        unrendered = _barely_covered(zh_sentences, said, zh, en)
        # 人民币汇率总体保持稳定 folded into the link of the exchange-rate figures after it,
        # whose English says "yuan" and "exchange rate" for them and nothing of "stable"
        unrendered += [c for c in _unsaid_own_words(
            zh_sentences, en_words, min_own=MIN_OWN_SENTENCE_WORDS, strays=False,
            min_rest=MIN_PARTNER_COVERAGE) if c not in unrendered]
        for sentence in unrendered:
            if not _numbers_rendered(sentence.span, zh, en):
                findings.append(_merged_finding(index, sentence.span, zh, "zh",
                                                source_lang == "zh",
                                                _compounds_unsaid(sentence, said)))
        zh_reach = frozenset(g for t in zh.texts for w in _zh_words(t.text)
                             for g in lexicon.english_glosses(w))
        en_sentences = [_Clause(t, frozenset(_en_words(t.text))) for t in en.texts]
        for sentence in _barely_covered(en_sentences, lambda w, zh_reach=zh_reach: w in zh_reach,
                                        en, zh):
            if not _numbers_rendered(sentence.span, en, zh):
                findings.append(_merged_finding(index, sentence.span, en, "en",
                                                source_lang == "en", compounds_unsaid=False))
    return findings


#: A sentence needs this many content words to be called unrendered: "Sector performance was
#: mixed" (板块表现有所分化) has three.
MIN_SENTENCE_WORDS = 3
#: A sentence of a merged link judged by its own words (those no other sentence of the link
#: has) needs this many of them, none rendered.
MIN_OWN_SENTENCE_WORDS = 3
#: Unrendered: at most this share of its words covered (a word like 增长 "rise" finds a match
#: in almost any economic sentence) while its partners are covered at least this well.
MAX_STRAY_COVERAGE = 0.25
MIN_PARTNER_COVERAGE = 0.5


def _barely_covered(sentences: list[_Clause], covered: object, side: SentenceFacts,
                    other: SentenceFacts) -> list[_Clause]:
    # a partner whose figures are on the other side is rendered, whatever its words ("In
    # the late 1990s, the ratio was still below 10%" for 上世纪90年代末…还不足10%)
    return _uncovered(sentences, covered, min_words=MIN_SENTENCE_WORDS,
                      max_share=MAX_STRAY_COVERAGE, min_rest=MIN_PARTNER_COVERAGE,
                      rendered=lambda s: _numbers_rendered(s.span, side, other))


def _numbers_rendered(span: Span, side: SentenceFacts, other: SentenceFacts) -> bool:
    """A number or date of the sentence is on the other side of the link (欧元区增长1.0%
    beside "the euro area, 1.0%"; 网上申购日为8月1日 beside "took place on August 1"): the
    sentence is rendered, in words the dictionary does not know. A range's ends count one
    by one (由190元调升至196元 beside "from NT$190 to NT$196")."""
    mine = [q for q in side.quantities if span.contains(q.span) and not q.soft]
    ends = {v for q in mine for v in (q.low, q.high)}
    dates = {_date_key(d) for d in side.dates if span.contains(d.span)}
    return any(o.low in ends or o.high in ends or any(same_fact(q, o) or same_fact(o, q)
                                                      for q in mine)
               for o in other.quantities) or any(_date_key(d) in dates for d in other.dates)


#: A short sentence with this many dictionary words of two characters or more (跨境, 并购,
#: 投资: the specific ones) not rendered is surely gone.
MIN_UNSAID_COMPOUNDS = 4


def _compounds_unsaid(sentence: _Clause, said: Callable[[str], bool]) -> bool:
    unsaid = [w for w in sentence.words if len(w) >= 2 and not said(w)]
    return len(unsaid) >= MIN_UNSAID_COMPOUNDS


def _merged_finding(index: int, span: Span, facts: SentenceFacts, lang: str, is_source: bool,
                    compounds_unsaid: bool) -> Finding:
    carries = any(span.contains(item.span) for item in (*facts.quantities, *facts.dates))
    # inside a link the dictionary may miss a short sentence's idiom (易边再战 "after the
    # break", read as four single characters): major when it carries a number or date, is
    # long, or leaves four or more dictionary compounds unrendered
    long_enough = _length(span.text, lang) >= 2 * MIN_SENTENCE_LENGTH
    return _whole_sentence_finding(index, span, is_source,
                                   carries or long_enough or compounds_unsaid)


def clause_findings(index: int, source: SentenceFacts, target: SentenceFacts,
                    source_lang: str, fact_findings: list[Finding],
                    linked: dict[Span, Span] | None = None) -> list[Finding]:
    """O303/O304 for the uncovered clauses of one segment that hold a missing (or added)
    fact, given the segment's fact findings; O301/O302 for a sentence whose clauses are all
    gone that way (the aligner paired a dropped sentence with its neighbour's rendering).
    ``linked``: the Chinese names the name rules found rendered; a Chinese clause holding
    two people so rendered is there, whatever its words ("Italy's Jannik Sinner beat …
    Novak Djokovic in four sets" for 意大利选手扬尼克·辛纳以3比1击败…诺瓦克·德约科维奇 lost
    only the score)."""
    missing = [f for f in fact_findings if f.rule in MISSING_FACT_RULES and f.source]
    added = [f for f in fact_findings if f.rule in ADDED_FACT_RULES and f.target]
    if not (missing or added) or not source.texts or not target.texts:
        return []
    zh, en = (source, target) if source_lang == "zh" else (target, source)
    zh_lost = missing if source_lang == "zh" else added
    zh_spans = [(f, f.source if source_lang == "zh" else f.target) for f in fact_findings]
    marks = _FactMarks(zh, [span for _, span in zh_spans if span],
                       [span for f, span in zh_spans if span and f in zh_lost
                        and f.severity.rank >= Severity.MAJOR.rank])
    gone: list[tuple[Span, bool]] = []
    for clause, is_zh, by_own_words in _uncovered_clauses(zh, en, marks):
        side_is_source = is_zh == (source_lang == "zh")
        facts = missing if side_is_source else added
        if by_own_words:  # the looser test needs a fact surely lost: 新加坡 left implicit is not
            facts = [f for f in facts if f.severity.rank >= Severity.MAJOR.rank]
        spans = [f.source if side_is_source else f.target for f in facts]
        if any(clause.contains(f) for f in spans) \
                and not (is_zh and (marks.renders_an_amount(clause)
                                    or _people_rendered(clause, zh, linked))):
            gone.append((clause, side_is_source))
    return _clause_or_sentence_findings(index, gone, source, target, _kept_clauses(zh, en))


def _people_rendered(clause: Span, zh: SentenceFacts, linked: dict[Span, Span] | None
                     ) -> bool:
    """Two people of the clause are in the translation: the clause is. (Places and bodies
    are no such evidence: the sentence may name them again elsewhere, 北京 in a dateline.)"""
    people = {n.span for n in zh.names if n.kind == "person"}
    return sum(1 for name in linked or {} if name in people and clause.contains(name)) >= 2


#: A phrase around a name the translation lacks is reported when it has this many more
#: dictionary words (two characters or more) that the translation does not render either.
MIN_PHRASE_WORDS = 2
#: ... and the rest of its sentence has at least this share of its words rendered, and two.
MIN_PHRASE_REST_COVERAGE = 0.3


def phrase_findings(index: int, source: SentenceFacts, target: SentenceFacts,
                    source_lang: str, unrendered: list[Span],
                    linked: dict[Span, Span] | None = None) -> list[Finding]:
    """O303 (O304 when the Chinese is the translation) for the words around a Chinese name
    that the aligned English does not render, none of which it renders either, in a
    sentence it otherwise renders: "Liu Haitao, Jiangsu province, said" for
    江苏苏州一家电子厂的负责人刘海涛表示 lost 苏州一家电子厂的负责人 — a phrase, not a
    clause, and the name in it (Suzhou) may be one the document gives elsewhere. Likewise
    a person's title and the words that qualify it (see _title_lost); ``linked``: the
    Chinese names the name rules found rendered, and their English."""
    zh, en = (source, target) if source_lang == "zh" else (target, source)
    if not (zh.names or linked) or not zh.texts or not en.texts:
        return []
    # how often the English says each word (a word said once renders one mention of it)
    en_counts = Counter(w for text in en.texts for w in lexicon.en_content_words(text.text))
    en_words = frozenset(en_counts)
    kept = [n.span for n in zh.names if n.span not in unrendered]
    # names the linker found from their English spelling (单建国 from "Shan Jianguo")
    discovered = [s for s in linked or {} if s not in kept and s not in unrendered]
    bodies = [n for n in zh.names if n.kind in ("org", "media", "place") and n.span in kept]
    persons = {n.span for n in zh.names if n.kind == "person"} | set(discovered)
    # a soft count (一家 "a", 两国 "the two countries") is a word, not a figure
    facts = [q.span for q in zh.quantities if not q.soft] + [d.span for d in zh.dates]
    findings = []
    for sentence in zh.texts:
        tokens = _tokens(sentence, en_words, unrendered, kept + discovered, facts,
                         frozenset(linked or {}))
        reported: list[Span] = []
        for position, token in enumerate(tokens):
            if token.kind != "lost" or any(r.contains(token.span) for r in reported):
                continue
            start, end = _lost_run(tokens, position)
            run = tokens[start:end]
            if _phrase_lost(run, tokens[:start] + tokens[end:], tokens[end:end + 1], persons):
                reported.append(_run_span(run, sentence))
        spare = _said_for_a_later_one(tokens, en_counts)
        for position in _titled_persons(tokens, sentence, persons):
            role = _role_before(sentence, tokens[position].span)
            # the title's own tokens, said or not (副|县长: 副 "set" is said by chance)
            first = next(i for i in range(position + 1)
                         if i == position or tokens[i].span.end > role.start)
            start = _unsaid_before(tokens, first, spare)
            if 0 < start <= first \
                    and tokens[start].span.start - tokens[start - 1].span.end <= MAX_BODY_GAP \
                    and _named_elsewhere(tokens[start - 1].span, bodies, linked, sentence):
                start -= 1  # 塔塔集团|董事长|钱德拉塞卡兰 → "N. Chandrasekaran said Tata …"
            run = tokens[start:position]
            if run and not any(r.contains(run[-1].span) for r in reported) \
                    and not _said(_role_glosses(role.text), en_words) \
                    and not _introduced(tokens[position].span, linked, en) \
                    and _title_lost(tokens[start:first], tokens[:start] + tokens[position:]):
                reported.append(_run_span(run, sentence))
        for position in _described_persons(tokens, sentence, persons):
            start = _clause_start(tokens, position)
            run = tokens[start:position]
            if run and not any(r.overlaps(_run_span(run, sentence)) for r in reported) \
                    and not _introduced(tokens[position].span, linked, en) \
                    and _description_lost(run, tokens[:start] + tokens[position:]):
                reported.append(_run_span(run, sentence))
        findings += [_phrase_finding(index, phrase, source_lang == "zh") for phrase in reported]
    return findings


@dataclass(frozen=True)
class _Token:
    span: Span
    kind: str  # lost or kept (a name), said or unsaid (a dictionary word)
    compound: bool = False
    rendered: bool = False  # a name the name rules linked to its English


def _tokens(sentence: Span, en_words: frozenset[str], lost: list[Span], kept: list[Span],
            facts: list[Span], rendered: frozenset[Span] = frozenset()) -> list[_Token]:
    """The sentence's names, numbers, dates and dictionary words in order; a clause boundary
    or bracket is a token that stops every run, and so are the numbers and dates (which
    their own rules judge)."""
    names = [_Token(s, "kept" if _said_word_by_word(s.text, en_words) else "lost")
             for s in lost if sentence.contains(s)] + [
        _Token(s, "kept", rendered=s in rendered) for s in kept + facts if sentence.contains(s)]
    tokens = list(names)
    for match in _ZH_BREAK.finditer(sentence.text):
        start = sentence.start + match.start()
        tokens.append(_Token(Span(start, start + 1, match.group()), "break"))
    for offset, word in lexicon.zh_content_words_at(sentence.text):
        span = Span(sentence.start + offset, sentence.start + offset + len(word), word)
        if any(span.overlaps(n.span) for n in names):
            continue
        # a title is said by a word for the title: 行长 "bank president" is not said by
        # the "central bank" of another clause
        glosses = _glosses(word)
        tokens.append(_Token(span, "said" if _said(glosses, en_words) else "unsaid",
                             len(word) >= 2))
    return sorted(tokens, key=lambda t: t.span.start)


def _glosses(word: str) -> frozenset[str]:
    """How English may say a word; a title by a word for the title (行长 "governor"), which
    the dictionary's glosses may lack."""
    return _TITLE_GLOSSES.get(to_simplified(word)) or lexicon.english_glosses(word)


#: A gloss this long said as the start of an English word is said: 财经 "financ(e)" in
#: "Financial Services" (the lexicon's stems do not meet there).
MIN_GLOSS_PREFIX = 5


def _said(glosses: frozenset[str], en_words: frozenset[str]) -> bool:
    return bool(glosses & en_words) or any(
        word.startswith(gloss) for gloss in glosses if len(gloss) >= MIN_GLOSS_PREFIX
        for word in en_words)


def _said_word_by_word(name: str, en_words: frozenset[str]) -> bool:
    """A name the linker did not match whose words the translation renders, at least half
    of them and two at least (中国电影资料馆 "China Film Archive"): rendered, not lost."""
    words = _zh_words(name)
    said = sum(1 for w in words if lexicon.english_glosses(w) & en_words)
    return said >= 2 and 2 * said >= len(words)


#: English words for titles that CC-CEDICT's glosses lack (行长 "Governor Andrew Bailey",
#: 校长 "vice-chancellor"), normalised as lexicon.en_content_words gives them.
_TITLE_GLOSSES = {
    word: frozenset(lexicon.normalise_word(w) for w in english.split())
    for word, english in {
        "行长": "governor president chief head", "校长": "president principal vice-chancellor head",
        "总裁": "president chief executive ceo head",
        "董事长": "chairman chair chairwoman chairperson",
        "主席": "chairman chair chairwoman chairperson president", "部长": "minister secretary",
        "局长": "director head commissioner chief secretary",
        "主任": "director head chairman chief",
        "署长": "administrator director head commissioner", "院长": "president director head dean",
        "首席执行官": "ceo chief executive", "行政总裁": "ceo chief executive",
        "创始人": "founder", "创办人": "founder", "总经理": "manager ceo president gm",
        "议员": "lawmaker legislator member councillor councilor senator congressman "
                "congresswoman representative mp", "司长": "secretary director head chief",
        "会长": "chairman chair chairwoman president head", "理事长": "chairman chair president",
        "主教练": "coach manager head", "教练": "coach manager trainer",
        "书记": "secretary chief", "秘书长": "secretary-general secretary general",
        "县长": "magistrate head chief", "市长": "mayor head", "省长": "governor head",
        "区长": "head chief", "镇长": "mayor head chief", "厅长": "director head chief",
        "总干事": "director-general director general", "研究员": "researcher fellow",
        "负责人": "head chief director manager executive leader official",
    }.items()}


_ZH_BREAK = re.compile(r"[，,；;：:。！？!?（）()“”「」《》]")
#: Words the English renders freely or not at all — reporting verbs ("said"), 相关负责人
#: ("an official"): no evidence that the words around a name were dropped.
_LOOSE_WORDS = frozenset({"表示", "介绍", "透露", "指出", "强调", "认为", "称", "说", "说道",
                          "表明", "坦言", "直言", "提到", "提出", "回应", "告诉", "宣称",
                          "相关", "负责人", "有关", "方面"})


def _lost_run(tokens: list[_Token], position: int) -> tuple[int, int]:
    """(start, end) of the slice of ``tokens`` holding the lost name at ``position`` and
    the tokens either side of it up to the nearest rendered word, rendered name or clause
    boundary."""
    end = position + 1
    while end < len(tokens) and tokens[end].kind in _UNRENDERED:
        end += 1
    return _unsaid_before(tokens, position), end


def _run_span(run: list[_Token], sentence: Span) -> Span:
    start, end = run[0].span.start, run[-1].span.end
    return Span(start, end, sentence.text[start - sentence.start:end - sentence.start])


def _titled_persons(tokens: list[_Token], sentence: Span, persons: set[Span]) -> list[int]:
    """Positions of the rendered persons a title introduces (分析师|单晓蕾); ``persons``:
    the extractor's, and the names found from their English, which after a title are
    persons (主任|单建国)."""
    simplified = to_simplified(sentence.text)
    return [i for i, t in enumerate(tokens) if t.kind == "kept" and t.span in persons
            and role_before(simplified, t.span.start - sentence.start)]


def _described_persons(tokens: list[_Token], sentence: Span, persons: set[Span]) -> list[int]:
    """Positions of the rendered persons a 的 phrase describes (在光谷一家科技公司工作的|陈晓东,
    来自浙江的|周婷): who they are, said in a clause of its own."""
    return [i for i, t in enumerate(tokens) if t.kind == "kept" and t.span in persons
            and sentence.text[:t.span.start - sentence.start].endswith("的")]


def _clause_start(tokens: list[_Token], position: int) -> int:
    """Where the clause that holds the token at ``position`` starts, among ``tokens``."""
    start = position
    while start > 0 and tokens[start - 1].kind != "break":
        start -= 1
    return start


def _description_lost(run: list[_Token], rest: list[_Token]) -> bool:
    """A 的 phrase before a person of which the English renders nothing, two dictionary
    words at least ("Chen Xiaodong said" for 在光谷一家科技公司工作的陈晓东表示: "who works
    at a tech company in Optics Valley" dropped), in a sentence it otherwise renders."""
    return all(t.kind in _UNRENDERED for t in run) \
        and len(_unsaid_words(run)) >= MIN_PHRASE_WORDS and _well_said(rest)


def _role_before(sentence: Span, person: Span) -> Span:
    """The title right before a person (_titled_persons found one), as a whole, with its
    rank (副|县长): the dictionary's segmentation may split it (美高梅中國聯席董事|長)."""
    before = to_simplified(sentence.text[:person.start - sentence.start])
    size = len(role_ending_at(before, len(before)))
    while size and (rank := next((r for r in _RANKS if before[:-size].endswith(r)), None)):
        size += len(rank)
    start = person.start - size
    return Span(start, person.start,
                sentence.text[start - sentence.start:person.start - sentence.start])


#: What may stand before a title as part of it (副县长, 常务副市长, 前总统), and how English
#: says it.
_RANK_GLOSSES = {"副": "deputy vice", "常务": "executive", "执行": "executive",
                 "代理": "acting", "前": "former ex", "原": "former ex"}
_RANKS = tuple(_RANK_GLOSSES)


def _role_glosses(role: str) -> frozenset[str]:
    """How English may say a title: by the title as a whole (董事长 "chairman"), by one of
    its words (财政司司长 "Financial Secretary", 副县长 "deputy head": 县长 "head"), or by
    its rank ("Vice GM" for 副总经理)."""
    role = to_simplified(role)
    ranks = [_RANK_GLOSSES[r] for r in _RANKS if role.startswith(r)]
    words = [w for w in lexicon.zh_content_words(role) if len(w) >= 2 and w not in _RANKS]
    glosses = [_glosses(w) for w in [role, *words]]
    return frozenset().union(*glosses, *(
        frozenset(lexicon.normalise_word(w) for w in r.split()) for r in ranks))


def _introduced(person: Span, linked: dict[Span, Span] | None, en: SentenceFacts) -> bool:
    """The English puts a word of its own before the person's name ("BMW CEO Oliver Zipse",
    "Chinese swimmer Pan Zhanle"): the title is rendered there, however freely."""
    rendering = (linked or {}).get(person)
    text = next((t for t in en.texts if rendering is not None and t.contains(rendering)), None)
    if rendering is None or text is None:
        return False
    # "Nasser" of "Amin Nasser": the given name is no title
    rendering = next((n.span for n in en.names if n.span.contains(rendering)), rendering)
    before = _LAST_WORD.search(text.text[:rendering.start - text.start])
    # an initial is the name's own ("N. Chandrasekaran")
    return before is not None and before.group(1).lower() not in _NOT_A_TITLE \
        and not _INITIAL.fullmatch(before.group(1))


_LAST_WORD = re.compile(r"([A-Za-z][\w'’.-]*)\s+$")
_INITIAL = re.compile(r"[A-Z]\.?")
#: Words before a name that introduce no title: "said", "by", "and" …
_NOT_A_TITLE = lexicon.EN_STOP_WORDS | {"said", "says", "told", "according", "added", "asked"}


def _named_elsewhere(name: Span, bodies: list[NameMention], linked: dict[Span, Span] | None,
                     sentence: Span) -> bool:
    """A body the English may name only under another of its mentions (印度塔塔集团 … 塔塔
    计划 → "Tata planned") or describe ("the company"), or a place it gives only elsewhere
    (宜昌市|市长 beside a "Yichang" of another sentence): not linked itself, or named again
    later in the sentence: by its first two characters at least (小米集团 … 小米), by a
    body whose name is part of its own (塔塔), or as the same entity (中国人民银行 … 央行)."""
    body = next((b for b in bodies if b.span == name), None)
    if body is None:
        return False
    if body.kind == "place":  # 中国|选手 … 中国男子选手: "Chinese" may render either
        return linked is not None and name not in linked
    later = to_simplified(sentence.text[name.end - sentence.start:])
    return linked is not None and name not in linked \
        or to_simplified(name.text)[:2] in later or any(
            other.span.start >= name.end and sentence.contains(other.span) and (
                other.span.text in name.text
                or other.entity is not None and other.entity is body.entity)
            for other in bodies)


#: Characters that no token covers between a body and its title (汇丰香港零售银行|业务|主管:
#: 行业 "industry" straddles the name, so 业务 is no word of its own).
MAX_BODY_GAP = 2

#: Kinds of token the translation does not render: a name it lacks, a word it does not say.
_UNRENDERED = ("lost", "unsaid")


def _unsaid_before(tokens: list[_Token], position: int, spare: frozenset[int] = frozenset()
                   ) -> int:
    """Where the run of unrendered tokens that ends before ``position`` starts; ``spare``:
    words said only for a later occurrence of them (see _said_for_a_later_one)."""
    start = position
    while start > 0 and (tokens[start - 1].kind in _UNRENDERED or start - 1 in spare):
        start -= 1
    return start


def _said_for_a_later_one(tokens: list[_Token], en_counts: Counter) -> frozenset[int]:
    """Tokens of a word the Chinese says more often than the English: 北大荒农垦集团董事长王守
    聪说，集团今年… → "Wang Shoucong said the group had…" says 集团 once, for the second;
    the first, in the name, is not said. The earlier occurrences are taken as the unsaid
    ones: a name comes first, the description that refers back to it later."""
    places: dict[str, list[int]] = defaultdict(list)
    for index, token in enumerate(tokens):
        if token.kind == "said" and token.compound:
            places[to_simplified(token.span.text)].append(index)
    repeated = {word: found for word, found in places.items() if len(found) >= 2}
    if not repeated:
        return frozenset()
    spare: set[int] = set()
    for word, found in repeated.items():
        said = max((en_counts[gloss] for gloss in _glosses(word)), default=0)
        spare.update(found[:max(0, len(found) - said)])
    return frozenset(spare)


def _title_lost(qualifiers: list[_Token], rest: list[_Token]) -> bool:
    """The words that qualify a person's title the English does not render, none rendered,
    though the person is: 上海一家咨询公司的分析师单晓蕾表示 → "Shan Xiaolei said" lost
    一家咨询公司的分析师. A dictionary word at least, or the body the title belongs to when
    the English names that body only elsewhere (``qualifiers`` start with it)."""
    unsaid = _unsaid_words(qualifiers)
    of_a_body = bool(qualifiers) and qualifiers[0].kind == "kept"
    return (len(unsaid) >= 1 or of_a_body) and _well_said(rest)


def _well_said(rest: list[_Token]) -> bool:
    """Enough of the rest of the sentence is rendered: its dictionary words, and the names
    the English renders (the dictionary misses free wording: 营业额增加 "sales rose")."""
    words = [t for t in rest if t.kind == "said" or t.rendered or t.kind == "unsaid"
             and to_simplified(t.span.text) not in _LOOSE_WORDS]
    said = sum(1 for t in words if t.kind == "said" or t.rendered)
    return said >= 2 and said >= MIN_PHRASE_REST_COVERAGE * len(words)


def _unsaid_words(run: list[_Token]) -> list[_Token]:
    """The dictionary compounds of ``run`` the translation does not say, but for words it
    may leave out freely (表示 "said")."""
    return [t for t in run if t.kind == "unsaid" and t.compound
            and to_simplified(t.span.text) not in _LOOSE_WORDS]


def _phrase_lost(run: list[_Token], rest: list[_Token], after: list[_Token],
                 persons: set[Span]) -> bool:
    unsaid = _unsaid_words(run)
    # two names lost side by side: a list cut short (广东、江苏、浙江、山东 → "Guangdong,
    # Jiangsu" and no more)
    listed = sum(1 for t in run if t.kind == "lost") >= 2
    return (len(unsaid) >= MIN_PHRASE_WORDS or listed
            or _title_of_a_named_person(unsaid, run, after, persons)) and _well_said(rest)


def _title_of_a_named_person(unsaid: list[_Token], run: list[_Token], after: list[_Token],
                             persons: set[Span]) -> bool:
    """北京大学校长|龚旗煌 → "Gong Qihuang said": the body and the title that introduce a
    person the translation names, both gone ("President of Peking University," dropped);
    or a place and the word that describes the person by it (首尔|上班族|金敏俊 → "Kim
    Min-jun said": "an office worker in Seoul" dropped), the word right before the name."""
    return len(unsaid) == 1 and unsaid[0] is run[-1] \
        and bool(after) and after[0].kind == "kept" and after[0].span in persons \
        and (to_simplified(unsaid[0].span.text) in ZH_ROLES
             or after[0].span.start - unsaid[0].span.end <= 1)


def _phrase_finding(index: int, phrase: Span, is_source: bool) -> Finding:
    if is_source:
        return ClauseOmitted.finding(
            f"the words “{phrase.text}” have no counterpart in the translation",
            phrase, None, segment=index)
    return ClauseAdded.finding(f"the words “{phrase.text}” have no source in the original",
                               None, phrase, segment=index)


def _kept_clauses(zh: SentenceFacts, en: SentenceFacts) -> set[Span]:
    """The Chinese clauses the translation keeps: more of their words covered than a stray
    gloss explains. A sentence with one of them left is not gone, however much of it is
    ("In its allotment results announcement." alone). A date or number found does not
    count here: in a merged link the neighbour's rendering may hold it (2024年 beside "in
    2024" of the sentence before)."""
    en_words = _english_words(en)
    kept = set()
    for clause in (c for t in zh.texts for c in _clauses(t, _ZH_CLAUSE, _zh_words)):
        hits = sum(1 for w in clause.words if lexicon.english_glosses(w) & en_words)
        # two words at least: one may be chance (前三季度 beside a neighbour's "quarter")
        if hits >= 2 and hits > MAX_STRAY_COVERAGE * len(clause.words):
            kept.add(clause.span)
    return kept


def _clause_or_sentence_findings(index: int, gone: list[tuple[Span, bool]],
                                 source: SentenceFacts, target: SentenceFacts,
                                 kept: set[Span]) -> list[Finding]:
    """O303/O304 for each clause gone, or one O301/O302 for a sentence made of them with no
    ``kept`` clause beside them. In a merged link (two sentences or more on that side) one
    clause gone may be the whole sentence (中泰两国于1975年7月1日正式建立外交关系。 folded
    into its neighbour's link), and the link's English, the neighbour's rendering, says
    nothing about what the sentence kept."""
    findings = []
    for side_is_source, facts in ((True, source), (False, target)):
        clauses = [clause for clause, on_source in gone if on_source == side_is_source]
        merged = len(facts.texts) > 1
        for sentence in facts.texts:
            inside = [c for c in clauses if sentence.contains(c)]
            share = sum(len(c.text.strip()) for c in inside) / len(sentence.text.strip())
            if (len(inside) >= 2 or merged and inside) and share >= WHOLE_SENTENCE_SHARE \
                    and (merged or not any(sentence.contains(c) and c not in inside
                                           for c in kept)):
                findings.append(_whole_sentence_finding(index, sentence, side_is_source, True))
                clauses = [c for c in clauses if c not in inside]
        for clause in clauses:
            if side_is_source:
                findings.append(ClauseOmitted.finding(
                    f"the clause “{clause.text.strip()}” has no counterpart in the translation",
                    clause, None, segment=index))
            else:
                findings.append(ClauseAdded.finding(
                    f"the clause “{clause.text.strip()}” has no source in the original",
                    None, clause, segment=index))
    return findings


#: Clauses gone that make up this share of a sentence are the sentence gone.
WHOLE_SENTENCE_SHARE = 0.7


def _other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def _sentence_finding(index: int, facts: SentenceFacts, lang: str, is_source: bool
                      ) -> Finding:
    span = _joined_span(facts.texts)
    long_enough = _length(span.text, lang) >= MIN_SENTENCE_LENGTH
    carries = bool(facts.quantities or facts.dates or facts.names)
    return _whole_sentence_finding(index, span, is_source, long_enough or carries)


def _whole_sentence_finding(index: int, span: Span, is_source: bool, major: bool) -> Finding:
    """O301 for a sentence of the original, O302 for one of the translation."""
    rule = SentenceOmitted if is_source else SentenceAdded
    what = "is not in the translation" if is_source else "is not in the original"
    return rule.finding(f"the sentence “{_shorten(span.text)}” {what}",
                        span if is_source else None, None if is_source else span,
                        segment=index, severity=Severity.MAJOR if major else Severity.MINOR)


def _joined_span(texts: tuple[Span, ...]) -> Span:
    if len(texts) == 1:
        return texts[0]
    first, last = texts[0], texts[-1]
    return Span(first.start, last.end, " ".join(t.text for t in texts))


def _length(text: str, lang: str) -> int:
    characters = sum(1 for c in text if not c.isspace())
    return characters * 3 if lang == "zh" else characters


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass(frozen=True)
class _Clause:
    span: Span
    words: frozenset[str]  # glossable content words (zh) or content words (en)


#: An amount this large is specific enough to show that its clause was rendered.
MIN_TELLING_AMOUNT = 100


@dataclass(frozen=True)
class _FactMarks:
    """What the fact rules found in a segment's Chinese side, as evidence about its clauses."""

    zh: SentenceFacts = SentenceFacts()
    flagged: list[Span] = field(default_factory=list)  # every fact finding's Chinese span
    lost: list[Span] = field(default_factory=list)  # major facts missing (or added) there

    def rendered(self, clause: Span) -> bool:
        """The clause holds a number or date and no fact rule flagged anything in it: the
        translation renders it, whatever words it uses (9月份 → "In September")."""
        return any(clause.contains(item.span) for item in (*self.zh.quantities, *self.zh.dates)
                   ) and not any(clause.contains(f) for f in self.flagged)

    def flags(self, clause: Span) -> bool:
        return any(clause.contains(f) for f in self.flagged)

    def holds_lost(self, clause: Span) -> bool:
        return any(clause.contains(f) for f in self.lost)

    def renders_an_amount(self, clause: Span) -> bool:
        """An amount of the clause is in the translation (300萬標準箱 → "3 million TEUs"),
        whatever else it lost (第七貨櫃中心 → "the terminal"): the clause is there. Not a
        small count (八强, 玄武2), which another clause's English may hold by chance."""
        return any(clause.contains(q.span) and not q.soft and abs(q.high) >= MIN_TELLING_AMOUNT
                   and not any(q.span.contains(f) or f.contains(q.span) for f in self.flagged)
                   for q in self.zh.quantities)


def _uncovered_clauses(zh: SentenceFacts, en: SentenceFacts, marks: _FactMarks
                       ) -> list[tuple[Span, bool, bool]]:
    """(clause, is_Chinese, by_own_words) for each clause of either side with no coverage at
    all, or (Chinese only, by_own_words) none of the words only it has."""
    en_words = _english_words(en)
    zh_clauses = [c for t in zh.texts for c in _clauses(t, _ZH_CLAUSE, _zh_words)]
    en_clauses = [c for t in en.texts for c in _clauses(t, _EN_CLAUSE, _en_words)]
    zh_reach = frozenset(g for c in zh_clauses for w in c.words for g in lexicon.english_glosses(w))
    found = []
    found += [(c.span, True, False) for c in _uncovered(zh_clauses, lambda w: bool(
        lexicon.english_glosses(w) & en_words), flagged=marks.flags)]
    found += [(c.span, False, False) for c in _uncovered(en_clauses, lambda w: w in zh_reach)]
    # 前三季度增长5.2%，其中第三季度增长4.9%: "grew" and "quarters" in the English render
    # the first clause and say nothing of the second; judge a clause by what only it says
    seen = {span for span, _, _ in found}
    found += [(c.span, True, True) for c in _unsaid_own_words(zh_clauses, en_words, marks)
              if c.span not in seen]
    return found


def _unsaid_own_words(clauses: list[_Clause], said: frozenset[str],
                      marks: _FactMarks | None = None, *, min_own: int = 1,
                      strays: bool = True, min_rest: float = MIN_REST_COVERAGE
                      ) -> list[_Clause]:
    """The clauses (or sentences) whose own meaning (the glosses no other one has) is
    barely in the translation — at most a quarter of their ``min_own`` or more own words,
    none without ``strays`` — while the others are rendered (``min_rest`` of their words):
    by their words, or by their facts (``marks.rendered``, counted as fully covered).
    Clauses that lost a fact themselves are no evidence either way (two clauses dropped
    together leave the rest short)."""
    if len(clauses) < 2:
        return []
    marks = marks or _FactMarks()
    reach = lexicon.english_glosses
    reaches = [frozenset().union(*(reach(w) for w in c.words)) for c in clauses]
    result = []
    for i, clause in enumerate(clauses):
        others = frozenset().union(*(r for j, r in enumerate(reaches) if j != i))
        own = [reach(w) - others for w in clause.words if reach(w) - others]
        rest = [c for j, c in enumerate(clauses) if j != i and not marks.holds_lost(c.span)]
        rest_hits = sum(max(len(c.words), 1) if marks.rendered(c.span)
                        else sum(1 for w in c.words if reach(w) & said) for c in rest)
        rest_words = sum(max(len(c.words), 1) if marks.rendered(c.span) else len(c.words)
                         for c in rest)
        # a stray gloss may match by chance (募 "enlist" beside "list in Hong Kong"; one of
        # three or more: "third" of 第三季度 beside "Xiaomi third")
        stray = max(MAX_STRAY_COVERAGE * len(own), 1 if len(own) >= 3 else 0) if strays else 0
        unsaid = len(own) >= min_own and sum(1 for glosses in own if glosses & said) <= stray
        if len(clause.words) >= MIN_OWN_CLAUSE_WORDS and unsaid \
                and rest_words and rest_hits / rest_words >= min_rest:
            result.append(clause)
    return result


def _uncovered(clauses: list[_Clause], covered: object, min_words: int = MIN_CLAUSE_WORDS,
               max_share: float = 0.0, min_rest: float = MIN_REST_COVERAGE,
               rendered: Callable[[_Clause], bool] | None = None,
               flagged: Callable[[Span], bool] | None = None) -> list[_Clause]:
    """The clauses (or sentences) with at most ``max_share`` of their words covered — none,
    by default — while the others together have at least ``min_rest``. A clause
    ``rendered`` otherwise (by its numbers) counts as fully covered; but that evidence is
    weaker than words, so a clause that needs it must have more words than ``min_words``
    and none covered ("Guangdong's head coach said…" beside a quote rendered by its
    figures has two words covered, and is the coach's sentence in other words). Another
    clause with nothing covered and a fact ``flagged`` missing is no evidence either way:
    two clauses dropped together leave only "In China." of 在中国，…马化腾…表示，…。"""
    if len(clauses) < 2:
        return []
    known = [bool(rendered and rendered(c)) for c in clauses]
    by_words = [sum(1 for w in c.words if covered(w)) for c in clauses]
    hits = [len(c.words) if known[i] else by_words[i] for i, c in enumerate(clauses)]
    gone = [not hits[i] and bool(flagged and flagged(c.span)) for i, c in enumerate(clauses)]
    result = []
    for i, clause in enumerate(clauses):
        if known[i] or hits[i] > max_share * len(clause.words) or len(clause.words) < min_words:
            continue
        rest = [j for j in range(len(clauses)) if j != i and not gone[j]]
        rest_words = sum(len(clauses[j].words) for j in rest)
        if not rest_words:
            continue
        if sum(by_words[j] for j in rest) / rest_words >= min_rest or (
                sum(hits[j] for j in rest) / rest_words >= min_rest and hits[i] == 0
                and len(clause.words) > min_words):
            result.append(clause)
    return result


def _clauses(sentence: Span, pattern: re.Pattern, words: object) -> list[_Clause]:
    clauses = []
    for match in pattern.finditer(sentence.text):
        text = match.group()
        if not text.strip():
            continue
        start = sentence.start + match.start()
        clauses.append(_Clause(Span(start, start + len(text), text), frozenset(words(text))))
    return clauses


def _english_words(en: SentenceFacts) -> frozenset[str]:
    """The normalised content words of a segment's English side."""
    return frozenset(w for t in en.texts for w in lexicon.en_content_words(t.text))


def _zh_words(text: str) -> list[str]:
    return [w for w in lexicon.zh_content_words(text) if lexicon.english_glosses(w)]


def _en_words(text: str) -> list[str]:
    return lexicon.en_content_words(text)


# ---------------------------------------------------------------- fragments


#: A rendering this much shorter than its sentence (lengths as _length counts them, a
#: Chinese character as three letters) is a fragment of it: "In Frankfurt." for
#: 在法兰克福，欧洲央行行长克里斯蒂娜·拉加德宣布维持三大关键利率不变。 (0.12). In the
#: faithful documents of the held-out sets and corpora/ no 1-1 pair goes below 0.39
#: (median 1.0; 2 of 3,403 below 0.45); figures, which are shorter in English, make the
#: lowest.
MAX_FRAGMENT_RATIO = 0.36
#: ... of a sentence long enough to say more than its opening phrase (16 Chinese characters).
MIN_FRAGMENT_SOURCE = 2 * MIN_SENTENCE_LENGTH


def fragment_findings(index: int, source: SentenceFacts, target: SentenceFacts,
                      source_lang: str, linked: dict[Span, Span] | None = None,
                      nearby: tuple[tuple[SentenceFacts, SentenceFacts], ...] = ()
                      ) -> list[Finding]:
    """O303 for the clauses of a sentence that its rendering, a fragment far shorter than
    it, does not say: "In Frankfurt." left of 在法兰克福，欧洲央行行长…宣布维持三大关键利率
    不变。 Here no lost fact is needed: no faithful translation is that short (see
    MAX_FRAGMENT_RATIO), so the dictionary's gaps cannot explain the clauses it leaves
    unsaid. O301 when the fragment says nothing of the sentence. Not when the translation
    says most of those clauses nearby: in the segment's other sentences or its neighbours'
    translation (``nearby``, the source and translation of the segments either side), a
    sentence split at another place ("“This was a crucial win.” … Muscat said after the
    match"). ``linked``: the Chinese names the name rules found rendered, and their
    English."""
    if not source.texts or not target.texts:
        return []
    target_lang = _other(source_lang)
    # every rendering holds a translation sentence at least: when the shortest is too long
    # for the longest source sentence, none is a fragment (most segments stop here)
    if min(_length(t.text, target_lang) for t in target.texts) > MAX_FRAGMENT_RATIO * max(
            _length(s.text, source_lang) for s in source.texts):
        return []
    findings = []
    for sentence, rendering in _sentence_renderings(source, target, source_lang):
        size = _length(sentence.text, source_lang)
        if size < MIN_FRAGMENT_SOURCE or sum(
                _length(t.text, target_lang) for t in rendering) > MAX_FRAGMENT_RATIO * size:
            continue
        said = _RenderingTest(rendering, source, target, source_lang, linked or {})
        clauses = [c for c in _fragment_clauses(sentence, source_lang) if said.weighs(c)]
        unsaid = [c for c, says in zip(clauses, said.says_each(clauses), strict=True)
                  if not says]
        if not unsaid or _said_elsewhere(unsaid, sentence, source, target, rendering,
                                         source_lang, nearby):
            continue
        if len(unsaid) == len(clauses):
            findings.append(_whole_sentence_finding(index, sentence, True, True))
            continue
        shown = _shorten(" ".join(t.text for t in rendering), 40)
        findings += [ClauseOmitted.finding(
            f"the clause “{clause.text}” has no counterpart in the translation, which "
            f"renders the sentence as “{shown}” only", clause, None, segment=index)
            for clause in unsaid]
    return findings


#: Unsaid clauses the translation carries nearby, this share of them or more, were moved
#: there, not dropped: a clause is carried by a figure of it, or by this share of its words.
MIN_MOVED_SHARE = 0.5


#: Quotation marks that open a quotation (after a space or at the start) and that close one
#: (before a space, a stop or the end): a straight quote can be either.
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“]")
_CLOSING_QUOTE = re.compile(r"[\"”](?=$|[\s.,;:!?)\]])")


def _said_elsewhere(clauses: list[Span], sentence: Span, source: SentenceFacts,
                    target: SentenceFacts, rendering: list[Span], source_lang: str,
                    nearby: tuple[tuple[SentenceFacts, SentenceFacts], ...]) -> bool:
    """Whether the translation has most of the unsaid clauses in the segment's other
    sentences or in its neighbours' (a sentence split at another place: 其中制造业中长期贷款
    余额突破2000亿元 in the next English sentence), or the fragment opens a quotation that
    goes on in the next sentence ("“This was a crucial win.” … Muscat said after the
    match"; one that closes a quotation is no sign). What those sentences' own source
    explains is theirs, not the clauses': a neighbour on the same topic ("the two central
    banks") carries nothing of 日本银行行长…均表示将密切关注汇率走势. ``nearby``: (source,
    translation) of the segments either side."""
    shown = " ".join(t.text for t in rendering)
    if len(_OPENING_QUOTE.findall(shown)) > len(_CLOSING_QUOTE.findall(shown)):
        return True
    # (an orphan's rendering is one of its neighbours: not evidence of itself)
    sides = [target, *(facts for _, facts in nearby)]
    others = [t for facts in sides for t in facts.texts if t not in rendering]
    if not others:
        return False
    own = SentenceFacts(
        quantities=tuple(q for q in source.quantities if not sentence.contains(q.span))
        + tuple(q for facts, _ in nearby for q in facts.quantities),
        texts=tuple(t for t in source.texts if t != sentence)
        + tuple(t for facts, _ in nearby for t in facts.texts))
    elsewhere = SentenceFacts(
        quantities=tuple(q for facts in sides for q in facts.quantities
                         if any(t.contains(q.span) for t in others) and not any(
                             same_fact(o, q) or same_fact(q, o) for o in own.quantities)),
        dates=tuple(d for facts in sides for d in facts.dates
                    if any(t.contains(d.span) for t in others)),
        texts=tuple(others))
    test = _RenderingTest(list(elsewhere.texts), source, elsewhere, source_lang, {})
    own_text = " ".join(t.text for t in own.texts)
    test.reach -= _reach(own_text) if source_lang == "zh" \
        else frozenset(lexicon.en_content_words(own_text))
    moved = sum(1 for clause in clauses if test.carries(clause))
    return moved >= MIN_MOVED_SHARE * len(clauses)


def _sentence_renderings(source: SentenceFacts, target: SentenceFacts, source_lang: str
                         ) -> list[tuple[Span, list[Span]]]:
    """Each source sentence of a segment with the translation sentences that render it: all
    of them for one sentence. In a merged link each translation sentence goes to the source
    sentence whose words it says most (the nearer by position on a tie), and to any other
    one of whose clauses it says a figure or half the words (a sentence split at another
    place: 其中制造业中长期贷款余额突破2000亿元 in the next English sentence)."""
    if len(source.texts) == 1:
        return [(source.texts[0], list(target.texts))]
    count, parts = len(source.texts), len(target.texts)
    groups: list[list[Span]] = [[] for _ in source.texts]
    for j, text in enumerate(target.texts):
        test = _RenderingTest([text], source, target, source_lang, {})
        scores = [sum(1 for w in _source_words(s, source, source_lang) if test.says_word(w))
                  for s in source.texts]
        centre = (j + 0.5) * count / parts - 0.5
        best = max(range(count), key=lambda i: (scores[i], -abs(i - centre)))
        for i, sentence in enumerate(source.texts):
            if i == best or any(test.carries(c) for c in _fragment_clauses(sentence, source_lang)):
                groups[i].append(text)
    return [(s, group) for s, group in zip(source.texts, groups, strict=True) if group]


def _source_words(text: Span, facts: SentenceFacts, lang: str) -> list[str]:
    """Content words of a stretch of the source, without the names in it (whose characters
    the dictionary reads as words: 克里斯蒂娜 "gram …")."""
    if lang != "zh":
        return _en_words(text.text)
    names = [n.span for n in facts.names if text.overlaps(n.span)]
    words = []
    for offset, word in lexicon.zh_content_words_at(text.text):
        span = Span(text.start + offset, text.start + offset + len(word), word)
        if not any(span.overlaps(name) for name in names):  # content words have glosses
            words.append(word)
    return words


def _fragment_clauses(sentence: Span, lang: str) -> list[Span]:
    pattern = _ZH_CLAUSE if lang == "zh" else _EN_CLAUSE
    spans = []
    for clause in _clauses(sentence, pattern, lambda _text: ()):
        text = clause.span.text
        start = clause.span.start + len(text) - len(text.lstrip())
        spans.append(Span(start, start + len(text.strip()), text.strip()))
    return spans


@dataclass
class _RenderingTest:
    """Whether translation sentences say a clause of the source: a content word, a name
    rendered there, or a number or date found there."""

    rendering: list[Span]
    source: SentenceFacts
    target: SentenceFacts
    source_lang: str
    linked: dict[Span, Span]
    # the translation's words (zh source), or the English glosses of its words (en source)
    reach: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        if self.source_lang == "zh":
            self.reach = frozenset(w for t in self.rendering for w in lexicon.en_content_words(
                t.text))
        else:
            self.reach = _reach(" ".join(t.text for t in self.rendering))

    def inside(self, span: Span) -> bool:
        return any(t.contains(span) for t in self.rendering)

    def says_word(self, word: str) -> bool:
        if self.source_lang == "zh":
            return _said(lexicon.english_glosses(word), self.reach)
        return word in self.reach

    def weighs(self, clause: Span) -> bool:
        """The clause has something to say: a content word, a name or a figure."""
        return bool(_source_words(clause, self.source, self.source_lang)) or any(
            clause.contains(item.span) for item in (
                *self.source.names, *self.source.quantities, *self.source.dates))

    def says(self, clause: Span) -> bool:
        if any(self.says_word(w) for w in _source_words(clause, self.source, self.source_lang)):
            return True
        return self.says_name_or_figure(clause)

    def says_name_or_figure(self, clause: Span) -> bool:
        if any(clause.contains(zh) and self.inside(en) if self.source_lang == "zh"
               else clause.contains(en) and self.inside(zh) for zh, en in self.linked.items()):
            return True
        return self.says_figure(clause)

    def says_each(self, clauses: list[Span]) -> list[bool]:
        """``says`` for the clauses of a sentence in order, each English word the saying of
        one Chinese word only: "In table tennis." says 乒乓球方面, not again the 乒乓球 of
        the next clause (an English source keeps the plain test)."""
        if self.source_lang != "zh":
            return [self.says(c) for c in clauses]
        left = Counter(w for t in self.rendering for w in lexicon.en_content_words(t.text))
        result = []
        for clause in clauses:
            said = False
            for word in _source_words(clause, self.source, self.source_lang):
                # a word's gloss may be several English words ("table tennis"): all used up
                matched = [w for w in lexicon.english_glosses(word) if left[w] > 0]
                for match in matched:
                    left[match] -= 1
                said = said or bool(matched)
            result.append(said or self.says_name_or_figure(clause))
        return result

    def carries(self, clause: Span) -> bool:
        """Says much of the clause: a figure of it, or half its words."""
        words = _source_words(clause, self.source, self.source_lang)
        return self.says_figure(clause) or bool(words) and sum(
            1 for w in words if self.says_word(w)) >= MIN_MOVED_SHARE * len(words)

    def says_figure(self, clause: Span) -> bool:
        quantities = [q for q in self.target.quantities if self.inside(q.span)]
        dates = {_date_key(d) for d in self.target.dates if self.inside(d.span)}
        return any(clause.contains(q.span) and any(same_fact(q, t) or same_fact(t, q)
                                                   for t in quantities)
                   for q in self.source.quantities) or any(
            clause.contains(d.span) and _date_key(d) in dates for d in self.source.dates)
