"""Omissions and additions (O301-O304) through the CLI, on a real pair (corpora/finance)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.model import Document, SentenceFacts, Severity
from checker.pipeline import CheckOptions, analyse_documents
from checker.rules import SegmentFacts, check_facts

FINANCE = Path(__file__).resolve().parent.parent / "corpora" / "finance"
ZH = FINANCE / "finance.zh.txt"
EN_TEXT = (FINANCE / "finance.en.txt").read_text(encoding="utf-8")

SECOND_SENTENCE = ("A mainland power battery maker that listed in Hong Kong in mid-September "
                   "raised HK$35.1 billion (about US$4.5 billion), the largest IPO worldwide so "
                   "far this year.")
ADDED = "Local residents said the autumn festival drew record crowds to the riverside park."


def findings(tmp_path: Path, english: str, *extra: str) -> list[dict]:
    en = tmp_path / "finance.en.txt"
    en.write_text(english, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(ZH), str(en), "-f", "json",
                                      "--fail-on", "never", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


def coverage(found: list[dict]) -> list[tuple]:
    return [(f["rule"], f["severity"], (f["source"] or {}).get("text"),
             (f["target"] or {}).get("text")) for f in found if f["rule"].startswith("O")]


def test_the_faithful_pair_has_no_omission_or_addition(tmp_path):
    assert coverage(findings(tmp_path, EN_TEXT)) == []


def test_a_dropped_sentence_is_o301_on_the_chinese_sentence(tmp_path):
    assert SECOND_SENTENCE in EN_TEXT
    found = coverage(findings(tmp_path, EN_TEXT.replace(" " + SECOND_SENTENCE, "")))
    assert found == [("O301", "major", "9月中旬登陆港股的一家内地动力电池企业募资351亿港元"
                      "（约合45亿美元），成为今年以来全球规模最大的IPO。", None)]


def test_an_added_sentence_is_o302_on_it(tmp_path):
    grown = EN_TEXT.replace(SECOND_SENTENCE, SECOND_SENTENCE + " " + ADDED)
    assert coverage(findings(tmp_path, grown)) == [("O302", "major", None, ADDED)]


@pytest.mark.parametrize("embedder", ["none", "use"])
def test_an_added_sentence_is_found_by_both_aligners(tmp_path, embedder):
    grown = EN_TEXT.replace(SECOND_SENTENCE, SECOND_SENTENCE + " " + ADDED)
    found = coverage(findings(tmp_path, grown, "--embedder", embedder))
    assert ("O302", "major", None, ADDED) in found


def test_a_dropped_clause_with_a_number_is_o303_at_the_clause(tmp_path):
    cut = EN_TEXT.replace(
        "In the third quarter alone, 29 companies went public, raising about HK$76 billion, "
        "up about 30% from the previous quarter.",
        "In the third quarter alone, 29 companies went public, raising about HK$76 billion.")
    found = findings(tmp_path, cut)
    assert ("O303", "major", "环比增长约三成", None) in coverage(found)
    assert any(f["rule"] == "N103" and f["source"]["text"] == "三成" for f in found)


def test_a_dropped_clause_that_repeats_its_neighbours_words_is_o303(tmp_path):
    # 其中数家公司…: "companies" and "list" in the English render the clause before it
    cut = EN_TEXT.replace(", several of which plan to raise more than US$1 billion each.", ".")
    assert cut != EN_TEXT
    found = findings(tmp_path, cut)
    assert ("O303", "major", "其中数家公司计划募资规模超过10亿美元", None) in coverage(found)


def test_a_faithful_split_raises_nothing(tmp_path):
    split = EN_TEXT.replace(
        "raising about HK$76 billion, up about 30% from the previous quarter.",
        "raising about HK$76 billion. That was up about 30% from the previous quarter.")
    assert coverage(findings(tmp_path, split)) == []


ALLOTMENT = ("In its allotment results announcement, the company said: \"The net proceeds from "
             "the global offering amount to approximately HK$34.76 billion and are expected to "
             "create about 12,000 new jobs at its overseas production bases.\"")


@pytest.mark.parametrize("embedder", ["none", "use"])
def test_a_dropped_sentence_on_its_neighbours_topic_is_found_by_both_aligners(tmp_path,
                                                                              embedder):
    # The Chinese sentence is about the IPO of the sentence before it (cosine .3 with that
    # sentence's English), so the sentence encoder's aligner first folds it into a 2-1 link.
    assert ALLOTMENT + "\n" in EN_TEXT  # a paragraph of its own
    found = coverage(findings(tmp_path, EN_TEXT.replace(ALLOTMENT + "\n", ""),
                              "--embedder", embedder))
    assert [f[:3] for f in found if f[0] == "O301"] == [
        ("O301", "major", "该公司在配发结果公告中称：“全球發售所得款項淨額約為347.6億港元，"
         "預計將為海外生產基地新增約1.2萬個就業職位。”")]


CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def corpus_findings(tmp_path: Path, name: str, english: str, *extra: str) -> list[tuple]:
    """The O findings of ``check`` on corpora/NAME's Chinese beside an edited English."""
    en = tmp_path / f"{name}.en.txt"
    en.write_text(english, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(CORPORA / name / f"{name}.zh.txt"), str(en),
                                      "-f", "json", "--fail-on", "never", *extra])
    return coverage(json.loads(result.stdout)["findings"])


