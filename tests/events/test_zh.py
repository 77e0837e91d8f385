"""Chinese event extraction, end to end: analyse -> find_mentions -> extract."""

from __future__ import annotations

from pathlib import Path

import pytest

from annals.actors.matcher import find_mentions
from annals.events import extract
from annals.records import Event
from annals.text import analyse

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def events_of(text: str, published: str = "2023-03-22") -> list[Event]:
    analysis = analyse(text, published)
    return extract(text, analysis.sentences, find_mentions(text, analysis.sentences))


def keys(events: list[Event]) -> set[tuple[str, str, str, bool]]:
    """(source country, target country, CAMEO root, negated) of each event."""
    return {(e.source.code or "", e.target.code or "", e.root, e.negated) for e in events}


# (text, expected (source, target, root, negated) -- all must be found)
CASES = [
    # meetings
    (
        "国家主席习近平在北京会见来访的巴西总统卢拉。",
        {("CHN", "BRA", "04", False), ("BRA", "CHN", "04", False)},
    ),
    (
        "英国首相苏纳克会晤乌克兰总统泽连斯基。",
        {("GBR", "UKR", "04", False), ("UKR", "GBR", "04", False)},
    ),
    ("拜登与岸田文雄在白宫举行会谈。", {("USA", "JPN", "04", False), ("JPN", "USA", "04", False)}),
    (
        "美國總統拜登與日本首相岸田文雄舉行會談。",
        {("USA", "JPN", "04", False), ("JPN", "USA", "04", False)},
    ),
    ("王毅同布林肯通电话。", {("CHN", "USA", "04", False), ("USA", "CHN", "04", False)}),
    (
        "中国国家主席习近平同美国总统拜登举行视频会晤。",
        {("CHN", "USA", "04", False), ("USA", "CHN", "04", False)},
    ),
    # visits
    ("日本首相岸田文雄访问乌克兰。", {("JPN", "UKR", "04", False)}),
    ("普京對中國進行國事訪問。", {("RUS", "CHN", "04", False)}),
    (
        "习近平先后对哈萨克斯坦和乌兹别克斯坦进行国事访问。",
        {("CHN", "KAZ", "04", False), ("CHN", "UZB", "04", False)},
    ),
    # signing, 两国 and 双方
    ("中方与俄方签署了多项合作协议。", {("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)}),
    ("中俄两国元首签署联合声明。", {("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)}),
    (
        "习近平同普京举行会谈。双方签署了关于深化全面战略协作伙伴关系的联合声明。",
        {("CHN", "RUS", "04", False), ("CHN", "RUS", "05", False), ("RUS", "CHN", "05", False)},
    ),
    # praise, support
    ("普京赞扬中国在乌克兰问题上的立场。", {("RUS", "CHN", "05", False)}),
    ("俄罗斯外交部表示支持中方的和平倡议。", {("RUS", "CHN", "05", False)}),
    # criticism
    (
        "美国国务卿布林肯谴责俄罗斯对乌克兰的入侵。",
        {("USA", "RUS", "11", False), ("RUS", "UKR", "19", False)},
    ),
    ("中国外交部发言人汪文斌批评美方歪曲事实。", {("CHN", "USA", "11", False)}),
    ("七国集团指责中国破坏地区稳定。", {("G7", "CHN", "11", False)}),
    ("俄罗斯外长拉夫罗夫抨击北约东扩。", {("RUS", "NATO", "11", False)}),
    ("中国对美国众议院议长访台表示强烈不满。", {("CHN", "USA", "11", False)}),
    # refusal and negation
    ("中国拒绝谴责俄罗斯。", {("CHN", "RUS", "11", True)}),
    ("中國拒絕譴責俄羅斯入侵烏克蘭。", {("CHN", "RUS", "11", True), ("RUS", "UKR", "19", False)}),
    ("印度总理莫迪没有谴责俄罗斯。", {("IND", "RUS", "11", True)}),
    # appeals, threats, warnings
    ("联合国秘书长古特雷斯呼吁俄罗斯立即停火。", {("UN", "RUS", "02", False)}),
    ("中方敦促美方停止向台湾出售武器。", {("CHN", "USA", "02", False)}),
    ("朝鲜警告美国不要挑衅。", {("PRK", "USA", "13", False)}),
    ("俄罗斯威胁对乌克兰发动更大规模的袭击。", {("RUS", "UKR", "13", False)}),
    # sanctions
    ("欧盟对俄罗斯实施新一轮制裁。", {("EU", "RUS", "16", False)}),
    ("美國宣布對中國實施制裁。", {("USA", "CHN", "16", False)}),
    # military drills
    (
        "俄罗斯与白俄罗斯举行联合军事演习。",
        {("RUS", "BLR", "06", False), ("BLR", "RUS", "06", False)},
    ),
    ("中国人民解放军在台湾周边举行军事演习。", {("CHN", "TWN", "15", False)}),
    # aid
    ("美国向乌克兰提供军事援助。", {("USA", "UKR", "07", False)}),
    ("中國向土耳其提供緊急人道主義援助。", {("CHN", "TUR", "07", False)}),
    # reported speech
    ("外交部发言人汪文斌表示，中方坚决反对美方对中国企业实施制裁。", {("CHN", "USA", "11", False)}),
    ("外交部发言人毛宁表示，美方应停止对中国的无端指责。", {("CHN", "USA", "10", False)}),
    (
        "普京表示：“我们高度赞赏中国朋友在乌克兰危机问题上的平衡立场。”",
        {("RUS", "CHN", "05", False)},
    ),
    (
        "普京同时表示，俄方坚定恪守一个中国原则，谴责美国在台湾海峡的挑衅行为。",
        {("RUS", "USA", "11", False)},
    ),
]

# (text, (source, target, root, negated) that must NOT be found)
ABSENT = [
    ("习近平出席开幕式并发表讲话。", None),  # one actor: no event
    ("专家批评美国的对华政策。", None),  # a commentator is never a source
    ("分析人士认为，美国将对中国实施新的制裁。", None),  # nor do their speculations count
    ("中方不会对俄罗斯实施制裁。", ("CHN", "RUS", "13", False)),  # negated, not a threat
    ("俄罗斯计划与中国举行联合军演。", ("CHN", "RUS", "03", False)),  # one side's intent
    ("美国总统拜登警告俄罗斯，如果入侵乌克兰将面临严厉制裁。", ("USA", "UKR", "19", False)),
    ("外交部发言人表示，美方应停止对中国的无端指责。", ("USA", "CHN", "11", False)),
]


def pair(a: str, b: str, root: str, negated: bool = False) -> set[tuple[str, str, str, bool]]:
    """A two-sided act: one event each way."""
    return {(a, b, root, negated), (b, a, root, negated)}


# The codebook, root by root, over many states, with negation and modality, and sentences with
# no event: (text, exactly the (source, target, root, negated) events expected).
CODEBOOK_CASES = [
    # 01 make public statement
    ("德国总理朔尔茨对伊朗核谈判前景表示悲观。", {("DEU", "IRN", "01", False)}),
    ("法国总统马克龙对与中国的经贸合作充满信心。", {("FRA", "CHN", "01", False)}),
    ("巴西总统卢拉向土耳其总统埃尔多安致慰问电。", {("BRA", "TUR", "01", False)}),
    ("日本首相岸田文雄对摩洛哥地震遇难者表示哀悼。", {("JPN", "MAR", "01", False)}),
    ("加拿大总理特鲁多拒绝就印度的指控置评。", {("CAN", "IND", "01", False)}),
    # 02 appeal
    (
        "联合国秘书长古特雷斯呼吁以色列和哈马斯停火。",
        {("UN", "ISR", "02", False), ("UN", "PSE", "02", False)},
    ),
    (
        "欧盟敦促塞尔维亚与科索沃恢复对话。",
        {("EU", "SRB", "02", False), ("EU", "XKX", "02", False)},
    ),
    ("乌克兰请求北约提供更多防空系统。", {("UKR", "NATO", "02", False)}),
    ("日本政府呼吁中国尽快释放日本公民。", {("JPN", "CHN", "02", False)}),
    (
        "土耳其总统埃尔多安呼吁俄罗斯和乌克兰举行和谈。",
        {("TUR", "RUS", "02", False), ("TUR", "UKR", "02", False)},
    ),
    ("東盟促請緬甸軍政府停止暴力。", {("ASEAN", "MMR", "02", False)}),
    # 03 express intent to cooperate
    ("中方愿同巴西加强合作。", {("CHN", "BRA", "03", False)}),
    ("美国承诺向菲律宾提供五亿美元军事援助。", {("USA", "PHL", "03", False)}),
    ("印度总理莫迪将于下月访问美国。", {("IND", "USA", "03", False)}),
    ("伊朗同意与国际原子能机构合作。", {("IRN", "IGO", "03", False)}),
    ("俄罗斯邀请朝鲜领导人金正恩访问莫斯科。", {("RUS", "PRK", "03", False)}),
    ("法国计划承认巴勒斯坦国。", {("FRA", "PSE", "03", False)}),
    ("韩国表示愿意与日本改善关系。", {("KOR", "JPN", "03", False)}),
    # 04 consult
    ("法国总统马克龙会见了德国总理朔尔茨。", pair("FRA", "DEU", "04")),
    ("伊朗外长阿拉格齐与沙特外交大臣通电话。", pair("IRN", "SAU", "04")),
    ("土耳其总统埃尔多安访问匈牙利。", pair("TUR", "HUN", "04")),
    ("印度外长苏杰生在新德里会见了来访的俄罗斯外长拉夫罗夫。", pair("IND", "RUS", "04")),
    ("美国和伊朗在阿曼举行间接谈判。", pair("USA", "IRN", "04")),
    (
        "卡塔尔在以色列和哈马斯之间斡旋。",
        {("QAT", "ISR", "04", False), ("QAT", "PSE", "04", False)},
    ),
    ("韓國總統尹錫悅與美國總統拜登舉行會晤。", pair("KOR", "USA", "04")),
    ("德国外长贝尔伯克抵达北京，开始对中国进行为期三天的访问。", pair("DEU", "CHN", "04")),
    ("埃及总统塞西与以色列总理内塔尼亚胡通话。", pair("EGY", "ISR", "04")),
    ("中国和澳大利亚举行第七轮战略对话。", pair("CHN", "AUS", "04")),
    # 05 diplomatic cooperation
    ("以色列和阿联酋签署自由贸易协定。", pair("ISR", "ARE", "05")),
    ("洪都拉斯与中国建立外交关系。", pair("HND", "CHN", "05")),
    ("美国国务卿布林肯赞扬印度在气候问题上的领导作用。", {("USA", "IND", "05", False)}),
    ("巴基斯坦支持中国在台湾问题上的立场。", {("PAK", "CHN", "05", False)}),
    ("日本首相就历史问题向韩国道歉。", {("JPN", "KOR", "05", False)}),
    ("埃及总统塞西祝贺普京连任。", {("EGY", "RUS", "05", False)}),
    ("西班牙承认巴勒斯坦国。", {("ESP", "PSE", "05", False)}),
    ("土耳其议会批准瑞典加入北约。", {("TUR", "SWE", "05", False)}),
    ("新加坡和马来西亚续签供水协议。", pair("SGP", "MYS", "05")),
    # 06 material cooperation
    ("印度从俄罗斯进口大量石油。", {("IND", "RUS", "06", False)}),
    ("美国向台湾出售武器。", {("USA", "TWN", "06", False)}),
    ("中国与巴基斯坦举行联合军演。", pair("CHN", "PAK", "06")),
    ("泰国将一名诈骗嫌犯引渡给中国。", {("THA", "CHN", "06", False)}),
    ("韩国和美国共享朝鲜导弹情报。", pair("KOR", "USA", "06")),
    ("沙特阿拉伯向中国出口原油。", {("SAU", "CHN", "06", False)}),
    # 07 aid
    ("沙特阿拉伯向也门提供人道主义援助。", {("SAU", "YEM", "07", False)}),
    ("日本向乌克兰提供五十亿美元经济援助。", {("JPN", "UKR", "07", False)}),
    ("德国向以色列提供军事援助。", {("DEU", "ISR", "07", False)}),
    ("土耳其向叙利亚派遣救援队。", {("TUR", "SYR", "07", False)}),
    ("中国为斯里兰卡提供贷款。", {("CHN", "LKA", "07", False)}),
    ("美国援助乌克兰。", {("USA", "UKR", "07", False)}),
    ("欧盟向阿富汗捐赠了一批疫苗。", {("EU", "AFG", "07", False)}),
    # 08 yield
    ("以色列释放了巴勒斯坦囚犯。", {("ISR", "PSE", "08", False)}),
    ("俄罗斯和乌克兰交换战俘。", pair("RUS", "UKR", "08")),
    ("美国解除对委内瑞拉的制裁。", {("USA", "VEN", "08", False)}),
    ("以色列从加沙撤军。", {("ISR", "PSE", "08", False)}),
    ("阿塞拜疆和亚美尼亚宣布停火。", pair("AZE", "ARM", "08")),
    ("美国放宽对古巴的旅行限制。", {("USA", "CUB", "08", False)}),
    # 09 investigate
    ("国际原子能机构对伊朗核设施进行调查。", {("IGO", "IRN", "09", False)}),
    ("欧盟委员会对中国电动汽车展开反补贴调查。", {("EU", "CHN", "09", False)}),
    ("国际刑事法院调查以色列在加沙的行为。", {("IGO", "ISR", "09", False)}),
    ("韩国调查朝鲜黑客攻击事件。", {("KOR", "PRK", "09", False)}),
    # 10 demand
    ("中国要求日本停止排放核污染水。", {("CHN", "JPN", "10", False)}),
    ("俄罗斯要求北约从东欧撤军。", {("RUS", "NATO", "10", False)}),
    ("伊朗要求美国解除制裁。", {("IRN", "USA", "10", False)}),
    ("菲律宾外交部要求中国船只离开仁爱礁。", {("PHL", "CHN", "10", False)}),
    ("印度要求加拿大撤回外交官。", {("IND", "CAN", "10", False)}),
    # 11 disapprove
    ("越南外交部谴责中国海警的行为。", {("VNM", "CHN", "11", False)}),
    ("德国批评匈牙利阻挠对乌援助。", {("DEU", "HUN", "11", False)}),
    ("伊朗指责以色列策划爆炸事件。", {("IRN", "ISR", "11", False)}),
    ("美国国务院对朝鲜发射导弹表示关切。", {("USA", "PRK", "11", False)}),
    ("印度强烈谴责巴基斯坦支持恐怖主义。", {("IND", "PAK", "11", False)}),
    ("俄罗斯外交部召见英国大使。", {("RUS", "GBR", "11", False)}),
    ("中国对菲律宾提出严正交涉。", {("CHN", "PHL", "11", False)}),
    ("以色列总理内塔尼亚胡没有批评美国。", {("ISR", "USA", "11", True)}),
    ("沙特阿拉伯譴責以色列襲擊難民營。", {("SAU", "ISR", "11", False)}),
    # 12 reject
    ("以色列拒绝了联合国的停火决议。", {("ISR", "UN", "12", False)}),
    ("匈牙利拒绝欧盟的移民方案。", {("HUN", "EU", "12", False)}),
    ("巴勒斯坦权力机构拒绝美国的和平计划。", {("PSE", "USA", "12", False)}),
    ("朝鲜无视联合国安理会决议。", {("PRK", "UN", "12", False)}),
    ("塞尔维亚拒绝承认科索沃独立。", {("SRB", "XKX", "05", True)}),
    ("俄罗斯否决了美国提出的决议草案。", {("RUS", "USA", "12", False)}),
    # 13 threaten
    ("俄罗斯威胁对芬兰采取报复措施。", {("RUS", "FIN", "13", False)}),
    ("美国威胁对伊朗实施新的制裁。", {("USA", "IRN", "13", False)}),
    ("土耳其扬言对叙利亚北部发动军事行动。", {("TUR", "SYR", "13", False)}),
    ("中国警告菲律宾不要在南海挑衅。", {("CHN", "PHL", "13", False)}),
    ("朝鲜威胁对韩国使用核武器。", {("PRK", "KOR", "13", False)}),
    ("伊朗向以色列发出警告。", {("IRN", "ISR", "13", False)}),
    # 14 protest
    ("亚美尼亚民众在俄罗斯大使馆前示威游行。", {("ARM", "RUS", "14", False)}),
    ("韩国民众举行集会，抗议日本排放核污染水。", {("KOR", "JPN", "14", False)}),
    # 15 exhibit force posture
    ("俄罗斯在乌克兰边境集结重兵。", {("RUS", "UKR", "15", False)}),
    ("北约在波罗的海举行军演，威慑俄罗斯。", {("NATO", "RUS", "15", False)}),
    ("中国军机进入台湾防空识别区。", {("CHN", "TWN", "15", False)}),
    ("俄罗斯在芬兰边境部署军队。", {("RUS", "FIN", "15", False)}),
    # 16 reduce relations
    ("委内瑞拉驱逐了阿根廷外交官。", {("VEN", "ARG", "16", False)}),
    ("欧盟对伊朗实施新制裁。", {("EU", "IRN", "16", False)}),
    ("尼日尔宣布与法国断绝外交关系。", {("NER", "FRA", "16", False)}),
    ("美国对中国电动汽车加征关税。", {("USA", "CHN", "16", False)}),
    ("俄罗斯暂停与美国的核军控对话。", {("RUS", "USA", "16", False)}),
    ("澳大利亚驱逐俄罗斯外交官。", {("AUS", "RUS", "16", False)}),
    ("中國宣布對美國國會議員實施制裁。", {("CHN", "USA", "16", False)}),
    ("以色列召回驻南非大使。", {("ISR", "ZAF", "16", False)}),
    # 17 coerce
    ("俄罗斯逮捕了一名美国记者。", {("RUS", "USA", "17", False)}),
    ("中国拘留了一名日本公民。", {("CHN", "JPN", "17", False)}),
    ("伊朗扣押了一艘英国油轮。", {("IRN", "GBR", "17", False)}),
    ("美国没收了伊朗的石油。", {("USA", "IRN", "17", False)}),
    ("中国对立陶宛施压。", {("CHN", "LTU", "17", False)}),
    ("美国将两名中国公民驱逐出境。", {("USA", "CHN", "17", False)}),
    # 18 assault
    ("哈马斯绑架了以色列人质。", {("PSE", "ISR", "18", False)}),
    ("胡塞武装劫持了一艘以色列货船。", {("YEM", "ISR", "18", False)}),
    ("以色列暗杀了伊朗核科学家。", {("ISR", "IRN", "18", False)}),
    # 19 fight
    ("以色列军队空袭加沙地带。", {("ISR", "PSE", "19", False)}),
    ("俄罗斯对乌克兰发动大规模导弹袭击。", {("RUS", "UKR", "19", False)}),
    ("印度和巴基斯坦军队在边境交火。", pair("IND", "PAK", "19")),
    ("乌克兰无人机袭击了俄罗斯炼油厂。", {("UKR", "RUS", "19", False)}),
    ("以色列炮击黎巴嫩南部。", {("ISR", "LBN", "19", False)}),
    ("土耳其击落一架俄罗斯战机。", {("TUR", "RUS", "19", False)}),
    ("俄军攻占了乌克兰东部城镇。", {("RUS", "UKR", "19", False)}),
    ("美军空袭了叙利亚境内的目标。", {("USA", "SYR", "19", False)}),
    ("黎巴嫩真主党向以色列发射火箭弹。", {("LBN", "ISR", "19", False)}),
    # 20 mass violence
    ("俄军对乌克兰军队使用化学武器。", {("RUS", "UKR", "20", False)}),
    ("以色列对巴勒斯坦人实施种族清洗。", {("ISR", "PSE", "20", False)}),
    ("南非指控以色列在加沙实施种族灭绝。", {("ZAF", "ISR", "11", False)}),
    # negation and modality
    ("美国总统拜登没有会见沙特王储。", pair("USA", "SAU", "04", negated=True)),
    ("日本尚未向乌克兰提供武器。", {("JPN", "UKR", "07", True)}),
    ("德国拒绝向乌克兰提供金牛座导弹。", {("DEU", "UKR", "07", True)}),
    ("印度不会加入对俄罗斯的制裁。", {("IND", "RUS", "16", True)}),
    ("以色列计划对黎巴嫩发动地面进攻。", {("ISR", "LBN", "13", False)}),
    ("中国将向柬埔寨提供援助。", {("CHN", "KHM", "03", False)}),
    ("俄罗斯准备与乌克兰举行谈判。", {("RUS", "UKR", "03", False)}),
    ("巴基斯坦否认向伊朗提供武器。", {("PAK", "IRN", "07", True)}),
    ("美國呼籲中國停止對台灣的軍事施壓。", {("USA", "CHN", "02", False)}),
    ("伊朗总统没有访问沙特阿拉伯。", {("IRN", "SAU", "04", True)}),
    # no event
    ("中国经济增长放缓。", set()),
    ("俄罗斯总统普京在克里姆林宫发表年度讲话。", set()),
    ("专家认为美国可能会对中国加征关税。", set()),
    ("伊朗举行总统选举。", set()),
    ("美国国会通过了国防授权法案。", set()),
    ("乌克兰总统泽连斯基在基辅会见了乌克兰军方将领。", set()),
    ("以色列总理内塔尼亚胡召开内阁会议。", set()),
    ("学者批评日本政府的移民政策。", set()),
    ("中国外交部发言人毛宁主持例行记者会。", set()),
    ("日本首相岸田文雄抵达东京。", set()),
    ("法国的通货膨胀率创下新高。", set()),
    ("印度总理莫迪在新德里出席了国庆阅兵。", set()),
    ("报道称，德国和法国的关系出现紧张。", set()),
]

# News-style sentences (datelines, reported speech, several clauses, relative clauses, passives,
# traditional characters); the later groups were written after rounds of fixes, to check that the
# fixes generalise.
NEWS_CASES = [
    (
        "新华社北京5月16日电，国家主席习近平16日在人民大会堂同来华进行国事访问的越南国家主席"
        "苏林举行会谈。",
        pair("CHN", "VNM", "04"),
    ),
    (
        "据路透社报道，美国国务卿布林肯周二在利雅得会见了沙特王储，双方讨论了加沙局势。",
        pair("USA", "SAU", "04"),
    ),
    (
        "外交部发言人林剑在例行记者会上表示，中方强烈谴责以色列对伊朗驻叙利亚使馆的袭击。",
        {("CHN", "ISR", "11", False), ("ISR", "IRN", "19", False)},
    ),
    (
        "俄罗斯总统普京当天与哈萨克斯坦总统托卡耶夫通电话，两国元首就双边合作交换了意见。",
        pair("RUS", "KAZ", "04"),
    ),
    (
        "日本外务省16日召见中国驻日大使，就中国海警船进入钓鱼岛领海提出抗议。",
        {("JPN", "CHN", "11", False), ("CHN", "JPN", "15", False)},
    ),
    (
        "欧盟外长会议决定对伊朗实施新一轮制裁，以回应伊朗向俄罗斯提供无人机。",
        {("EU", "IRN", "16", False), ("IRN", "RUS", "07", False)},
    ),
    (
        "美国财政部宣布，对十二家帮助俄罗斯规避制裁的中国企业实施制裁。",
        {("USA", "CHN", "16", False), ("CHN", "RUS", "07", False)},
    ),
    ("乌克兰总统泽连斯基在视频讲话中呼吁西方国家向乌克兰提供更多防空系统。", set()),
    (
        "印度外交部发言人表示，印度不接受中国对阿鲁纳恰尔邦的领土主张。",
        {("IND", "CHN", "12", False)},
    ),
    (
        "以色列国防军周日对黎巴嫩南部的真主党目标发动空袭，真主党随后向以色列北部发射了数十枚"
        "火箭弹。",
        {("ISR", "LBN", "19", False), ("LBN", "ISR", "19", False)},
    ),
    (
        "中国国务院总理李强16日在北京会见德国总理朔尔茨，表示中方愿同德方深化务实合作。",
        pair("CHN", "DEU", "04") | {("CHN", "DEU", "03", False)},
    ),
    (
        "菲律宾外交部周一表示，已就中国海警在南海使用水炮一事向中国提出外交抗议。",
        {("PHL", "CHN", "11", False)},
    ),
    (
        "土耳其总统埃尔多安周三在安卡拉会见了到访的伊朗总统莱希，两国签署了十项合作协议。",
        pair("TUR", "IRN", "04") | pair("TUR", "IRN", "05"),
    ),
    ("朝鲜外务省发表谈话，警告美国不要在朝鲜半岛部署战略核武器。", {("PRK", "USA", "13", False)}),
    (
        "美国总统拜登宣布，美国将向以色列提供价值140亿美元的军事援助。",
        {("USA", "ISR", "03", False)},
    ),
    (
        "沙特阿拉伯和伊朗在北京达成协议，同意恢复外交关系。",
        pair("SAU", "IRN", "05") | pair("SAU", "IRN", "03"),
    ),
    (
        "俄罗斯外交部宣布驱逐两名德国外交官，以回应德方此前的类似举动。",
        {("RUS", "DEU", "16", False)},
    ),
    (
        "中国人民解放军东部战区5月23日起在台湾岛周边开展联合军事演习。",
        {("CHN", "TWN", "15", False)},
    ),
    ("联合国安理会未能通过关于加沙停火的决议草案。", set()),
    ("巴基斯坦外交部谴责阿富汗塔利班政府为恐怖分子提供庇护。", {("PAK", "AFG", "11", False)}),
    ("美国和菲律宾军队在南海举行了年度联合军事演习“肩并肩”。", pair("USA", "PHL", "06")),
    ("法国总统马克龙表示，法国不会向乌克兰提供远程导弹。", {("FRA", "UKR", "07", True)}),
    ("英国政府宣布冻结俄罗斯富豪的资产。", {("GBR", "RUS", "16", False)}),
    ("伊朗伊斯兰革命卫队扣押了一艘悬挂葡萄牙国旗的货船。", {("IRN", "PRT", "17", False)}),
    # written after the first round of fixes
    (
        "据央视报道，国家主席习近平22日在北京人民大会堂会见了来访的老挝国家主席通伦。",
        pair("CHN", "LAO", "04"),
    ),
    (
        "美国国务院发言人米勒表示，美方对中国向俄罗斯提供军民两用物资深感关切。",
        {("USA", "CHN", "11", False), ("CHN", "RUS", "07", False)},
    ),
    ("欧盟委员会主席冯德莱恩呼吁成员国加大对乌克兰的军事援助。", set()),
    ("印度与美国签署了一项为期十年的国防合作框架协议。", pair("IND", "USA", "05")),
    ("俄罗斯国防部称，俄军击落了乌克兰发射的38架无人机。", {("RUS", "UKR", "19", False)}),
    ("朝鲜最高领导人金正恩视察了朝鲜人民军导弹部队。", set()),
    (
        "伊朗外交部强烈谴责美国和英国对也门胡塞武装的空袭。",
        {
            ("IRN", "USA", "11", False),
            ("IRN", "GBR", "11", False),
            ("USA", "YEM", "19", False),
            ("GBR", "YEM", "19", False),
        },
    ),
    (
        "日本和菲律宾签署《互惠准入协定》，允许两国军队在对方领土上开展联合训练。",
        pair("JPN", "PHL", "05") | pair("JPN", "PHL", "06"),
    ),
    ("以色列总理内塔尼亚胡拒绝了哈马斯提出的停火条件。", {("ISR", "PSE", "12", False)}),
    ("中方愿同东盟国家一道，维护南海和平稳定。", set()),
    ("泽连斯基感谢美国国会通过对乌援助法案。", {("UKR", "USA", "05", False)}),
    ("英国宣布对伊朗革命卫队的多名高级将领实施制裁。", {("GBR", "IRN", "16", False)}),
    ("德国总理朔尔茨表示，德国不会向乌克兰提供“金牛座”巡航导弹。", {("DEU", "UKR", "07", True)}),
    (
        "土耳其总统埃尔多安与俄罗斯总统普京举行电话会谈，讨论了黑海粮食协议问题。",
        pair("TUR", "RUS", "04"),
    ),
    ("韩国军方表示，朝鲜当天向朝鲜半岛东部海域发射了一枚弹道导弹。", set()),
    ("中国海警在黄岩岛附近海域对菲律宾船只使用了水炮。", {("CHN", "PHL", "17", False)}),
    ("联合国秘书长古特雷斯对也门局势表示担忧。", {("UN", "YEM", "11", False)}),
    ("加拿大驱逐了一名中国外交官。", {("CAN", "CHN", "16", False)}),
    ("委内瑞拉总统马杜罗指责美国干涉委内瑞拉内政。", {("VEN", "USA", "11", False)}),
    ("巴基斯坦和阿富汗边境部队周五发生交火。", pair("PAK", "AFG", "19")),
    ("中国商务部宣布对原产于美国的进口丙酸展开反倾销调查。", {("CHN", "USA", "09", False)}),
    ("法国总统马克龙在巴黎爱丽舍宫接待了到访的印度总理莫迪。", pair("FRA", "IND", "04")),
    ("俄罗斯宣布暂停参与《新削减战略武器条约》。", set()),
    ("以色列国防军逮捕了数名巴勒斯坦人。", {("ISR", "PSE", "17", False)}),
    ("美国总统拜登承诺继续支持以色列。", {("USA", "ISR", "03", False)}),
    ("中国国防部新闻发言人表示，中方坚决反对美国售台武器。", {("CHN", "USA", "11", False)}),
    (
        "埃及和卡塔尔正在斡旋以色列与哈马斯之间的停火谈判。",
        {
            ("EGY", "ISR", "04", False),
            ("EGY", "PSE", "04", False),
            ("QAT", "ISR", "04", False),
            ("QAT", "PSE", "04", False),
        }
        | pair("ISR", "PSE", "04"),
    ),
    ("乌克兰外交部召见匈牙利大使，抗议匈牙利总理的言论。", {("UKR", "HUN", "11", False)}),
    # written after the second round of fixes
    ("一名日本公民被中国国家安全机关逮捕。", {("CHN", "JPN", "17", False)}),
    (
        "德國總理蕭茲週一在柏林會見了波蘭總理圖斯克，雙方討論了烏克蘭局勢。",
        pair("DEU", "POL", "04"),
    ),
    (
        "澳大利亚外长黄英贤表示，澳方对中国军舰的危险行为表示严重关切。",
        {("AUS", "CHN", "11", False)},
    ),
    ("俄罗斯没有邀请美国参加胜利日阅兵。", {("RUS", "USA", "03", True)}),
    (
        "伊拉克谴责土耳其对伊拉克北部的空袭。",
        {("IRQ", "TUR", "11", False), ("TUR", "IRQ", "19", False)},
    ),
    ("中国将对来自法国的白兰地进行反倾销调查。", {("CHN", "FRA", "09", False)}),
    ("美军无人机在叙利亚东部遭到伊朗支持的民兵袭击。", set()),
    ("印度总理莫迪祝贺普京再次当选俄罗斯总统。", {("IND", "RUS", "05", False)}),
    ("朝鲜宣布断绝与韩国的一切联系。", {("PRK", "KOR", "16", False)}),
    ("以色列与黎巴嫩真主党在边境地区持续交火。", pair("ISR", "LBN", "19")),
    ("美国财政部长耶伦警告中国企业不要向俄罗斯提供军事支持。", {("USA", "CHN", "13", False)}),
    (
        "蒙古国总统呼吁中俄两国加强经济合作。",
        {("MNG", "CHN", "02", False), ("MNG", "RUS", "02", False)},
    ),
    ("他说，法国愿意与中国共同推动乌克兰危机的政治解决。", set()),
    ("英国首相苏纳克宣布向乌克兰追加25亿英镑的军事援助。", {("GBR", "UKR", "07", False)}),
    ("沙特阿拉伯拒绝了美国提高石油产量的要求。", {("SAU", "USA", "12", False)}),
    ("土耳其释放了被扣押的瑞典记者。", {("TUR", "SWE", "08", False)}),
    (
        "巴拿马与台湾断交，转而与中国建交。",
        {("PAN", "TWN", "16", False)} | pair("PAN", "CHN", "05"),
    ),
    ("中国外交部发言人毛宁说，中方从未向冲突任何一方提供致命性武器。", set()),
    # two states named, no act between them
    ("中美贸易额去年增长了百分之五。", set()),
    ("印度与巴基斯坦关系紧张。", set()),
    ("中方表示，中美合作对世界有利。", set()),
    ("法国和德国是欧盟的创始成员国。", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_sentence(text: str, expected: set[tuple[str, str, str, bool]]) -> None:
    found = keys(events_of(text))
    assert expected <= found, f"missing {expected - found}; found {found}"


@pytest.mark.parametrize(("text", "unwanted"), ABSENT, ids=[c[0][:12] for c in ABSENT])
def test_no_event(text: str, unwanted: tuple[str, str, str, bool] | None) -> None:
    found = keys(events_of(text))
    if unwanted is None:
        assert not found
    else:
        assert unwanted not in found


def test_modality_recodes() -> None:
    by_code = {(e.source.code, e.target.code): e for e in events_of("习近平将于下月出访俄罗斯。")}
    assert by_code[("CHN", "RUS")].cameo == "036"  # an announced visit is intent to meet
    appeal = events_of("中方敦促美方停止向台湾出售武器。")[0]
    assert appeal.modality == "appeal"


def test_spans_place_and_traditional() -> None:
    text = "英國首相蘇納克在倫敦會見烏克蘭總統澤連斯基。"
    events = events_of(text)
    assert events, "no event from a traditional-character sentence"
    for event in events:
        assert text[event.start : event.end] == event.text
        assert "會見" in event.text
        assert event.predicate == "會見"
        assert event.place == "倫敦"
        assert event.confidence >= 0.8
        assert event.lang == "zh"


def test_pronoun_carries_person() -> None:
    text = "普京抵达北京。他在人民大会堂会见了中国国家主席习近平。"
    assert ("RUS", "CHN", "04", False) in keys(events_of(text))


def test_demo_corpus_loosely() -> None:
    samarkand = events_of(
        (CORPUS / "07-samarkand-meeting.txt").read_text(encoding="utf-8"), "2022-09-16"
    )
    meetings = {(e.source.code, e.target.code) for e in samarkand if e.root == "04"}
    assert {("CHN", "RUS"), ("RUS", "CHN")} <= meetings
    assert all(not e.source.commentator for e in samarkand)
    assert any(
        e.source.code == "RUS" and e.target.code == "CHN" and e.root == "05" for e in samarkand
    )

    aukus = events_of((CORPUS / "04-aukus-reaction.txt").read_text(encoding="utf-8"), "2021-09-17")
    assert any(e.source.code == "CHN" and e.target.code in {"USA", "GBR", "AUS"} for e in aukus)
    # the analysts' paragraph yields nothing
    analysts = [e for e in aukus if "分析人士" in (e.text or "")]
    assert not analysts


# Still missed: the verb and its object lie further apart than a compound predicate may stretch
# (GAP characters), with a modifier phrase in between.
KNOWN_MISSES = [
    ("芬兰决定关闭与俄罗斯接壤的全部边境口岸。", {("FIN", "RUS", "16", False)}),
    ("越南与中国同意加强在南海问题上的沟通。", pair("VNM", "CHN", "03")),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    CODEBOOK_CASES + NEWS_CASES,
    ids=[c[0][:16] for c in CODEBOOK_CASES + NEWS_CASES],
)
def test_codebook_sentence(text: str, expected: set[tuple[str, str, str, bool]]) -> None:
    found = keys(events_of(text))
    assert found == expected, f"missing {expected - found}; unexpected {found - expected}"


def test_case_table_covers_every_root() -> None:
    roots = {q[2] for _, expected in CODEBOOK_CASES for q in expected}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    assert sum(1 for _, expected in CODEBOOK_CASES if not expected) >= 10  # sentences without acts
    assert any(q[3] for _, expected in CODEBOOK_CASES for q in expected)  # negated acts


def test_passive_and_host() -> None:
    assert keys(events_of("一名美国记者被俄罗斯逮捕。")) == {("RUS", "USA", "17", False)}
    hosted = {e.cameo for e in events_of("土耳其总统埃尔多安访问匈牙利。")}
    assert hosted == {"042", "043"}  # the visitor visits, the host receives


@pytest.mark.xfail(strict=True, reason="verb and object too far apart for a compound predicate")
@pytest.mark.parametrize(("text", "expected"), KNOWN_MISSES)
def test_known_miss(text: str, expected: set[tuple[str, str, str, bool]]) -> None:
    assert keys(events_of(text)) == expected
