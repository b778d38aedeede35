"""The HTML report: one self-contained page for an editor — a summary, filters, and the two
texts side by side by aligned segment with every finding highlighted in both languages.

Nothing is fetched: the style and the script are inline, and a Content-Security-Policy
allows only those two (by hash), so even a document whose text looked like markup could
neither run a script nor load an image. All text from the documents, the findings and the
file names is escaped. Without JavaScript the page shows every finding; the filters
(severity, category, only segments with findings) need the script.

``render_index`` renders the page that links a batch's reports.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from checker.model import (
    CATEGORIES,
    LANGUAGE_NAMES,
    Finding,
    Report,
    Sentence,
    Severity,
    Span,
)

SEVERITIES = tuple(Severity)  # critical first

STYLE = """
:root { --ink: #1d2430; --muted: #5f6b7a; --line: #d9dee5; --paper: #ffffff;
  --wash: #f4f6f9; --critical: #b3261e; --critical-bg: #fde2df; --major: #c25100;
  --major-bg: #ffe8cc; --minor: #8a6d00; --minor-bg: #fff4b8; --info: #1f5fa8;
  --info-bg: #dcebfb; --good: #1e7b34; --fair: #8a6d00; --poor: #b3261e; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: var(--wash); line-height: 1.55;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
a { color: var(--info); }
.wrap { max-width: 1440px; margin: 0 auto; padding: 0 24px; }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 0 14px; }
header.top h1 { margin: 0 0 4px; font-size: 1.45rem; font-weight: 650; }
.files { margin: 0; color: var(--muted); word-break: break-all; }
.files b { color: var(--ink); font-weight: 600; }
.back { display: inline-block; margin-bottom: 6px; font-size: .9rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr));
  gap: 14px; margin: 18px auto; align-items: start; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 14px 16px; }
.card h2 { margin: 0 0 6px; font-size: .8rem; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); font-weight: 600; }
.big { font-size: 2rem; font-weight: 700; line-height: 1.1; }
.big small { font-size: 1rem; color: var(--muted); font-weight: 500; }
.good { color: var(--good); } .fair { color: var(--fair); } .poor { color: var(--poor); }
.counts { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: .82rem;
  font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.pill.sev-critical { color: var(--critical); background: var(--critical-bg); }
.pill.sev-major { color: var(--major); background: var(--major-bg); }
.pill.sev-minor { color: var(--minor); background: var(--minor-bg); }
.pill.sev-info { color: var(--info); background: var(--info-bg); }
.pill.plain { color: var(--muted); background: var(--wash); border-color: var(--line); }
.rules-table { width: 100%; border-collapse: collapse; font-size: .88rem; }
.rules-table td { padding: 2px 6px 2px 0; vertical-align: top; }
.rules-table td.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.sticky { position: sticky; top: 0; z-index: 5; background: var(--wash);
  border-bottom: 1px solid var(--line); margin-bottom: 10px; }
.filters { padding: 10px 0 8px; border-bottom: 1px solid var(--line); }
.filters .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 18px; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap;
  align-items: center; gap: 6px; }
.filters legend { float: left; margin-right: 4px; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .06em; color: var(--muted); font-weight: 600; }
.filters label { cursor: pointer; user-select: none; }
.filters label.pill { border-color: var(--line); }
.filters input[type=checkbox] { margin: 0 4px 0 0; vertical-align: -2px; }
.filters label.pill:has(input:not(:checked)) { opacity: .45; background: var(--paper);
  text-decoration: line-through; }
#shown { margin-left: auto; color: var(--muted); font-size: .9rem; }
.note { background: var(--info-bg); border-radius: 8px; padding: 8px 12px; }
.columns, .seg { display: grid; grid-template-columns: 64px 1fr 1fr; gap: 0 20px; }
.columns { padding: 6px 17px; font-size: .82rem; color: var(--muted); font-weight: 600;
  text-transform: uppercase; letter-spacing: .05em; }
.columns span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.seg { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 12px 16px; margin: 0 0 10px; }
.seg.worst-critical { box-shadow: inset 5px 0 0 var(--critical); }
.seg.worst-major { box-shadow: inset 5px 0 0 var(--major); }
.seg.worst-minor { box-shadow: inset 5px 0 0 var(--minor); }
.seg.worst-info { box-shadow: inset 5px 0 0 var(--info); }
.seg-head { display: flex; flex-direction: column; align-items: flex-start; gap: 4px;
  font-size: .85rem; color: var(--muted); }
