"""How a Chinese name can be spelled in English.

Mainland names are written in pinyin without tones ("Lin Jian", "Huang Renxun"), but Taiwan
uses Wade-Giles-style spellings ("Lai Ching-te", "Tsai"), Hong Kong Cantonese ones ("Wong",
"Chan Kwok-ki") and Singapore and Malaysia Hokkien or Teochew ones ("Tan", "Lim", "Ong").
This module answers one question: can this English token sequence be a spelling of these
Chinese characters? It knows pinyin (all readings of a character, from CC-CEDICT), a
pinyin → Wade-Giles conversion, Taiwan's common variants, and a table of Cantonese and Hokkien
spellings of the common surnames. Given names in Cantonese cannot be derived from Mandarin, so
for a Hong Kong name the surname carries the evidence (see ``spells_surname``).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from checker.cache import cached
from checker.names import split_words

READINGS_FILE = "cedict_readings.tsv.gz"

#: Chinese surnames: two-character ones first so that 欧阳 wins over 欧.
COMPOUND_SURNAMES = frozenset(
    split_words(
        "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 端木 澹台 "
        "西门 南宫 独孤 百里 呼延 万俟 轩辕 钟离 闻人 申屠 公冶 太史 赫连 "
        "濮阳 歐陽 司馬 諸葛 東方 長孫 夏候 軒轅 鍾離"
    )
)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴"
    "蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
    "邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强"
    "帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍"
    "辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干尉"
    "冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由赖洪寿阎钮郦"
    "張劉陳楊黃趙吳孫馬許鄭謝韓馮鄧彭曾蕭董葉蘇魏呂盧鍾譚陸範廖賈韋鄒孟熊邱閻賀顧龔萬錢嚴"
    "莊聶魯詹歐蘭紀單裴塗蓋駱藍喬龐顏鮑華靳褚婁竇岑黨費衛閔欒隋鄺蘇譚鄔邊羅郝葛嚴區鄧謝"
    "賴壽閻鈕酈"
)

#: Readings of surnames that differ from the character's usual reading (曾 is céng as a
#: word, Zēng as a surname) — pypinyin's first reading would get these wrong.
SURNAME_PINYIN = {
    "曾": "zeng", "单": "shan", "單": "shan", "解": "xie", "区": "ou", "區": "ou",
    "仇": "qiu", "查": "zha", "盖": "ge", "蓋": "ge", "朴": "piao", "缪": "miao", "繆": "miao",
    "尉迟": "yuchi", "万俟": "moqi", "覃": "qin", "乐": "yue", "樂": "yue", "召": "shao",
    "种": "chong", "折": "she", "员": "yun", "秘": "bi", "燕": "yan", "华": "hua",
    "華": "hua", "任": "ren", "过": "guo", "纪": "ji", "紀": "ji", "翟": "zhai", "冼": "xian",
    "相": "xiang", "宿": "su", "长孙": "zhangsun", "長孫": "zhangsun", "令狐": "linghu",
}

#: Cantonese (Hong Kong, Macao), Hokkien/Teochew (Singapore, Malaysia, Taiwan) and older
#: spellings of the common surnames, by toneless pinyin. "Wong" is 黄 or 王; "Ng" is 吴 or 伍.
SURNAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "huang": ("wong", "hwang", "ng", "ong", "wee", "oei", "bong"),
    "wang": ("wong", "ong", "heng", "vong"),
    "chen": ("chan", "tan", "chin", "tang", "chern", "chun"),
    "li": ("lee", "lei", "lai", "lie", "ly"),
    "zhang": ("cheung", "chang", "teo", "chong", "tio", "teoh", "cheong"),
    "liu": ("lau", "lao", "low", "lew", "lieu", "lio"),
    "lin": ("lam", "lim", "lum", "ling"),
    "wu": ("ng", "goh", "woo", "ngo", "ung", "gouw"),
    "zheng": ("cheng", "cheang", "teh", "tay", "chang", "tee"),
    "he": ("ho", "hoh", "haw"),
    "liang": ("leung", "neo", "neoh", "leong", "liong"),
    "zhou": ("chow", "chou", "chew", "chau", "chiu", "jau", "chao"),
    "yang": ("yeung", "yeo", "young", "yong", "ieong"),
    "cai": ("tsai", "choi", "chua", "choy", "toy", "chai", "tsoi"),
    "xu": ("hui", "hsu", "koh", "khoo", "hsueh", "tsui", "chee", "shyu", "tsu", "hu", "hoi",
           "choi"),
    "guo": ("kwok", "kuo", "quek", "kuek", "kok", "kuok"),
    "xie": ("tse", "hsieh", "chia", "seah", "sia", "tse", "che"),
    "zeng": ("tsang", "tseng", "chan", "chang", "tzeng", "zang"),
    "deng": ("tang", "teng", "dang"),
    "ye": ("yip", "yeh", "yap", "iap", "yeap"),
    "luo": ("law", "lo", "loh", "lor"),
    "zhu": ("chu", "chue", "choo", "gee", "chiu"),
    "hu": ("wu", "woo", "oh", "foo", "ho"),
    "feng": ("fung", "fong", "pang"),
    "ma": ("mah", "beh", "mar"),
    "gao": ("ko", "kao", "kou", "koh", "kow"),
    "pan": ("poon", "phua", "pua", "pang", "pun"),
    "zhong": ("chung", "chong", "cheong"),
    "peng": ("pang", "phang", "pong"),
    "cao": ("tso", "tsao", "chou", "cho"),
    "mai": ("mak", "mack"),
    "qiu": ("yau", "chiu", "khoo", "yaw", "chew", "hiew"),
    "yuan": ("yuen", "yuan", "wan"),
    "lu": ("lo", "loo", "lou", "lui", "lv", "lyu", "low"),
    "lv": ("lu", "lyu", "lui", "lu", "leu", "lue"),
    "guan": ("kwan", "kuan", "kwan", "quan"),
    "liao": ("liu", "leow", "liew", "liau"),
    "su": ("so", "soh", "soo"),
    "xiao": ("siu", "hsiao", "seow", "siow", "shiu"),
    "tang": ("tong", "tong"),
    "dong": ("tung",),
    "mo": ("mok", "mock"),
    "wen": ("wan", "woon", "boon", "man"),
    "rong": ("yung", "jung", "iong"),
    "gan": ("kam", "kan"),
    "dai": ("tai", "tye"),
    "cheng": ("ching",),
    "wei": ("wai", "ngai", "ngui"),
    "yao": ("yiu", "iu"),
    "huo": ("fok",),
    "yan": ("ngan", "yen", "gan", "yim"),
    "jiang": ("cheung", "chiang", "kong", "keung", "kang"),
    "zhuang": ("chong", "chuang", "chng"),
    "hong": ("hung", "ang", "hoong"),
    "lai": ("lai", "loi"),
    "shi": ("sze", "shih", "see", "si"),
    "sun": ("suen", "soon", "sng", "suan"),
    "tan": ("tam", "tham"),
    "fang": ("fong",),
    "lian": ("lim",),
    "ou": ("au", "ow"),
    "ouyang": ("auyeung", "auyang", "owyang"),
    "situ": ("szeto", "seto"),
    "shen": ("sim", "shum", "sham", "sum"),
    "zhuo": ("cheuk", "toh", "cho"),
    "du": ("to", "toh", "tu"),
    "tian": ("tin", "tien"),
    "tu": ("to",),
    "qian": ("chin", "tsin", "chien"),
    "qin": ("chun", "chin", "tsun"),
    "yu": ("yue", "yee", "ee", "u", "yue"),
    "jin": ("kam", "kim", "chin"),
    "kong": ("hung",),
    "fan": ("faan",),
    "song": ("sung", "soong"),
    "han": ("hon",),
    "ding": ("ting", "teng"),
    "mei": ("mui", "moy", "may"),
    "ke": ("ko", "kuo", "ker", "kor", "kua", "o"),  # Ker Chien-ming, Kua Soon Lian, O Lam
    # Macao's Portuguese-based spellings of Cantonese: 岑浩輝 Sam Hou Fai, 崔世安 Chui Sai On,
    # 翁 Iong, 潘永權 Pun Weng Kun
    "cen": ("sam", "shum", "sum"),
    "cui": ("chui", "tsui"),
    "weng": ("yung", "iong", "ung"),
}

#: Pinyin initials and their Wade-Giles spellings (aspiration marks dropped, as in practice).
_WG_INITIALS = (
    ("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("m", "m"),
    ("f", "f"), ("d", "t"), ("t", "t"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k"),
    ("h", "h"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("r", "j"), ("z", "ts"), ("c", "ts"),
    ("s", "s"), ("y", "y"), ("w", "w"),
)
_WG_WHOLE = {
    "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
    "si": "ssu", "er": "erh", "ye": "yeh", "you": "yu", "yan": "yen", "yong": "yung",
    "yi": "i", "yu": "yu", "yue": "yueh", "yuan": "yuan", "yun": "yun", "he": "ho",
    "ge": "ko", "ke": "ko", "e": "o", "lve": "lueh", "nve": "nueh",
}
_WG_FINALS = (
    ("iong", "iung"), ("ong", "ung"), ("ian", "ien"), ("ie", "ieh"), ("ui", "uei"),
    ("ve", "ueh"), ("ue", "ueh"), ("v", "u"), ("uo", "o"),
)

_LETTERS = re.compile(r"[a-z]+")


def ascii_fold(text: str) -> str:
    """Lowercase ASCII letters of a romanised name: "Lü Ü-ming" → "luuming" (ü is u)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(_LETTERS.findall(decomposed.encode("ascii", "ignore").decode()))


