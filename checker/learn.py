"""``checker glossary learn``: propose name pairs from aligned document pairs, for review.

Two kinds of evidence, both counted over all the pairs given:
- a Chinese name linked to an English rendering (by the table, pinyin, a regional spelling, a
  sound-alike): the rendering the documents actually use;
- a Chinese name the checker could not link, facing exactly one unexplained English name in a
  one-to-one segment: a candidate the checker does not know yet (蓝黑军团 ↔ Nerazzurri).
Confidence is the share of the Chinese name's occurrences that went with that English form.
The output is a glossary TSV (zh, en, aliases, note, kind) that ``--glossary`` reads once a
person has reviewed it; the note carries the counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checker.load import load_pair
from checker.names.link import link_document
from checker.names.table import english_key
from checker.pipeline import CheckOptions, analyse_documents

#: Links that restate what the checker already knows are not worth proposing.
_KNOWN = ("established", "short", "surname", "paraphrase", "latin")


@dataclass(frozen=True)
class Proposal:
    zh: str
    en: str
    kind: str
    count: int
    documents: int
    confidence: float
    how: str

    def row(self) -> str:
        note = (f"seen {self.count}x in {self.documents} document(s); "
                f"confidence {self.confidence:.2f}; {self.how}")
        return "\t".join((self.zh, self.en, "", note, self.kind))


def learn(pairs: Iterable[tuple[Path, Path]], options: CheckOptions | None = None,
          min_count: int = 1, include_known: bool = False) -> list[Proposal]:
    """Proposals from document pairs (either order in each pair), most confident first."""
    together: Counter = Counter()
    totals: Counter = Counter()
    documents: dict[tuple[str, str], set[int]] = defaultdict(set)
    how: dict[tuple[str, str], str] = {}
    kinds: dict[str, str] = {}
    for number, (first, second) in enumerate(pairs):
        for zh, en, kind, evidence in _observations(first, second, options):
            key = (zh, en)
            totals[zh] += 1
            kinds[zh] = kind
            if evidence in _KNOWN and not include_known:
                continue
            together[key] += 1
            documents[key].add(number)
            how.setdefault(key, evidence)
    proposals = [
        Proposal(zh, en, kinds[zh], count, len(documents[(zh, en)]), count / totals[zh],
                 how[(zh, en)])
        for (zh, en), count in together.items() if count >= min_count
    ]
    return sorted(proposals, key=lambda p: (-p.confidence, -p.count, p.zh))


def _observations(first: Path, second: Path, options: CheckOptions | None
                  ) -> Iterable[tuple[str, str, str, str]]:
    source, target = load_pair(first, second)
    analysis = analyse_documents(source, target, options)
    zh_is_source = source.lang == "zh"
    segments = [(s.index, *((s.source, s.target) if zh_is_source else (s.target, s.source)))
                for s in analysis.segment_facts]
    one_to_one = {i for i, p in enumerate(analysis.alignment)
                  if len(p.src) == 1 and len(p.tgt) == 1}
    for segment in link_document(segments, analysis.table):
        for link in segment.links:
            yield link.mention.span.text, link.rendering.text, link.mention.kind, link.how
        rendered = {english_key(link.rendering.text) for link in segment.links}
        free = [n for n in segment.en if n.evidence != "initial"
                and english_key(n.span.text) not in rendered and n.entity is None]
        unknown = [m for m in segment.unlinked if m.entity is None]
        if segment.index in one_to_one and len(unknown) == 1 and len(free) == 1:
            yield unknown[0].span.text, free[0].span.text, unknown[0].kind, "co-occurrence"


def render_tsv(proposals: list[Proposal]) -> str:
    lines = ["zh\ten\taliases\tnote\tkind", *(p.row() for p in proposals)]
    return "\n".join(lines) + "\n"