.seg-head a { color: var(--muted); text-decoration: none; font-weight: 600; }
.seg-score { font-variant-numeric: tabular-nums; font-weight: 600; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.02rem; }
.text:lang(zh) { font-size: 1.08rem; line-height: 1.75; }
.text .empty { color: var(--muted); font-style: italic; }
mark.hl { color: inherit; border-radius: 3px; padding: 0 1px; border-bottom: 2px solid; }
mark.sev-critical { background: var(--critical-bg); border-color: var(--critical); }
mark.sev-major { background: var(--major-bg); border-color: var(--major); }
mark.sev-minor { background: var(--minor-bg); border-color: var(--minor); }
mark.sev-info { background: var(--info-bg); border-color: var(--info); }
mark.off { background: none; border-color: transparent; }
mark.focus { outline: 2px solid var(--ink); outline-offset: 1px; }
a.ref { font-size: .68rem; font-weight: 700; vertical-align: super; line-height: 0;
  text-decoration: none; margin: 0 1px; font-family: system-ui, sans-serif; }
a.ref.sev-critical { color: var(--critical); } a.ref.sev-major { color: var(--major); }
a.ref.sev-minor { color: var(--minor); } a.ref.sev-info { color: var(--info); }
ol.findings { grid-column: 2 / 4; list-style: none; margin: 10px 0 0; padding: 6px 0 0;
  border-top: 1px dashed var(--line); display: flex; flex-direction: column; gap: 2px; }
.seg.quiet ol.findings { display: none; }
li.finding { display: grid; grid-template-columns: auto auto auto 1fr; gap: 2px 8px;
  align-items: baseline; padding: 6px; border-radius: 6px; }
