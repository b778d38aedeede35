"""The CC-CEDICT-derived lexicon: glosses, segmentation, English normalisation."""

from __future__ import annotations

import time

from checker import lexicon


def test_load_time_is_reported() -> None:
    lexicon._lexicon.cache_clear()
    start = time.perf_counter()
    size = lexicon.load_lexicon()
    print(f"\nlexicon: {size} keys loaded in {time.perf_counter() - start:.3f} s")
    assert size > 100_000


def test_company_name_gloss() -> None:
    assert "nvidia" in lexicon.english_glosses("英伟达")


def test_glosses_are_normalised_like_english_text() -> None:
    glosses = lexicon.english_glosses("出口")
    assert "export" in glosses
    assert set(lexicon.en_content_words("exports exported exporting")) == {"export"}


def test_unknown_word_has_no_glosses() -> None:
    assert lexicon.english_glosses("不是一个词语啊") == frozenset()


def test_traditional_forms() -> None:
    assert lexicon.english_glosses("經濟") == lexicon.english_glosses("经济")
    assert "economy" in lexicon.english_glosses("經濟")
    assert lexicon.zh_content_words("臺灣經濟") == ["臺灣", "經濟"]


def test_variant_entries_take_the_glosses_of_their_target() -> None:
    # 説 is listed only as "variant of 說|说"
    assert "say" in lexicon.english_glosses("説")


def test_segmentation_prefers_longest_known_words() -> None:
    assert lexicon.zh_content_words("中国外交部") == ["中国", "外交部"]
    assert lexicon.zh_content_words("中国外交部发言人") == ["中国", "外交部", "发言人"]


def test_segmentation_skips_function_words_numbers_and_latin() -> None:
    words = lexicon.zh_content_words("英伟达的H20芯片在2025年9月26日出口了45亿美元和三百")
    assert words == ["英伟达", "芯片", "出口", "美元"]


def test_english_content_words() -> None:
    words = lexicon.en_content_words("China's exports rose to 4.5 billion dollars, NVIDIA said.")
    assert words == ["china", "export", "ris", "billion", "dollar", "nvidia", "say"]


def test_stemmer_maps_related_forms_together() -> None:
    norm = lexicon.normalise_word
    assert norm("companies") == norm("company")
    assert norm("taxes") == norm("tax")
    assert norm("stopped") == norm("stop")
    assert norm("increasing") == norm("increased") == norm("increase")
    assert norm("business") == "business"
    assert norm("falling") == "fall"
    assert norm("said") == norm("say")


def test_every_function_char_is_skipped() -> None:
    for char in "的了在是和与及也都而这那其之对为将被把从等中":
        assert lexicon.zh_content_words(char) == []
