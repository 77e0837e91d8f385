"""Speech cues, pronouns and clause patterns for English, Chinese and Russian, compiled once.

``SPEECH``: verbs that attribute words to a speaker, both quoted and reported ("said", "表示",
"заявил"). ``FRAME``: speech acts that frame a quotation but do not introduce reported speech
("urged", "condemned", "呼吁"). ``REPORTED``: a speech cue followed by its reported clause.
Chinese patterns run on the simplified view of the text.
"""

from __future__ import annotations

import re


def lexicon(words: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(words.split())


# --- English ---------------------------------------------------------------------------------

EN_SPEECH_WORDS = (
    r"said|says|say|told|tells|tell|stated|states|added|adds|noted|notes|stressed|stresses"
    r"|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|warned|warns|announced|announces"
    r"|declared|declares|argued|argues|claimed|claims|insisted|insists|explained|explains"
    r"|pointed out|points out|believes|believed|believe|responded|responds|replied|replies"
    r"|reiterated|reiterates|acknowledged|acknowledges|admitted|admits|confirmed|confirms"
    r"|wrote|writes|tweeted|tweets|posted|asserted|asserts|maintained|maintains|remarked"
    r"|commented|comments|suggested|suggests|predicted|predicts|concluded|recalled|recalls"
    r"|assured|assures|reported|reports|vowed|vows|pledged|pledges|promised|promises"
    r"|asked|asks|answered|answers|continued|went on|quoted|cited|hoped|hopes"
)
EN_FRAME_WORDS = (
    r"urged|urges|called on|called for|calls on|calls for|called|calls|condemned|condemns"
    r"|criticized|criticised|criticizes|criticises|praised|praises|welcomed|welcomes|accused"
    r"|accuses|denounced|denounces|described|describes|dubbed|demanded|demands|appealed"
    r"|reaffirmed|reaffirms|expressed|expresses|voiced|voices|spoke of|referred to|mentioned"
)
EN_CUE = re.compile(rf"(?<![-\w])(?:{EN_SPEECH_WORDS}|{EN_FRAME_WORDS})\b")
EN_NOT_REPORTED_HEAD = lexicon(
    "in on at to for by with of from about during after before earlier later last this next"
    " was is were are be been had has have would will could can should so as if not no yes"
    " nothing something anything much more little it's into onto up out down off thursday"
    " friday monday tuesday wednesday saturday sunday today yesterday tomorrow here there"
)
"""Words that cannot open a reported clause after "said" without "that"."""
_EN_REPORTED_CUE = (
    r"(?<![-\w])(?P<cue>said|says|stated|states|added|adds|noted|notes|stressed|stresses"
    r"|emphasi[sz]ed|emphasi[sz]es|underlined|underscored|warned|warns|announced|announces"
    r"|declared|declares|argued|argues|claimed|claims|insisted|insists|explained|explains"
    r"|pointed out|points out|believes|believed|responded|responds|replied|replies"
    r"|reiterated|reiterates|acknowledged|acknowledges|admitted|admits|confirmed|confirms"
    r"|wrote|writes|tweeted|asserted|asserts|maintained|maintains|remarked|suggested|suggests"
    r"|predicted|predicts|concluded|recalled|vowed|pledged|promised"
    r"|expressed (?:his|her|their|its) (?:hope|expectation|belief|wish|confidence|conviction)"
    r"|(?:told|tells|assured|assures|informed|informs|reminded|reminds|warned|warns)"
    r"(?P<object>\s+[^,.;:!?\"“”]{1,60}?))"
)
_EN_LINK = r"(?P<link>\s+(?:on|in|at|during|last|this)\b[^,.;:!?\"“”]{1,50}?)?"
EN_REPORTED = re.compile(
    _EN_REPORTED_CUE + _EN_LINK + r"(?:\s+that\b|(?P<bare>(?<![,:])\s+(?=\w)))"
)
"""A cue and the start of its reported clause: "said (that) …", "told reporters that …"."""
EN_CONJOINED_CUE = re.compile(
    rf",?\s+(?:and|but)\s+(?:also\s+|then\s+)?(?:{EN_SPEECH_WORDS}|{EN_FRAME_WORDS})\b"
)
"""A second speech act of the same subject ends a reported clause: "said … and called …"."""
EN_BARE_CUE = re.compile(
    r"said|says|added|adds|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|warned"
    r"|warns|argued|argues|claimed|claims|insisted|insists|believes|believed|wrote|writes"
    r"|tweeted|suggested|suggests|predicted|predicts|maintained|maintains|asserted|asserts"
    r"|expressed (?:his|her|their|its) \w+"
)
"""Cues that take a reported clause without "that" ("said China was ready")."""
EN_REPORTED_THAT = re.compile(_EN_REPORTED_CUE + _EN_LINK + r"\s+that\b")
EN_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording to|[Ii]n the words of|[Aa]s (?P<as>[^,.;:]{2,60}?) "
    r"(?:said|put it|noted|stated|told \w+))\s*(?P<who>[^,;:.!?]{0,60}?),\s*"
)
EN_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|I|[Ii]t)\b(?!['’])")
EN_NAME = re.compile(
    r"\b[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)?"
    r"(?:\s+(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)?|[A-Z]\.))*\b"
)
EN_DOCUMENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|declaration|communiqu[eé]|document|report|constitution|treaty|resolution"
    r"|letter|white paper|editorial|commentary|notice|announcement|readout|memo)\b"
)
EN_NOT_NAME = lexicon(
    "The A An In On At But And When While After Before However According Still Yet So Also"
    " This That These Those It Its He She They We I His Her Their Our Mr Mrs Ms Dr Prof Sir"
    " Meanwhile Moreover Furthermore Although Though Since As If For From With Without By Of"
    " To Why What How Who Where Which Once During Under Over Today Yesterday Last Next Then"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " May June July August September October November December Western Eastern Northern"
    " Southern Communist Chinese Russian American Soviet Indian British President Minister"
    " Premier Prime Foreign Spokesman Spokeswoman Speaker Chairman Secretary General Gen"
    " Ambassador Deputy Vice Senior Former Professor State Party Government Ministry"
)
EN_ORG_WORDS = lexicon(
    "Times News Agency University Institution Institute Ministry Council Party Press Post"
    " Daily Television TV Company Bank Group Committee Department Office House Foundation"
    " Center Centre Association Union Organization Organisation Convention Treaty Charter"
    " Strategy Initiative Summit Forum Review Journal Herald Tribune Network Service Radio"
    " Federation Republic Kingdom States Nations Assembly Congress Parliament Court Army"
)
EN_GAP_WORDS = lexicon(
    "also previously once later then again has have had was is will would repeatedly further"
    " publicly recently earlier today yesterday tonight separately reportedly did does do"
    " not never already himself herself itself themselves on in at during the a an of last"
    " this that after before statement interview conference press meeting speech remarks"
    " briefing news told him her them reporters journalists officials monday tuesday"
    " wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december week month year morning evening afternoon"
    " night weekend state media tv television website telegram channel post social twitter"
    " x message video address live broadcast interview written recent latest just only"
    " even still however though openly bluntly explicitly clearly flatly firmly strongly"
    " directly privately frequently often has been being told always long usually"
)
EN_TITLE_BEFORE = re.compile(
    r"(?:so-called|so called|titled|entitled|named|known as|slogan|motto|book|novel|film"
    r"|article|op-ed|column|song|headline|hashtag|the word|the term|the phrase|dubbed)"
    r"\s*(?:of\s+|as\s+|a\s+|an\s+|the\s+)?$",
    re.IGNORECASE,
)
EN_WORD = re.compile(r"[\w’'-]+")

# --- Chinese (simplified view) ---------------------------------------------------------------

ZH_SPEECH_WORDS = (
    r"表示|(?<![小据传游])说(?![服明])|说道|(?<![名简号])称(?![为作号赞])|声称|宣称|指出|强调|认为"
    r"|宣布|声明|透露|回应|告诉|坦言|直言|重申|提到|警告|写道|表态|补充|答道|问道|回答|透露说"
)
ZH_FRAME_WORDS = r"呼吁|谴责|批评|赞扬|称赞|要求|敦促|形容|抨击"
ZH_CUE = re.compile(rf"(?:{ZH_SPEECH_WORDS}|{ZH_FRAME_WORDS})")
ZH_REPORTED = re.compile(
    rf"(?P<cue>{ZH_SPEECH_WORDS})(?:[称说道])?(?P<link>[，,：:]?)(?=[^“「『\"‘\s，,。：:])"
)
ZH_ACCORDING = re.compile(
    r"据(?P<who>[^，,。；：:“「]{0,20}?)(?:报道|报导|消息|称|介绍|透露|指出|表示|说|了解|悉)[，,]"
)
ZH_TITLE_BEFORE = re.compile(r"(?:所谓|所謂|称为|稱為|名为|名為|题为|題為|《)\s*$")
ZH_PRONOUN = re.compile(r"(?<![其吉])[他她](?![们人国乡])")
ZH_PUNCT = re.compile(r"[，,。；;：:！!？?、“”「」『』\"]")

# --- Russian ---------------------------------------------------------------------------------

RU_SPEECH_WORDS = (
    r"заявил[аи]?|сказал[аи]?|подчеркнул[аи]?|отметил[аи]?|сообщил[аи]?|добавил[аи]?"
    r"|заметил[аи]?|пояснил[аи]?|указал[аи]?|признал[аи]?|напомнил[аи]?|считает|считают"
    r"|говорит|говорят|говорится|написал[аи]?|заверил[аи]?|предупредил[аи]?|уверен[аы]?"
    r"|констатировал[аи]?|выразил[аи]? (?:уверенность|надежду)|убежден[аы]?|утверждает"
    r"|утверждал[аи]?|ответил[аи]?|объяснил[аи]?|полагает|рассказал[аи]?"
)
RU_FRAME_WORDS = r"призвал[аи]?|осудил[аи]?|раскритиковал[аи]?|назвал[аи]?|похвалил[аи]?"
RU_CUE = re.compile(rf"(?<![а-яё])(?:{RU_SPEECH_WORDS}|{RU_FRAME_WORDS})(?![а-яё])", re.I)
RU_REPORTED = re.compile(
    rf"(?<![а-яё])(?P<cue>{RU_SPEECH_WORDS})(?![а-яё])(?P<object>[^.!?;«»\"“”]{{0,60}}?)"
    r",\s*(?:что|будто)\s+",
    re.I,
)
RU_ACCORDING = re.compile(
    r"(?<![а-яё])(?:[Пп]о (?:словам|мнению|данным|информации)"
    r"|[Кк]ак (?:заявил[аи]?|сказал[аи]?|отметил[аи]?|сообщил[аи]?|подчеркнул[аи]?))"
    r"\s+(?P<who>[^,;:.!?]{1,60}?),\s*"
)
RU_PRONOUN = re.compile(r"(?<![а-яёА-ЯЁ])(?:[Оо]н|[Оо]на)(?![а-яё])")
RU_NAME = re.compile(r"(?<![а-яёА-ЯЁ])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+){0,2}")
RU_NOT_NAME = lexicon(
    "В На По Но И А Как Когда После До При Это Этот Эта Он Она Они Мы Я Его Ее Её Их Также"
    " Однако Кроме Между Для Из С Со У О Об От За Президент Министр Премьер Глава Россия"
    " Китай Москва Пекин Вашингтон Кремль"
)
RU_GAP = re.compile(r"^[\s,]*(?:[а-яё]+\s*){0,5}$")

# --- Shared ----------------------------------------------------------------------------------

CJK = re.compile(r"[\u3400-\u9fff]")
DASH_BEFORE_CUE = re.compile(r"^[\s,.!?…]*[—–-]+\s*$")
LEAD_IN = re.compile(r"^[\s,.!?…—–:-]*$")