def edited_findings(tmp_path: Path, name: str, old: str, new: str, *extra: str
                    ) -> list[tuple]:
    """The O findings of ``check`` on corpora/NAME with ``old`` replaced by ``new`` in the
    English (``old`` must be there)."""
    english = (CORPORA / name / f"{name}.en.txt").read_text(encoding="utf-8")
    assert old in english
    return corpus_findings(tmp_path, name, english.replace(old, new), *extra)


def test_an_added_sentence_the_dictionary_aligner_merges_is_still_o302(tmp_path):
    # the aligner links the added sentence with its neighbour (1-2), leaving no orphan;
    # nothing in the Chinese of that link renders it
    anchor = "China has been Thailand's largest trading partner for 12 consecutive years."
    found = edited_findings(tmp_path, "diplomacy", anchor, anchor + " " + ADDED)
    assert found == [("O302", "major", None, ADDED)]


def test_a_dropped_sentence_whose_figure_another_sentence_repeats_is_o301(tmp_path):
    # the neighbours speak of retail sales too, and a 3.0% two sentences on renders its own
    # Chinese: neither makes the September figure "said nearby"
    dropped = "Retail sales in September alone rose 3.0% year on year."
    found = edited_findings(tmp_path, "statistics", " " + dropped, "")
    assert found == [("O301", "major", "其中，9月份社会消费品零售总额同比增长3.0%。", None)]


def test_a_clause_rendered_by_its_date_alone_shows_the_rest_was_dropped(tmp_path):
    # "In September." renders 9月份 by its date only (no word of it is glossed): that is
    # evidence enough that the sentence was translated and its figures dropped, both of
    # them (the sentence before says "grew … year on year" of its own 6.2%, not of these)
    full = ("In September, industrial value added above designated size grew 6.5% year on "
            "year and 0.64% month on month.")
    found = edited_findings(tmp_path, "statistics", full, "In September.")
    assert found == [("O303", "major", "规模以上工业增加值同比增长6.5%", None),
                     ("O303", "major", "环比增长0.64%", None)]


def test_two_clauses_dropped_together_are_each_o303_not_the_sentence(tmp_path):
    # the opening clause is kept, so the sentence is not gone; each dropped clause lacks a
    # figure and leaves the other without support, which must not hide it
    shortened = EN_TEXT.replace(ALLOTMENT, "In its allotment results announcement, the "
                                           "company said so.")
    assert shortened != EN_TEXT
    found = coverage(findings(tmp_path, shortened))
    assert [f[:3] for f in found] == [
        ("O303", "major", "“全球發售所得款項淨額約為347.6億港元"),
        ("O303", "major", "預計將為海外生產基地新增約1.2萬個就業職位")]


def test_one_stray_gloss_does_not_make_a_dropped_clause_rendered(tmp_path):
    # "third" (of 苹果、小米分列第二、第三) matches 第三季度 of the dropped clause by chance
    dropped = ("global smartphone shipments totaled about 320 million units in the third "
               "quarter of this year, ")
    found = edited_findings(tmp_path, "technology", dropped, "")
    assert found == [("O303", "major", "今年第三季度全球智能手机出货量约3.2亿部", None)]


def test_a_short_dropped_sentence_with_four_unrendered_compounds_is_major(tmp_path):
    # 跨境, 并购, 投资, 活跃: specific words, none in the link's English; a short idiom the
    # dictionary reads as single characters (易边再战) stays minor
    dropped = "Cross-border deals and investment were also active. "
    assert dropped in EN_TEXT
    found = coverage(findings(tmp_path, EN_TEXT.replace(dropped, "")))
    assert [f[:3] for f in found] == [("O301", "major", "跨境并购与投资同样活跃。")]


def test_a_dropped_sentence_on_its_neighbours_topic_is_o301(tmp_path):
    # chip, NVIDIA, export, control, China, market: all in the neighbours' English, but
    # rendering the neighbours' own Chinese, so they do not say the dropped sentence
    english = (CORPORA / "seed" / "seed.en.txt").read_text(encoding="utf-8")
    start = english.index("The H20 chip is an AI chip")
    end = english.index(".", english.index("H100", start)) + 1
    found = corpus_findings(tmp_path, "seed", english[:start] + english[end:].lstrip(" "))
    assert [f[:2] for f in found] == [("O301", "major")]
    assert found[0][2].startswith("H20芯片是英伟达按照美国对华技术出口管制要求")


def test_a_dropped_sentence_folded_into_a_link_on_its_topic_is_reported(tmp_path):
    # the aligner folds 人民币汇率总体保持稳定。 into the link of the exchange-rate figures;
    # "yuan" and "exchange rate" there render those sentences, nothing says "broadly stable"
    dropped = "The yuan exchange rate remained broadly stable. "
    assert dropped in EN_TEXT
    found = coverage(findings(tmp_path, EN_TEXT.replace(dropped, "")))
    assert [f[:3] for f in found] == [("O301", "minor", "人民币汇率总体保持稳定。")]


def test_an_added_sentence_beside_a_partner_rendered_by_its_figures_is_o302(tmp_path):
    # the aligner links the addition with "In the late 1990s, the ratio was still below
    # 10%.", whose words the dictionary barely knows; its figures show it is rendered
    anchor = "In the late 1990s, the ratio was still below 10%."
    found = edited_findings(tmp_path, "education", anchor, ADDED + " " + anchor)
    assert found == [("O302", "major", None, ADDED)]


