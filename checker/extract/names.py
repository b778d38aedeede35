"""Names in a sentence: people, organisations, places, titles and Latin-script tokens.

Chinese: known entities (glossary, bundled table, CC-CEDICT proper nouns; longest match),
《titles》, dotted transliterations (科莱特·克雷斯), Latin tokens (H20, BG2), and unknown
personal names found by a surname followed or preceded by a cue (发言人林剑, 林剑表示). A name
found with a cue anywhere in the document is then found in every sentence, cue or not.

English: runs of capitalised words with the particles names carry (van der, bin, de), hyphens
(Lip-Bu), acronyms (NBS, H20). Months, weekdays, honorifics and a capitalised word that merely
starts the sentence are not names.

Why not jieba: its dictionary takes ~0.9 s to load per process, more than a whole check of the
seed pair; its ``nr`` tags are also noisy (纳秒 "nanosecond" is tagged a person).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.extract.numerals import TRADITIONAL_TO_SIMPLIFIED, normalize_chinese
from checker.lexicon import EN_STOP_WORDS, english_glosses
from checker.model import Entity, NameMention, Span
from checker.names import romanize, split_words
from checker.names.phonetic import sound_similarity
from checker.names.romanize import COMPOUND_SURNAMES, SURNAMES
from checker.names.table import (
    EntityTable,
    common_words,
    japanese_reading,
    ordinary_english,
    to_simplified,
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TITLE = re.compile(r"《([^《》]{1,40})》")
_PAREN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])\s*[（(]\s*([A-Z][A-Za-zÀ-ÿ .'’&-]{1,60}?)\s*[）)]")
# 恩戈齐·奥孔乔-伊韦阿拉: a double-barrelled family name keeps its hyphen
_DOTTED = re.compile(f"[{_HAN}]{{1,8}}(?:[·•・．][{_HAN}]{{1,8}})+(?:[-－‐][{_HAN}]{{1,8}})?")
_HYPHEN = re.compile(f"(?<=[{_HAN}])[-－‐](?=[{_HAN}])")
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-&.][A-Za-z0-9]+)*(?![A-Za-z0-9])")

#: Words that precede a personal name: roles and titles (发言人林剑, 首席执行官黄仁勋).
ZH_ROLES = tuple(sorted(
    split_words(
        "发言人 主席 副主席 总统 副总统 总理 副总理 首相 部长 副部长 外长 防长 财长 商务部长 "
        "首席执行官 执行官 董事长 董事 总裁 总经理 经理 创始人 创办人 负责人 "
        "教授 研究员 博士 书记 省长 市长 县长 区长 镇长 村长 局长 副局长 处长 司长 署长 厅长 "
        "主任 副主任 院长 校长 院士 记者 编辑 先生 女士 行长 大使 秘书长 "
        "议员 议长 委员 代表 专家 学者 医生 律师 法官 检察官 警官 选手 球员 运动员 教练 主教练 "
        "主帅 队长 导演 演员 歌手 作家 总监 合伙人 分析师 经济学家 科学家 "
        "工程师 主持人 网友 村民 市民 患者 居民 特首 行政长官 司长 财政司司长 总督 国王 王储 "
        "亲王 主教 参议员 众议员 州长 总干事 总裁兼 会长 理事长 代表理事 理事 乡长 村支书 "
        "党魁 领导人 "
        "创始人兼 联合创始人 首席 官员 发言人称 统计师 首席统计师 首席经济学家 副行长 副省长 "
        "副市长 副院长 副校长 执行董事 董事总经理 行政总裁 执行长 董事会主席 总干事 人士 总召 "
        "退休人士 市民 职员 员工 工人 农民 学生 老师 志愿者 店主 司机 游客 名将 球星 新秀 "
        "老将 小将 前锋 后卫 中场 门将 球王 天王 影星 歌星 巨星 教师 护士 退休教师 工作人员 "
        "负责人 站长 厂长 所长 社长 台长 馆长 团长 师长 军长 部长助理 大法官 首席大法官 "
        "特使 公使 领事 总领事 参赞 代办 特别代表 研究员 分析员 顾问 冠军 亚军 季军 得主 "
        "纪录保持者 世界冠军 奥运冠军 大臣 王子 公主 国务卿 检察长 总检察长 "
        "航天员 宇航员 飞行员 指令长 总设计师 总指挥 总工程师 设计师 建筑师 艺术家 画家 "
        "诗人 钢琴家 指挥家 导演兼 制片人 编剧 主播 博主 企业家 创业者 投资人 银行家 外交官 "
        "将军 上将 中将 少将 大校 船长 机长 法医 警长 局长助理 主管 商人 经销商 上班族 青年 小伙 "
        "主编 副主编 总编 总编辑 华商 侨商 台商 港商 外商 助理 总经理助理 总裁助理 "
        "农场主 牧场主 厂主 矿主 船东 房东 老板 球迷 博士生 硕士生 研究生 本科生 大学生 "
        "中学生 留学生 实习生 评论员 交易员 观察员 调查员 讲解员 播音员 裁判员 解说员 "
        "股评人 评论人 策略师"
    ),
    key=len, reverse=True,
))
#: Words that follow a personal name: speech and action verbs (林剑表示, 黄仁勋在).
ZH_CUES_AFTER = tuple(sorted(
    split_words(
        "表示 说 指出 称 强调 认为 介绍 透露 宣布 告诉 回应 坦言 提到 解释 补充 呼吁 接受 会见 "
        "会晤 出席 访问 签署 主持 发表 致辞 讲话 当选 担任 兼任 出任 "
        "辞职 先生 女士 教授 博士 一行 夫妇 本人 解读 介绍说 对记者 表态 宣称 声称 称赞 "
        "警告 预计 预测 坦承 回忆 感叹 主张 提出 要求 建议 承认 否认 证实 重申 参加 参与 陪同 "
        "率团 带队 一同 等人 得知 获悉 发现 看到 来到 前往 带领 组织 决定 希望 说道 感慨 笑言 "
        "直言 觉得 获得 赢得 击败 打破 夺得 成为 就任 辞去 抵达 离开 敦促 批评 指责 谴责 确认 "
        "感谢 祝贺 表彰 向记者 对记者 对本报 提醒 介绍道 说明 分析 指出道 称赞道"
    ),
    key=len, reverse=True,
))
# A name is never followed by these (黄金 "gold", 高速 "high-speed" start with surnames).
_NOT_AFTER_NAME = set("的了着过们")
# 行政院主计总处 (DGBAS): a known body followed by the rest of a longer body's name
# 在石家庄设立联络处 "open a liaison office in Shijiazhuang": a verb, not the rest of a name
_SETS_UP = "设立|設立|成立|开设|開設|设有|設有|建立|组建|組建|筹建|籌建|新设|新設|增设|增設"
_LONGER_ORG = re.compile(f"(?!{_SETS_UP})[{_HAN}]{{1,4}}?"
                         "(?:总处|總處|处|處|局|署|司|办公室|辦公室|委员会|委員會)"
                         f"(?![{_HAN}])")
# 红磡体育馆 "the Hong Kong Coliseum": a place that names a venue, which has its own name
_VENUES = ("体育馆", "體育館", "体育场", "體育場", "体育中心", "體育中心", "会展中心", "會展中心",
           "机场", "機場", "火车站", "火車站", "码头", "碼頭", "广场", "廣場", "大桥", "大橋",
           "大教堂", "教堂", "清真寺", "神庙", "神廟")  # 圣保罗大教堂: St Paul's, not São Paulo
# 马来亚银行 "Maybank", 新加坡报业控股 "SPH Media Trust", 印尼国家石油公司 "state oil company
# Pertamina", 澳門博彩監察協調局 "the Gaming Inspection and Coordination Bureau": a place that
# begins the name of a body the table does not know; the body's English often leaves the place
# implied. (Not across a function word: 日本的汽车公司 is "Japanese carmakers".)
_BODY_AFTER_PLACE = re.compile(
    f"(?:(?![的和与及在是了对向将为从把被等])[{_HAN}]){{0,6}}?"
    "(?:银行|銀行|集团|集團|公司|控股|报业|報業|航空|电信|電信|证券|證券|保险|保險|研究所|研究院|"
    "协会|協會|基金会|基金會|委员会|委員會|协调局|協調局|外交部|国防部|國防部|商务部|商務部|财政部|"
    "財政部|内政部|內政部|司法部|卫生部|衛生部|教育部|交通部|能源部|工贸部|工貿部)")
#: A body's name running on from a name before it, within ten characters and not across a
#: function word: 索尼|半導體解決方案公司, 德意志|留声机公司 (matched at the end of the name).
BODY_RUN = re.compile(
    f"(?:(?![的和与及在是了对向将为从把被等])[{_HAN}]){{1,10}}?"
    "(?:银行|銀行|集团|集團|公司|株式会社|株式會社|研究所|研究院|基金会|基金會)")
# 湖北省统计局: a provincial office, not the national one the table knows as 统计局
_LOCAL = set("省市县区州镇乡")
# Titles that carry their country or government in English: 国务院总理 "Premier"
_HEAD_TITLES = ("总理", "副总理", "总统", "副总统", "首相", "国王", "女王", "主席", "副主席",
                "长", "長")  # 立法院长 "the Speaker", 市长 "the mayor"
_ADVERBS = set("还也曾又都就才便亦仍则将已正再很")
# 海港队, 马路: a team, an office or a place, not a given name
_NOT_NAME_ENDINGS = set("队局部院所会司厂馆省市县村镇乡区路街站校团说称在是和与的及等")
# Characters after which a name may start without a title: 与王毅, 据李强, 和林剑.
_BEFORE_NAME = set("与和同及跟对向据由让被把将给为、也从的")  # 师从杨嘉仁教授
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安奥巴拜班邦贝本比彼毕宾波伯博布达黛戴丹德迪蒂丁杜多厄恩尔法菲费芬弗福盖"
    "冈戈格贡古哈海汉豪赫亨霍基吉加杰卡凯坎康柯科克肯库奎拉莱兰朗劳勒雷里莉丽利莲琳卢鲁"
    "伦罗洛马玛迈麦曼梅蒙米密摩莫墨姆穆纳娜奈内尼纽努诺欧帕潘佩皮普奇齐乔切琴萨塞森沙"
    "莎舍施什斯苏索塔泰坦汤唐特提托瓦万旺威韦维温沃乌伍西希锡夏辛休雅亚扬伊因尤约泽扎"
    "詹兹祖佐济耶茨涅钦久谢赫杰娃尤桑斐丘契缪戈林夫卜鲍勃顿逊松"
)

_EN_PARTICLES = ("van der", "van den", "von der", "de la", "van", "von", "der", "den", "des", "de",
                 "da", "di", "du", "del", "della", "la", "le", "bin", "binti", "al", "el", "ibn",
                 "of", "for", "the", "on", "&")
# "al-Kaabi", "el-Sisi": an Arabic article glued to the capitalised name; "Korea-U.S.": a
# dotted acronym after a hyphen; "Anyang' Nyong'o": an apostrophe ending a word of the name
# (not a plural's possessive: "Formosa Plastics' Sixth Naphtha Cracker")
_EN_WORD = r"(?:(?:al|el|ad|ash|as|at|az|an|bin|ibn|abu)-[A-Z][\w’'-]*[\w]" \
    r"|[A-Z][\w’'-]*[\w]-(?:[A-Z]\.)+|[A-Z][\w’'-]*[\w](?:(?<![sS])['’](?=\s+[A-Z]))?" \
    r"|[A-Z]\.(?:[A-Z]\.)*|[A-Z])"
_EN_NAME = re.compile(
    rf"(?<![\w-]){_EN_WORD}(?:(?:\s+(?:{'|'.join(_EN_PARTICLES)}))*\s+{_EN_WORD})*"
)
_EN_NOT_NAMES = frozenset(
    split_words(
        "January February March April May June July August September October November December Jan "
        "Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
        "Saturday Sunday Mr Mrs Ms Dr Prof Sir Madam Mr. Mrs. Ms. Dr. Prof. I A An The This That "
        "These Those It Its He She His Her They Their We Our You Your In On At By For From With As "
        "To Of And But Or If When While After Before Since During According Following Despite "
        "Meanwhile However Also Some Many Most All Both Each Every Other Such Yet So Then There "
        "Here What Which Who Whom Whose Why How Where Not No Yes Source Photo Image Figure Table "
        "Chart Note Notes Editor Reporter Reports Report Today Tomorrow Yesterday Last Next "
        "Earlier Later Currently Now Chief Minister President Premier Chairman Vice Spokesperson "
        "Secretary General Director CEO Deputy Governor Mayor Professor Dean Senator Ambassador "
        "Ltd Ltd. Co Co. Inc Inc. Corp Corp. LLC Plc PLC "  # the tail of "… Co., Ltd."
        "I'm I’m I've I’ve I'll I’ll I'd I’d Over Under Into Through Across Amid Among Against "
        "Along Around Within Without About Between Beyond Upon "
        "BC BCE"  # the era: "the mid-4th century BC"
    )
)
_EN_ROLES = frozenset(split_words(
    "President Premier Chairman Chairwoman Chairperson Chair Chairs Minister Secretary "
    "Spokesperson Spokesman Spokeswoman Governor Mayor Professor Director Ambassador "
    "Chancellor Prime Vice Deputy Chief Executive Officer Senator King Queen Prince Princess "
    "Emperor Pope General Admiral Mr Mrs Ms Dr Prof Sir Dame Lord Lady Judge Justice "
    "Secretary-General CEO Founder Co-founder Commissioner Head Leader President-elect "
    "Managing Minister-President Crown Senior Retired Retiree Former Acting Interim "
    "Lawmaker Legislator Councillor Councilor Representative Rep Sen Gov Gen Speaker "
    "Boss Coach Captain Striker Midfielder Goalkeeper Defender Forward Star Rector Provost "
    "Vice-Chancellor Dean Magistrate Astronaut Cosmonaut Taikonaut Designer Architect "
    "Painter Poet Pianist Conductor Entrepreneur Diplomat Editor-in-Chief Editor-in-chief "
    "Editor-at-Large Publisher Columnist Commentator Correspondent Swimmer Athlete Fencer "
    "Cyclist Sprinter Gymnast Diver Boxer Shooter Skater Skier Golfer Rower Archer"
))


def extract_zh_names(sentences: list[tuple[str, int]], table: EntityTable
                     ) -> list[tuple[NameMention, ...]]:
    """Names of each Chinese sentence (text, document offset), found document-wide."""
    first_pass = [_zh_sentence_names(text, offset, table, ()) for text, offset in sentences]
    evidence = {m.span.text: m.evidence for found in first_pass for m in found
                if m.evidence in ("surname", "translit") and len(m.span.text) >= 2}
    # 尼古拉斯·库里南, then 库里南 alone: the family name of an unknown dotted name is a
    # name too, and it is this person, not the table's other bearer of it (卡洛斯·门德斯,
    # then 门德斯: not the agent Jorge Mendes)
    strangers = {family for found in first_pass for m in found
                 if m.evidence == "dotted" and m.entity is None
                 and len(family := re.split(r"[·•・．]", m.span.text)[-1]) >= 2}
    evidence |= dict.fromkeys(strangers, "translit")
    learned = tuple(sorted(evidence.items(), key=lambda item: len(item[0]), reverse=True))
    families = _family_names(first_pass)
    # “北极光”, then 北极光 without the marks: still the project's name
    quoted = frozenset(m.group(1) for text, _ in sentences for m in _SHORT_QUOTE.finditer(text))
    if not learned and not families:
        # only the sentences that say a quoted name bare are read again
        found = [_zh_sentence_names(text, offset, table, (), frozenset(), None, quoted)
                 if _says_bare(text, quoted) else names
                 for (text, offset), names in zip(sentences, first_pass, strict=True)]
    else:
        found = [_zh_sentence_names(text, offset, table, learned, frozenset(strangers),
                                    families, quoted)
                 for text, offset in sentences]
    return _with_defined_short_forms(found, sentences)


#: A short form in brackets right after a name: 新加坡金融管理局（金管局）.
_BRACKETED_SHORT_FORM = re.compile(f"[（(]([{_HAN}]{{2,6}})[）)]")


def _with_defined_short_forms(found: list[tuple[NameMention, ...]],
                              sentences: list[tuple[str, int]]) -> list[tuple[NameMention, ...]]:
    """A short form the text defines in brackets after a name is that name's wherever the
    document uses it: 新加坡金融管理局（金管局） makes 金管局 the Monetary Authority of
    Singapore, not the table's Hong Kong Monetary Authority."""
    defined: dict[str, NameMention] = {}
    for (text, offset), mentions in zip(sentences, found, strict=True):
        for match in _BRACKETED_SHORT_FORM.finditer(text):
            name = next((m for m in mentions if m.span.end == offset + match.start()
                         and m.kind != "person"), None)
            short = normalize_chinese(match.group(1))
            if name is not None and _abbreviates(short, normalize_chinese(name.span.text)):
                defined.setdefault(short, name)
    if not defined:
        return found
    return [tuple(_as_defined(m, defined) for m in mentions) for mentions in found]


