"""Numerals that are not numbers, and the grammar seen through the real comparison.

The first tables are extraction traps in both languages: words that contain numerals but
state no figure (一直, 四川, G20, COVID-19). The last two tables run ``check_texts`` on whole
sentence pairs: correct translations must produce no finding at major or above, and each
planted error must be reported by the expected rule, pointing at the right text.
"""

from __future__ import annotations

import pytest
from test_grammar_zh import D, Expected, Q, case_id, check_extraction

from checker.model import Finding, Severity
from checker.pipeline import check_texts

# ---------------------------------------------------------------- extraction traps

ZH_TRAPS: list[tuple[str, list[Expected]]] = [
    ("我们一直支持多边主义", []),
    ("一些国家表示反对", []),
    ("双方一起努力", []),
    ("实现国家统一", []),
    ("共建一带一路", []),
    ("三星电子发布新机", []),
    ("他来自四川", []),
    ("万科集团", []),
    ("九寨沟景区", []),
    ("汽车零部件企业", []),
    ("社会消费品零售总额", []),
    ("止步四分之一决赛", []),
    ("十四五规划", [Q("ordinal", 14)]),
    ("二十国集团峰会", []),
    ("这是一个好消息", []),
    ("两国关系", []),
    ("英伟达H20芯片", []),
    ("H100芯片", []),
    ("BG2资本", []),
    ("COVID-19疫情", []),
    ("5G网络", []),
    ("WTA 1000赛事", []),
    ("iPhone 15 Pro发布", []),
    ("武直卡-52M", []),
    ("俄制卡-52直升机", []),
    ("几乎走遍整个保护区", []),
    ("千方百计保就业", []),
    ("老百姓的生活", []),
    ("前一日", []),
    ("第一时间", []),
    ("上半年", []),
    ("千家万户", []),
    ("寥寥无几", []),
    ("华为Mate 60发布", []),
    ("RMB100亿", [Q("number", 1e10, currency="CNY")]),
]

EN_TRAPS: list[tuple[str, list[Expected]]] = [
    ("We have always supported multilateralism", []),
    ("the 14th Five-Year Plan", [Q("ordinal", 14)]),
    ("the G20 summit", []),
    ("a good thing", []),
    ("the two countries", []),
    ("NVIDIA's H20 chips", []),
    ("H100 GPUs", []),
    ("BG2 Capital", []),
    ("the COVID-19 pandemic", []),
    ("5G networks", []),
    ("a WTA 1000 event", []),
    ("the iPhone 15 Pro", []),
    ("the Kamov Ka-52M", []),
    ("one of the largest", []),
    ("Formula One", []),
    ("the Group of Seven", []),
    ("in the first half of the year", []),
    ("the second half of 2025", [D(year=2025)]),
    ("they help one another", []),
    ("Huawei's Mate 60", []),
    ("Windows 11", []),
    ("the Galaxy S24 Ultra", []),
    ("at one point", []),
    ("no one knows", []),
]


@pytest.mark.parametrize(("text", "expected"), ZH_TRAPS, ids=[case_id(c) for c in ZH_TRAPS])
def test_zh_trap(text: str, expected: list[Expected]) -> None:
    check_extraction(text, "zh", expected)


@pytest.mark.parametrize(("text", "expected"), EN_TRAPS, ids=[case_id(c) for c in EN_TRAPS])
def test_en_trap(text: str, expected: list[Expected]) -> None:
    check_extraction(text, "en", expected)


# ---------------------------------------------------------------- correct translations