@pytest.mark.parametrize("chinese, english", [
    # a split whose first half is rendered by its date alone
    ("本次发行的网上申购日为8月1日，网上发行最终中签率为0.0329%，网上投资者有效申购倍数约为3040倍。",
     "Online subscription took place on August 1. The final online allotment rate was "
     "0.0329%, with retail demand about 3,040 times the shares on offer."),
    # a rounded figure (1,287.4萬 → 12.87 million)
    ("按客源地分析，內地旅客為2,479.6萬人次，按年增加30.1%，佔整體旅客的71.5%；其中個人遊旅客1,287.4萬人次。",
     "By source market, mainland visitors rose 30.1% to 24.8 million, accounting for 71.5% of "
     "the total; 12.87 million of them travelled under the Individual Visit Scheme."),
    # a range's ends (由190元調升至196元 → "from NT$190 to NT$196")
    ("勞動部同日宣布，自民國115年1月1日起，每月基本工資由新臺幣28,590元調升至29,500元，調幅3.18%；"
     "每小時基本工資由190元調升至196元。",
     "The Ministry of Labor announced on the same day that the monthly minimum wage will rise "
     "3.18% from NT$28,590 to NT$29,500 starting Jan. 1, 2026, while the hourly minimum wage "
     "will increase from NT$190 to NT$196."),
])
def test_a_faithful_split_or_merge_rendered_by_its_figures_raises_nothing(tmp_path, chinese,
                                                                          english):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text(chinese, encoding="utf-8")
    en.write_text(english, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(zh), str(en), "-f", "json",
                                      "--fail-on", "never"])
    assert coverage(json.loads(result.stdout)["findings"]) == []


def test_a_fragment_the_sentence_encoder_leaves_alone_is_not_an_omission(tmp_path):
    # the sentence encoder leaves 他说。 unpaired; "he said" ends the quote's English, and
    # the quote's own Chinese (…来说…) explaining "say" must not make the fragment unsaid
    seed = CORPORA / "seed"
    result = CliRunner().invoke(app, ["check", str(seed / "seed.zh.txt"),
                                      str(seed / "seed.en.txt"), "-f", "json",
                                      "--fail-on", "never", "--embedder", "use"])
    assert coverage(json.loads(result.stdout)["findings"]) == []


def test_a_clause_whose_amount_is_rendered_is_not_dropped(tmp_path):
    # "the terminal" for 第七貨櫃中心 loses the ordinal (N103), but 300萬標準箱 is there
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("臺灣港務公司表示，第七貨櫃中心今年的裝卸量可望突破300萬標準箱。",
                  encoding="utf-8")
    en.write_text("Taiwan International Ports Corporation said the terminal's throughput was "
                  "expected to exceed 3 million TEUs this year.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(zh), str(en), "-f", "json",
                                      "--fail-on", "never"])
    found = json.loads(result.stdout)["findings"]
    assert coverage(found) == []
    assert [f["rule"] for f in found] == ["N103"]


def test_a_one_clause_sentence_folded_into_a_link_is_o301_not_o303(tmp_path):
    # the sentence encoder folds the dropped sentence into its neighbour's link; its one
    # clause gone is the sentence gone
    dropped = ("China and Thailand formally established diplomatic relations on July 1, "
               "1975. ")
    found = edited_findings(tmp_path, "diplomacy", dropped, "", "--embedder", "use")
    assert [f[:3] for f in found] == [
        ("O301", "major", "中泰两国于1975年7月1日正式建立外交关系。")]


def test_a_clause_of_a_sentence_reported_whole_is_not_reported_again(tmp_path):
    dropped = ("A Foreign Ministry spokesperson announced on November 28 that, at the "
               "invitation of the Chinese Premier, the Prime Minister of the Kingdom of "
               "Thailand will pay an official visit to China from December 3 to 5. ")
    found = edited_findings(tmp_path, "diplomacy", dropped, "", "--embedder", "use")
    assert [f[:2] for f in found] == [("O301", "major")]
    assert found[0][2].startswith("外交部发言人11月28日宣布")


def test_a_sentence_cut_down_to_its_opening_phrase_is_reported(tmp_path):
    # "In China." is what is left of the second sentence: the aligner pairs it with the
    # Chinese, and the rules find the person and the clauses it lost (apart, an omission
    # facing a fragment was reported as nothing at all)
    zh = tmp_path / "tencent.zh.txt"
    zh.write_text("英伟达首席执行官黄仁勋周二在台北发布新一代人工智能芯片。在中国，腾讯控股董事会主席"
                  "马化腾在深圳表示，腾讯将把混元大模型全面接入微信。他说，人工智能将成为腾讯最重要的"
                  "增长引擎。", encoding="utf-8")
    en = tmp_path / "tencent.en.txt"
    en.write_text("NVIDIA CEO Jensen Huang unveiled a new generation of AI chips in Taipei on "
                  "Tuesday. In China. He said AI would become Tencent's most important growth "
                  "engine.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(zh), str(en), "-f", "json",
                                      "--fail-on", "never"])
    found = json.loads(result.stdout)["findings"]
    assert [f[:3] for f in coverage(found)] == [
        ("O301", "major",
         "在中国，腾讯控股董事会主席马化腾在深圳表示，腾讯将把混元大模型全面接入微信。")]
    assert ("E204", "major", "马化腾") in [
        (f["rule"], f["severity"], f["source"]["text"]) for f in found]