def _abbreviates(short: str, name: str) -> bool:
    """Every character of ``short`` is in ``name``, in order, and it is shorter."""
    rest = iter(name)
    return len(short) < len(name) and all(char in rest for char in short)


def _as_defined(mention: NameMention, defined: dict[str, NameMention]) -> NameMention:
    name = defined.get(normalize_chinese(mention.span.text))
    if name is None or name.entity == mention.entity:
        return mention
    return NameMention(mention.span, name.kind, "defined" if name.entity else name.evidence,
                       name.entity)


def _says_bare(text: str, quoted: frozenset[str]) -> bool:
    """The sentence holds one of the quoted names without its marks."""
    return any(text.count(term) > sum(text.count(f"{left}{term}{right}")
                                      for left, right in ("“”", "「」", "‘’"))
               for term in quoted if term in text)


def _family_names(found: list[tuple[NameMention, ...]]) -> dict[str, Entity]:
    """Family name → the known person the document names in full: 辛迪·麦凯恩, then 麦凯恩
    is Cindy McCain (not the table's John McCain); 武藤容治, then 武藤 is Muto (not the
    Mandarin "Wu Teng"). A family name two people of the document share is neither's."""
    families: dict[str, list[Entity]] = {}
    for mention in (m for mentions in found for m in mentions):
        entity = mention.entity
        if entity is None or entity.kind != "person" or entity.source == "cedict":
            continue
        family = family_part(normalize_chinese(mention.span.text), entity)
        if family and entity not in families.setdefault(family, []):
            families[family].append(entity)
    return {family: people[0] for family, people in families.items() if len(people) == 1}


#: A short term in quotation marks: the name of a project, programme or product.
_SHORT_QUOTE = re.compile("[“「‘]([^”」’]{2,8})[”」’]")


def _strictly_inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """``start:end`` lies inside one of ``spans`` and is shorter than it."""
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


def _inside_a_longer_name(text: str, start: int, end: int,
                          scanned: list[tuple[int, int, Entity]]) -> bool:
    """伊沙克·达尔's 达尔 in 瓜达尔港 (Gwadar) or 萨达尔区 (Saddar): the end of a longer
    name the table knows, or of a longer transliteration, not the person."""
    return _strictly_inside(start, end, [(s, e) for s, e, entity in scanned
                                         if entity.source != "cedict"]) or (
        start > 0 and text[start - 1] in TRANSLITERATION_CHARACTERS
        and not role_before(text, start) and text[start - 1] not in _BEFORE_NAME)


def family_part(form: str, entity: Entity) -> str | None:
    """The family name a known person's Chinese form gives, when it can be told apart: after
    the dot of a transliteration, the first two characters of a Japanese name."""
    dotted = re.split(r"[·•・．]", form)
    if len(dotted) > 1:
        return dotted[-1] if len(dotted[-1]) >= 2 else None
    if len(form) == 4 and romanize.japanese_shape(entity.en):
        return form[:2]  # 武藤容治: Japanese family names are mostly two characters
    return None


