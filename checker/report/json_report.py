"""The JSON report: the schema in design.md (a contract: fields may be added, never renamed)."""

from __future__ import annotations

import json
from collections import Counter

from checker.model import Report, Severity

SCHEMA_VERSION = 1


def report_to_dict(report: Report) -> dict:
    severities = Counter(f.severity.value for f in report.findings)
    return {
        "schema": SCHEMA_VERSION,
        # format: text, markdown, html or docx; for html and docx the offsets point into
        # the extracted text (checker check --save-extracted writes it out)
        "source": {"path": report.source_label, "lang": report.source.lang,
                   "format": report.source.format},
        "target": {"path": report.target_label, "lang": report.target.lang,
                   "format": report.target.format},
        "segments": [
            {"source": list(s.src), "target": list(s.tgt), "similarity": s.similarity,
             "score": s.score}
            for s in report.segments
        ],
        "findings": [f.to_json() for f in report.findings],
        "score": {"overall": report.overall_score},
        "summary": {
            "findings": len(report.findings),
            "by_severity": {s.value: severities.get(s.value, 0) for s in Severity},
            "segments": len(report.segments),
            "source_sentences": len(report.source_sentences),
            "target_sentences": len(report.target_sentences),
            "suppressed": len(report.suppressed),  # by <!-- checker: ignore --> comments
        },
    }


def render_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
