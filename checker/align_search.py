"""Two-pass alignment search over sentence embeddings (the align stage's embedding path).

1. **Anchors**: every source sentence's top candidates among the target sentences (cosine
   of single-sentence embeddings, computed in blocks so memory stays O(n·k)), then the
   heaviest monotone chain of confident candidates: 1-1 links that are surely right.
2. **Fill**: a dynamic programme over the bead shapes of :data:`BEADS` (1-1 … 1-6, 0-1,
   1-0), restricted to a window of :data:`WINDOW` sentences around the anchor path, so
   time and memory grow linearly with the length of the documents.

A bead scores its :class:`BeadScorer` value (the caller's similarity, plus the learned
:class:`PunctuationAgreement` term and the :class:`ClauseLeak` penalty); a skipped sentence
scores :data:`SKIP`.
Unlike a size-weighted objective, every bead counts once, so two good 1-1 links beat one
2-2 bead, and a merge wins only when the merged sides fit each other better than the parts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: Bead shapes (source sentences, target sentences) the fill pass considers (BEADS: these
#: and RARE_BEADS). Literary translation renders one Chinese sentence as up to five English
#: ones (MAC-Test has 25 1-5 links); 2-3 and 3-2 occur where a translator regroups clauses.
COMMON_BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1),
    (1, 4), (4, 1), (2, 3), (3, 2), (1, 5), (5, 1),
)  # fmt: skip
#: Rare shapes (MAC-Dev's gold has 3-3 twice, 2-4 three times, 1-6 twice, 3-4 once), but a
#: link of a shape the search lacks is always lost, with its neighbours: with them MAC-Dev
#: strict F1 .921 -> .925 (no weight changed). They cost half as much time again as the
#: common ones, so long documents go without (see align.RARE_BEADS_MAX_SENTENCES).
RARE_BEADS: tuple[tuple[int, int], ...] = ((3, 3), (2, 4), (4, 2), (1, 6), (6, 1), (3, 4), (4, 3))
BEADS = COMMON_BEADS + RARE_BEADS
#: Score of a skipped sentence (a 1-0 or 0-1 bead). Negative: genuine omissions are rare,
#: and a sentence left out of a bead must cost more than a slightly worse merged bead. But
#: not too negative, or the size reward folds a dropped sentence into its neighbour's bead.
#: MAC-Dev strict F1: .9075 at -0.03, .9078 at -0.05, .9070 at -0.08 and -0.1, .9046 at 0.
SKIP = -0.05
#: Candidates kept per source sentence in the anchor pass.
TOP_K = 3
#: A candidate joins the anchor chain only when its cosine is at least this high
#: (translations score .55-.8 with USE, unrelated sentences .05-.25).
ANCHOR_FLOOR = 0.4
#: Half-width of the fill pass's window around the anchor path, in sentences.
WINDOW = 8
#: Source rows per block of the anchor pass's similarity matrix.
BLOCK_ROWS = 512

#: scorer(di, dj, i, js) → scores of the beads that take source sentences i-di..i-1 and
#: target sentences j-dj..j-1, for each end j in the array js.
BeadScorer = Callable[[int, int, int, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Link:
    """A bead of the best path: source ids, target ids (either may be empty), its score."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float


def anchor_path(src: np.ndarray, tgt: np.ndarray) -> list[tuple[int, int]]:
    """Confident 1-1 links (i, j), increasing in both, from normalised sentence vectors."""
    n, m = len(src), len(tgt)
    if not n or not m:
        return []
    k = min(TOP_K, m)
    candidates: list[tuple[int, int, float]] = []
    for start in range(0, n, BLOCK_ROWS):
        block = src[start:start + BLOCK_ROWS] @ tgt.T
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        for row, columns in enumerate(top):
            for j in columns:
                value = float(block[row, j])
                if value >= ANCHOR_FLOOR:
                    candidates.append((start + row, int(j), value))
    return _heaviest_chain(candidates, m)