def _zh_sentence_names(text: str, offset: int, table: EntityTable,
                       learned: tuple[tuple[str, str], ...],
                       strangers: frozenset[str] = frozenset(),
                       families: dict[str, Entity] | None = None,
                       quoted_terms: frozenset[str] = frozenset()) -> tuple[NameMention, ...]:
    claimed = [False] * len(text)
    mentions: list[NameMention] = []
    glossed: list[Span] = []

    def claim(start: int, end: int, kind: str, evidence: str, entity: Entity | None) -> None:
        if any(claimed[start:end]):
            return
        claimed[start:end] = [True] * (end - start)
        span = Span(offset + start, offset + end, text[start:end])
        mentions.append(NameMention(span, kind, evidence, entity))

    for match in _TITLE.finditer(text):
        inner = match.group(1)
        entity = table.get(inner)
        kind = entity.kind if entity else "title"
        claim(match.start(1), match.end(1), kind, "title", entity)
    for match in _DOTTED.finditer(text):
        start, end = _trim_dotted(text, match.start(), match.end())
        start = _after_a_country(text, start, end, table)
        body = _dotted_body(text, start, end, table)
        if body is not None:  # 貝克·麥堅時, the law firm
            claim(body[0], body[1], body[2].kind, "table", body[2])
            continue
        entity = _dotted_entity(text[start:end], table)
        if entity is not None or _sounds_foreign(text[start:end]):
            claim(start, end, "person", "dotted", entity)
    for match in _HYPHEN.finditer(text):
        # 会见阿卜杜勒-阿齐兹亲王: a transliteration joined by a hyphen, not a middle dot
        start, end = _transliteration_around(text, match.start())
        if match.start() - start >= 2 and end - match.end() >= 2 \
                and not any(claimed[start:end]):
            claim(start, end, "person", "translit", _dotted_entity(text[start:end], table))
    for match in _PAREN_GLOSS.finditer(text):
        # 道格·琼斯（Doug Jones）: the Latin in brackets glosses the name before it, and is
        # what the English should say
        claimed[match.start():match.end()] = [True] * (match.end() - match.start())
        glossed.append(Span(offset + match.start(1), offset + match.end(1), match.group(1)))
    in_table = table.scan(text)
    # SK海力士: the table's name goes on past the Latin letters that open it
    mixed = [(start, end, entity) for start, end, entity in in_table
             if entity.source != "cedict" and _LATIN.match(text, start)]
    for match in _LATIN.finditer(text):
        if len(match.group(0)) < 2 or any(claimed[match.start():match.end()]):
            continue  # C罗 (Cristiano Ronaldo): a letter, not a name
        longer = next((found for found in mixed
                       if found[0] == match.start() and found[1] > match.end()), None)
        if longer is not None:
            claim(longer[0], longer[1], longer[2].kind, longer[2].source, longer[2])
            continue
        if match.group(0).upper() in _MODEL_SUFFIXES and match.start() > 0 \
                and _is_han(text[match.start() - 1]):
            continue  # 元PLUS: a model's suffix, which export names replace (Atto 3)
        entity = table.get(match.group(0))
        claim(match.start(), match.end(), entity.kind if entity else "latin", "latin", entity)
    for start, end in unknown_bodies(text, table):
        claim(start, end, "org", "body", None)
    scanned = _known_names(text, table, in_table)
    quoted = [(m.start(1), m.end(1)) for m in _SHORT_QUOTE.finditer(text)] + [
        (m.start(), m.end()) for term in quoted_terms if term in text
        for m in re.finditer(re.escape(term), text)]

    def claim_known(start: int, end: int, entity: Entity) -> None:
        if entity.kind == "place" and _strictly_inside(start, end, quoted):
            return  # “北极光” "Northern Lights": a project's name, not the Arctic
        if entity.kind != "person" and text[end:end + 1] in "”」\"" \
                and text[end + 1:end + 2] in ("号", "號"):
            return  # “极星”号, the research vessel Polarstern, not the carmaker Polestar
        if entity.kind == "person" and start > 0 and text[start - 1] in "·•・．":
            return  # 鲍勃·鲍曼 (Bob Bowman): the family part of another dotted name
        if entity.kind == "person" and end - start <= 3 and all(
                c in TRANSLITERATION_CHARACTERS for c in text[end:end + 2]) \
                and len(text[end:end + 2]) == 2 and not text.startswith(ZH_CUES_AFTER, end):
            return  # 科恩|布鲁斯 (Kornbluth): the opening of a longer transliteration
        if entity.kind != "person" and end < len(text) \
                and all(c in TRANSLITERATION_CHARACTERS for c in text[start:end + 1]) \
                and role_before(to_simplified(text), start):
            return  # 官员阿里夫 (Arif): a titled person's name, not 阿里 (Alibaba)
        # 国务院总理 "Premier", 美国总统 "the president": part of a title, which the
        # English may render without the organisation or country
        in_title = entity.kind != "person" and (
            text.startswith(_HEAD_TITLES, end) or _LONGER_ORG.match(text, end) is not None
            # 泸定县城 "the county seat"
            or (text[end - 1:end] in ("县", "縣") and text[end:end + 1] == "城")
            or (entity.kind == "org" and start > 0 and text[start - 1] in _LOCAL)
            or (entity.kind == "place" and (text.startswith(_VENUES, end)
                                            or _BODY_AFTER_PLACE.match(text, end) is not None)))
        claim(start, end, entity.kind, "role" if in_title else entity.source, entity)

    # the curated table and the glossary first, then people, then CC-CEDICT's looser names:
    # 研究员李永康认为 is a person, not 永康 County. The family name of a stranger the
    # document names in full comes before the table (库里南, not 库里 Curry).
    folded = normalize_chinese(text) if families else text
    for family, person in (families or {}).items():
        known = table.get(family)
        if known is not None and known.kind != "person":
            continue  # 丰田章男's 丰田 is also Toyota, the company and the city
        for match in re.finditer(re.escape(family), folded):
            if not folded.startswith(person.zh, match.start()) \
                    and not _inside_a_longer_name(folded, match.start(), match.end(), scanned):
                claim(match.start(), match.end(), "person", person.source, person)
    for name, how in learned:
        if name in strangers and name in text:
            for match in re.finditer(re.escape(name), text):
                claim(match.start(), match.end(), "person", how, None)
    for start, end, entity in scanned:
        if entity.source != "cedict":
            claim_known(start, end, entity)
    for name, how in learned:
        for match in re.finditer(re.escape(name), text) if name in text else ():
            claim(match.start(), match.end(), _unknown_kind(text, match.start(), match.end(), how),
                  how, None)
    # 平野健 opens with a Japanese family name (Hirano), not the Chinese surname 平
    japanese = {start for start, _, entity in scanned if japanese_reading(entity)}
    # 中國選手王楚欽: roles, cues and surnames are listed in Simplified
    simplified = to_simplified(text)
    for start, end, evidence in _unknown_people(simplified, claimed, japanese):
        claim(start, end, _unknown_kind(text, start, end, evidence), evidence, None)
    people = [(m.span.start - offset, m.span.end - offset) for m in mentions
              if m.kind == "person"]
    for start, end in _listed_people(simplified, people, claimed):
        claim(start, end, "person", "surname", None)
    for match in _HONORIFIC.finditer(simplified):
        # 市民张先生 "Mr Zhang": the family name is the person's name in the English
        if match.group(1) in SURNAMES and (match.start() == 0 or simplified[
                match.start() - 1] not in SURNAMES or role_before(simplified, match.start())):
            claim(match.start(), match.start() + 1, "person", "honorific", None)
    for start, end, entity in scanned:
        if entity.source == "cedict":
            claim_known(start, end, entity)
    return tuple(_hyphens_joined(sorted(_with_glosses(mentions, glossed, text, offset),
                                        key=lambda m: m.span.start), text, offset))