CORRECT_PAIRS = [
    ("北京队以89比91不敌上海队。", "Shanghai beat Beijing 91-89."),
    ("广东队豪取五连胜。", "Guangdong claimed their fifth straight win."),
    ("國防部預算刪減38.6億元後為4,495億元。",
     "The defense budget was cut by NT$3.86 billion to NT$449.5 billion."),
    ("英国对华实际投资增长1.2倍。", "Investment from the United Kingdom rose 120%."),
    ("气温将下降4至6摄氏度。",
     "Temperatures will drop by 4 to 6 degrees Celsius (7 to 11 degrees Fahrenheit)."),
    ("猪肉平均批发价为每公斤20.84元。",
     "Pork averaged 20.84 yuan per kilogram (10.42 yuan per jin)."),
    ("该药物的III期试验采用随机、双盲设计。",
     "The Phase III trial was randomized and double-blind."),
    ("她以2分08秒的成绩打破世界纪录。", "She broke the world record in 2:08."),
    ("全年粮食产量14130亿斤。", "Annual grain output was 706.5 million tonnes."),
    ("2025年1-6月，工业增加值增长6.4%。", "Industrial output rose 6.4% in January-June 2025."),
    ("双十一期间，快递业务量大增。", "Parcel volumes surged during Singles Day."),
    ("十一黄金周期间，全国接待游客8.26亿人次。",
     "China received 826 million tourist trips during the National Day Golden Week."),
    ("中共二十大报告提出，到2035年基本实现社会主义现代化。",
     "The report to the 20th CPC National Congress calls for basically achieving socialist "
     "modernization by 2035."),
    ("根据该法第5条规定。", "Under Article 5 of the law."),
    ("波音737客机执飞该航线。", "A Boeing 737 operates the route."),
    ("一二月份全国各地均出现物流延时。", "Logistics were delayed in January and February."),
    ("12月末M2余额同比增长7.1%，增速比上月末低0.2个百分点。",
     "M2 grew 7.1% at the end of December, 0.2 percentage points lower than in November."),
    ("1—11月，汽车出口534.8万辆。", "Exports for January-November totaled 5.348 million."),
    ("1—11月，汽车产销分别完成2789.6万辆和2794万辆。",
     "In the first 11 months, production and sales totaled 27.9 million and 27.94 million."),
    ("前5个月订单总量同比下降65%。", "Orders over the past 5 months fell 65% year on year."),
    ("全国平均气温每10年升高约0.3℃。", "The average temperature rose about 0.3°C per decade."),
    ("男女性别比为1.43:1。", "The sex ratio was 1.43 to 1."),
    ("新元兑令吉汇率约为1比3.31，兑美元约为1比0.74。",
     "S$1 was worth about RM3.31 and US$0.74."),
    ("累计降水量为历史同期的2至3倍。", "Rainfall was two to three times the normal."),
    ("人社部将开展百日冲刺行动。", "The ministry will launch a 100-day campaign."),
    ("约三成本科毕业生选择在新一线城市就业。",
     "About 30% of bachelor's graduates chose jobs in new first-tier cities."),
    ("专家建议，6月龄以上人群均应接种流感疫苗。",
     "Experts recommend a flu shot for everyone over six months of age."),
    ("流感发病率较上一季度下降37.6%。", "Flu incidence fell 37.6% from the previous quarter."),
    ("2024财政年的预算盈余预计为64亿新元。", "The FY2024 surplus is estimated at S$6.4 billion."),
    ("全球通胀率将从2024年的5.7%降至2025年的4.2%。",
     "Global inflation is expected to ease from 5.7% in 2024 to 4.2% in 2025."),
    ("港府向每名長者發放1500元。", "The government will give each elderly person HK$1,500."),
    ("罰款1500萬元。", "The fine was NT$15 million."),
    ("民國111年3月起實施。", "It took effect in March 2022."),
    ("2025至26年度财政预算。", "The 2025-26 budget."),
    ("基普罗蒂奇以2小时07分18秒夺冠。", "Kiprotich won in 2:07:18."),
    ("赛事当天气温为12至18摄氏度。",
     "Race-day temperatures ranged from 12 to 18 degrees Celsius (54 to 64 degrees Fahrenheit)."),
    ("存款准备金率下调0.5个百分点。", "The reserve requirement ratio was cut by 50 basis points."),
    ("一季度增长5.3%，二季度增长4.7%，三季度增长4.6%。",
     "GDP grew 5.3% in the first quarter, 4.7% in the second and 4.6% in the third."),
    ("利率由1.40%下调至1.30%。", "The rate was cut from 1.40% to 1.30%."),
    ("预计增长2%至3%。", "Growth is expected to be 2% to 3%."),
    ("受其影响，26日至27日仍有暴雨。", "Heavy rain will continue on September 26 and 27."),
    ("英伟达面临45亿美元库存损失。", "NVIDIA faced a $4.5 billion inventory loss."),
    ("全年国内生产总值1015036亿元。", "GDP for the year was 101.5 trillion yuan."),
    ("三成受访者表示支持。", "30% of respondents expressed support."),
    ("近九成企业实现盈利。", "Nearly 90% of companies were profitable."),
    ("他来自四川。", "He is from Sichuan."),
    ("我们一直支持多边主义。", "We have always supported multilateralism."),
    ("十四五规划提出了新目标。", "The 14th Five-Year Plan sets new goals."),
    ("二十国集团领导人峰会在罗马举行。", "The G20 summit was held in Rome."),
    ("出口额增长三倍。", "Exports tripled."),
    ("参观人数达1.2万人次。", "Visitors reached 12,000."),
    ("约3000人参加了活动。", "About 3,000 people took part in the event."),
    ("全程100公里。", "The route is 62 miles long."),
    ("发布会于下午3点开始。", "The press conference began at 3 p.m."),
    ("今年4月，该公司发布了新产品。", "In April this year, the company released a new product."),
    ("2025年10月27日，国家统计局发布数据。",
     "On October 27, 2025, the National Bureau of Statistics released data."),
    ("失业率下降0.3个百分点。", "The jobless rate fell 0.3 percentage points."),
    ("该项目面向18至25岁的青年。", "The programme is for people aged 18 to 25."),
    ("上半年营收同比增长12.5%，达到860亿元。",
     "Revenue in the first half rose 12.5% year on year to 86 billion yuan."),
    ("第三季度净利润为45亿港元。", "Net profit in the third quarter was HK$4.5 billion."),
    ("中国队以3比1战胜日本队。", "China beat Japan 3-1."),
    ("会议将于12月3日至5日在北京举行。",
     "The meeting will be held in Beijing from December 3 to 5."),
    ("这款手机配备5000毫安时电池，支持65瓦快充。",
     "The phone has a 5,000 mAh battery and supports 65W fast charging."),
    ("两国领导人举行了会谈。", "The leaders of the two countries held talks."),
    ("约有四分之一的学生选择出国留学。", "About a quarter of students chose to study abroad."),
    ("三分之二的受访者认为房价过高。",
     "Two-thirds of respondents said house prices were too high."),
    ("该市人口在过去十年翻了一番。", "The city's population doubled over the past decade."),
    ("他在上世纪90年代移居香港。", "He moved to Hong Kong in the 1990s."),
    ("数百名志愿者参与了救援。", "Hundreds of volunteers took part in the rescue."),
    ("该公司计划在未来两到三年内上市。",
     "The company plans to go public within two to three years."),
    ("美联储将利率上调25个基点。", "The Fed raised rates by 25 basis points."),
    ("这座全长55公里的大桥于2018年10月24日通车。",
     "The 55-kilometre bridge opened on October 24, 2018."),
    ("华为在2024年售出约4600万部手机。", "Huawei sold about 46 million phones in 2024."),
    ("当地时间15时30分，飞机降落。", "The plane landed at 15:30 local time."),
    ("她以6比3、6比4赢得比赛。", "She won the match 6-3, 6-4."),
    ("中国男篮闯入32强。", "The Chinese men's basketball team reached the last 32."),
    # a tournament's rounds by their names, and 零 as a morpheme (parts, retail)
    ("她闯入女单八强。", "She reached the women's singles quarter-finals."),
    ("她闯入女单八强。", "She reached the last eight of the women's singles."),
    ("两人分别止步半决赛和四分之一决赛。",
     "The two went out in the semi-finals and quarter-finals respectively."),
    ("新区已聚集了三百多家汽车零部件企业，两地正在探索建立统一的供应链平台。",
     "The new area is home to more than 300 auto parts companies, and the two cities are "
     "exploring a unified supply chain platform."),
    ("社会消费品零售总额增长3%。", "Retail sales of consumer goods rose 3%."),
    # a power unit written with a hyphen, and in the singular
    ("一座装机规模为200万千瓦的光伏项目并网发电。",
     "A 2-gigawatt solar project began feeding power into the grid."),
    ("该国四分之一的人口年龄超过65岁。",
     "A quarter of the country's population is over 65 years old."),
    ("去年12月，通胀率为百分之五。", "Inflation was 5% in December last year."),
    ("气温将降至零下5摄氏度。", "Temperatures will fall to minus 5 degrees Celsius."),
    ("三星电子今年推出了三款折叠屏手机。", "Samsung launched three foldable phones this year."),
    ("一带一路倡议提出已有十年。",
     "It has been a decade since the Belt and Road Initiative was proposed."),
    ("英伟达H20芯片销量下滑。", "Sales of NVIDIA's H20 chips fell."),
    ("苹果发布了iPhone 15 Pro。", "Apple released the iPhone 15 Pro."),
    ("全国已建成5G基站超过300万个。",
     "More than 3 million 5G base stations have been built nationwide."),
    ("阿里巴巴市值约为2000亿美元。", "Alibaba's market value is about $200 billion."),
    ("该片票房突破50亿元。", "The film's box office exceeded 5 billion yuan."),
    ("成年人每天应喝1.5升至2升水。", "Adults should drink 1.5-2L of water a day."),
    ("要让14亿人民、9000多万党员学好党史。",
     "1.4 billion people and more than 90 million party members should learn Party history."),
    ("该电站今年上半年发电700多万度。",
     "In the first half of this year, the plant generated over 7 million kwh."),
    ("每4个“90后”中约有3个在用余额宝。",
     "About three out of every four people born in the 1990s use Yu'E Bao."),
    ("10月至12月将在12个城市巡演。", "It will tour 12 cities from October to December."),
    ("1亩苹果的年产值超过1.5万元。",
     "The annual output value per mu of apples is over 15,000 yuan."),
    ("全国约三分之一的成年人超重。", "About one in three adults in the country is overweight."),
    ("今年是新中国成立70周年。",
     "This year marks the 70th anniversary of the founding of New China."),
    ("香港过去几十年的发展历程显示了韧性。",
     "Hong Kong's history over the past several decades shows resilience."),
    ("他在这里工作了三十余年。", "He has worked here for more than three decades."),
    ("商场营业至24时。", "The mall is open until midnight."),
    ("每次喝水控制在150毫升至200毫升。", "Keep each drink of water to 150-200ml."),
    ("救援人员于13时34分发现最后一名学生。", "Rescuers found the last student at 13:34pm."),
    ("这种飞机一天能对6000多亩耕地喷施药剂。",
     "Such planes can spray more than 6,000 mu (400 hectares) of farmland a day."),
    ("余额宝7日年化收益率下滑到1.5%左右。",
     "Yu'E Bao's 7-day annualized yield fell to about 1.5%."),
    ("2019-2020赛季CBA联赛复赛。", "The 2019-2020 CBA season resumed."),
    ("“90后”更爱攒钱了。", "The post-90s generation saves more."),
    ("卡-52M将于今年12月出厂。", "The Ka-52M will leave the factory in December this year."),
    ("2020-07-26 05:03:17 来源：新华网", "2020-07-26 05:03:17 Source: Xinhuanet"),
    ("到2007年、2008年，龙溪河变成臭水沟。",
     "By 2007 and 2008, the Longxi River had become a ditch."),
    ("绿地控股1992年-1997年按市场化规则运行。",
     "From 1992 to 1997, Greenland Holdings ran on market rules."),
    ("上半年光伏发电量超14亿度，装机250余万千瓦。",
     "Solar output topped 1.4 billion kwh in the first half, with over 2.5 million kw installed."),
    ("展览空间从2层延伸至6层。", "The exhibition space extends from 2F to 6F."),
    ("飓风时速达到145公里。", "The hurricane reached speeds of 145 kph."),
    ("消费季期间，三大运营商将围绕5G消费进行补贴。",
     "During the season, the three major carriers will subsidise 5G consumption."),
]