def wade_giles(syllable: str) -> str:
    """Toneless pinyin → Wade-Giles without apostrophes or umlauts: "qing" → "ching"."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial, final = "", syllable
    for pinyin_initial, wg_initial in _WG_INITIALS:
        if syllable.startswith(pinyin_initial) and len(syllable) > len(pinyin_initial):
            initial, final = wg_initial, syllable[len(pinyin_initial):]
            break
    if initial in ("ch", "hs") and syllable[0] in "jqx" and final.startswith("u"):
        final = "v" + final[1:]  # ju, qu, xu are jü, qü, xü
    if final == "e" and initial in ("k", "h", "t", "ch", "sh", "j", "ts", "s"):
        final = "o" if initial in ("k", "h") else "e"
    for pinyin_final, wg_final in _WG_FINALS:
        if final.endswith(pinyin_final):
            final = final[: -len(pinyin_final)] + wg_final
            break
    return (initial + final).replace("v", "u")


def syllable_spellings(syllable: str) -> frozenset[str]:
    """Every accepted spelling of one toneless pinyin syllable (ü written v)."""
    # "Lv" is ü as keyboards type it (Lv Ling for 吕玲), common in mainland English
    spellings = {syllable, syllable.replace("v", "u"), syllable.replace("v", "yu"),
                 wade_giles(syllable), tongyong(syllable)}
    if syllable.startswith("y") and syllable[1:2] in ("i", "u"):
        spellings.add(syllable[1:])  # Taiwan: Ying → Ing, Yi → I
    if syllable in ("yi", "i"):
        spellings.update({"i", "yi", "ih", "e", "ee"})
    spellings.add(syllable.replace("v", "ue"))
    return frozenset(s for s in spellings if s)


@lru_cache(maxsize=1)
def _reading_table() -> dict[str, tuple[str, ...]]:
    """Character → toneless readings, usual first (checker/data/cedict_readings.tsv.gz,
    derived from CC-CEDICT and ordered with pypinyin by scripts/build_names.py); from the
    on-disk cache when an earlier run built it (26 → 5 ms)."""
    return cached("readings", [Path(str(_readings_file())), Path(__file__).resolve()],
                  _read_readings)


def _readings_file() -> resources.abc.Traversable:
    return resources.files("checker.data").joinpath(READINGS_FILE)


def _read_readings() -> dict[str, tuple[str, ...]]:
    data = _readings_file().read_bytes()
    table = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        char, _, found = line.partition("\t")
        table[char] = tuple(found.split())
    return table


def readings(char: str) -> tuple[str, ...]:
    """All toneless readings of one character (heteronyms included), ü as v."""
    return _reading_table().get(char, ())


def first_readings(text: str) -> str:
    """The first reading of each character, run together: 吉潭 → "jitan"."""
    return "".join(readings(c)[0] for c in text if readings(c))


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese personal name, by the surname table."""
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return name[:2], name[2:]
    return name[:1], name[1:]