def _hyphens_joined(mentions: list[NameMention], text: str, offset: int) -> list[NameMention]:
    """Two transliterated names joined by a hyphen are one double-barrelled name
    (加西亚-埃雷罗, Garcia-Herrero), as they are when a dotted name ends so."""
    joined: list[NameMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if last is not None and mention.span.start == last.span.end + 1 \
                and text[last.span.end - offset] in "-－‐" \
                and {last.evidence, mention.evidence} <= {"translit", "dotted"}:
            span = Span(last.span.start, mention.span.end,
                        text[last.span.start - offset:mention.span.end - offset])
            joined[-1] = NameMention(span, "person", last.evidence, last.entity)
            continue
        joined.append(mention)
    return joined


def _known_names(text: str, table: EntityTable, scanned: list[tuple[int, int, Entity]]
                 ) -> list[tuple[int, int, Entity]]:
    """The table's names (``scanned``, as table.scan gives them) that stand on their own;
    where one does not (从江 in 从江苏), a name starting inside it may (江苏)."""
    found = []
    # 多哈|哈马德国际机场: a known name right after another is no longer transliteration
    name_starts = {start for start, end, entity in scanned
                   if entity.source != "cedict" and end - start > 2}
    place_ends = {end for start, end, entity in scanned if entity.kind == "place"}
    for start, end, entity in scanned:
        if text[start:end] in _SULTAN and start in place_ends:
            continue  # 柔佛苏丹依布拉欣: the Sultan of Johor, not Sudan
        shorter = table.get(text[start:end - 1]) if _people_of_a_word(text, end) else None
        if shorter is not None:  # 美国人|口普查: 美国 and 人口, not 美国人 "American"
            found.append((start, end - 1, shorter))
            continue
        if _standalone(text, start, end, entity, end in name_starts) \
                and not _names_a_smaller_place(text, start, end, entity) \
                and not _function_word_before_a_longer_name(text, start, end, entity, table):
            found.append((start, end, entity))
            continue
        inner = next(iter(table.scan(text[start + 1:end + 16])), None)
        if inner is not None and inner[0] < end - start - 1:
            at_start, at_end = start + 1 + inner[0], start + 1 + inner[1]
            if _standalone(text, at_start, at_end, inner[2]) \
                    and not _names_a_smaller_place(text, at_start, at_end, inner[2]):
                found.append((at_start, at_end, inner[2]))
    return found


def _function_word_before_a_longer_name(text: str, start: int, end: int, entity: Entity,
                                        table: EntityTable) -> bool:
    """《走村直播看脱贫》从江苏徐州出发: 从 is "from" before Jiangsu, not the 从 of 从江 County;
    a short dictionary place opening with a function word gives way to a longer known name
    that starts right after that word and runs past it."""
    if entity.source != "cedict" or end - start != 2 or text[start] not in _FUNCTION_CHARACTERS:
        return False
    inner = next(iter(table.scan(text[start + 1:end + 16])), None)
    return inner is not None and inner[0] == 0 and start + 1 + inner[1] > end \
        and inner[2].kind == "place"


#: 苏丹 is Sudan, and the title "sultan" after the state a sultan rules (柔佛苏丹, 文莱苏丹).
_SULTAN = frozenset({"苏丹", "蘇丹"})


#: The last word of a body's name, and how many characters must stand between it and the
#: place that begins the name: 河南大学 is a university, 河南公司 only "a Henan company".
BODY_WORDS = {
    **dict.fromkeys(("大学", "大學", "学院", "學院", "医院", "醫院"), 0),
    **dict.fromkeys(("银行", "銀行", "集团", "集團", "公司", "研究院", "研究所", "协会", "協會",
                     "基金会", "基金會", "委员会", "委員會", "交易所", "组织", "組織", "联合会",
                     "聯合會", "商会", "商會", "管理局", "发展局", "發展局", "监管局", "監管局",
                     "博物馆", "博物館", "资料馆", "資料館", "科学院", "科學院", "总署",
                     "總署"), 2),
    **dict.fromkeys(("海关", "海關"), 0),
}
BODY_WORD = re.compile("|".join(sorted(BODY_WORDS, key=len, reverse=True)))
#: Characters that never sit inside a body's name: 在河南农业大学, 与马来西亚投资发展局.
BODY_NAME_STOPS = frozenset("的与和及等据在于是了对为由从向把被将年月日、，。；：“”「」（）() "
                            "0123456789")


def body_words(text: str) -> Iterable[tuple[int, re.Match]]:
    """Each body word of ``text`` with where the name before it may begin: back to a stop
    character (在, 的, punctuation) or ten characters."""
    for match in BODY_WORD.finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < 10 and text[start - 1] not in BODY_NAME_STOPS:
            start -= 1
        yield start, match


def unknown_bodies(text: str, table: EntityTable) -> list[tuple[int, int]]:
    """Bodies no table knows, named as a place, up to four more characters and a body word:
    河南农业大学, 马来西亚投资发展局. Without a place in front the run may be a description
    (国资企业集团 "state-owned groups", 新建医院 "new hospitals": 新建 is a word before it is
    a district), and is left alone."""
    found = []
    for start, match in body_words(text):
        region = _REGION_START.match(to_simplified(text[start:start + 2]))  # 華南 too
        gap = match.start() - start - 2 if region is not None else -1
        if max(1, BODY_WORDS[match.group(0)]) <= gap <= 4 and not any(
                e.kind != "place" and stop > 2  # 华中科技大学 is known (HUST)
                for _, stop, e in table.scan(text[start:match.end()])):
            found.append((start, match.end()))  # 东北农业大学, 西南交通大学
            continue
        for place_start, place_end, entity in table.scan(text[start:match.start()]):
            middle = match.start() - (start + place_end)
            body = text[start + place_start:match.end()]
            place = normalize_chinese(text[start + place_start:start + place_end])
            if entity.kind == "place" and place not in common_words() \
                    and BODY_WORDS[match.group(0)] <= middle <= 4 \
                    and not any(e.kind != "place" for _, _, e in table.scan(body)):
                found.append((start + place_start, match.end()))  # (美国|加州大学 is known)
                break
    return found


#: Regions of China that name universities and companies as a province does (东北农业大学
#: Northeast Agricultural University), though they are also ordinary words.
_REGION_START = re.compile("东北|西北|西南|东南|华北|华南|华东|华中")


def _people_of_a_word(text: str, end: int) -> bool:
    """The 人 that ends 美国人 begins 人口 ("population"), 人民, 人员 …"""
    return text[end - 1] == "人" and end < len(text) \
        and normalize_chinese(text[end - 1:end + 1]) in common_words()


def _with_glosses(mentions: list[NameMention], glossed: list[Span], text: str, offset: int
                  ) -> list[NameMention]:
    """A name glossed in brackets is checked by its gloss: the name just before the bracket
    gives way to the Latin inside it."""
    for gloss in glossed:
        before = text[:gloss.start - offset].rstrip(" （(")
        # 尼拉贡戈火山（Nyiragongo）: the place noun may stand between name and gloss
        ends = {len(before)} | {len(before) - len(noun) for noun in _PLACE_ENDINGS
                                 if before.endswith(noun)}
        mentions = [m for m in mentions if m.span.end - offset not in ends]
        mentions.append(NameMention(gloss, "name", "gloss", None))
    return mentions


_NOT_IN_TRANSLITERATION = set(
    "的是在和与了对向把被从据这那位为其以及并将于说称长官人同也还则曾今近者员由给让经双均联国"
)
_NAME_SUFFIXES = ("大学", "学院", "公司", "集团", "基金会", "研究所", "医院", "州", "市", "省",
                  "县", "国", "队", "俱乐部", "家族", "一家", "夫妇", "杯", "奖", "号")


def _transliteration_around(text: str, hyphen: int) -> tuple[int, int]:
    """The run of transliteration characters on either side of a hyphen, up to six a side."""
    start = hyphen
    while start > max(0, hyphen - 6) and text[start - 1] in TRANSLITERATION_CHARACTERS:
        start -= 1
    end = hyphen + 1
    while end < min(len(text), hyphen + 7) and text[end] in TRANSLITERATION_CHARACTERS \
            and not text.startswith(ZH_ROLES, end):
        end += 1
    return start, end


def _sounds_foreign(dotted: str) -> bool:
    """科莱特·克雷斯 and 买买提·艾力 are names; 乘高铁·游兰溪 ("take the train, tour Lanxi") and
    戏·经 are slogans and titles written with the same dot."""
    characters = [c for c in dotted if _is_han(c)]
    return sum(c in TRANSLITERATION_CHARACTERS for c in characters) >= 0.3 * len(characters)


def transliteration(text: str) -> bool:
    """Two or more characters that transliterations use, and only those (卢旺达 Rwanda)."""
    return len(text) >= 2 and all(c in TRANSLITERATION_CHARACTERS for c in text)


def _dotted_entity(name: str, table: EntityTable) -> Entity | None:
    """萨提亚·纳德拉 may be in the table as such, or without the dot; by its family name only
    when the table has no other given name for it (艾米丽·卡特 is not Jimmy Carter)."""
    for form in (name, re.sub(r"[·•・．]", "", name)):
        entity = table.get(form)
        if entity is not None and entity.kind == "person":
            return entity
    *given, family = re.split(r"[·•・．]", name)
    entity = table.get(family)
    if entity is None or entity.kind != "person" or entity.source == "cedict":
        return None
    dotted = [f for f in entity.zh if re.search(r"[·•・．]", f)]
    if dotted:
        return None  # the table spells out the full name, and it is not this one
    # 约翰·尼克松 is not Richard Nixon: the given name must sound like the table's
    first = entity.en.split()[0]
    return entity if sound_similarity("".join(given), first) >= 0.3 else None  # 霍华德 Howard


def _first_dot(text: str, start: int, end: int) -> int:
    """Where the first middle dot of a dotted name (in ``text[start:end]``, which has one)
    stands."""
    return min(text.find(d, start, end) for d in "·•・．" if text.find(d, start, end) >= 0)


def _dotted_body(text: str, start: int, end: int, table: EntityTable
                 ) -> tuple[int, int, Entity] | None:
    """A known company or body written with a middle dot (律所貝克·麥堅時則: Baker McKenzie),
    and where it starts and ends."""
    dot = _first_dot(text, start, end)
    for head in range(start, dot):
        for tail in range(end, dot + 1, -1):
            entity = table.get(re.sub(r"[·•・．]", "", text[head:tail]))
            # a body, not any name: 普·桑 across 迪利普·桑哈维 is no painter (Poussin)
            if entity is not None and entity.kind in ("org", "media"):
                return head, tail, entity
    return None


def _after_a_country(text: str, start: int, end: int, table: EntityTable) -> int:
    """德国马克斯·普朗克: the country before a transliterated name is not part of it; but
    right after a title the name starts there (总统|普拉博沃·苏比安托: 普拉 is also Pula)."""
    if role_before(text, start):
        return start
    dot = _first_dot(text, start, end)
    for length in (4, 3, 2):
        entity = table.get(text[start:start + length])
        # a given name stays: two characters at least (梅斯芬 is not 梅斯, Metz, and 芬)
        if entity is not None and entity.kind == "place" and start + length < dot - 1:
            return start + length
    return start


#: When something was said, right after a name (迪利普·桑哈维周四在孟买表示, 林剑9月18日表示).
_TIME_WORD = (r"\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}[日号]|同日|当天|當天|当日|當日|日前|近日|"
              "今天|今日|昨天|昨日|明天|此前|随后|[周週][一二三四五六日末天]|星期.|上午|下午|晚间"
              "|[上下本][月周週]|[去今明]年|会后|會後|会上|會上|会前|會前|赛后|賽後|此间|此間")
_TIME_AFTER = re.compile(_TIME_WORD)
#: 萨米娅·苏卢胡·哈桑|派代表出席: a person sends someone. Not a cue for any name (國軍派出兵力:
#: a body sends troops), only where a dotted name ends.
_SENDS = ("派代表", "派出", "派遣", "派人")
_DOTTED_NAME_ENDS = ZH_CUES_AFTER + _SENDS
#: A run of them (9月18日上午).
_TIME_WORDS = re.compile(f"(?:{_TIME_WORD})*")


#: Words a Chinese model name ends with in Latin letters (元PLUS, 小米14 Ultra).
_MODEL_SUFFIXES = frozenset({"PLUS", "PRO", "MAX", "MINI", "ULTRA", "LITE", "AIR"})


#: The ends of words for a person's trade (科学家, 记者, 教练员, 律师, 代理商, 种植户), which no
#: transliteration's given name holds.
_AGENT_SUFFIXES = frozenset("家者员員师師商户戶")


#: The longest first part of a dotted name after a title (阿卜杜勒阿齐兹·本·萨勒曼: seven
#: characters); without one, six at most.
MAX_GIVEN_NAME = 7


def _trim_dotted(text: str, start: int, end: int) -> tuple[int, int]:
    """首席执行官萨提亚·纳德拉同日 → 萨提亚·纳德拉: the dotted run without the words around it."""
    first_dot = _first_dot(text, start, end)
    head_start = max(start, first_dot - 6)  # 克里斯托弗·富凯: five before the dot
    # right after a title a longer first part (大臣|阿卜杜勒阿齐兹·本·萨勒曼)
    titled = next((i for i in range(first_dot - 6, first_dot - MAX_GIVEN_NAME - 1, -1)
                   if i >= start and role_before(text, i) and not any(
                       c in _NOT_IN_TRANSLITERATION for c in text[i:first_dot])), None)
    if titled is not None:
        head_start = titled
    for index in range(first_dot - 1, head_start - 1, -1):
        if text[index] in _NOT_IN_TRANSLITERATION:
            # 总裁于尔根·博斯: right after a title, 于 opens the name (Jürgen), not "at"
            head_start = index if text[index] == "于" and role_before(text, index) \
                else index + 1
            break
        if role_before(text, index + 1) and index + 1 < first_dot:
            head_start = index + 1
            break
    # a word of the language opening the run is no part of the name (首席执行官…), unless
    # stripping it leaves one character (马扎尔·彼得: 马扎 "a stool" is Magyar's)
    while head_start < first_dot - 3 and normalize_chinese(
            text[head_start:head_start + 2]) in common_words():
        head_start += 2 if normalize_chinese(text[head_start:head_start + 2]) in common_words() \
            else 1
    trade = max((i for i in range(head_start, first_dot - 1) if text[i] in _AGENT_SUFFIXES),
                default=None)
    if trade is not None:
        head_start = trade + 1  # 天体物理学家|乔治: the end of "astrophysicist", not the name
    middle_dot = max(text.rfind(d, start, end) for d in "·•・．")
    hyphen = max(text.rfind(d, middle_dot, end) for d in "-－‐")
    if hyphen > middle_dot and any(c in _NOT_IN_TRANSLITERATION
                                   for c in text[middle_dot + 1:hyphen]):
        end = hyphen  # 卡洛斯·萨迪尔|则在考查里-奥拉罗斯: the hyphen joins a later name
    last_dot = max(text.rfind(d, start, end) for d in "·•・．-－‐")
    tail_end = min(end, last_dot + 8)  # 萨特卡利耶夫: up to seven after the dot
    for index in range(last_dot + 1, tail_end):
        if text[index] in _NOT_IN_TRANSLITERATION or text.startswith(_NAME_SUFFIXES, index) \
                or text.startswith(_DOTTED_NAME_ENDS, index) or (
                    # 玛德琳·金|共同出席: after a one-character family name, a word no
                    # transliteration is made of
                    index == last_dot + 2 and text[index] not in TRANSLITERATION_CHARACTERS
                    and normalize_chinese(text[index:index + 2]) in common_words()
                    and not english_glosses(text[last_dot + 1:index + 1])) \
                or _TIME_AFTER.match(text, index) or (
                    index >= last_dot + 3
                    and normalize_chinese(text[index:index + 2]) in common_words()
                    and not _TIME_AFTER.match(text, index + 1)
                    # 亚历山大|作为, not 亚历山|大作: a transliteration the dictionary knows
                    and not english_glosses(text[last_dot + 1:index + 1])) or (  # 希奇莱马|上月
                    # past five, only the characters transliterations are made of
                    index >= last_dot + 6 and text[index] not in TRANSLITERATION_CHARACTERS):
            tail_end = index
            break
    return head_start, max(tail_end, last_dot + 2)


def _standalone(text: str, start: int, end: int, entity: Entity,
                before_a_name: bool = False) -> bool:
    """See _not_inside_a_word; also: not a currency (新台币), not a short transliteration inside a
    longer one (科尔 in 科尔蒂纳丹佩佐, Cortina), unless a known name follows it."""
    if text[end - 1:end] in "币幣" or (end - start == 2 and text[end - 1] == "元"):
        return False  # 新台币, 日元: currencies, not places
    if entity.kind == "place" and text[end:end + 1] == "裔":
        return False  # 亚太裔 "Asian Pacific American", 非裔: descent, not the place
    if entity.kind == "org" and text.startswith(("大学", "大學", "学院", "學院"), end):
        return False  # 中国石油大学 is a university, not PetroChina
    inside_transliteration = text[end:end + 1] in TRANSLITERATION_CHARACTERS \
        and not before_a_name or start > 0 and text[start - 1] in TRANSLITERATION_CHARACTERS
    if inside_transliteration and transliteration(text[start:end]) and end - start <= 2 \
            and not _country_before_a_transliteration(text, start, end) and (
            entity.kind in ("person", "place") and entity.source == "table"
            or entity.source == "cedict"):  # 拉萨 in 拉萨罗卡德纳斯 (Lázaro Cárdenas)
        return False
    if end - start == 3 and entity.kind == "person" and transliteration(text[start:end + 1]) \
            and normalize_chinese(text[end:end + 2]) not in common_words() \
            and not any(text.startswith(form, start) and len(form) > 3 for form in entity.zh):
        # 卡布斯 (Qaboos) in 卡布斯韦 (Kabuswe): a longer transliteration; but 特朗普特别说
        # is Trump, and then 特别 "especially"
        return False
    if end - start in (2, 3) and entity.kind == "person" and _ends_a_transliteration(text, start) \
            and not any(text.endswith(form, 0, end) and len(form) > end - start
                        for form in entity.zh):
        return False  # 罗蒂奇 (Henry Rotich) in 基普罗蒂奇 (Kiprotich), 默顿 in 克默顿
    return _not_inside_a_word(text, start, end, entity)


def _country_before_a_transliteration(text: str, start: int, end: int) -> bool:
    """巴西|卡马萨里: a country, then three or more transliteration characters, is the country
    and a place or person in it (as _translit_at reads it), not one longer name."""
    run = end
    while run < len(text) and text[run] in TRANSLITERATION_CHARACTERS and run - end < 3:
        run += 1
    return run - end >= 3 and to_simplified(text[start:end]) in _COUNTRIES_IN_TRANSLITERATION


def _ends_a_transliteration(text: str, start: int) -> bool:
    """Transliteration characters run up to ``start`` (基普|罗蒂奇): two or more, or one that
    ends no word (基普 is "kip", the Lao currency, and still no word here); not a country's
    name (肯尼亚|罗蒂奇 would be Kenya's Rotich)."""
    run = start
    while run > 0 and text[run - 1] in TRANSLITERATION_CHARACTERS and start - run < 4:
        run -= 1
    if run == start or _country_ends_at(text, start):
        return False
    return start - run >= 2 or normalize_chinese(text[start - 2:start]) not in common_words()


def _country_ends_at(text: str, start: int) -> bool:
    """A country of _COUNTRIES_IN_TRANSLITERATION ends right before ``start``."""
    before = to_simplified(text[max(0, start - _LONGEST_COUNTRY):start])
    return before.endswith(_COUNTRIES_IN_TRANSLITERATION)


#: Countries whose Chinese names end in transliteration characters, which may stand right
#: before a person's name (肯尼亚罗蒂奇).
_COUNTRIES_IN_TRANSLITERATION = tuple(split_words(
    "肯尼亚 俄罗斯 意大利 西班牙 巴西 印度尼西亚 阿根廷 埃塞俄比亚 坦桑尼亚 尼日利亚 哥伦比亚 "
    "澳大利亚 马来西亚 乌干达 卢旺达 赞比亚 纳米比亚 利比亚 叙利亚 阿拉伯 秘鲁 智利 古巴 "
    "墨西哥 加拿大 乌克兰 波兰 荷兰 芬兰 爱尔兰 新西兰 伊朗 伊拉克 土耳其 以色列 埃及 希腊 "
    "挪威 丹麦 比利时 奥地利 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 格鲁吉亚 亚美尼亚 "
    "斯坦 孟加拉 斯里兰卡 尼泊尔 柬埔寨 老挝 菲律宾 新加坡 文莱 蒙古 加纳 几内亚 马里 "
    "塞内加尔 摩洛哥 突尼斯 阿尔及利亚 苏丹 索马里 莫桑比克 安哥拉 津巴布韦 博茨瓦纳 委内瑞拉"))
_LONGEST_COUNTRY = max(map(len, _COUNTRIES_IN_TRANSLITERATION))


def _names_a_smaller_place(text: str, start: int, end: int, entity: Entity) -> bool:
    """东海岛 (Donghai Island) is not 东海, the East China Sea: a place whose English is not
    its pinyin, followed by a place noun that makes another place of it; so is 茅台镇, the
    town, not the Kweichow Moutai company. (海南岛 is Hainan whatever follows: its English is
    its pinyin.)"""
    return entity.kind in ("place", "org") and text[end:end + 1] in _SMALLER_PLACE \
        and not any(romanize.hanyu_spells(normalize_chinese(text[start:end]), form)
                    for form in entity.english_forms)


_SMALLER_PLACE = frozenset("岛島县縣镇鎮乡鄉村")


def _not_inside_a_word(text: str, start: int, end: int, entity: Entity) -> bool:
    """A known name that is really there, not a piece of a longer word: a single-syllable
    country abbreviation or a CC-CEDICT place inside a run of Han characters that the
    dictionary reads as an ordinary word is skipped (中美洲 yes; 白云 in 白云朵朵 no)."""
    if entity.source == "table" and entity.kind in ("org", "product", "media"):
        if end - start == 2:
            # 晶科 in 宏晶科技 is not JinkoSolar; 学者林维萨 is a scholar, not Visa
            return not _crosses_a_word(text, start, end) and not _given_name_after_a_title(
                text, start)
        if end - start == 3:  # 中海外 in 其中海外 is not China Overseas Land (国民党|籍 is);
            # 和乐施会 is "and Oxfam": a word begun by "and" is chance
            return not (start > 0 and text[start - 1] not in _FUNCTION_CHARACTERS
                        and normalize_chinese(text[start - 1:start + 1]) in common_words())
    if entity.source == "glossary" or end - start > 2 and entity.source in ("table", "cedict"):
        return True  # a word across the edge of a long name is chance (战胜利物浦)
    if entity.source == "table":
        return not _split_between_words(text, start, end)
    if entity.kind == "person" and start > 0 and text[start - 1] in SURNAMES \
            and text[start - 1] not in PREPOSITION_SURNAMES | _FUNCTION_CHARACTERS:
        return False  # 嘉仁 (Yoshihito) in 杨嘉仁: the given name of a Chinese name
    if text[start] in _FUNCTION_CHARACTERS and start > 0 and _is_han(text[start - 1]):
        return False  # 从江 in 一年内从江浙沪, 和县 in 城市和县: the word "from", "and"
    if start > 0 and text[start - 1] in _PROVINCE_ABBREVIATIONS and text[start] in "东西南北中":
        return False  # 西和 in 粤西和粤北: "western Guangdong and", not Xihe County
    return not _inside_common_word(text, start, end)


#: One-character names of provinces that open region words (粤西, 苏北, 鲁西南, 豫东).
_PROVINCE_ABBREVIATIONS = frozenset("粤沪冀晋辽苏浙皖闽赣鲁豫鄂湘桂琼川黔滇陕陇渝")


def _given_name_after_a_title(text: str, start: int) -> bool:
    """A surname stands between a title and ``start``: 学者|林|维萨 is a person's name."""
    simplified = to_simplified(text[:start])
    return start >= 2 and simplified[-1] in SURNAMES \
        and bool(role_ending_at(simplified, start - 1))


def _split_between_words(text: str, start: int, end: int) -> bool:
    """最高通关: 高 ends the word 最高 and 通 starts 通关, so this is not 高通 (Qualcomm). The
    curated table chose its short forms (苹果 is Apple there); only such a split speaks against
    one. One word across one edge is chance (起初中国 is still 中国)."""
    common = common_words()
    folded = normalize_chinese(text)
    left = start > 0 and folded[start - 1:start + 1] in common
    right = end < len(folded) and folded[end - 1:end + 1] in common
    return left and right


def _crosses_a_word(text: str, start: int, end: int) -> bool:
    """A word of the dictionary crosses either edge of the match (宏晶|科技), or goes on past
    its end (北大荒 "the Great Northern Wilderness" is not 北大, Peking University)."""
    folded = normalize_chinese(text)
    common = common_words()
    # 央行|将 and 渣打|的 are names before a function word, not 行将 "about to", 打的 "a taxi"
    after = end < len(folded) and folded[end] not in _FUNCTION_CHARACTERS
    return (start > 0 and folded[start - 1:start + 1] in common) or (
        after and (folded[end - 1:end + 1] in common or folded[start:end + 1] in common))


_FUNCTION_CHARACTERS = frozenset("将的在和与是已也还就都对把被从向为等及了着过")


def _inside_common_word(text: str, start: int, end: int) -> bool:
    """The name is itself an ordinary word, or an ordinary word crosses its edge (创新和 is
    not 新和 County)."""
    common = common_words()
    folded = normalize_chinese(text)
    if folded[start:end] in common:
        return True
    for edge in (start, end):
        for left in range(max(0, edge - 3), edge):
            for right in range(edge + 1, min(len(folded), edge + 3) + 1):
                if right - left >= 2 and folded[left:right] in common:
                    return True
    return False


#: What follows a transliterated place: 普利特维茨湖国家公园, 卡拉奇市.
_PLACE_ENDINGS = ("湖", "河", "山", "岛", "島", "国家公园", "國家公園", "公园", "公園", "港",
                  "湾", "灣", "海峡", "海峽", "半岛", "半島", "群岛", "群島", "州", "省", "市",
                  "县", "縣", "峡谷", "峽谷", "瀑布", "火山", "沙漠", "高原", "盆地", "运河",
                  "運河")


#: Characters before a place: 在 "in", 赴 "to", 抵 "reach".
_BEFORE_A_PLACE = frozenset("在赴抵")


def _unknown_kind(text: str, start: int, end: int, evidence: str) -> str:
    """A name the table does not know is a person's, unless a place noun follows a
    transliteration (普利特维茨湖) or "in" comes before it (在伍尔弗汉普顿读书)."""
    place = evidence == "translit" and (text.startswith(_PLACE_ENDINGS, end) or (
        start > 0 and text[start - 1] in _BEFORE_A_PLACE))
    return "place" if place else "person"


def _unknown_people(text: str, claimed: list[bool], not_surnames: set[int]
                    ) -> Iterable[tuple[int, int, str]]:
    """Personal names the table does not know, found by a surname and a cue; not starting at
    ``not_surnames``."""
    index = 0
    while index < len(text):
        found = (index not in not_surnames and _person_at(text, index, claimed)) \
            or _translit_at(text, index, claimed)
        if found:
            yield found
            index = found[1]
        else:
            index += 1


#: What ends an item of a list of people: 、, 和 "and", 等 "and others" …
_LIST_ENDS = frozenset("、和与及等")


def _listed_people(text: str, people: list[tuple[int, int]], claimed: list[bool]
                   ) -> list[tuple[int, int]]:
    """丁薛祥、何立峰、张国清、刘国中: after a person, each item of the list that opens with
    a surname, two or three characters between 、 and another 、, 和 or 等, is a person too
    (何立峰, 张国清, whose given names no cue marks)."""
    found = []
    for _, end in sorted(people):
        position = end
        while position < len(text) and text[position] == "、":
            item = _list_item(text, position + 1, claimed)
            if item is None:
                break
            found.append(item)
            position = item[1]
    return found


def _list_item(text: str, start: int, claimed: list[bool]) -> tuple[int, int] | None:
    for size in (3, 2):
        end = start + size
        if end < len(text) and text[end] in _LIST_ENDS and _all_han(text[start:end]) \
                and not any(claimed[start:end]) and text[start] in SURNAMES \
                and text[start:end] not in common_words():
            return start, end
    return None


def _surname_starts() -> frozenset[str]:
    """The characters a surname can start with, Simplified and Traditional: checked before
    anything else at every position of every sentence."""
    firsts = set(SURNAMES) | {surname[0] for surname in COMPOUND_SURNAMES}
    traditional = {chr(source): target if isinstance(target, str) else chr(target)
                   for source, target in TRADITIONAL_TO_SIMPLIFIED.items() if target is not None}
    return frozenset(firsts | {t for t, s in traditional.items() if s in firsts})


_SURNAME_STARTS = _surname_starts()


def _person_at(text: str, start: int, claimed: list[bool]) -> tuple[int, int, str] | None:
    if text[start] not in _SURNAME_STARTS:
        return None
    head = normalize_chinese(text[start:start + 2])  # 區, 蔣: Traditional surnames too
    surname = 2 if head in COMPOUND_SURNAMES else 1
    if surname == 1 and head[:1] not in SURNAMES:
        return None
    if surname == 2 and role_before(text, start + 1):
        return None  # 董事長|孫嘉明: 長 ends the title, and the name is 孫嘉明, not 長孫嘉明
    if text[start] in _CLASSIFIERS and start > 0 and (
            text[start - 1].isdigit() or text[start - 1] in _NUMERALS):
        return None  # 57位青年艺术家 "57 young artists": 位 counts them, it is no surname
    before = role_before(text, start) or _listed_after_a_titled_person(text, start, claimed)
    if not before and start > 0 and _is_han(text[start - 1]) \
            and text[start - 1] not in _BEFORE_NAME:
        return None  # 中方愿: the surname character ends a word (中方 "the Chinese side")
    if surname == 1 and text[start + 1:start + 2] == "方" and text[start] in _SIDES \
            and text[start + 2:start + 3] in _AFTER_A_SIDE:
        return None  # 伊方对会晤成果感到满意: "the Iranian side", no 伊方对 (but 韩方明)
    for given in (2, 1):
        end = start + surname + given
        if any(text[start:start + size] in _ROLE_SET for size in range(2, end - start)):
            continue  # 华商|王女士: a role opens the run, and the name follows it
        if text[end - 1:end] in _ADVERBS:
            continue  # 林剑还说: 还 "also" is not part of the name (nor 也 of 时也)
        if end > len(text) or any(claimed[start:end]) or not _all_han(text[start:end]):
            continue
        candidate = normalize_chinese(text[start:end])
        if candidate in common_words() or _NOT_A_NAME.fullmatch(candidate) \
                or text[end:end + 1] in _NOT_AFTER_NAME \
                or text[end - 1] in _NOT_NAME_ENDINGS \
                or text.startswith(ZH_CUES_AFTER, start + surname):
            continue  # 时表示: the "given name" is the verb
        if text[start] in PREPOSITION_SURNAMES and given == 2 \
                and normalize_chinese(text[start + surname:end]) in common_words():
            continue  # 法官和律师: "judges and lawyers", not a lawyer named 和
        if text[start] in PREPOSITION_SURNAMES and given == 1 and not before:
            continue  # 都有学生: "there are always students", not a Dou You; no title names him
        if _words_across(text, start, end, surname, given):
            continue  # 游客和留学生 "tourists and students", 代表全程参与 "took part throughout"
        if not before and _ordinary_words_inside(text, start, end, surname) and not (
                given == 2 and _opens_a_phrase(text, start) and _cue_after(text, end)
                and not _surname_word(text, start, surname)
                and text[start] not in PREPOSITION_SURNAMES):
            # 于下周, 国家大, 惠及: a surname character in ordinary words; but a clause that
            # opens with 陈光明得知 names 陈光明, though 光明 is a word
            continue
        # 律師費標準已: after a role, a "given name" that is a word (標準 "standard") needs a
        # cue to be one (律師張建國表示)
        worded = given == 2 and normalize_chinese(text[start + surname:end]) in common_words()
        if _cue_after(text, end) or (before and _boundary(text, end) and not worded) or (
                before and given == 2 and normalize_chinese(text[end:end + 2]) in common_words()
                and not _ordinary_words_inside(text, start, end, surname)) or (
                given == 2 and (_clause_start(text, start) or before)
                and _time_after(text, end)):  # 董事长董明珠会后: a time word after the name
            return start, end, "surname"
    return None


#: One-character names of countries and regions before 方 "side": 中方, 美方, 伊方, 韩方.
_SIDES = frozenset("中美日韩朝俄英法德意印巴以伊沙土越老柬泰菲澳欧蒙哈乌吉塔阿埃南港台")
#: What opens the words after "the X side": 对, 愿, 将, 也, 的, 表示, 认为, 希望, 欢迎 …
_AFTER_A_SIDE = frozenset("对愿将也已同与和的在是会要就为一认希坚欢赞强支反表注期呼重高始并则仍")

#: A family name and a courtesy title: 张先生 "Mr Zhang", 李女士 "Ms Li".
_HONORIFIC = re.compile(f"([{_HAN}])(?:先生|女士|小姐|太太)")


def _words_across(text: str, start: int, end: int, surname: int, given: int) -> bool:
    """The name's last character makes a word with the next one, and the rest is words too:
    a preposition and a word (和|留学生), or two words (全程|参与), not a name."""
    common = common_words()
    if end >= len(text) or normalize_chinese(text[end - 1:end + 1]) not in common:
        return False
    if given == 1:
        return text[start] in PREPOSITION_SURNAMES
    return surname == 1 and normalize_chinese(text[start:start + 2]) in common


def _listed_after_a_titled_person(text: str, start: int, claimed: list[bool]) -> bool:
    """副省长张迎龙、秦国文出席: the next name of a list shares the title of the first."""
    if start < 1 or text[start - 1] != "、":
        return False
    return any(start - 1 - size >= 0 and all(claimed[start - 1 - size:start - 1])
               and role_before(text, start - 1 - size) for size in (2, 3, 4))


#: Surname characters that are also classifiers after a number (57位, 两名).
_CLASSIFIERS = frozenset("位名")
_NUMERALS = frozenset("一二两三四五六七八九十百千万亿几多数")


#: Surnames that are also prepositions or conjunctions: 向世界警告 "warned the world", 由青年导演
#: "by a young director" open a clause with the word, not a name; 和 in 民乐乡和龙凤山镇 joins
#: two places and is no family name of 龙凤山.
PREPOSITION_SURNAMES = frozenset("向由和都时于从以对将把被与同及跟为")

# 周日 "Sunday", 周末 "the weekend", 王国 "kingdom": a surname character in a word
# 伊方表示 is "the Iranian side said": a country's one-character name and 方 "side"
_NOT_A_NAME = re.compile(r"周[一二三四五六日天末年]|[王帝]国|年[初中底末]|"
                         r"[中美俄日韩朝英法德意伊以巴印越菲泰土沙欧澳加乌吉哈塔蒙柬缅老捷波匈希]方")


def _surname_word(text: str, start: int, surname: int) -> bool:
    """The surname and the next character make a word (高速, 黄金, 林业, 国会)."""
    word = normalize_chinese(text[start:start + surname + 1])
    return word in common_words() or bool(english_glosses(word))


def _clause_start(text: str, start: int) -> bool:
    return start == 0 or not _is_han(text[start - 1])


def _opens_a_phrase(text: str, start: int) -> bool:
    """A clause opens here, or a description ends (…经营小商品出口生意的|陈建国对记者说)."""
    return _clause_start(text, start) or text[start - 1] == "的"


def _time_after(text: str, end: int) -> bool:
    """郑钦文周日在…: a clause that opens with a name followed by a time word."""
    match = _TIME_WORDS.match(text, end)
    return match is not None and match.end() > end


def _ordinary_words_inside(text: str, start: int, end: int, surname: int) -> bool:
    """Without a title before it, a candidate name whose characters read as ordinary words
    (surname + first given character, or the given name) is not taken for a name."""
    common = common_words()
    windows = {text[start:start + surname + 1], text[start + surname:end]}
    return any(len(w) >= 2 and normalize_chinese(w) in common for w in windows) \
        or _surname_word(text, start, surname)


def _translit_at(text: str, start: int, claimed: list[bool]) -> tuple[int, int, str] | None:
    """帕利说: a run of transliteration characters with a role before or a verb after."""
    end = start
    while end < len(text) and text[end] in TRANSLITERATION_CHARACTERS and not claimed[end] \
            and end - start < 6:
        end += 1
    if end - start < 2 or normalize_chinese(text[start:end]) in common_words():
        return None
    role = role_before(text, start)
    # after punctuation, a function word or a country (巴西|卡马萨里), or "in" (在伍尔弗汉普顿)
    after_boundary = start == 0 or not _is_han(text[start - 1]) \
        or text[start - 1] in _BEFORE_NAME or _country_ends_at(text, start) \
        or text[start - 1] in _BEFORE_A_PLACE
    if (role and end - start >= 3) or _cue_after(text, end) and (
            role or end - start >= 3 or after_boundary) or (
            end - start >= 3 and (after_boundary or text.startswith(_PLACE_ENDINGS, end))
            and not _inside_common_word(text, start, end)):
        return start, end, "translit"
    return None


_ROLE_SET = frozenset(ZH_ROLES)
_ROLE_LENGTHS = tuple(sorted({len(role) for role in ZH_ROLES}))


def role_before(text: str, start: int) -> bool:
    """A title or role ends right before ``start`` (外交部发言人|林剑); ``text`` Simplified."""
    return bool(role_ending_at(text, start))


def role_ending_at(text: str, start: int) -> str:
    """The longest title or role that ends right before ``start`` (外交部发言人|林剑 → 发言人),
    or ""; ``text`` Simplified."""
    return next((text[start - size:start] for size in reversed(_ROLE_LENGTHS)
                 if size <= start and text[start - size:start] in _ROLE_SET), "")


def _cue_after(text: str, end: int) -> bool:
    rest = text[end:end + 12]
    rest = rest[_TIME_WORDS.match(rest).end():]
    if rest[:1] in _ADVERBS:
        rest = rest[1:]  # 汪东进则说, 林剑还表示
    return rest.startswith(ZH_CUES_AFTER) or rest.startswith(ZH_ROLES)


def _boundary(text: str, end: int) -> bool:
    return (end >= len(text) or not _is_han(text[end]) or text[end] in "说称在和与等向对"
            or text[end] in _ADVERBS)


def _is_han(char: str) -> bool:
    return bool(re.match(f"[{_HAN}]", char))


def _all_han(text: str) -> bool:
    return all(_is_han(c) for c in text)


# ---------------------------------------------------------------- English


def extract_en_names(text: str, offset: int, table: EntityTable) -> tuple[NameMention, ...]:
    """Names of one English sentence."""
    spans = [span for match in _EN_NAME.finditer(text) for span in _known_joined(
        _name_parts(text, match.start(), match.end(), table), text, table)]
    unsure: set[tuple[int, int]] = set()
    if _headline(text):
        runs = [run for span in spans for run in _headline_runs(text, span, table)]
        spans = [(start, end) for start, end, _ in runs]
        unsure = {(start, end) for start, end, known in runs if not known}
    mentions = []
    for start, end in _joined_by_and(spans, text, table):
        name = text[start:end]
        evidence = _en_evidence(text, start, name)
        if evidence is None:
            continue
        if (start, end) in unsure and evidence != "acronym":
            evidence = "initial"  # a capital that a title gives every word
        owners = table.english_owners(name)
        if evidence == "initial" and not _opens_a_clause(text, end):
            if owners:
                evidence = "name"  # "Intel founder …": a known name, not just a capital
            elif (start, end) not in unsure and _no_english_word(name):
                # "Pasni fisherman Abdul Rahim": a word no dictionary has, though it may be a
                # term the dictionary lacks ("Polysilicon output")
                evidence = "strange"
        entity = owners[0] if len(owners) == 1 else None
        kind = entity.kind if entity else ("latin" if evidence == "acronym" else "name")
        mentions.append(NameMention(Span(offset + start, offset + end, name), kind,
                                    evidence, entity))
    return tuple(mentions)


def _headline(text: str) -> bool:
    """A title in Title Case ("Agricultural Modernization in the Black Land"), where capitals
    say nothing about names."""
    if text.rstrip(" \"'”’)").endswith((".", "!", "?")):
        return False  # a title does not end as a sentence does
    ordinary = ordinary_english()
    words = [w for w in re.findall(r"[A-Za-z][a-z'’]{3,}", text)
             if w not in _EN_ROLES and w not in _PORTFOLIOS and w not in NATIONALITIES
             and _ordinary_word(w.lower(), ordinary)]
    # "Turkish President Recep Tayyip Erdogan met visiting …" has many capitals, but its
    # ordinary words are in lower case
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


#: Words a sentence opens with that CC-CEDICT's glosses leave out: function words, and a few
#: adverbs and participles.
_SENTENCE_OPENERS = EN_STOP_WORDS | frozenset(split_words(
    "nonetheless likewise fewer noting whereas whilst amid amidst despite unlike thereby "
    "meanwhile moreover furthermore"))


def _no_english_word(word: str) -> bool:
    """Not an English word in any form the dictionary glosses with, even rarely."""
    ordinary = ordinary_english()
    lower = word.lower()
    stems = _stems(lower) | {lower.removesuffix("ly"), lower.removesuffix("ally")}
    return not any(ordinary.get(stem, 0) >= 1 for stem in stems) \
        and lower not in _SENTENCE_OPENERS


def _stems(word: str) -> set[str]:
    """The word and the forms its inflections may come from (analysts, rated, building)."""
    return {word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("ed"),
            word.removesuffix("d"), word.removesuffix("ing"), word.removesuffix("ies") + "y"}


def _ordinary_word(word: str, ordinary: dict[str, int]) -> bool:
    return any(ordinary.get(stem, 0) >= 3 for stem in _stems(word))


def _headline_runs(text: str, span: tuple[int, int], table: EntityTable
                   ) -> list[tuple[int, int, bool]]:
    """A headline's capitalised run cut into known names ("White House", True) and runs of
    other words between function words ("Natural Ecology", False)."""
    # "Reopening-ChinaNews.com": a title glued to its source by a dash
    words = [(span[0] + m.start(), span[0] + m.end())
             for m in re.finditer(r"[^\s-]+", text[span[0]:span[1]])]
    runs: list[tuple[int, int, bool]] = []
    current: tuple[int, int] | None = None
    index = 0
    while index < len(words):
        known = _person_window(text, words, index) or _known_window(text, words, index, table)
        word = text[words[index][0]:words[index][1]].strip(",'’\"“”").lower()
        if known or word in _TITLE_FUNCTION_WORDS:
            runs += [(*current, _pinyin_person(text[current[0]:current[1]]))] if current else []
            current = None
            if known:
                end = words[known - 1][1]
                end -= text[end - 1] in ",;:"
                runs.append((words[index][0], end, True))
            index = known or index + 1
            continue
        current = (current[0], words[index][1]) if current else words[index]
        if text[words[index][1] - 1] in ",;:":
            runs.append((*current, _pinyin_person(text[current[0]:current[1] - 1])))
            current = None
        index += 1
    if current:
        runs.append((*current, _pinyin_person(text[current[0]:current[1]])))
    return runs


def _person_window(text: str, words: list[tuple[int, int]], index: int) -> int | None:
    """The end of "Wu Bingze" (a pinyin name of two or three words) starting at ``index``."""
    for end in (index + 3, index + 2):
        if end <= len(words) and not any(text[w[1] - 1] in ",;:" for w in words[index:end - 1]):
            name = text[words[index][0]:words[end - 1][1]].rstrip(",;:")
            if _pinyin_person(name):
                return end
    return None


def _pinyin_person(name: str) -> bool:
    """"Wu Bingze" in a byline: a Chinese name in pinyin, a name even in a title."""
    words = [romanize.ascii_fold(w) for w in name.split()]
    return len(words) in (2, 3) and all(romanize.pinyin_like(w) for w in words) and (
        words[0] in romanize.all_surname_spellings()
        or words[-1] in romanize.all_surname_spellings())


def _known_window(text: str, words: list[tuple[int, int]], index: int, table: EntityTable
                  ) -> int | None:
    """The end of the longest run of words from ``index`` that names a known entity, unless
    it is one word that is mostly an ordinary one ("Red", "Black")."""
    for end in range(min(len(words), index + 6), index, -1):
        name = text[words[index][0]:words[end - 1][1]].strip(",'’\"“”")
        name = name.removesuffix("'s").removesuffix("’s")
        owners = table.english_owners(name)
        if not owners:
            continue
        if end > index + 1:
            return end
        # one word: CC-CEDICT's loose names ("Media", "Down") do not make a word a name
        curated = any(e.source != "cedict" for e in owners)
        lower = name.lower()
        if not curated or lower in _TITLE_FUNCTION_WORDS \
                or ordinary_english().get(lower, 0) >= _VERY_ORDINARY:
            return None
        return end
    return None


#: "Red", "Black": known names too, but far more often words ("China", 339, stays a name).
_VERY_ORDINARY = 400
_TITLE_FUNCTION_WORDS = frozenset(split_words(
    "a an the of for on in at to by with from into over under and or but nor as is are was were "
    "be been am has have had will would can could may might must shall should than more most "
    "its it this that these those his her their our not no new says said up down out off "
    "about after before amid against between how why what who"))


def _joined_by_and(spans: list[tuple[int, int]], text: str, table: EntityTable
                   ) -> list[tuple[int, int]]:
    """"University of Science" | "and" | "Technology" joined again: after "of", "and" links
    two words of one name ("Ministry of Industry and Information Technology"), not two names
    ("Boric and Milei", "the University of Nairobi and Universiti Malaya": the first is a
    known name, and the second names a body of its own)."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        before = text[joined[-1][0]:joined[-1][1]] if joined else ""
        last = list(_OF_OR_FOR.finditer(before))
        body = before[:last[-1].start()] if last else before
        if joined and text[joined[-1][1]:start] == " and " and (
                body != before and body.split()[-1].lower() in _BODY_NOUNS
                and len(text[start:end].split()) <= 3
                or _words_of_one_body(before, text[start:end], table)) \
                and (table.english_owners(text[joined[-1][0]:end])
                     or not table.english_owners(text[joined[-1][0]:joined[-1][1]])
                     and not table.english_owners(text[start:end])):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _words_of_one_body(before: str, after: str, table: EntityTable) -> bool:
    """"Securities" | "and" | "Futures Commission", "Yunnan Provincial Development" | "and" |
    "Reform Commission": an ordinary word before "and", and a body noun ending what follows,
    make one body's name (not "Huawei and ZTE Corporation")."""
    words, last = after.split(), before.split()[-1]
    return len(words) <= 3 and words[-1].lower() in _BODY_NOUNS \
        and ordinary_english().get(last.lower(), 0) >= 3 and not table.english_owners(last)


#: "Center for Strategic and International Studies" as "University of Science and Technology"
_OF_OR_FOR = re.compile(r" (?:of|for) ")
#: The nouns of "X of Y and Z" bodies ("University of Science and Technology"); "Leaders of
#: the European Union and Mercosur" is two names.
_BODY_NOUNS = frozenset(split_words(
    "university ministry institute academy school college department bureau commission "
    "committee bank office council centre center association federation administration "
    "corporation company agency authority"))


def _known_joined(parts: list[tuple[int, int]], text: str, table: EntityTable
                  ) -> list[tuple[int, int]]:
    """Parts split at a possessive joined again when together they are a known name ("People"
    | "Bank of China" → "People's Bank of China")."""
    joined: list[tuple[int, int]] = []
    for start, end in parts:
        if joined and table.english_owners(text[joined[-1][0]:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_DESCRIPTOR = re.compile(r"-(?:based|branded|owned|led|backed|made|listed|funded|run|born|"
                         r"style|linked|controlled|focused|related|bound|wide)\b")


def _a_persons_name(text: str, words: list[tuple[int, int]], table: EntityTable | None
                    ) -> bool:
    """Two or three words that name a person the table knows, open with a given name, or
    have a Chinese person's shape, and hold no body's word ("Geoffrey Ma", "Xue Qikun", not
    "Bank of China" nor "University of Tokyo")."""
    names = [text[s:e] for s, e in words]
    if not 2 <= len(names) <= 3 or any(n.lower().strip(".,") in _BODY_NOUNS for n in names):
        return False
    return names[0].lower() in romanize.ENGLISH_GIVEN_NAMES or _chinese_persons_shape(names) \
        or table is not None and any(
            e.kind == "person" for e in table.english_owners(" ".join(names)))


def _chinese_persons_shape(words: list[str]) -> bool:
    """A surname, then a given name in syllables: "Xue Qikun", "Wong Ka-yan"."""
    syllables = [romanize.ascii_fold(part) for word in words[1:] for part in word.split("-")]
    return romanize.ascii_fold(words[0]) in romanize.all_surname_spellings() \
        and all(romanize.pinyin_like(s) for s in syllables) and all(
            word[:1].isupper() for word in words)


def _name_parts(text: str, start: int, end: int, table: EntityTable | None = None
                ) -> list[tuple[int, int]]:
    """A capitalised run split at role words, adjectives of nationality and stop words:
    "Indian Prime Minister Narendra Modi" → "Narendra Modi"; possessives dropped."""
    words = [(m.start() + start, m.end() + start)
             for m in re.finditer(r"\S+", text[start:end])]
    # "Nokia-branded" is Nokia, and "Chevron-led Tengizchevroil" two names
    described = {s for s, e in words if _DESCRIPTOR.search(text, s, e)}
    words = [(s, d.start()) if (d := _DESCRIPTOR.search(text, s, e)) else (s, e)
             for s, e in words]
    # "Minister of Science and | Technology Yin Hejun": the title goes on after "and"
    parts, current, after_role = [], [], _TITLE_GOES_ON.search(text[max(0, start - 60):start])
    for number, word in enumerate(words):
        if current and current[-1][0] in described:
            parts.append(current)
            current = []
        following = words[number + 1] if number + 1 < len(words) else (0, 0)
        this, next_word = text[word[0]:word[1]], text[following[0]:following[1]]
        # "Secretary of State Antony Blinken", "Secretary for Security Chris Tang": the
        # portfolio still belongs to the title
        title_tail = after_role and not current and (
            this in ("of", "for", "and", "&") or this.rstrip(".,") in _TITLE_PORTFOLIOS)
        # "Ambassador to China Jennifer May": the country ends before the envoy's name
        envoy = bool(current) and (
            text[max(0, current[0][0] - 3):current[0][0]] == "to "
            and this.lower() in romanize.ENGLISH_GIVEN_NAMES
            or _ENVOY_TO.search(text, 0, current[0][0]) is not None
            and _a_country_then_more(text, current[0][0], current[-1][1], word[1], table))
        if envoy:
            parts.append(current)
            current = [word]
            after_role = False
            continue
        if this == "for" and current and not _takes_for(text, current[-1]):
            parts.append(current)  # "fled Al-Fashir for Tawila": two names
            current = []
        elif this == "of" and (_a_persons_name(text, current, table) or _a_body_of_a_country(
                text, current, words[number + 1:], table)):
            parts.append(current)  # "Geoffrey Ma of the Court of Final Appeal": two names
            current = []
        elif current and number == len(words) - 1 and this.rstrip(".,") in _ROLE_SURNAMES:
            current.append(word)  # "Madeleine King": a family name, no title of anyone after
        elif title_tail or _strip_word(text, *word) or _is_nationality(this, next_word) or (
                this in _PORTFOLIOS and next_word.rstrip(".,") in _EN_ROLES):
            parts.append(current)
            current = []
            after_role = title_tail or this.rstrip(".,") in _EN_ROLES
        elif text[word[1] - 2:word[1]] in ("'s", "’s"):
            parts.append([*current, word])  # China's | Ministry of Foreign Affairs
            current = []
        else:
            current.append(word)
            after_role = False
    parts.append(current)
    spans = []
    for part in parts:
        # only a lower-case particle is one: "Li Bin" keeps its Bin
        while part and text[part[-1][0]:part[-1][1]] in _EN_PARTICLES:
            part.pop()
        while part and text[part[0][0]:part[0][1]] in _EN_PARTICLES:
            part.pop(0)
        if not part:
            continue
        first, last = part[0][0], part[-1][1]
        if text[last - 2:last] in ("'s", "’s"):
            last -= 2
        if last > first:
            spans.append((first, last))
    return spans


#: "Ambassador to (the) …": what follows names the country of the posting.
_ENVOY_TO = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul|[Cc]onsul-[Gg]eneral|"
                       r"[Rr]epresentative)s? to (?:the )?$")


def _a_body_of_a_country(text: str, current: list[tuple[int, int]],
                         rest: list[tuple[int, int]], table: EntityTable | None) -> bool:
    """"Merck | of the United States": a known company, then the country it comes from (not
    "Bank of China", which is a name of its own)."""
    if table is None or not current or not rest:
        return False
    body = text[current[0][0]:current[-1][1]]
    named = [text[s:e] for s, e in rest]
    if named[0] == "the":
        named = named[1:]
    capitalised = []
    for word in named:
        if not word[:1].isupper():
            break
        capitalised.append(word)
    after = " ".join(capitalised).rstrip(".,")
    if not after:
        return False
    return any(e.kind in ("org", "media") for e in table.english_owners(body)) \
        and any(e.kind == "place" for e in table.english_owners(after)) \
        and not table.english_owners(f"{body} of {after}") \
        and not table.english_owners(f"{body} of the {after}")


def _a_country_then_more(text: str, start: int, end: int, after: int,
                         table: EntityTable | None) -> bool:
    """"Ambassador to South Korea | Dai Bing": the words so far name a known place, and with
    the next word they name nothing."""
    return table is not None and any(
        e.kind == "place" for e in table.english_owners(text[start:end])) \
        and not table.english_owners(text[start:after])


def _takes_for(text: str, word: tuple[int, int]) -> bool:
    """A word a name goes on from with "for": "Centre for European Reform", "Secretary for
    Justice", "Bank for International Settlements" (not "Al-Fashir for Tawila")."""
    this = text[word[0]:word[1]].rstrip(".,")
    return this in _EN_ROLES or this.lower() in _NAMES_GO_ON_WITH_FOR


#: The last words of names that go on with "for".
_NAMES_GO_ON_WITH_FOR = frozenset(split_words(
    "ministry bank company corporation group university college agency commission bureau "
    "council committee department office association institute institution academy fund "
    "federation union league party court administration authority organization organisation "
    "board centre center school foundation endowment society alliance coalition programme "
    "program initiative partnership network forum campaign movement agreement treaty "
    "convention award awards prize medal permit permits travel state envoy representative "
    "commissioner secretary minister coordinator advocate trust laboratory lab"))


def _strip_word(text: str, start: int, end: int) -> bool:
    word = text[start:end].rstrip(".,")
    if word in _SURNAME_LOOKALIKES and re.match(r"\s+[A-Z]", text[end:end + 2]):
        return False  # "He Lifeng", "Yu Xiazhou": a surname, not a pronoun
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 20):start])
    if word in _MONTH_SURNAMES and before and before.group(1) not in _EN_NOT_NAMES \
            and not re.match(r"\s*\d", text[end:end + 3]):
        return False  # "Jennifer May": a family name, not the month
    if text.startswith(" &", end):
        return False  # "King & Wood": a firm's founder, not a king
    if word in _ROLE_SURNAMES and _SAYS.match(text, end):
        return False  # "King said": a family name, the title of no one
    if word in ("An", "A") and re.match(r"\s+[A-Z]", text[end:end + 2]) \
            and not _sentence_initial(text, start):
        return False  # "Vietnam's An Giang province", "A Luoi": an article is not capitalised
    if re.fullmatch(r"(?:[A-Z][a-z]+|\d+)-times?", word):
        return True  # "Three-time Olympic champion"
    return word in _EN_ROLES or word in _EN_NOT_NAMES


