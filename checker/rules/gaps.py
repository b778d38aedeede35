"""Gaps: words of the translation that cannot stand next to each other, because something
between them was dropped ("the match between and Genoa", "in the capital of .").

A name or a figure deleted in editing, or lost by a machine translation, leaves its
neighbours behind: a preposition with no object, a possessive with no owner, a determiner
followed by a verb. The rule reads only the English; the patterns are narrow, because
stranded prepositions ("the plan they agreed to.") and particles ("water flooded in,") are
good English.
"""

from __future__ import annotations

import re

from checker.model import Finding, SentenceFacts, Severity, Span
from checker.rules.registry import Rule, register

#: Prepositions that always take an object: never particles ("flooded in"), seldom stranded.
_OBJECT_PREPOSITIONS = ("of", "from", "between", "into", "among", "amid", "during", "against",
                        "via", "including", "per", "onto", "despite", "towards", "toward")
#: Prepositions news English never pairs with another on one object ("of and").
_COORDINATED_NEVER = ("of", "from", "between", "into", "among", "amid", "via", "onto")
#: Any preposition or determiner: none of them ends a phrase before a spaced stop ("in .").
_NEEDS_A_WORD = _OBJECT_PREPOSITIONS + (
    "in", "at", "by", "to", "for", "on", "with", "than", "the", "a", "an", "its", "their",
    "his", "her", "our", "this", "these", "those", "and", "or")
#: Finite verbs that cannot follow a preposition or a determiner directly ("from are",
#: "The has an area"); not "will" (the will of the people) nor "said" (the said agreement).
_FINITE_VERBS = ("is", "are", "was", "were", "has", "have", "had", "says", "would")
#: Lower case but for "The": "An had knocked out" names the badminton player An Se-young, and
#: "this", "these" are pronouns too ("this is").
_DETERMINERS = ("The", "the", "a", "an", "its", "their")


def _words(words: tuple[str, ...]) -> str:
    return "|".join(words)


#: Each pattern matches the words either side of the gap.
_GAPS = (
    # "in the capital of .", "infections in ." : a word that needs another before a spaced stop
    re.compile(rf"(?<![-\w'’])(?:{_words(_NEEDS_A_WORD)}) [.,;:!?](?=\s|$)", re.IGNORECASE),
    # "Rustenburg, ." : two stops with nothing between them
    re.compile(r"[,;:] ?[.,;:](?=\s|$)"),
    # "that 's daily death toll", "of 's e-sports industry": a possessive with no owner
    re.compile(r"(?:^|(?<=\s))['’]s\b"),
    # "between and Genoa", "ahead of and the New York Stock Exchange"; not "during and
    # after", "to and from" (prepositions paired on one object)
    re.compile(rf"(?<![-\w])(?:{_words(_COORDINATED_NEVER)}) (?:and|or)\b", re.IGNORECASE),
    # "imported from are duty free": a preposition straight before a verb or a stop
    re.compile(rf"(?<![-\w])(?:{_words(_OBJECT_PREPOSITIONS)})"
               rf"(?: (?:{_words(_FINITE_VERBS)})\b(?!-)|(?=[,.;:](?:\s|$)))", re.IGNORECASE),
    # "The has an area of 3,850 square kilometres"
    # (not the "an" of "Xi'an would")
    re.compile(rf"(?<![-\w'’])(?:{_words(_DETERMINERS)}) (?:{_words(_FINITE_VERBS)})\b(?![-'’])"),
)


@register
class WordsDropped(Rule):
    """The translation has a gap where a word was dropped: its neighbours cannot stand
    together.

    A preposition that always takes an object, followed by a stop or a verb ("imported from
    are duty free", "the capital of ."); a preposition or determiner before a spaced stop
    ("infections in ."); "between and"; a possessive with no owner ("that 's daily death
    toll"); a determiner before a verb ("The has an area of 3,850 square kilometres"); two
    stops with nothing between them ("in Rustenburg, ."). Not a preposition that can end a
    phrase ("water flooded in,", "the plan they agreed to."), nor "the will of the people".
    English translations only.

    Why: what falls out of such a gap is usually a name or a figure deleted in editing or
    lost by machine translation; the rest of the sentence still looks finished to a reader
    skimming it, and no rule about the remaining names and numbers can see what is gone.
    """

    code = "O305"
    name = "words-dropped"
    category = "omission"
    severity = Severity.MAJOR
    correct = ("意大利媒体报道，国际米兰与热那亚的比赛是该队第3000场比赛。",
               "Italian media reported that the match between Inter Milan and Genoa was the "
               "team's 3,000th.")
    incorrect = ("意大利媒体报道，国际米兰与热那亚的比赛是该队第3000场比赛。",
                 "Italian media reported that the match between and Genoa was the team's "
                 "3,000th.")


def gap_findings(index: int, source: SentenceFacts, target: SentenceFacts, target_lang: str
                 ) -> list[Finding]:
    """The gaps in a segment's English translation; none for a segment without an original
    (an added sentence is reported whole)."""
    if target_lang != "en" or not source.texts:
        return []
    findings = []
    for sentence in target.texts:
        for start, end in _gap_spans(sentence.text):
            gap = Span(sentence.start + start, sentence.start + end, sentence.text[start:end])
            findings.append(WordsDropped.finding(
                f"a word is missing in \"{gap.text}\": these words cannot stand side by side "
                "(often a dropped name or figure)", None, gap, segment=index))
    return findings


def _gap_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _GAPS:
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)