def check_pair(tmp_path: Path, chinese: str, english: str) -> list[dict]:
    zh, en = tmp_path / "pair.zh.txt", tmp_path / "pair.en.txt"
    zh.write_text(chinese, encoding="utf-8")
    en.write_text(english, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(zh), str(en), "-f", "json",
                                      "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


FACTORY_ZH = ("国家统计局9月26日发布数据显示，今年前八个月全国规模以上工业企业利润同比增长5.2%。"
              "江苏苏州一家电子厂的负责人刘海涛表示，企业用工需求旺盛，但原材料成本上涨仍带来一定压力。")
FACTORY_EN = ("Data released by the National Bureau of Statistics on September 26 showed that "
              "profits of industrial enterprises above designated size rose 5.2% year on year in "
              "the first eight months. Liu Haitao, who runs an electronics factory in Suzhou, "
              "Jiangsu province, said demand for workers was strong but rising raw material "
              "costs were still putting some pressure on businesses.")


def test_the_words_dropped_around_a_name_are_o303(tmp_path):
    # "who runs an electronics factory in Suzhou" is half of a Chinese clause: no clause is
    # gone, but the words around 苏州 are, up to Jiangsu and Liu Haitao, which are there
    assert coverage(check_pair(tmp_path, FACTORY_ZH, FACTORY_EN)) == []
    cut = FACTORY_EN.replace("who runs an electronics factory in Suzhou, ", "")
    assert coverage(check_pair(tmp_path, FACTORY_ZH, cut)) == [
        ("O303", "major", "苏州一家电子厂的负责人", None)]


@pytest.mark.parametrize(("chinese", "english"), [
    # 商务部 described as "the ministry", 相关负责人 as "an official"
    ("商务部相关负责人表示，商务部将统一部署，推动稳外贸政策落地见效。今年前三季度，全国实际使用外资"
     "金额同比下降10%。",
     "An official with the ministry said it would coordinate efforts to implement policies to "
     "stabilise foreign trade. In the first three quarters, actual use of foreign investment "
     "fell 10% year on year."),
    # a body no table knows, rendered word by word
    ("展映期间，故宫博物院与中国电影资料馆联合举办了特展。影展共放映了200部影片。",
     "During the festival, the Palace Museum and the China Film Archive jointly staged a "
     "special exhibition. The festival screened 200 films in total."),
    # the World Cup named before, "the tournament" here
    ("国际足联主席因凡蒂诺在苏黎世表示，2026年世界杯的门票需求已超出此前预期。他透露，梅西和C罗都已"
     "表达参加本届世界杯的意愿。",
     "FIFA President Gianni Infantino said in Zurich that demand for tickets to the 2026 World "
     "Cup had exceeded expectations. He revealed that both Lionel Messi and Cristiano Ronaldo "
     "had expressed a wish to play at the tournament."),
    # the bank named before, its governor's title kept ("Governor", which CC-CEDICT's 行长
    # "bank president" lacks)
    ("英格兰银行周四宣布维持利率不变。英格兰银行行长贝利在记者会上表示，通胀正在回落。",
     "The Bank of England kept interest rates unchanged on Thursday. Governor Andrew Bailey "
     "told a news conference that inflation was falling."),
])
def test_a_name_described_or_rendered_word_by_word_is_not_dropped(tmp_path, chinese, english):
    assert coverage(check_pair(tmp_path, chinese, english)) == []


def test_a_dropped_title_and_body_before_a_named_person_are_o303(tmp_path):
    chinese = "北京大学校长龚旗煌说，中心首批将招收40名博士研究生。"
    english = ("Gong Qihuang, president of Peking University, said the centre would recruit 40 "
               "doctoral students in its first intake.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", president of Peking University,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "北京大学校长", None)]


def test_a_pronoun_does_not_stand_in_for_a_dropped_body(tmp_path):
    # Peking University is named in the first sentence; "its" in the second is the centre's,
    # and "President of Peking University" is gone from it
    chinese = ("北京大学与香港大学联合成立了一个新的研究中心。"
               "北京大学校长龚旗煌说，中心首批将招收40名博士研究生。")
    english = ("Peking University and the University of Hong Kong have jointly set up a new "
               "research centre. Gong Qihuang, President of Peking University, said the centre "
               "would admit 40 doctoral students in its first intake.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", President of Peking University,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "北京大学校长", None)]


def test_a_dropped_title_and_body_in_traditional_chinese_are_o303(tmp_path):
    chinese = "北京大學校長龔旗煌說，中心首批將招收40名博士研究生。"
    english = "Gong Qihuang said the centre would recruit 40 doctoral students in its first intake."
    assert coverage(check_pair(tmp_path, chinese, english)) == [
        ("O303", "major", "北京大學校長", None)]


def test_a_list_cut_short_is_o303(tmp_path):
    chinese = "他说，广东、江苏、浙江、山东等经济大省要继续挑大梁，为全国经济稳定增长作出更大贡献。"
    english = ("He said major economic provinces such as Guangdong, Jiangsu, Zhejiang and "
               "Shandong should continue to shoulder the main burden and contribute more to "
               "stable national economic growth.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace("Guangdong, Jiangsu, Zhejiang and Shandong", "Guangdong and Jiangsu")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [("O303", "major", "浙江、山东", None)]


def test_a_dropped_title_and_its_qualifiers_before_a_rendered_person_are_o303(tmp_path):
    chinese = ("上海一家咨询公司的分析师单晓蕾表示，"
               "宁德时代和比亚迪合计占据国内动力电池市场约六成份额。")
    english = ("Shan Xiaolei, an analyst at a consultancy in Shanghai, said CATL and BYD together "
               "held about 60 per cent of the domestic power battery market.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", an analyst at a consultancy in Shanghai,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "一家咨询公司的分析师", None)]