_SAYS = re.compile(r"\s+(?:said|says|told|added|noted|stressed|warned)\b")
_SURNAME_LOOKALIKES = frozenset({"He", "Yu", "Ma", "Dan", "Long", "Hong", "Sun", "Man", "Mo"})
_MONTH_SURNAMES = frozenset({"May", "June", "April", "August", "Jun"})  # Zhang Jun


def _is_nationality(word: str, next_word: str) -> bool:
    """"Indian" in "Indian Prime Minister Narendra Modi": an adjective before a title, not part
    of a name ("European Commission" keeps its adjective)."""
    return word in NATIONALITIES and next_word.rstrip(".,") in _EN_ROLES


#: "Foreign" in "Foreign Minister": part of a title, not of the name before it.
_PORTFOLIOS = frozenset(split_words(
    "Foreign Finance Defense Defence Commerce Trade Interior Home Economy "
    "Economic Justice Health Education Energy Environment Agriculture Transport Labor Labour "
    "Culture"
))
#: Hong Kong's bureau titles: "Secretary for Security Chris Tang".
_HONG_KONG_PORTFOLIOS = frozenset(split_words(
    "Administration Security Housing Development Tourism Welfare Treasury Works Transport "
    "Innovation Environment Education Labour Health Justice"))
#: Titles that are family names too, when they end a name: Madeleine King, James Dean.
_ROLE_SURNAMES = frozenset({"King", "Dean", "Judge", "Bishop", "Prince", "Pope", "Major"})
#: A title with its portfolio, cut at "and": "Minister of Industry and".
_TITLE_GOES_ON = re.compile(r"\b(?:Minister|Secretary|Commissioner|Director)(?: of| for)"
                            r"(?: the)?(?: [A-Z][a-z]+)+,? (?:and|&) (?:the )?$")