li.finding:target, li.finding.focus { background: var(--wash); }
li.finding, .seg { scroll-margin-top: 140px; }
.fnum { font-weight: 700; font-variant-numeric: tabular-nums; }
.fnum.sev-critical { color: var(--critical); } .fnum.sev-major { color: var(--major); }
.fnum.sev-minor { color: var(--minor); } .fnum.sev-info { color: var(--info); }
code.rule { font: 600 .85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  background: var(--wash); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; }
.fbody { grid-column: 4; }
.fmeta { color: var(--muted); font-size: .85rem; }
.fmsg { margin: 2px 0 0; }
.fsugg { margin: 2px 0 0; }
.fsugg b { color: var(--good); font-weight: 600; }
.fsugg span { background: #e3f4e6; border-radius: 3px; padding: 0 4px; }
.doc-wide { margin: 0 0 10px; }
.doc-wide h2 { font-size: 1rem; margin: 0 0 4px; }
footer { color: var(--muted); font-size: .85rem; padding: 18px 0 30px; }
table.index { width: 100%; border-collapse: collapse; background: var(--paper);
  border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
table.index th, table.index td { padding: 8px 12px; border-bottom: 1px solid var(--line);
  text-align: left; vertical-align: top; }
table.index th { background: var(--wash); font-size: .8rem; text-transform: uppercase;
  letter-spacing: .05em; color: var(--muted); }
table.index .n { text-align: right; font-variant-numeric: tabular-nums; }
table.index td.pair { word-break: break-all; }
table.index tr.error td { background: #fff7f6; }
@media (max-width: 820px) {
  .columns { display: none; }
  .seg { grid-template-columns: 1fr; gap: 8px; }
  ol.findings { grid-column: 1; }
  .seg-head { flex-direction: row; }
}
@media print { .sticky { position: static; } .filters { display: none; }
  .seg { break-inside: avoid; } }
"""

SCRIPT = """
(function () {
  "use strict";
  var RANK = {critical: 3, major: 2, minor: 1, info: 0};
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var all = function (selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  };
  var findings = all("li.finding"), marks = all("mark[data-f]"), refs = all("a.ref[data-f]");
  var segments = all("section.seg"), counter = document.getElementById("shown");
  var only = document.getElementById("only-findings");
  function checked(name) {
    var on = {};
    all("#filters input[name=" + name + "]").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function apply() {
    var severity = checked("severity"), category = checked("category"), active = {};
    var shown = 0;
    findings.forEach(function (item) {
      var on = severity[item.dataset.severity] === true && category[item.dataset.category] === true;
      item.hidden = !on;
      if (on) { active[item.dataset.id] = item.dataset.severity; shown += 1; }
    });
    marks.forEach(function (mark) {
      var best = null;
      mark.dataset.f.split(" ").forEach(function (id) {
        var level = active[id];
        if (level && (best === null || RANK[level] > RANK[best])) { best = level; }
      });
      mark.className = best ? "hl sev-" + best : "hl off";
    });
    refs.forEach(function (ref) { ref.hidden = !active[ref.dataset.f]; });
    segments.forEach(function (segment) {
      var worst = null;
      Array.prototype.forEach.call(segment.querySelectorAll("li.finding"), function (item) {
        var level = item.hidden ? null : item.dataset.severity;
        if (level && (worst === null || RANK[level] > RANK[worst])) { worst = level; }
      });
      Object.keys(RANK).forEach(function (level) {
        segment.classList.toggle("worst-" + level, level === worst);
      });
      segment.classList.toggle("quiet", worst === null);
      segment.hidden = only.checked && worst === null;
    });
    counter.textContent = "Showing " + shown + " of " + findings.length + " findings";
  }
  function focus(id, on) {
    marks.forEach(function (mark) {
      if (mark.dataset.f.split(" ").indexOf(id) >= 0) { mark.classList.toggle("focus", on); }
    });
    var item = document.getElementById("f" + id);
    if (item) { item.classList.toggle("focus", on); }
  }
  function hover(event, on) {
    var node = event.target.closest ? event.target.closest("li.finding, a.ref") : null;
    if (node) { focus(node.dataset.id || node.dataset.f, on); }
  }
  document.addEventListener("mouseover", function (event) { hover(event, true); });
  document.addEventListener("mouseout", function (event) { hover(event, false); });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
"""


def _csp() -> str:
    """Only this page's own style and script, by hash; nothing from anywhere else."""
    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")

    return (f"default-src 'none'; style-src 'sha256-{digest(STYLE)}'; "
            f"script-src 'sha256-{digest(SCRIPT)}'; img-src 'none'; base-uri 'none'; "
            "form-action 'none'")


def _page(title: str, body: str, script: bool) -> str:
    scripts = f"<script>{SCRIPT}</script>\n" if script else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_csp()}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"color-scheme\" content=\"light\">\n"
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            f"{body}\n{scripts}</body>\n</html>\n")


def score_class(score: float) -> str:
    return "good" if score >= 80 else "fair" if score >= 65 else "poor"


def _number(value: float) -> str:
    return f"{value:g}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# ---------------------------------------------------------------- one report


@dataclass(frozen=True)
class _Mark:
    """A finding's span on one side, numbered as on the page."""

    number: int
    span: Span
    severity: Severity
    tip: str  # the hover text: number, rule and message


def render_html(report: Report, index_href: str | None = None, tool: str = "checker") -> str:
    """The report as one HTML page; ``index_href`` adds a link back to a batch's index."""
    numbered = list(enumerate(report.findings, start=1))
    source_name = report.source_label or report.source.path or "source"
    target_name = report.target_label or report.target.path or "target"
    title = f"{tool}: {source_name} ↔ {target_name} — score {_number(report.overall_score)}"
    parts = [
        _header(report, source_name, target_name, index_href),
        '<div class="wrap">',
        _summary(report),
        "</div>",
        '<div class="sticky">',
        _filters(report.findings),
        f'<div class="wrap">{_columns(report, source_name, target_name)}</div>',
        "</div>",
        '<main class="wrap" id="segments">',
        _document_wide([(n, f) for n, f in numbered if f.segment is None]),
        _segments(report, numbered),
        "</main>",
        f'<footer class="wrap">Made by {escape(tool)}. Scores run from 0 to 100 '
        "(100: nothing found). Offsets and rule codes are those of the JSON report.</footer>",
    ]
    return _page(title, "\n".join(p for p in parts if p), script=True)


def _header(report: Report, source_name: str, target_name: str, index_href: str | None) -> str:
    back = (f'<a class="back" href="{escape(index_href)}">← All reports</a><br>'
            if index_href else "")
    return (f'<header class="top"><div class="wrap">{back}<h1>Translation check</h1>'
            f'<p class="files">{_side_label(report.source.lang, source_name)} ↔ '
            f'{_side_label(report.target.lang, target_name)}</p></div></header>')


def _side_label(lang: str, name: str) -> str:
    language = LANGUAGE_NAMES.get(lang, lang)
    return f"<b>{escape(name)}</b> ({escape(language)})"


def _summary(report: Report) -> str:
    findings = report.findings
    severities = Counter(f.severity for f in findings)
    flagged = {f.segment for f in findings if f.segment is not None}
    score = report.overall_score
    severity_pills = "".join(
        f'<li class="pill sev-{s.value}">{severities[s]} {s.value}</li>'
        for s in SEVERITIES if severities[s])
    cards = [
        f'<div class="card"><h2>Score</h2><div class="big {score_class(score)}" id="score">'
        f'{_number(score)}<small> / 100</small></div>'
        '<div class="muted">length-weighted over the segments</div></div>',
        f'<div class="card"><h2>Findings</h2><div class="big" id="finding-count">'
        f'{len(findings)}</div><ul class="counts">{severity_pills or "<li>none</li>"}</ul></div>',
        f'<div class="card"><h2>Segments</h2><div class="big">{len(flagged)}<small> of '
        f'{len(report.segments)} flagged</small></div><div class="muted">'
        f'{len(report.source_sentences)} {escape(report.source.lang)} / '
        f'{_plural(len(report.target_sentences), escape(report.target.lang) + " sentence")}'
        '</div></div>',
    ]
    if findings:
        cards.append(_rules_card(findings))
    return f'<section class="summary" aria-label="Summary">{"".join(cards)}</section>'


def _rules_card(findings: Sequence[Finding]) -> str:
    by_rule = Counter((f.rule, f.name) for f in findings)
    rows = "".join(
        f'<tr><td><code class="rule">{escape(rule)}</code></td><td>{escape(name)}</td>'
        f'<td class="n">{count}</td></tr>'
        for (rule, name), count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])))
    return f'<div class="card"><h2>By rule</h2><table class="rules-table">{rows}</table></div>'


def _filters(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    severities = Counter(f.severity for f in findings)
    categories = Counter(f.category for f in findings)
    severity_boxes = "".join(
        f'<label class="pill sev-{s.value}"><input type="checkbox" name="severity" '
        f'value="{s.value}" checked>{s.value} {severities[s]}</label>'
        for s in SEVERITIES if severities[s])
    ordered = [c for c in CATEGORIES if c in categories]
    ordered += sorted(c for c in categories if c not in CATEGORIES)
    category_boxes = "".join(
        f'<label class="pill plain"><input type="checkbox" name="category" '
        f'value="{escape(c)}" checked>{escape(c)} {categories[c]}</label>' for c in ordered)
    return (
        '<form class="filters" id="filters" hidden><div class="wrap">'
        f"<fieldset><legend>Severity</legend>{severity_boxes}</fieldset>"
        f"<fieldset><legend>Category</legend>{category_boxes}</fieldset>"
        '<label><input type="checkbox" id="only-findings">Only segments with findings</label>'
        f'<span id="shown" aria-live="polite">Showing {len(findings)} of {len(findings)} '
        "findings</span></div></form>\n"
        '<noscript><div class="wrap"><p class="note">The filters need JavaScript; every finding '
        "is shown.</p></div></noscript>")


def _columns(report: Report, source_name: str, target_name: str) -> str:
    return ('<div class="columns" aria-hidden="true"><span>#</span>'
            f'<span>{escape(LANGUAGE_NAMES.get(report.source.lang, report.source.lang))} · '
            f'{escape(source_name)}</span>'
            f'<span>{escape(LANGUAGE_NAMES.get(report.target.lang, report.target.lang))} · '
            f'{escape(target_name)}</span></div>')


def _document_wide(numbered: list[tuple[int, Finding]]) -> str:
    if not numbered:
        return ""
    items = "".join(_finding_item(n, f) for n, f in numbered)
    worst = _worst(f for _, f in numbered)
    return (f'<section class="seg worst-{worst} doc-wide" id="document">'
            '<div class="seg-head">all</div><h2>Across the document</h2><div></div>'
            f'<ol class="findings">{items}</ol></section>')


def _worst(findings: Iterable[Finding]) -> str:
    return max((f.severity for f in findings), key=lambda s: s.rank).value


def _segments(report: Report, numbered: list[tuple[int, Finding]]) -> str:
    source_marks = [_Mark(n, f.source, f.severity, _tip(n, f)) for n, f in numbered if f.source]
    target_marks = [_Mark(n, f.target, f.severity, _tip(n, f)) for n, f in numbered if f.target]
    by_segment: dict[int, list[tuple[int, Finding]]] = {}
    for number, finding in numbered:
        if finding.segment is not None:
            by_segment.setdefault(finding.segment, []).append((number, finding))
    rows = []
    for index, segment in enumerate(report.segments):
        source = [report.source_sentences[i] for i in segment.src]
        target = [report.target_sentences[i] for i in segment.tgt]
        rows.append(_segment(index, segment.score, by_segment.get(index, []),
                             _side(source, source_marks, report.source.lang),
                             _side(target, target_marks, report.target.lang)))
    return "\n".join(rows)


def _segment(index: int, score: float, findings: list[tuple[int, Finding]], source: str,
             target: str) -> str:
    classes = ["seg"]
    if findings:
        classes.append(f"worst-{_worst(f for _, f in findings)}")
    else:
        classes.append("quiet")
    items = "".join(_finding_item(n, f) for n, f in findings)
    listing = f'<ol class="findings">{items}</ol>' if items else ""
    score_html = (f'<span class="seg-score {score_class(score)}" title="segment score">'
                  f"{_number(score)}</span>" if score < 100 else "")
    return (f'<section class="{" ".join(classes)}" id="s{index + 1}">'
            f'<div class="seg-head"><a href="#s{index + 1}">{index + 1}</a>{score_html}</div>'
            f"{source}{target}{listing}</section>")


def _side(sentences: list[Sentence], marks: list[_Mark], lang: str) -> str:
    if not sentences:
        text = '<span class="empty">(nothing aligned here)</span>'
    else:
        text = " ".join(_sentence(s, marks) for s in sentences)
    return f'<div class="text" lang="{escape(lang)}">{text}</div>'


def _sentence(sentence: Sentence, marks: list[_Mark]) -> str:
    """The sentence with each finding's span marked; overlapping spans split it into pieces,
    each marked with every finding that covers it (coloured by the worst)."""
    start, end = sentence.start, sentence.end
    inside = [m for m in marks if (m.span.start < end and start < m.span.end)
              or (m.span.start == m.span.end and start <= m.span.start <= end)]
    cuts = sorted({start, end, *(max(m.span.start, start) for m in inside),
                   *(min(m.span.end, end) for m in inside)})
    html = []
    for left, right in zip(cuts, cuts[1:] + [None], strict=True):
        # the number of each finding whose span ends here, right after its last character
        html.extend(_reference(m) for m in inside if m.span.end == left)
        if right is not None and left < right:
            piece = escape(sentence.text[left - start : right - start])
            covering = [m for m in inside if m.span.start <= left and right <= m.span.end]
            html.append(_marked(piece, covering) if covering else piece)
    return "".join(html)


def _tip(number: int, finding: Finding) -> str:
    return f"{number}. {finding.rule} {finding.severity.value}: {finding.message}"


def _marked(piece: str, covering: list[_Mark]) -> str:
    worst = max((m.severity for m in covering), key=lambda s: s.rank)
    numbers = " ".join(str(m.number) for m in covering)
    tip = "\n".join(m.tip for m in covering)
    return (f'<mark class="hl sev-{worst.value}" data-f="{numbers}" title="{escape(tip)}">'
            f"{piece}</mark>")


def _reference(mark: _Mark) -> str:
    return (f'<a class="ref sev-{mark.severity.value}" href="#f{mark.number}" '
            f'data-f="{mark.number}">{mark.number}</a>')


def _finding_item(number: int, finding: Finding) -> str:
    severity = finding.severity.value
    suggestion = (f'<p class="fsugg"><b>Suggestion:</b> <span>{escape(finding.suggestion)}'
                  "</span></p>" if finding.suggestion else "")
    return (f'<li class="finding" id="f{number}" data-id="{number}" data-severity="{severity}" '
            f'data-category="{escape(finding.category)}">'
            f'<span class="fnum sev-{severity}">{number}</span>'
            f'<span class="pill sev-{severity}">{severity}</span>'
            f'<code class="rule" title="{escape(finding.name)}">{escape(finding.rule)}</code>'
            f'<div class="fbody"><span class="fmeta">{escape(finding.name)} · '
            f'{escape(finding.category)}</span><p class="fmsg">{escape(finding.message)}</p>'
            f"{suggestion}</div></li>")


# ---------------------------------------------------------------- a batch's index


@dataclass(frozen=True)
class IndexEntry:
    """One job of a batch: its report page (or its error), score and counts."""

    source: str
    target: str
    href: str | None = None  # the report page, relative to the index
    score: float | None = None
    severities: tuple[tuple[str, int], ...] = ()  # (severity, count), critical first
    error: str | None = None
    lines: tuple[int, ...] = ()  # a chunk of a bilingual file: first and last line
    note: str | None = None  # e.g. why a report has no page


def render_index(entries: Iterable[IndexEntry], title: str = "Batch report",
                 tool: str = "checker") -> str:
    """The page that lists a batch's reports, the worst first, with links to each page."""
    rows = sorted(entries, key=_index_order)
    reports = [e for e in rows if e.error is None]
    errors = len(rows) - len(reports)
    totals: Counter[str] = Counter()
    for entry in reports:
        totals.update(dict(entry.severities))
    mean = sum(e.score or 0 for e in reports) / len(reports) if reports else None
    pills = "".join(f'<li class="pill sev-{s.value}">{totals[s.value]} {s.value}</li>'
                    for s in SEVERITIES if totals[s.value])
    cards = [
        f'<div class="card"><h2>Reports</h2><div class="big">{len(reports)}</div>'
        f'<div class="muted">{_plural(errors, "error")}</div></div>',
        '<div class="card"><h2>Mean score</h2><div class="big '
        f'{score_class(mean) if mean is not None else ""}">'
        f'{"–" if mean is None else _number(round(mean, 1))}<small> / 100</small></div></div>',
        f'<div class="card"><h2>Findings</h2><div class="big">{sum(totals.values())}</div>'
        f'<ul class="counts">{pills or "<li>none</li>"}</ul></div>',
    ]
    body = "\n".join([
        f'<header class="top"><div class="wrap"><h1>{escape(title)}</h1>'
        f'<p class="files">{_plural(len(rows), "job")}, the lowest score first</p>'
        "</div></header>",
        '<main class="wrap">',
        f'<section class="summary" aria-label="Summary">{"".join(cards)}</section>',
        _index_table(rows),
        "</main>",
        f'<footer class="wrap">Made by {escape(tool)}.</footer>',
    ])
    return _page(title, body, script=False)


def _index_order(entry: IndexEntry) -> tuple:
    # errors first (nothing was checked), then the lowest scores
    return (entry.error is None, entry.score if entry.score is not None else 0.0,
            entry.source, entry.target, entry.lines)


def _index_table(rows: list[IndexEntry]) -> str:
    head = ('<tr><th>Pair</th><th class="n">Score</th><th class="n">Findings</th>'
            + "".join(f'<th class="n">{s.value}</th>' for s in SEVERITIES) + "</tr>")
    body = "".join(_index_row(entry) for entry in rows)
    return f'<table class="index" id="reports"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _index_row(entry: IndexEntry) -> str:
    pair = escape(entry.source) if entry.source == entry.target else (
        f"{escape(entry.source)} ↔ {escape(entry.target)}")
    if entry.lines:
        first, last = entry.lines[0], entry.lines[-1]
        where = f"line {first}" if first == last else f"lines {first}–{last}"
        pair += f' <span class="muted">({where})</span>'
    if entry.href:
        pair = f'<a href="{escape(entry.href)}">{pair}</a>'
    if entry.error is not None:
        return (f'<tr class="error"><td class="pair">{pair}</td>'
                f'<td colspan="{2 + len(SEVERITIES)}"><span class="pill sev-critical">error'
                f"</span> {escape(entry.error)}</td></tr>")
    counts = dict(entry.severities)
    score = entry.score if entry.score is not None else 0.0
    cells = "".join(f'<td class="n">{counts.get(s.value, 0) or ""}</td>' for s in SEVERITIES)
    if entry.note:
        pair += f'<br><span class="muted">{escape(entry.note)}</span>'
    return (f'<tr><td class="pair">{pair}</td>'
            f'<td class="n {score_class(score)}">{_number(score)}</td>'
            f'<td class="n">{sum(counts.values())}</td>{cells}</tr>')