def test_a_dropped_provincial_department_and_title_are_o303(tmp_path):
    chinese = "省经济和信息化厅副厅长区志强介绍，中国中车在武汉的轨道交通装备基地二期工程已经投产。"
    english = ("Ou Zhiqiang said the second phase of CRRC's rail transit equipment base in Wuhan "
               "had entered production.")
    assert coverage(check_pair(tmp_path, chinese, english)) == [
        ("O303", "major", "省经济和信息化厅副厅长", None)]


@pytest.mark.parametrize(("chinese", "english"), [
    # a title rendered loosely ("swimmer" for 游泳运动员) beside words that are all there
    ("在洛桑参加活动的中国游泳运动员潘展乐表示，他的目标是在洛杉矶奥运会上卫冕男子100米自由泳金牌。",
     "Chinese swimmer Pan Zhanle, who was attending an event in Lausanne, said his goal was to "
     "defend his men's 100m freestyle title at the Los Angeles Olympics."),
    # 財經 "finance" is said by "Financial"
    ("財經事務及庫務局局長許正宇將負責與議員跟進細節。",
     "Secretary for Financial Services and the Treasury Christopher Hui will follow up on the "
     "details with lawmakers."),
])
def test_a_title_rendered_in_other_words_is_not_dropped(tmp_path, chinese, english):
    assert coverage(check_pair(tmp_path, chinese, english)) == []