#: Korean and Vietnamese readings of Chinese surnames, by their pinyin: 朴 Park, 崔 Choi,
#: 尹 Yoon, 阮 Nguyen, 范 Pham. A Korean or Vietnamese name written in Chinese characters
#: keeps its own romanisation in English (朴亨埈 Park Hyung-joon, 范日旺 Pham Nhat Vuong).
KOREAN_VIETNAMESE_SURNAMES: dict[str, tuple[str, ...]] = {
    "piao": ("park", "pak", "bak"), "jin": ("kim",), "li": ("yi", "rhee", "le", "ly"),
    "cui": ("choi", "choe"), "zheng": ("chung", "jung", "jeong", "trinh"),
    "jiang": ("kang",), "yin": ("yoon", "yun"), "zhang": ("jang",), "han": ("han",),
    "wu": ("oh", "vu", "ngo"), "xu": ("seo", "suh", "heo", "huh"), "shen": ("shin", "shim"),
    "quan": ("kwon", "jeon", "chun"), "an": ("ahn",), "liu": ("yoo", "ryu", "yu"),
    "gao": ("ko", "koh"), "wen": ("moon", "mun"), "sun": ("son",), "liang": ("yang",),
    "pei": ("bae", "bui"), "bai": ("baek", "paik"), "cao": ("cho",), "nan": ("nam",),
    "lu": ("roh", "noh"), "he": ("ha",), "guo": ("kwak",), "cheng": ("sung", "seong"),
    "che": ("cha",), "zhu": ("joo", "ju"), "yu": ("woo", "yoo"), "ju": ("koo", "ku"),
    "fang": ("bang",), "xuan": ("hyun",), "bian": ("byun", "byeon"), "yan": ("eom",),
    "yuan": ("won",), "lian": ("yeom",), "lv": ("yeo",), "qiu": ("choo",), "chi": ("ji",),
    "ren": ("yim", "im"), "tian": ("jeon",), "ruan": ("nguyen",), "chen": ("tran",),
    "fan": ("pham",), "huang": ("huynh", "hoang"), "pan": ("phan",), "du": ("do",),
    "deng": ("dang",), "ding": ("dinh",), "yang": ("duong",), "tao": ("dao",),
    "luo": ("na", "ra"),
    "duan": ("doan",), "cai": ("thai",), "wei": ("vi",), "su": ("to",), "hu": ("ho",),
}