#: The other words of ministries' names: "Minister of Science and Technology Yin Hejun".
_MINISTRY_WORDS = frozenset(split_words(
    "Science Technology Industry Industries Information Natural Resources Affairs Human Social "
    "Ecology Urban Rural Water Civil Veterans Emergency Management Public Planning Reform "
    "Tourism Sports Sport Communications Digital Infrastructure National Higher Research "
    "Family Women Youth Land Lands Mines Mining Petroleum Fisheries Forestry Budget "
    "Investment Enterprise Enterprises Employment Manpower Sustainability Climate Change "
    "Railways Aviation Maritime Ports Immigration International Relations Cooperation Legal "
    "Local Government Regional Overseas Statistics Arts Heritage Religious Police Oceans"))
_TITLE_PORTFOLIOS = _PORTFOLIOS | _HONG_KONG_PORTFOLIOS | _MINISTRY_WORDS | {"State", "the"}

NATIONALITIES = frozenset(
    split_words(
        "American British Chinese Japanese Korean South North Indian French German Italian Spanish "
        "Russian Brazilian Canadian Australian Mexican Indonesian Malaysian Singaporean Thai "
        "Vietnamese Filipino Philippine Pakistani Iranian Iraqi Israeli Palestinian Turkish "
        "Egyptian Saudi Emirati Qatari Ukrainian Polish Dutch Belgian Swiss Swedish Norwegian "
        "Danish Finnish Greek Portuguese Irish Scottish Argentine Argentinian Chilean Colombian "
        "Peruvian Venezuelan Cuban Nigerian Kenyan Ethiopian African European Asian Taiwanese "
        "Mongolian Kazakh Uzbek Afghan Bangladeshi Cambodian Laotian Burmese Myanmar Nepali Sri "
        "Lankan New Zealand Hungarian Czech Austrian Romanian Serbian Syrian Lebanese Jordanian "
        "Moroccan Algerian Tunisian Libyan Sudanese "
        "Malay Lao Khmer Tamil Arabic Persian Uyghur Tibetan Hindi Urdu Swahili"  # peoples
    )
)


def _en_evidence(text: str, start: int, name: str) -> str | None:
    if name in _EN_NOT_NAMES or len(name) < 2 or text.startswith("$", start + len(name)):
        return None  # NT$, HK$: a currency, not a name
    if re.fullmatch(r"[A-Z0-9][A-Z0-9&.-]*[A-Z0-9]", name) and any(c.isalpha() for c in name):
        return "acronym"
    # a capital inside a word is a name's, wherever it stands: "CaixaBank", "PetroChina"
    if _sentence_initial(text, start) and " " not in name and not _INNER_CAPITAL.search(name):
        return "initial"
    return "name"


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")



#: Words that follow a verb, not a name: "Said that …", "Beat the All Blacks …" (a sentence
#: whose subject was dropped), where "Said" is also Edward Said's name.
_AFTER_A_VERB = frozenset({"that", "the", "a", "an", "to", "in", "on", "at", "by", "for",
                           "with", "more", "and", "of"})


def _opens_a_clause(text: str, end: int) -> bool:
    following = text[end:].split(maxsplit=1)
    return bool(following) and following[0] in _AFTER_A_VERB


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:;"