def test_a_description_of_another_kind_does_not_stand_in_for_a_dropped_place(tmp_path):
    # "the meeting" is 会议, not 宜昌市; and "heard" renders 听取
    chinese = "会议还听取了宜昌市市长仇文斌关于长江大保护工作的汇报。"
    english = ("The meeting also heard a report from Qiu Wenbin, mayor of Yichang, on efforts to "
               "protect the Yangtze River.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", mayor of Yichang,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [("O303", "major", "宜昌市市长", None)]


def test_a_dropped_title_and_the_body_named_again_later_are_o303(tmp_path):
    # 塔塔 names the group again: "Tata" in the English is that mention, not the title's
    chinese = "印度塔塔集团董事长钱德拉塞卡兰说，塔塔计划在泰国曼谷附近建设一座电动汽车电池工厂。"
    english = ("N. Chandrasekaran, chairman of India's Tata Group, said Tata planned to build an "
               "electric vehicle battery plant near Bangkok, Thailand.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", chairman of India's Tata Group,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "印度塔塔集团董事长", None)]


def test_a_title_rendered_as_a_word_before_the_name_is_not_dropped(tmp_path):
    # "CEO" for 董事长 is the translator's choice; a word before the name renders the title
    chinese = "宝马集团董事长齐普策说，宝马在沈阳生产的新世代车型将采用大圆柱电池。"
    english = ("BMW CEO Oliver Zipse said BMW's Neue Klasse models built in Shenyang would use "
               "large cylindrical battery cells.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace("BMW CEO Oliver", "Oliver")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "宝马集团董事长", None)]
def test_a_dropped_title_and_the_body_named_again_by_its_short_name_are_o303(tmp_path):
    # 央行 is the People's Bank of China again: "the central bank" renders that mention
    chinese = ("中国人民银行行长潘功胜此前在一场金融论坛上表示，央行将继续实施适度宽松的货币政策，"
               "保持流动性合理充裕。")
    english = ("Pan Gongsheng, governor of the People's Bank of China, said earlier at a financial "
               "forum that the central bank would continue to implement an appropriately "
               "accommodative monetary policy and keep liquidity reasonably ample.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", governor of the People's Bank of China,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "中国人民银行行长", None)]


MEETING_ZH = ("省长王明出席会议并讲话。王明在讲话中指出，全省要稳住工业基本盘，"
              "加快建设先进制造业集群。会议还听取了各市的工作汇报。")
MEETING_EN = ("Governor Wang Ming attended the meeting and spoke. In his speech, Wang said the "
              "province must shore up its industrial base and speed up the building of advanced "
              "manufacturing clusters. The meeting also heard work reports from the cities.")
MAIN_CLAUSE = (", Wang said the province must shore up its industrial base and speed up the "
               "building of advanced manufacturing clusters")


def test_a_sentence_cut_down_to_its_opening_phrase_is_o303_without_a_lost_fact(tmp_path):
    # "In his speech." is all that is left: "his" stands for Wang, named before, and the
    # clauses hold no figure, so no fact is missing; the length alone shows the cut
    assert coverage(check_pair(tmp_path, MEETING_ZH, MEETING_EN)) == []
    cut = MEETING_EN.replace(MAIN_CLAUSE, "")
    assert coverage(check_pair(tmp_path, MEETING_ZH, cut)) == [
        ("O303", "major", "全省要稳住工业基本盘", None),
        ("O303", "major", "加快建设先进制造业集群", None)]


def test_a_fragment_left_alone_that_says_nothing_of_its_sentence_is_o301(tmp_path):
    # "Meanwhile." is too short to pair: two orphans facing each other, which the sentence
    # rules leave to the fact rules; there are no facts, and the fragment says nothing
    english = MEETING_EN.replace("In his speech" + MAIN_CLAUSE, "Meanwhile")
    assert coverage(check_pair(tmp_path, MEETING_ZH, english)) == [
        ("O301", "major", "王明在讲话中指出，全省要稳住工业基本盘，加快建设先进制造业集群。", None)]


GENEVA_ZH = ("在日内瓦，世界卫生组织总干事谭德塞宣布启动新的全球疫苗合作计划。"
             "谭德塞表示，各国应当加强合作，共同应对下一次大流行。")
GENEVA_EN = ("In Geneva, WHO Director-General Tedros Adhanom Ghebreyesus announced a new global "
             "vaccine cooperation plan. Tedros said countries should work together more closely "
             "to face the next pandemic.")


def test_a_fragment_of_an_english_source_is_o303_in_an_en_zh_check(tmp_path):
    en, zh = tmp_path / "pair.en.txt", tmp_path / "pair.zh.txt"
    en.write_text(GENEVA_EN, encoding="utf-8")
    zh.write_text("在日内瓦。" + GENEVA_ZH.split("。", 1)[1], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(en), str(zh), "-f", "json",
                                      "--fail-on", "never"])
    found = coverage(json.loads(result.stdout)["findings"])
    assert found == [("O303", "major", "WHO Director-General Tedros Adhanom Ghebreyesus "
                      "announced a new global vaccine cooperation plan", None)]


@pytest.mark.parametrize(("chinese", "english"), [
    # a quotation split at its first full stop, the speaker after it: "“This was a crucial
    # win.” is a third of the Chinese sentence, whose speaker clause follows in English
    ("上海海港队主教练穆斯卡特赛后表示：“这是一场关键的胜利。一些细节我们处理得还不够好，"
     "但球队一直保持专注。”",
     "\"This was a crucial win. We didn't handle some details well enough, but the team "
     "stayed focused throughout,\" Shanghai Port head coach Kevin Muscat said after the "
     "match."),
    # figures are shorter in English: the shortest faithful renderings in the held-out sets
    ("其中，夏季全国平均气温为22.3℃，较常年同期偏高1.0℃。",
     "Summer averaged 22.3°C nationwide, 1°C above normal."),
    ("受此消息影响，公司股价11月6日收盘上涨11.3%，报每股48.72元。",
     "Its shares closed up 11.3% at 48.72 yuan on Nov. 6."),
    # a sentence split at another place: the second English sentence carries the first
    # Chinese sentence's figures
    ("业务方面，该行全年新增贷款1268亿元，其中制造业中长期贷款余额突破2000亿元，同比增长21.5%；"
     "普惠型小微企业贷款余额为1876亿元，服务客户超过32万户。",
     "New lending for the year totalled 126.8 billion yuan. Medium- and long-term loans to "
     "manufacturers surpassed 200 billion yuan, up 21.5% year on year, and inclusive loans to "
     "small businesses reached 187.6 billion yuan, serving more than 320,000 clients."),
])
def test_a_short_faithful_rendering_is_not_a_fragment(tmp_path, chinese, english):
    assert coverage(check_pair(tmp_path, chinese, english)) == []


def test_a_neighbour_on_the_same_topic_does_not_carry_a_fragments_lost_clause(tmp_path):
    # "the two central banks" and "interest rate" in the next sentence render its own
    # Chinese (两国央行, 利率), not the governors' clause cut from "On the financial
    # markets front."
    chinese = ("韩国总统李在明周二在首尔会见了到访的日本首相石破茂。金融市场方面，"
               "日本银行行长植田和男和韩国银行行长李昌镛均表示将密切关注汇率走势。"
               "分析人士认为，日元和韩元近期的波动可能促使两国央行放慢调整利率的步伐。")
    english = ("South Korean President Lee Jae-myung met visiting Japanese Prime Minister Shigeru "
               "Ishiba in Seoul on Tuesday. On the financial markets front, Bank of Japan Governor "
               "Kazuo Ueda and Bank of Korea Governor Rhee Chang-yong both said they would closely "
               "monitor exchange-rate movements. Analysts said recent volatility in the yen and "
               "the won could prompt the two central banks to slow the pace of interest rate "
               "adjustments.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", Bank of Japan Governor Kazuo Ueda and Bank of Korea Governor Rhee "
                          "Chang-yong both said they would closely monitor exchange-rate movements",
                          "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "日本银行行长植田和男和韩国银行行长李昌镛均表示将密切关注汇率走势", None)]


def test_a_fragment_that_closes_a_quotation_is_still_a_fragment(tmp_path):
    # only a fragment that opens a quotation goes on in the next sentence; this one ends the
    # chairman's quotation, and two of its three clauses are gone
    chinese = ("董事长王明在股东大会上说：“原材料成本正在持续上升。公司将在明年大幅削减开支，"
               "并关闭旗下所有的海外工厂，把生产全部搬回国内。”")
    english = ("Chairman Wang Ming told the shareholders' meeting: \"Raw material costs keep "
               "rising. The company will cut spending sharply next year, close all of its overseas "
               "factories and move all production back home.\"")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = ("Chairman Wang Ming told the shareholders' meeting: \"Raw material costs keep "
           "rising. The company will cut spending.\"")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "并关闭旗下所有的海外工厂", None),
        ("O303", "major", "把生产全部搬回国内", None)]


def test_a_fragment_says_its_topic_word_once(tmp_path):
    # "In badminton." renders 羽毛球方面; the 羽毛球 of the next clause needs English of its
    # own, and the players are "the two" of the next sentence, so no name is missing
    chinese = ("羽毛球方面，石宇奇和陈雨菲在巴黎举行的羽毛球公开赛上分获男单和女单冠军。"
               "两人赛后表示，希望在明年的世锦赛上再创佳绩。")
    english = ("In badminton, Shi Yuqi and Chen Yufei won the men's and women's singles titles "
               "at the badminton open in Paris. The two said after the finals that they hoped "
               "to do even better at next year's world championships.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", Shi Yuqi and Chen Yufei won the men's and women's singles titles "
                          "at the badminton open in Paris", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "石宇奇和陈雨菲在巴黎举行的羽毛球公开赛上分获男单和女单冠军", None)]


def test_a_dropped_title_before_a_person_found_from_his_english_is_o303(tmp_path):
    # 单建国 is found from "Shan Jianguo" (单 reads Shan as a family name), not by the
    # extractor alone; his title and its body are gone all the same
    chinese = "省发展和改革委员会主任单建国通报了重点项目进展情况。"
    english = ("Shan Jianguo, director of the Provincial Development and Reform Commission, "
               "briefed the meeting on progress in key projects.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", director of the Provincial Development and Reform Commission,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "省发展和改革委员会主任", None)]


