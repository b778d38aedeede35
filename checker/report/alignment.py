"""`checker align` output: the links between the sentences, as TSV or JSON."""

from __future__ import annotations

import json

from checker.model import AlignedPair, Sentence

TSV_HEADER = ("source_ids", "target_ids", "similarity", "source", "target")


def _text(sentences: list[Sentence], ids: tuple[int, ...], joiner: str) -> str:
    return joiner.join(sentences[i].text for i in ids)


def _one_line(text: str) -> str:
    """Tabs and line breaks inside a cell would break the TSV's columns."""
    return " ".join(text.replace("\t", " ").splitlines())


def render_tsv(source: list[Sentence], target: list[Sentence], pairs: list[AlignedPair],
               source_joiner: str = " ", target_joiner: str = " ") -> str:
    """One line per link: comma-separated 0-based sentence ids (empty for an omission or an
    addition), the link's similarity, and both texts."""
    lines = ["\t".join(TSV_HEADER)]
    for pair in pairs:
        lines.append("\t".join((
            ",".join(map(str, pair.src)), ",".join(map(str, pair.tgt)),
            f"{pair.similarity:.3f}",
            _one_line(_text(source, pair.src, source_joiner)),
            _one_line(_text(target, pair.tgt, target_joiner)),
        )))
    return "\n".join(lines) + "\n"


def render_json(source: list[Sentence], target: list[Sentence], pairs: list[AlignedPair],
                labels: tuple[str, str], embedder: str) -> str:
    links = [{
        "source": list(pair.src), "target": list(pair.tgt),
        "similarity": round(pair.similarity, 3),
        "source_text": [source[i].text for i in pair.src],
        "target_text": [target[j].text for j in pair.tgt],
    } for pair in pairs]
    document = {
        "source": {"path": labels[0], "sentences": len(source)},
        "target": {"path": labels[1], "sentences": len(target)},
        "embedder": embedder,
        "links": links,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
