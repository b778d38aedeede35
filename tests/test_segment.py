"""Tests for checker.segment: Chinese and English sentence splitting, offsets, paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.load import load_bilingual_file, load_document
from checker.model import Document, Sentence
from checker.segment import segment, segment_lines

SEED = Path("/work/shared/seed/000_46f80f9ef255225e.txt")


def split(text: str, lang: str) -> list[str]:
    """Segment ``text`` and check the span invariants every caller relies on."""
    doc = Document(text=text, lang=lang)
    sentences = segment(doc)
    assert_well_formed(doc, sentences)
    return [s.text for s in sentences]


def assert_well_formed(doc: Document, sentences: list[Sentence]) -> None:
    previous_end = 0
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert doc.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)
    assert all(b - a in (0, 1) for a, b in zip(paragraphs, paragraphs[1:], strict=False))
    assert not paragraphs or paragraphs[0] == 0


# ---------------------------------------------------------------- Chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雨。明天晴天！后天呢？", ["今天下雨。", "明天晴天！", "后天呢？"]),
        (
            "他说：“我们会赢。”随后离开了。",
            ["他说：“我们会赢。”", "随后离开了。"],
        ),
        ("“真的吗？”她问。", ["“真的吗？”", "她问。"]),
        ("这本书叫《活着。》很好看。", ["这本书叫《活着。》", "很好看。"]),
        ("价格上涨；销量下降。", ["价格上涨；", "销量下降。"]),
        ("他到底去了哪里？！没人知道。", ["他到底去了哪里？！", "没人知道。"]),
        ("Are you sure?是的!好的。", ["Are you sure?", "是的!", "好的。"]),
        # an ellipsis inside a sentence does not split; one before a new quote or space does
        ("苹果、香蕉……都很好吃。", ["苹果、香蕉……都很好吃。"]),
        ("他沉默了……“你好。”", ["他沉默了……", "“你好。”"]),
        ("他沉默了…… 过了很久才开口。", ["他沉默了……", "过了很久才开口。"]),
        ("等一等......然后呢？", ["等一等......然后呢？"]),
        ("结束了……。新的开始。", ["结束了……。", "新的开始。"]),
        # punctuation that continues the sentence after a terminator
        ("“好！”，他说。", ["“好！”，他说。"]),
        ("“走吧！”“不！”", ["“走吧！”", "“不！”"]),
        # embedded English, decimals and URLs
        (
            "英伟达（NVIDIA）的H20芯片售价为4.5万元。美国于4月禁售H20。",
            ["英伟达（NVIDIA）的H20芯片售价为4.5万元。", "美国于4月禁售H20。"],
        ),
        ("美国（U.S.）政府宣布。随后生效。", ["美国（U.S.）政府宣布。", "随后生效。"]),
        ("访问http://a.com/x?id=5了解详情。", ["访问http://a.com/x?id=5了解详情。"]),
        ('他说："我们会赢。"随后离开了。', ['他说："我们会赢。"', "随后离开了。"]),
        ("没有标点的标题", ["没有标点的标题"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert split(text, "zh") == expected


def test_chinese_newlines_split_and_make_paragraphs() -> None:
    text = "第一段第一句。第一段第二句。\n第二段。\r\n\r\n\n第三段没有句号\n"
    doc = Document(text, "zh")
    sentences = segment(doc)
    assert_well_formed(doc, sentences)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("第一段第一句。", 0),
        ("第一段第二句。", 0),
        ("第二段。", 1),
        ("第三段没有句号", 2),
    ]


def test_english_line_in_chinese_document_uses_english_rules() -> None:
    text = "黄仁勋接受采访。\nSource: Reuters. Photo by J. Smith. All rights reserved."
    assert split(text, "zh") == [
        "黄仁勋接受采访。",
        "Source: Reuters.",
        "Photo by J. Smith.",
        "All rights reserved.",
    ]


# ---------------------------------------------------------------- English


# Each case is the text with " | " where a sentence boundary must fall.
ENGLISH_CASES = [
    "It rained. | Then it stopped! | Did it? | Yes.",
    # abbreviations
    "The U.S. government agreed. | It acted.",
    "The U.S. Commerce Department said so.",
    "China lags behind the U.S. | He said so.",
    "He visited the U.K. and the E.U. last year.",
    "The U.N. Security Council met.",
    "It happened on Sept. 26 in Beijing.",
    "See Sep. 3, Oct. 4 and Dec. 25.",
    "Apple Inc. reported results. | The stock rose.",
    "He works for Apple Inc. | The company is big.",
    "Samsung Co. Ltd. Chairman Lee spoke.",
    "Dr. Smith met Mr. Lee and Mrs. Wang.",
    "Prof. Li and Gov. Newsom met Sen. Paul.",
    "He lives at No. 5 in St. Louis. | It is far.",
    "Room No. 5 is here. | No. | It is not.",
    "Buy fruit, e.g. Apples, i.e. Fuji ones.",
    "Apples, pears, etc. are sold. | Prices vary.",
    "We bought apples, pears, etc. | Then we left.",
    "Martin Luther King Jr. said so.",
    "China vs. the U.S. is a rivalry.",
    "It dates to the late Shang Dynasty (c. 1600-1046 BC). | Bronzes were found.",
    "He took vitamin c. | It helped.",
    # times
    "We met at 3 p.m. | The meeting ran late.",
    "We met at 9 a.m. on Monday.",
    # numbers and initials
    "NVIDIA lost $4.5 billion. | It recovered.",
    "Version 2.0.1 shipped in 2024. | Sales rose 3.5%.",
    "J. K. Rowling wrote it.",
    "Jensen H. Huang spoke. | He smiled.",
    "It grew. | 2024 was a good year.",
    "It cost 5 yuan. | $5 is cheap.",
    # quotations
    'He said, "We will win." | Next day he left.',
    '"Why?" he asked. | "Because."',
    "\u201cWe will win.\u201d | He left.",
    "It is over. | \u201cReally?\u201d she asked.",
    "He said (quietly.) | Then left.",
    "They called it 'fine.' | Nobody agreed.",
    # ellipses: not inside an open quotation, unless the quotation closes
    '"These claims sound absurd... China is now only a few nanoseconds behind the U.S., so we '
    'must compete," he emphasized.',
    "He paused... | Then he left.",
    "He paused\u2026 | Then he left.",
    "It was... fine.",
    '"I wonder..." | She stopped.',
    # no split without whitespace, or before lowercase
    "Visit example.com today. | Or not.",
    "What? no way.",
    "No terminator at the end",
]


@pytest.mark.parametrize("case", ENGLISH_CASES)
def test_english(case: str) -> None:
    assert split(case.replace(" | ", " "), "en") == case.split(" | ")


def test_english_quoted_speech_after_acronym_splits() -> None:
    text = (
        'He heard claims that "China is two to three years behind the U.S." "These claims sound '
        'absurd... China is now only a few nanoseconds behind the U.S., so we must compete," he '
        "emphasized."
    )
    assert split(text, "en") == [
        'He heard claims that "China is two to three years behind the U.S."',
        '"These claims sound absurd... China is now only a few nanoseconds behind the U.S., so we '
        'must compete," he emphasized.',
    ]


def test_english_caption_line() -> None:
    text = 'Jensen Huang was interviewed on the podcast "BG2" on the 26th. Source: Screenshot'
    assert split(text, "en") == [
        'Jensen Huang was interviewed on the podcast "BG2" on the 26th.',
        "Source: Screenshot",
    ]


def test_chinese_line_in_english_document_uses_chinese_rules() -> None:
    text = "An English line. Another.\n中文原文如下。第二句。"
    assert split(text, "en") == ["An English line.", "Another.", "中文原文如下。", "第二句。"]


# ---------------------------------------------------------------- layout and offsets


def test_markdown_markers_are_stripped_with_correct_offsets() -> None:
    text = (
        "# Heading one\n"
        "\n"
        "- First item. Second sentence.\n"
        "* Star item\n"
        "> Quoted text. More.\n"
        "1. Numbered item\n"
        "12) Another numbered item\n"
        "---\n"
        "  ## 小标题\n"
        "**Bold** stays.\n"
    )
    doc = Document(text, "en")
    sentences = segment(doc)
    assert_well_formed(doc, sentences)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Heading one", 0),
        ("First item.", 1),
        ("Second sentence.", 1),
        ("Star item", 2),
        ("Quoted text.", 3),
        ("More.", 3),
        ("Numbered item", 4),
        ("Another numbered item", 5),
        ("小标题", 6),
        ("**Bold** stays.", 7),
    ]


def test_number_at_line_start_is_not_a_list_marker_without_space() -> None:
    assert split("1.5 billion people live there.", "en") == ["1.5 billion people live there."]


def test_crlf_and_surrounding_whitespace_excluded() -> None:
    text = "  First sentence.   Second one.  \r\n\r\n\t Third.\r\n"
    doc = Document(text, "en")
    sentences = segment(doc)
    assert_well_formed(doc, sentences)
    assert [s.text for s in sentences] == ["First sentence.", "Second one.", "Third."]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert sentences[0].start == 2


def test_empty_and_punctuation_only_documents() -> None:
    assert split("", "en") == []
    assert split("\n\n  \n", "zh") == []
    assert split("***\n---\n。。。", "zh") == []


def test_fullwidth_space_is_whitespace() -> None:
    assert split("\u3000\u3000第一句。第二句。\u3000", "zh") == ["第一句。", "第二句。"]


# ---------------------------------------------------------------- segment_lines


def test_segment_lines() -> None:
    text = "  第一句。 \n第二句。第三句。\n\t"
    cells, offset = [], 0
    for line in text.split("\n"):
        cells.append((offset, offset + len(line)))
        offset += len(line) + 1
    doc = Document(text, "zh")
    sentences = segment_lines(doc, cells)
    assert [(s.index, s.text, s.paragraph) for s in sentences] == [
        (0, "第一句。", 0),
        (1, "第二句。第三句。", 1),
        (2, "", 2),
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert sentences[0].start == 2
    assert sentences[2].start == sentences[2].end == cells[2][0]


def test_segment_lines_from_tsv(tmp_path: Path) -> None:
    path = tmp_path / "m.tsv"
    path.write_text("zh\ten\n今天下雨。明天晴。\tIt rains today. Sunny tomorrow.\n\n好。\tGood.\n")
    pair = load_bilingual_file(path)
    source = segment_lines(pair.source, pair.source_cells)
    target = segment_lines(pair.target, pair.target_cells)
    assert [s.text for s in source] == ["今天下雨。明天晴。", "好。"]
    assert [s.text for s in target] == ["It rains today. Sunny tomorrow.", "Good."]
    assert [s.paragraph for s in target] == [0, 1]


@pytest.mark.parametrize("cell", [(-1, 3), (2, 1), (0, 99)])
def test_segment_lines_rejects_bad_cells(cell: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="cell"):
        segment_lines(Document("short text", "en"), [cell])


def test_segment_lines_empty() -> None:
    assert segment_lines(Document("x", "en"), []) == []


# ---------------------------------------------------------------- real text and speed


@pytest.mark.skipif(not SEED.exists(), reason="seed article not available")
def test_seed_article() -> None:
    doc = load_document(SEED)
    sentences = segment(doc)
    assert_well_formed(doc, sentences)
    for sentence in sentences:
        print(sentence.index, sentence.paragraph, sentence.text)
    texts = [s.text for s in sentences]
    assert 18 <= len(texts) <= 24
    assert len({s.paragraph for s in sentences}) == 9
    assert 'Jensen Huang was interviewed on the podcast "BG2" on the 26th.' in texts
    assert "Source: Screenshot from the video" in texts
    quote = (
        '"These claims sound absurd... China is now only a few nanoseconds behind the U.S., so we '
        'must compete," he emphasized.'
    )
    assert quote in texts
    assert texts[0] == "Can China not make AI chips?"
    assert any(t.startswith("He called on the U.S. government") for t in texts)
    assert not any(
        t.endswith(("U.S.", " Inc.", " Dr.", " Sept.")) for t in texts[:-1] if '"' not in t
    )


def test_long_english_document() -> None:
    line = (
        'Dr. Huang of NVIDIA Corp. said on Sept. 26 that the U.S. lost $4.5 billion. "It is '
        'absurd... we must compete," he said. Sales rose 3.5% in 2024!'
    )
    doc = Document("\n".join([line] * 2000), "en")
    sentences = segment(doc)
    assert len(sentences) == 6000
    assert all(doc.text[s.start:s.end] == s.text for s in sentences)


def test_long_chinese_document() -> None:
    line = (
        "英伟达（NVIDIA）创始人黄仁勋表示：“中国只落后几纳秒。”"
        + "美国应放宽限制；允许竞争！真的吗？"
    )
    doc = Document("\n".join([line] * 2000), "zh")
    sentences = segment(doc)
    assert len(sentences) == 8000
    assert all(doc.text[s.start:s.end] == s.text for s in sentences)