@pytest.mark.parametrize(("chinese", "english", "cut", "phrase"), [
    # the rest of the sentence is rendered by its names (Seoul, Samsung, Chinese) more than
    # by dictionary words
    ("三星电子移动业务负责人卢泰文在首尔表示，三星将在中国市场推出更多本地化功能。",
     "TM Roh, head of Samsung Electronics' mobile business, said in Seoul that Samsung would "
     "roll out more localised features for the Chinese market.",
     ", head of Samsung Electronics' mobile business,", "三星电子移动业务负责人"),
    # a title and one word that qualifies it
    ("省委书记赵立东出席会议并讲话，省长孙海平主持会议。",
     "Zhao Lidong, Secretary of the Hubei Provincial Party Committee, attended and addressed "
     "the meeting, which was chaired by Governor Sun Haiping.",
     ", Secretary of the Hubei Provincial Party Committee,", "省委书记"),
    # the rank is part of the title (副|县长), however the dictionary reads 副 ("a set")
    ("阜南县副县长刘建国说，全县共设立了46个临时安置点。",
     "Liu Jianguo, deputy head of Funan County, said the county had set up 46 temporary "
     "shelters.",
     ", deputy head of Funan County,", "阜南县副县长"),
    # "Amin" of "Amin Nasser" is his name, not a title the English puts before him; the
    # body's 公司 is unsaid, "the company" rendering the later 公司
    ("沙特阿美是全球最大的石油公司。"
     "沙特阿美公司总裁兼首席执行官纳赛尔在达兰表示，公司有能力在短期内将产量提高至每日一千二百万桶。",
     "Saudi Aramco is the world's largest oil company. Amin Nasser, president and chief "
     "executive of Saudi Aramco, said in Dhahran that the company could raise output to 12 "
     "million barrels per day at short notice.",
     ", president and chief executive of Saudi Aramco,", "沙特阿美公司总裁兼首席执行官"),
    # a place and the word that describes the person by it
    ("寿县种粮大户赵德胜承包了600亩土地，其中一半被淹。",
     "Zhao Desheng, a large-scale grain farmer in Shou County, has contracted 600 mu of land, "
     "half of which is under water.",
     ", a large-scale grain farmer in Shou County,", "寿县种粮大户"),
    # a 的 phrase with no name, title or figure in it: who the person is
    ("经营一家小型服装厂的李建华表示，今年的订单明显增加。",
     "Li Jianhua, who runs a small garment factory, said orders had risen markedly this year.",
     ", who runs a small garment factory,", "经营一家小型服装厂"),
])
def test_a_dropped_description_of_a_rendered_person_is_o303(tmp_path, chinese, english, cut,
                                                             phrase):
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    assert ("O303", "major", phrase, None) in coverage(
        check_pair(tmp_path, chinese, english.replace(cut, "")))