@lru_cache(maxsize=8192)
def surname_spellings(surname: str) -> frozenset[str]:
    """Spellings of a surname: its surname reading, pinyin, Wade-Giles and regional forms."""
    spellings: set[str] = set()
    for reading in _surname_readings(surname):
        spellings |= syllable_spellings(reading) | _regional_forms(reading)
    return frozenset(spellings)


def _surname_readings(surname: str) -> tuple[str, ...]:
    """The pinyin a surname reads as: 曾 zeng, 单 shan; a compound's syllables joined."""
    if surname in SURNAME_PINYIN:
        return (SURNAME_PINYIN[surname],)
    if len(surname) == 1:
        return readings(surname)
    return ("".join(readings(c)[0] for c in surname if readings(c)),)


def _regional_forms(reading: str) -> set[str]:
    """A surname reading's Cantonese, Hokkien, Korean and Vietnamese spellings."""
    return {*SURNAME_VARIANTS.get(reading, ()), *KOREAN_VIETNAMESE_SURNAMES.get(reading, ())}


@lru_cache(maxsize=1)
def all_surname_spellings() -> frozenset[str]:
    """Every spelling of every surname of the table: "zhang", "cheung", "tsai", "lee"."""
    found: set[str] = set()
    for surname in SURNAMES | COMPOUND_SURNAMES:
        found |= surname_spellings(surname)
    return frozenset(found)


@lru_cache(maxsize=8192)
def char_spellings(char: str) -> frozenset[str]:
    """Spellings of one character of a given name or place name."""
    spellings: set[str] = set()
    for reading in readings(char):
        spellings |= syllable_spellings(reading)
    return frozenset(spellings)


def spells(chars: list[frozenset[str]], text: str) -> bool:
    """Whether ``text`` (folded letters) is the characters' spellings joined in order."""
    if not chars:
        return not text
    return any(text.startswith(s) and spells(chars[1:], text[len(s):]) for s in chars[0])


def person_spelling_forms(name: str) -> list[str]:
    """Plain pinyin forms of a Chinese personal name, as an English text would write it:
    黄仁勋 → ["Huang Renxun", "Renxun Huang"]."""
    surname, given = split_surname(name)
    family = "".join(_first_reading(c, surname=True) for c in surname).capitalize()
    given_text = "".join(_first_reading(c) for c in given).capitalize()
    if not given_text:
        return [family]
    return [f"{family} {given_text}", f"{given_text} {family}"]