def _serious(findings: list[Finding]) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in findings
            if f.severity.rank >= Severity.MAJOR.rank]


@pytest.mark.parametrize(("zh", "en"), CORRECT_PAIRS, ids=[case_id(c) for c in CORRECT_PAIRS])
def test_correct_translation_has_no_serious_finding(zh: str, en: str) -> None:
    assert _serious(check_texts(zh, en).findings) == []


def test_ambiguous_multiple_is_only_a_minor_note() -> None:
    findings = check_texts("出口额增长三倍。", "Exports tripled.").findings
    assert [(f.rule, f.severity) for f in findings] == [("N110", Severity.MINOR)]


# ---------------------------------------------------------------- planted errors

# (Chinese, wrong English, rule, Chinese text of the fact, English text of the fact)
PLANTED_ERRORS = [
    ("截至15时收盘，报收于105.26元。", "It closed at 105.26 yuan at 3:30 p.m.", "D102", "15时",
     "3:30 p.m."),
    ("國防部預算刪減38.6億元後為4,495億元。",
     "The defense budget was cut by NT$3.86 billion to US$449.5 billion.", "N105", "4,495億元",
     "US$449.5 billion"),
    ("出口是去年的两倍。", "Exports were up 200% on last year.", "N101", "两倍", "200%"),
    ("猪肉平均批发价为每公斤20.84元。", "Pork averaged 20.84 yuan per jin.", "N106", "20.84元",
     "20.84 yuan per jin"),
    ("每次100毫克。", "Each dose is 100 grams.", "N106", "100毫克", "100 grams"),
    # a wrong day must not hide behind a matching year elsewhere in the sentence
    ("国新办于2024年10月18日举行发布会，介绍2024年前三季度经济运行情况。",
     "The SCIO held a press conference on October 17, 2024, on the economy in the first "
     "three quarters of 2024.", "D101", "2024年10月18日", "October 17, 2024"),
    ("民國111年3月起實施。", "It took effect in March 2021.", "D101", "111年3月", "March 2021"),
    ("基普罗蒂奇以2小时07分18秒夺冠。", "Kiprotich won in 2:07:48.", "N101", "2小时07分18秒",
     "2:07:48"),
    ("新房均价3458元/平方米。", "New homes averaged 3,458 yuan per square foot.", "N106",
     "3458元/平方米", "3,458 yuan per square foot"),
    ("原油进口5.53亿吨。", "Crude imports were 553 million barrels.", "N106", "5.53亿吨",
     "553 million barrels"),
    ("罰款1500萬元。", "The fine was US$15 million.", "N105", "1500萬元", "US$15 million"),
    ("两市成交额2316.5亿元。", "Turnover was HK$231.65 billion.", "N105", "2316.5亿元",
     "HK$231.65 billion"),
    ("英伟达面临45亿美元库存损失。", "NVIDIA faced a $45 billion inventory loss.",
     "N102", "45亿美元", "$45 billion"),
    ("参观人数达1.2万人次。", "Visitors reached 120,000.", "N102", "1.2万", "120,000"),
    ("失业率下降0.3个百分点。", "The jobless rate fell 0.3%.", "N107", "0.3个百分点", "0.3%"),
    ("营收达到500亿元。", "Revenue reached $50 billion.", "N105", "500亿元", "$50 billion"),
    ("全程约100公里。", "The route is about 100 miles long.", "N106", "100公里", "100 miles"),
    ("第三届论坛在上海举行。", "The fourth forum was held in Shanghai.", "N108", "第三", "fourth"),
    ("该项目面向18至25岁的青年。", "The programme is for people aged 18 to 52.",
     "N109", "18至25岁", "18 to 52"),
    ("黄仁勋9月26日接受采访。", "Huang was interviewed on September 25.",
     "D101", "9月26日", "September 25"),
    ("发布会于下午3点开始。", "The press conference began at 4 p.m.", "D102", "下午3点", "4 p.m."),
    ("受访者中有1200人支持该方案。", "Many of those surveyed supported the plan.",
     "N103", "1200", None),
    ("该公司利润大幅增长。", "The company's profit rose by 35%.", "N104", None, "35%"),
    ("越南25年来为东盟发展作出巨大贡献。",
     "Vietnam has contributed greatly to ASEAN over the past 21 years.",
     "N101", "25年", "21 years"),
    ("警方逮捕了三名嫌疑人。", "Police arrested nine suspects.", "N101", "三", "nine"),
    ("该厂始建于1985年。", "The factory was built in 1995.", "D101", "1985年", "1995"),
    ("全国财政收入4.6万亿元。", "National fiscal revenue was 46 trillion yuan.",
     "N102", "4.6万亿元", "46 trillion yuan"),
    ("全年国内生产总值1015036亿元。", "GDP for the year was 10.15 trillion yuan.",
     "N102", "1015036亿元", "10.15 trillion yuan"),
    ("三成受访者表示支持。", "40% of respondents expressed support.", "N101", "三成", "40%"),
    ("近九成企业实现盈利。", "Nearly 80% of companies were profitable.", "N101", "九成", "80%"),
    ("特区政府预留60亿港元。", "The SAR government set aside US$6 billion.",
     "N105", "60亿港元", "US$6 billion"),
    ("门票售价200欧元。", "Tickets cost 200 pounds.", "N105", "200欧元", "200 pounds"),
    ("该市人口在过去十年翻了一番。", "The city's population tripled over the past decade.",
     "N101", "翻了一番", "tripled"),
    ("收入是去年的两倍。", "Income is three times last year's.", "N101", "两倍", "three times"),
    ("约有四分之一的学生选择出国留学。", "About a third of students chose to study abroad.",
     "N101", "四分之一", "a third"),
    ("这款手机配备5000毫安时电池。", "The phone has a 500 mAh battery.",
     "N102", "5000毫安时", "500 mAh"),
    ("货车载重30吨。", "The truck carries 30 kilograms.", "N106", "30吨", "30 kilograms"),
    ("航程约3小时。", "The flight takes about 3 minutes.", "N106", "3小时", "3 minutes"),
    ("第五届进博会开幕。", "The sixth import expo opened.", "N108", "第五", "sixth"),
    ("会议将于12月3日至5日举行。", "The meeting will be held from December 3 to 6.",
     "D101", "12月3日至5日", "December 3 to 6"),
    ("2025年10月27日，国家统计局发布数据。",
     "On October 28, 2025, the National Bureau of Statistics released data.",
     "D101", "2025年10月27日", "October 28, 2025"),
    ("他在上世纪90年代移居香港。", "He moved to Hong Kong in the 1980s.",
     "D101", "上世纪90年代", "1980s"),
    ("第三季度净利润增长。", "Net profit rose in the second quarter.",
     "D101", "第三季度", "second quarter"),
    ("飞机于15时30分降落。", "The plane landed at 15:45.", "D102", "15时30分", "15:45"),
    ("发布会于下午3点开始。", "The press conference began at 3 a.m.", "D102", "下午3点", "3 a.m."),
    ("她以6比3赢得首盘。", "She won the first set 6-2.", "N101", "6比3", "6-2"),
    ("中国男篮闯入32强。", "The Chinese men's basketball team reached the last 16.",
     "N101", "32强", "16"),
    ("该公司计划在未来两到三年内上市。",
     "The company plans to go public within three to four years.",
     "N109", "两到三年", "three to four years"),
    ("销量是对手的1.5倍。",
     "Sales were 2.5 times those of its rival.", "N101", "1.5倍", "2.5 times"),
    ("通胀率为百分之五。", "Inflation was 15%.", "N101", "百分之五", "15%"),
    ("营收达到1600亿元。", "Revenue reached 16 billion yuan.", "N102", "1600亿元", "16 billion"),
    ("英伟达面临45亿美元库存损失。", "NVIDIA faced a 4.5 billion yuan inventory loss.",
     "N105", "45亿美元", "4.5 billion yuan"),
    ("今年53岁的李代国是渔民。", "Li Daiguo, 63 years old, is a fisherman.", "N101", "53岁", "63"),
    ("今年4月，该公司发布了新产品。", "In May this year, the company released a new product.",
     "D101", "今年4月", "May"),
    ("第三季度营收增长。", "Revenue grew.", "D103", "第三季度", None),
    ("约3000名游客参观了故宫。", "About 300 tourists visited the Palace Museum.",
     "N102", "3000", "300"),
    ("存款利率为5%。", "The deposit rate is 5 percentage points.", "N107", "5%", "5 percentage"),
    ("上半年营收同比增长5.2%。", "Revenue rose 2.5% in the first half.", "N101", "5.2%", "2.5%"),
    ("列车时速350公里。", "The train runs at 350 mph.", "N106", "350公里", "350 mph"),
    ("公园门票为80元。", "Park tickets cost 800 yuan.", "N102", "80元", "800 yuan"),
    ("该市去年新增就业岗位3.5万个。", "The city added 3,500 jobs last year.",
     "N102", "3.5万", "3,500"),
    ("出口额增长三倍。", "Exports quadrupled.", "N110", "三倍", "quadrupled"),
    ("商场营业至24时。", "The mall is open until noon.", "D102", "24时", "noon"),
    ("成年人每天应喝1.5升至2升水。", "Adults should drink 1.5-3L of water a day.",
     "N109", "1.5升至2升", "1.5-3L"),
    ("他在这里工作了三十余年。", "He has worked here for more than two decades.",
     "N101", "三十余年", "two decades"),
    ("9000多万党员要学好党史。", "More than 9 million party members should learn Party history.",
     "N102", "9000多万", "9 million"),
    ("7月6日19时54分进入青海省境内。", "He entered Qinghai at 19:00 on July 6.",
     "D102", "19时54分", "19:00"),
    ("2019-2020赛季CBA联赛复赛。", "The 2018-2019 CBA season resumed.",
     "D101", "2019-2020", "2018-2019"),
    ("“90后”更爱攒钱了。", "The post-80s generation saves more.", "D101", "90后", "80s"),
    ("10月至12月将在12个城市巡演。", "It will tour 12 cities from October to November.",
     "D101", "10月至12月", "October to November"),
]


def _side_matches(expected: str | None, span_text: str | None) -> bool:
    if expected is None or span_text is None:
        return expected is None and span_text is None
    return expected in span_text or span_text in expected


def _points_at(finding: Finding, rule: str, zh_text: str | None, en_text: str | None) -> bool:
    return (
        finding.rule == rule
        and _side_matches(zh_text, finding.source.text if finding.source else None)
        and _side_matches(en_text, finding.target.text if finding.target else None)
    )


@pytest.mark.parametrize(("zh", "en", "rule", "zh_text", "en_text"), PLANTED_ERRORS,
                         ids=[f"{c[2]}-{c[0][:20]}" for c in PLANTED_ERRORS])
def test_planted_error_is_reported(zh: str, en: str, rule: str, zh_text: str | None,
                                   en_text: str | None) -> None:
    findings = check_texts(zh, en).findings
    hits = [f for f in findings if _points_at(f, rule, zh_text, en_text)]
    described = [(f.rule, f.severity.value, f.message) for f in findings]
    assert hits, f"expected {rule} at {zh_text!r}/{en_text!r}, got {described}"
    if rule != "N110":  # the ambiguous multiple is a minor note by design
        assert any(f.severity.rank >= Severity.MAJOR.rank for f in hits), described