@pytest.mark.parametrize(("chinese", "english"), [
    # 董事长 split by the dictionary (聯席董事|長) is still "co-chairperson"
    ("美高梅中國聯席董事長何超瓊在另一場活動中說，公司正與澳門大學合作培養酒店管理人才。",
     "Pansy Ho, co-chairperson of MGM China, said at a separate event that the company was "
     "working with the University of Macau to train hotel management talent."),
    # "Chinese" renders 中国 once for two mentions: the title moved, it is not gone
    ("中国选手周文涛以2小时10分06秒获得第六名，是成绩最好的中国男子选手，"
     "他的成绩比个人最好成绩慢了1分14秒。",
     "Zhou Wentao was the top Chinese man, finishing sixth in 2:10:06, 1 minute 14 seconds "
     "slower than his personal best."),
    # "the league" stands for 中超 named before (and 一直 is "long")
    ("2024赛季中超联赛场均观众约为2.4万人。"
     "成都蓉城队主场凤凰山体育场场均上座人数高居各队之首，四川球迷的热情一直被视为中超的一道风景线。",
     "The 2024 CSL season drew an average of about 24,000 spectators per match. Chengdu "
     "Rongcheng's home ground, Phoenix Hill Stadium, has the highest average attendance in the "
     "league, and the passion of Sichuan fans has long been one of the league's highlights."),
    # a title said by one of its words, or by its rank
    ("香港特区政府财政司司长陈茂波26日表示，香港正面对新一波的疫情冲击。",
     "Financial Secretary of the Hong Kong Special Administrative Region, Paul Chan, said on "
     "the 26th that Hong Kong faces a new wave of the epidemic."),
    ("中电哈密太阳能热发电有限公司副总经理张勇介绍说，其设计原理类似于太阳灶。",
     "Zhang Yong, Vice GM of CNEEC Hami Solar Power Co., Ltd., said the design concept is "
     "similar to solar stoves."),
    # 主管 is "head"; the body's words are all there
    ("汇丰香港零售银行业务主管黄嘉欣表示，该行将继续扩大在粤港澳大湾区的财富管理业务。",
     "Wong Ka-yan, head of retail banking at HSBC in Hong Kong, said the bank would continue "
     "to expand its wealth management business in the Guangdong-Hong Kong-Macao Greater Bay "
     "Area."),
    # 负责人 is "head"
    ("中粮国际巴西业务负责人陈立表示，新码头预计2027年投入运营。",
     "Chen Li, head of COFCO International's Brazil operations, said the new terminal was "
     "expected to start operating in 2027."),
])
def test_a_person_described_in_other_words_has_nothing_dropped(tmp_path, chinese, english):
    assert coverage(check_pair(tmp_path, chinese, english)) == []


def test_a_dropped_body_whose_word_the_english_says_only_for_a_later_mention(tmp_path):
    # "the group" renders the second 集团, not the one in the group's name
    chinese = ("北大荒农垦集团董事长王守聪说，集团今年在建三江和友谊农场推广了无人驾驶插秧机，"
               "作业效率提高了约四成。")
    english = ("Wang Shoucong, chairman of Beidahuang Group, said the group had introduced "
               "driverless rice transplanters at its Jiansanjiang and Youyi farms this year, "
               "raising efficiency by about 40 percent.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    cut = english.replace(", chairman of Beidahuang Group,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "北大荒农垦集团董事长", None)]


def test_a_clause_whose_names_are_rendered_is_there_though_its_number_is_reworded(tmp_path):
    # 3比1 in sets is "in four sets": the score's rule may say so, the clause is there
    chinese = ("男单方面，意大利选手扬尼克·辛纳当天以3比1击败塞尔维亚名将诺瓦克·德约科维奇，"
               "将在决赛中与西班牙选手卡洛斯·阿尔卡拉斯争夺冠军。")
    english = ("In the men's draw, Italy's Jannik Sinner beat Serbian great Novak Djokovic in "
               "four sets on the same day and will meet Spain's Carlos Alcaraz in the final.")
    assert coverage(check_pair(tmp_path, chinese, english)) == []
    # the clause dropped with its names is still reported
    cut = "In the men's draw, Spain's Carlos Alcaraz will play in the final."
    assert [f[0] for f in coverage(check_pair(tmp_path, chinese, cut))] == ["O303"]


def test_a_dropped_title_of_a_programme_beside_one_of_its_missions(tmp_path):
    # "Chang'e-8" is one mission (嫦娥八号), not the lunar programme (探月工程) said short
    chinese = "中国探月工程总设计师吴伟仁表示，嫦娥八号任务各项准备工作进展顺利。"
    english = ("Wu Weiren, chief designer of China's lunar exploration programme, said "
               "preparations for the Chang'e-8 mission were going smoothly.")
    assert [f for f in check_pair(tmp_path, chinese, english)
            if f["severity"] in ("major", "critical")] == []
    cut = english.replace(", chief designer of China's lunar exploration programme,", "")
    assert coverage(check_pair(tmp_path, chinese, cut)) == [
        ("O303", "major", "中国探月工程总设计师", None)]


def test_crossed_orphans_are_read_as_one_link() -> None:
    """A translation cut short may pair too badly for the aligner, which then leaves the
    Chinese sentence and its shortened English alone side by side: the name and clause rules
    read the two as one link, or nothing would look at either."""
    zh = ("台积电董事长魏哲家周四在新竹表示，公司今年资本支出将维持在四百亿美元左右。"
          "他透露，联发科正与联电洽谈在新加坡扩大合作，联电共同总经理王石证实双方正在评估多种方案，"
          "但拒绝透露投资规模。分析人士认为，半导体行业的复苏仍将持续到明年。")
    en = ("TSMC Chairman C.C. Wei said in Hsinchu on Thursday that the company's capital "
          "spending this year would stay at about $40 billion. He disclosed that MediaTek was in "
          "talks with UMC on expanding cooperation in Singapore. Analysts believe the recovery "
          "of the semiconductor industry will continue into next year.")
    analysis = analyse_documents(Document(zh, "zh"), Document(en, "en"), CheckOptions())
    first, middle, last = analysis.segment_facts
    crossed = [first, SegmentFacts(1, middle.source, SentenceFacts()),
               SegmentFacts(2, SentenceFacts(), middle.target), SegmentFacts(3, last.source,
                                                                             last.target)]
    found = check_facts(crossed, "zh", "en", table=analysis.table)
    assert {(f.rule, f.source.text) for f in found if f.severity.rank >= Severity.MAJOR.rank} \
        == {("O303", "联电共同总经理王石证实双方正在评估多种方案"), ("E204", "王石")}