def wade_giles_forms(name: str) -> list[str]:
    """The Wade-Giles form Taiwan writes a Chinese personal name in, given name hyphenated:
    楊博軒 → ["Yang Po-hsuan"]."""
    surname, given = split_surname(name)
    if not given:
        return []
    family = "".join(wade_giles(_first_reading(c, surname=True)) for c in surname).capitalize()
    given_text = "-".join(wade_giles(_first_reading(c)) for c in given).capitalize()
    return [f"{family} {given_text}"]


#: Tongyong pinyin, Taiwan's official romanisation 2002-2008, still on many of its place
#: signs: 小港 Siaogang, 前鎮 Cianjhen, 汐止 Sijhih.
_TONGYONG_WHOLE = {"zhi": "jhih", "chi": "chih", "shi": "shih", "ri": "rih", "zi": "zih",
                   "ci": "cih", "si": "sih", "wen": "wun", "weng": "wong", "feng": "fong",
                   "meng": "mong", "beng": "bong", "peng": "pong"}


def tongyong(syllable: str) -> str:
    """Toneless pinyin (ü written v) → Tongyong pinyin: "qian" → "cian", "zhen" → "jhen"."""
    if syllable in _TONGYONG_WHOLE:
        return _TONGYONG_WHOLE[syllable]
    if syllable[:1] in "jqx" and syllable[1:2] == "u" or "v" in syllable:
        syllable = syllable[0] + "yu" + syllable[2:]  # ju, qu, xu, lü are jyu, cyu, syu, lyu
    for hanyu, tongyong_initial in (("zh", "jh"), ("q", "c"), ("x", "s")):
        if syllable.startswith(hanyu):
            syllable = tongyong_initial + syllable[len(hanyu):]
            break
    if syllable.endswith("iu"):
        syllable = syllable[:-2] + "iou"
    elif syllable.endswith("ui") and len(syllable) > 2:
        syllable = syllable[:-2] + "uei"
    return syllable


def _first_reading(char: str, surname: bool = False) -> str:
    if surname and char in SURNAME_PINYIN:
        return SURNAME_PINYIN[char]
    options = readings(char)
    return options[0].replace("v", "u") if options else ""


def is_person_spelling(name: str, words: list[str]) -> str | None:
    """How English ``words`` spell the Chinese personal name ``name``: "full" (surname and
    given name, in either order, any romanisation), "surname" (the surname alone), or None.
    """
    surname, given = split_surname(name)
    family = surname_spellings(surname)
    given_chars = [char_spellings(c) for c in given]
    folded = [ascii_fold(w) for w in words]
    if len(folded) == 1 and folded[0] in family:
        return "surname"
    for surname_index in (0, len(folded) - 1):
        if folded[surname_index] not in family:
            continue
        rest = "".join(folded[:surname_index] + folded[surname_index + 1:])
        if rest and spells(given_chars, rest) and not _mixed_romanisation(
                folded[surname_index], given, words, surname_index, surname):
            return "full"
    return None


def _mixed_romanisation(surname: str, given: str, words: list[str], surname_index: int,
                        chinese_surname: str) -> bool:
    """Two systems in one name: "Jiang Weipeng" for 蒋卫平 (a surname only Hanyu pinyin spells,
    Jiang, Zhang, Xu: not Chiang, Cheung, Hsu, with a one-word given name that is not Hanyu
    pinyin), or "Dai Ping" for 戴兵 (the Hanyu surname, Wade-Giles would write Tai, with the
    Wade-Giles given name). Wade-Giles and Hokkien spellings come with their own surname
    ("Chiang Wei-ping", "Tai Ping")."""
    rest = [w for index, w in enumerate(words) if index != surname_index]
    if len(rest) != 1 or "-" in rest[0]:
        return False
    word = ascii_fold(rest[0])
    if spells([_hanyu_readings(c, surname=False) for c in given], word):
        return False
    if _HANYU_ONLY_SURNAME.match(surname):
        return True
    if not spells([frozenset(wade_giles(r) for r in readings(c)) for c in given], word):
        return False
    return surname not in _wade_giles_surnames(chinese_surname)


#: Surname spellings no romanisation but Hanyu pinyin makes: Jiang, Zhang, Xu, Qian, Zou, Cai.
_HANYU_ONLY_SURNAME = re.compile(r"^(?:zh|j|q|x|z|c(?!h))")