def _heaviest_chain(candidates: list[tuple[int, int, float]], m: int) -> list[tuple[int, int]]:
    """The strictly increasing (i, j) chain of largest total weight (a Fenwick tree of
    prefix maxima over j: O(c log m) for c candidates)."""
    tree_value = [0.0] * (m + 1)
    tree_at = [-1] * (m + 1)
    best: list[float] = []
    parent: list[int] = []

    def query(j: int) -> tuple[float, int]:  # best chain ending in a column < j
        value, at = 0.0, -1
        while j > 0:
            if tree_value[j] > value:
                value, at = tree_value[j], tree_at[j]
            j -= j & -j
        return value, at

    def update(j: int, value: float, at: int) -> None:  # a chain ending in column j - 1
        while j <= m:
            if value > tree_value[j]:
                tree_value[j], tree_at[j] = value, at
            j += j & -j

    candidates.sort()
    index = 0
    while index < len(candidates):  # one source row at a time: no two links share a row
        row_end = index
        while row_end < len(candidates) and candidates[row_end][0] == candidates[index][0]:
            row_end += 1
        pending = []
        for c in range(index, row_end):
            _, j, weight = candidates[c]
            value, at = query(j)
            best.append(value + weight)
            parent.append(at)
            pending.append((j + 1, value + weight, c))
        for position, value, c in pending:
            update(position, value, c)
        index = row_end
    if not best:
        return []
    chain = []
    at = max(range(len(best)), key=best.__getitem__)
    while at >= 0:
        chain.append(candidates[at][:2])
        at = parent[at]
    chain.reverse()
    return chain


def window(anchors: list[tuple[int, int]], n: int, m: int, width: int = WINDOW
           ) -> tuple[list[int], list[int]]:
    """Per DP row i (0..n), the columns lo[i]..hi[i] to search: between the anchors
    around row i, widened by ``width``; monotone and overlapping, so a path always exists."""
    points = [(0, 0), *((i, j) for i, j in anchors), (n, m)]
    lo, hi = [0] * (n + 1), [m] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        for i in range(i0, min(i1, n) + 1):
            lo[i] = max(0, j0 - width) if i < i1 else lo[i]
            hi[i] = min(m, j1 + width)
    # monotone: lo from the left, hi from the right
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i], hi[i + 1])
    lo[0], hi[n] = 0, m
    for i in range(n + 1):
        lo[i] = min(lo[i], hi[i])
    return lo, hi


def fill(n: int, m: int, lo: list[int], hi: list[int], scorer: BeadScorer,
         beads: tuple[tuple[int, int], ...] = BEADS, skip: float = SKIP) -> list[Link]:
    """Best monotone bead path from (0, 0) to (n, m) within the window, row by row."""
    longest = max(max(shape) for shape in beads)
    scores: list[np.ndarray] = []
    back: list[np.ndarray] = []
    for i in range(n + 1):
        columns = np.arange(lo[i], hi[i] + 1)
        row = np.full(len(columns), -math.inf)
        row_back = np.zeros(len(columns), dtype=np.int8)
        if i == 0:
            row[columns == 0] = 0.0
        for b, (di, dj) in enumerate(beads):
            if di > i or di == 0:
                continue
            prev = scores[i - di]
            prev_lo = lo[i - di]
            starts = columns - dj
            usable = (starts >= prev_lo) & (starts <= hi[i - di])
            if not usable.any():
                continue
            total = prev[starts[usable] - prev_lo].copy()
            total += scorer(di, dj, i, columns[usable]) if dj else skip
            better = total > row[usable]
            index = np.flatnonzero(usable)[better]
            row[index] = total[better]
            row_back[index] = b
        for b, (di, dj) in enumerate(beads):
            if di == 0 and dj:
                _insert_targets(row, row_back, b, dj, skip)
        scores.append(row)
        back.append(row_back)
        if i > longest:
            scores[i - longest - 1] = np.empty(0)
    return _trace(back, lo, beads, n, m, scorer)


def _insert_targets(row: np.ndarray, row_back: np.ndarray, bead: int, dj: int,
                    skip: float) -> None:
    """0-dj beads stay within one row: cell c comes from cell c - dj of the same row, which
    may itself have come from such a bead, so the row is resolved left to right."""
    for c in range(dj, len(row)):
        candidate = row[c - dj] + skip * dj
        if candidate > row[c]:
            row[c] = candidate
            row_back[c] = bead


def _trace(back: list[np.ndarray], lo: list[int], beads: tuple[tuple[int, int], ...],
           n: int, m: int, scorer: BeadScorer) -> list[Link]:
    links = []
    i, j = n, m
    while i or j:
        di, dj = beads[int(back[i][j - lo[i]])]
        score = float(scorer(di, dj, i, np.array([j]))[0]) if di and dj else SKIP
        links.append(Link(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    links.reverse()
    return links


# ---------------------------------------------------------------- punctuation agreement

#: What the punctuation term of a bead's score compares between its two sides, in the order
#: of PUNCTUATION_WEIGHTS: one side's span starts (ends) with a quotation mark and the other's
#: does not; the difference in question marks, exclamation marks (each at most 2) and
#: quotation marks (at most 3); an ellipsis on one side only.
PUNCTUATION_FEATURES: tuple[str, ...] = (
    "quote_start", "quote_end", "question", "exclamation", "quotes", "ellipsis",
)  # fmt: skip
#: Learned on MAC-Dev by ``bench/fit_bead_scorer.py``: coordinate ascent on the strict F1 of
#: the whole search (steps of 0.02 / the feature's standard deviation over the candidate
#: beads), starting from zero. In literary text a translator keeps the dialogue's quotation
#: marks and its exclamations, so a bead whose sides disagree there usually cuts a speech in
#: the wrong place. Cross-validated by document (fit on five chapters, align the sixth):
#: MAC-Dev strict F1 .9078 -> .9167; on all six .9213. The other features got no weight.
#: Also tried on the same cross-validation, without gain: a logistic regression on every
#: candidate bead of the window (gold bead or not) with these, the cosines, the dictionary
#: similarity, the length ratio, the shape and the best cosine with a sentence just outside,
#: its log-odds summed by the search (.882); a structured perceptron over the same (.904 at
#: best); coordinate ascent over all of them (.903: it fits the five chapters and not the
#: sixth), over the length ratio and the lowest member cosine (.910), over the outside
#: cosine (.907), over the shape (.901), over these six with the length ratio and the lowest
#: member cosine (.915). MAC-Test, run once with these weights: .894 -> .898.
PUNCTUATION_WEIGHTS: tuple[float, ...] = (0.0, -0.0953, 0.0, -0.0377, -0.0344, 0.0)
#: Quotation marks that open or close dialogue, in either script.
QUOTES = "\"“”‘’「」『』«»"
#: A straight single quote is a quotation mark, not an apostrophe (I'm, Jesus'), when it
#: opens a word or closes a sentence or clause.
_SINGLE_QUOTE = re.compile(r"(?:(?<![^\s(\[—-])'(?=\S))|(?:(?<=[.,!?;:…—-])'(?!\w))")
_QUESTION = "?？"
_EXCLAMATION = "!！"
_ELLIPSIS = re.compile(r"…|\.\.\.|。。。")
#: Per sentence: starts with a quote, ends with one, question marks, exclamation marks,
#: quotation marks, ellipses.
MARKS = 6
#: The differences in counts are capped at these (question, exclamation, quotes, ellipsis).
_COUNT_CAPS = (2.0, 2.0, 3.0, 1.0)


def punctuation_marks(text: str) -> tuple[int, ...]:
    """The sentence's punctuation as the bead score compares it (see MARKS)."""
    text = text.strip()
    if not text:
        return (0,) * MARKS
    quotes = sum(text.count(c) for c in QUOTES) + len(_SINGLE_QUOTE.findall(text))
    return (int(text[0] in QUOTES or text[0] == "'"),
            int(text[-1] in QUOTES or bool(_SINGLE_QUOTE.search(text[-2:]))),
            sum(text.count(c) for c in _QUESTION), sum(text.count(c) for c in _EXCLAMATION),
            quotes, int(bool(_ELLIPSIS.search(text))))


class PunctuationAgreement:
    """The punctuation features of candidate beads (PUNCTUATION_FEATURES), vectorised over
    bead ends like a :data:`BeadScorer`; calling it gives their weighted sum."""

    def __init__(self, src_marks: np.ndarray, tgt_marks: np.ndarray,
                 weights: tuple[float, ...] = PUNCTUATION_WEIGHTS) -> None:
        src_marks = np.asarray(src_marks, dtype=np.float64).reshape(-1, MARKS)
        tgt_marks = np.asarray(tgt_marks, dtype=np.float64).reshape(-1, MARKS)
        self._src_edges, self._tgt_edges = src_marks[:, :2], tgt_marks[:, :2]
        self._src_counts = np.vstack([np.zeros((1, MARKS - 2)), np.cumsum(src_marks[:, 2:], 0)])
        self._tgt_counts = np.vstack([np.zeros((1, MARKS - 2)), np.cumsum(tgt_marks[:, 2:], 0)])
        self.weights = np.asarray(weights, dtype=np.float64)

    def features(self, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        """len(ends) × PUNCTUATION_FEATURES for the beads of source sentences i-di..i-1."""
        start = np.abs(self._tgt_edges[ends - dj, 0] - self._src_edges[i - di, 0])
        end = np.abs(self._tgt_edges[ends - 1, 1] - self._src_edges[i - 1, 1])
        src_counts = self._src_counts[i] - self._src_counts[i - di]
        tgt_counts = self._tgt_counts[ends] - self._tgt_counts[ends - dj]
        counts = np.minimum(np.abs(tgt_counts - src_counts), _COUNT_CAPS)
        return np.column_stack([start, end, counts])

    def __call__(self, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        return self.features(di, dj, i, ends) @ self.weights


# ---------------------------------------------------------------- clauses across a boundary

#: Where a sentence divides into clauses: after a comma, semicolon or colon (Chinese or
#: Latin); in English only where a space follows, so that 3,000 and 4:30 stay whole.
_ZH_CLAUSE_BREAK = re.compile(r"(?<=[，；：,;:])")
_EN_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")
#: Characters that do not count towards a Chinese clause's length.
_ZH_CLAUSE_TRIM = "，；：,;:“”\"‘’「」『』　 —"
#: A clause shorter than this (Chinese characters, English words) is no clause of its own:
#: "Yes, sir." and 他说，“…” keep their speech verb.
MIN_CLAUSE = 2
#: A bead is penalised when one of its edge clauses (the first or last clause of its first
#: or last sentence, on either side) fits the sentence just across the bead's boundary
#: better than its own bead's edge sentence, by more than CLAUSE_LEAK_FLOOR in cosine:
#: CLAUSE_LEAK_WEIGHT × (difference − floor). Translators regroup clauses, and a clause that left
#: its sentence tells where the bead's boundary lies: when 除非有重大的原因 ends one Chinese
#: sentence and "without a very important reason" opens the next English one, a cut between
#: the two 1-1 links is wrong (the gold has a 2-2). USE's sentence cosines do not see this:
#: the merged and split readings score within noise of each other. Only the edge clauses
#: count: a sentence's middle clauses may follow any of its neighbours' words.
#: Gridded on MAC-Dev (bench/explore_trials.py --leak, with RARE_BEADS): strict F1 .925
#: without, .936 at 0.3 / 0.0, .938 at 0.6 / 0.1, .939 at 0.8 / 0.15, .937 at 1.2 / 0.15,
#: .935 at 1.6 / 0.15; cross-validated by document (each fold picks its grid point on the
#: other five) .925 -> .931. The four edges together: each alone gives .920-.929 (at 0.3 / 0
#: and 0.6 / 0.1), the Chinese first clause alone loses. With the penalty in place the
#: punctuation term refitted by bench/fit_bead_scorer.py scores .927 cross-validated, as
#: much as no punctuation term (.927); PUNCTUATION_WEIGHTS, fitted before, stay.
#: Also tried on MAC-Dev in the same round, all without gain (best strict F1 of each; base
#: .921 before RARE_BEADS for the first three, .925 with them for the next two, .939 for the
#: last): the margin of bitext mining (Artetxe & Schwenk; a bead's cosine minus the mean of
#: each side's 4 best cosines in the window, for sentences or for spans of the bead's size,
#: subtracted at 0.1-1 or as a ratio, the skip score retuned: ≤ .920); transliterated names
#: found with checker.names (王琦瑶 "Wang Qiyao") agreeing across a bead (≤ .921:
#: translators move names and use pronouns); a bonus for 2-2 and larger beads whose
#: sentences' cross cosines are high (≤ .919: true merges are 21 in 1,329 links, and the
#: bonus merges more wrong neighbours than right ones); the same bonus from edge clauses
#: (≤ .923); a dictionary learnt from the first pass's own links (character bigrams to
#: English words, Dice over links) in a second pass (≤ .922); the clauses' CC-CEDICT coverage
#: of the neighbouring sentences beside or instead of their cosine (≤ .939).
CLAUSE_LEAK_FLOOR = 0.15
CLAUSE_LEAK_WEIGHT = 0.8


def edge_clauses(text: str, lang: str) -> tuple[str, str] | None:
    """The first and the last clause of a sentence that has two or more, else None."""
    if lang == "zh":
        clauses = [c for c in _ZH_CLAUSE_BREAK.split(text)
                   if len(c.strip(_ZH_CLAUSE_TRIM)) >= MIN_CLAUSE]
    else:
        clauses = [c for c in _EN_CLAUSE_BREAK.split(text) if len(c.split()) >= MIN_CLAUSE]
    return (clauses[0], clauses[-1]) if len(clauses) > 1 else None


class ClauseLeak:
    """The boundary penalty of candidate beads (see CLAUSE_LEAK_WEIGHT), vectorised over bead
    ends like a :data:`BeadScorer`.

    ``*_singles`` are the sentence vectors of one block; ``*_first`` and ``*_last`` the
    vectors of each sentence's first and last clause, zero rows where a sentence has a single
    clause (or its clauses were not embedded), which ``*_split`` marks False.
    """

    def __init__(self, src_singles: np.ndarray, tgt_singles: np.ndarray,
                 src_clauses: tuple[np.ndarray, np.ndarray, np.ndarray],
                 tgt_clauses: tuple[np.ndarray, np.ndarray, np.ndarray],
                 weight: float | None = None, floor: float | None = None) -> None:
        self._src, self._tgt = src_singles, tgt_singles
        self._src_first, self._src_last, self._src_split = src_clauses
        self._tgt_first, self._tgt_last, self._tgt_split = tgt_clauses
        self.weight = CLAUSE_LEAK_WEIGHT if weight is None else weight
        self.floor = CLAUSE_LEAK_FLOOR if floor is None else floor
        self._any_tgt_split = bool(np.any(self._tgt_split))
        self._active = self._any_tgt_split or bool(np.any(self._src_split))

    def leak(self, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        """Per bead: how much better an edge clause fits across the boundary (-1: none)."""
        n, m = len(self._src), len(self._tgt)
        starts = ends - dj
        s0 = i - di
        worst = np.full(len(ends), -1.0)
        if self._src_split[i - 1]:  # the last source clause, drawn to the next target
            after = np.minimum(ends, m - 1)
            v = self._src_last[i - 1]
            gap = self._tgt[after] @ v - self._tgt[ends - 1] @ v
            worst = np.maximum(worst, np.where(ends < m, gap, -1.0))
        if self._src_split[s0]:  # the first source clause, drawn to the previous target
            before = np.maximum(starts - 1, 0)
            v = self._src_first[s0]
            gap = self._tgt[before] @ v - self._tgt[starts] @ v
            worst = np.maximum(worst, np.where(starts > 0, gap, -1.0))
        if i < n and self._any_tgt_split:  # the last target clauses, to the next source
            last = self._tgt_last[ends - 1]
            gap = last @ self._src[i] - last @ self._src[i - 1]
            worst = np.maximum(worst, np.where(self._tgt_split[ends - 1], gap, -1.0))
        if s0 > 0 and self._any_tgt_split:  # the first target clauses, to the previous one
            first = self._tgt_first[starts]
            gap = first @ self._src[s0 - 1] - first @ self._src[s0]
            worst = np.maximum(worst, np.where(self._tgt_split[starts], gap, -1.0))
        return worst

    def __call__(self, di: int, dj: int, i: int, ends: np.ndarray) -> np.ndarray:
        if not self._active:  # a long document: no clause embedded (the search is hot)
            return np.zeros(len(ends))
        return -self.weight * np.maximum(0.0, self.leak(di, dj, i, ends) - self.floor)