def _wade_giles_surnames(surname: str) -> frozenset[str]:
    """The surname as Wade-Giles and the regional systems write it: 戴 Tai, 林 Lin."""
    found: set[str] = set()
    for reading in _surname_readings(surname) if len(surname) == 1 else ():
        found |= {wade_giles(reading)} | _regional_forms(reading)
    return frozenset(found)


def spells_surname_with_given(name: str, words: list[str]) -> bool:
    """A name that is plausibly a regional spelling of ``name``: the surname matches and the
    given name has as many syllables as the Chinese ("Chan Kwok-ki" for 陈国基). Cantonese
    given names cannot be derived from Mandarin, so the count is the evidence we have."""
    surname, given = split_surname(name)
    family = surname_spellings(surname)
    folded = [ascii_fold(w) for w in re.split(r"[\s-]+", " ".join(words)) if ascii_fold(w)]
    if len(folded) < 2:
        return False
    for surname_index in (0, len(folded) - 1):
        rest = folded[:surname_index] + folded[surname_index + 1:]
        if folded[surname_index] in family and len(rest) == len(given) \
                and not _mandarin_of_other_characters(surname, given, words):
            return True
    return False


def _mandarin_of_other_characters(surname: str, given: str, words: list[str]) -> bool:
    """"Wang Xing" for 汪滔 or "Wang Ning" for 王兴: the surname in Hanyu pinyin and the given
    name one unhyphenated pinyin word that spells other characters — a Mandarin name of
    someone else, not a regional spelling (those hyphenate or use other letters: "Lin
    Yun-ju", "Chan Kwok-ki", "Lim Mei Ling" with a Hokkien surname)."""
    if len(words) != 2 or "-" in words[0] + words[1]:
        return False
    for family_word, given_word in (words, reversed(words)):
        if hanyu_spells(surname, family_word) and pinyin_like(ascii_fold(given_word)):
            return not hanyu_spells(given, given_word)
    return False


def spells_place(text: str, words: list[str]) -> bool:
    """Whether English ``words`` are the pinyin of Chinese place or organisation characters,
    syllables joined or spaced ("Xinjiang", "Shaanxi", "Sha Tin" is not: that is Cantonese)."""
    folded = "".join(ascii_fold(w) for w in words)
    while True:
        chars = [char_spellings(c) for c in text]
        if chars and all(chars) and spells(chars, folded):
            return True
        if len(text) <= 2 or text[-1] not in ADMIN_SUFFIXES:
            return False
        text = text[:-1]  # 甘肃省 is "Gansu", 吕梁市 "Lüliang"


#: Administrative suffixes an English place name usually leaves out (or writes as a word).
ADMIN_SUFFIXES = "省市县縣区區州镇鎮乡鄉村"


#: Common English given names that Hong Kong, Singapore, Malaysian and Taiwanese Chinese
#: take (Helen Wong, Anna Tan): many are pinyin-shaped ("Helen" is he + len to a parser), so
#: the shape alone cannot tell them from a pinyin given name.
ENGLISH_GIVEN_NAMES = frozenset(split_words(
    "aaron adam adrian agnes alan albert alex alexander alice alison allen amanda amy andrew "
    "andy angela ann anna anne annie anthony arthur audrey barbara ben benjamin betty bill bob "
    "bonnie brian bruce carl carmen carol caroline catherine cecilia charles charlie cherry "
    "chris christina christine christopher cindy claire clara clement colin connie daisy daniel "
    "david dennis derek diana donald doris dorothy douglas edmund edward edwin eileen elaine "
    "eleanor elizabeth ellen elsa emily emma eric esther eugene eva evelyn fanny felix fiona "
    "florence frances francis frank gary george gordon grace hannah harry helen henry herbert "
    "howard ian irene iris isaac ivan ivy jack jacky jacqueline james jane janet jason jean "
    "jeffrey jennifer jenny jeremy jerry jessica jimmy joan joanna joe john johnny joseph joshua "
    "joyce judy julia julian june justin karen kate katherine kathy keith kelly ken kenneth "
    "kevin kitty larry laura lawrence leo leon leslie lily linda lisa louis louise lucy maggie "
    "margaret maria marie mark martin mary matthew maurice max melissa michael michelle mike "
    "nancy natalie nelson nicholas nicole nina norman oliver oscar pamela patrick paul peggy "
    "peter philip priscilla rachel ray raymond rebecca regina richard rita robert robin roger "
    "ronald rose rosie roy ruby ryan sally samantha samuel sandy sarah sean shirley simon "
    "sophia stanley stella stephanie stephen steven susan sylvia terence teresa thomas tiffany "
    "tim timothy tina tom tommy tony tracy valerie vanessa victor victoria vincent vivian wendy "
    "william winnie yvonne zoe"))


def english_given_name(name: str, words: list[str]) -> bool:
    """"Bonnie Chan" for 陈翊庭, "Paul Chan" for 陈茂波: an English given name before the
    surname (Hong Kong, Singapore, Taiwan usage). The given name must not be a romanisation of
    Chinese syllables, or "Linhui Fu" would pass for 付凌晖."""
    if len(words) != 2:
        return False
    surname, given = split_surname(name)
    first, last = ascii_fold(words[0]), ascii_fold(words[1])
    if last not in surname_spellings(surname) or not words[0][:1].isupper():
        return False
    every_syllable = [char_spellings(c) for c in given]
    return len(first) >= 3 and not spells(every_syllable, first) and (
        not hanyu_syllables(first) or first in ENGLISH_GIVEN_NAMES)


_PINYIN_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|"
    r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)


def pinyin_like(word: str) -> bool:
    """Whether a word has the shape of pinyin syllables ("linhui" does, "bonnie" does not).
    Loose on purpose: a misspelt pinyin name ("Shanjei") keeps the shape."""
    return bool(re.fullmatch(f"(?:{_PINYIN_SYLLABLE.pattern})+", word))


@lru_cache(maxsize=8192)
def hanyu_syllables(word: str) -> bool:
    """Whether a word splits into syllables Hanyu pinyin has ("linhui" does; "roden" does
    not, though it has the shape: there is no syllable "ro")."""
    if not pinyin_like(word):
        return False
    syllables = _hanyu_syllables()
    # splits[i]: word[:i] splits into syllables
    splits = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        splits[end] = any(splits[start] and word[start:end] in syllables
                          for start in range(max(0, end - 6), end))
    return splits[-1]


@lru_cache(maxsize=1)
def _hanyu_syllables() -> frozenset[str]:
    """Every toneless syllable the dictionary reads a character as, ü written u or v; not the
    vowelless interjections (呣 m, 嗯 n, 哼 hng), which would split any word."""
    syllables = set()
    for found in _reading_table().values():
        for syllable in found:
            if re.search("[aeiouv]", syllable):
                syllables.update({syllable, syllable.replace("v", "u")})
    return frozenset(syllables)


_JAPANESE_WORD = re.compile(
    r"(?:(?:([kstp])(?=\1))?(?:(?:[kgnhbpmr]y|sh|ch|j|y)[auo]|shi|chi|ji|tsu"
    r"|[kgsztdnhbpmrwf]?[aiueo])|n)+")


def japanese_shape(name: str) -> bool:
    """Every word is made of Japanese syllables in Hepburn: "Hirano", "Satō", "Hattori"
    (not "Pingye", nor "Qingshui")."""
    words = ascii_fold(name).lower().split()
    return bool(words) and all(_JAPANESE_WORD.fullmatch(w) for w in words)


def hanyu_spells(chinese: str, english: str) -> bool:
    """Whether ``english`` is the plain Hanyu pinyin of ``chinese``, in either name order
    (习近平 "Xi Jinping", 上海 "Shanghai", 曾国藩 "Zeng Guofan"); Wade-Giles and regional
    spellings ("Chen-Ning Yang", "Kaohsiung") are not."""
    letters = ascii_fold(english)
    chars = [_hanyu_readings(c, surname=index == 0) for index, c in enumerate(chinese)]
    if not chars or not all(chars):
        return False
    if spells(chars, letters):
        return True
    surname, _ = split_surname(chinese)
    cut = len(surname)
    return cut < len(chars) and spells(chars[cut:] + chars[:cut], letters)


def _hanyu_readings(char: str, surname: bool) -> frozenset[str]:
    found = set(readings(char))
    if surname and char in SURNAME_PINYIN:
        found.add(SURNAME_PINYIN[char])
    return frozenset(found) | frozenset(r.replace("v", "u") for r in found) | frozenset(
        r.replace("v", "yu") for r in found if "v" in r)
