"""Chinese event extractor: patterns over actor mentions and the predicate lexicon.

No Chinese parser works offline here, so a sentence is read as Chinese news prose is written:
clauses split at ，；：。, actor mentions grouped by coordination (中俄, 美国、英国和澳大利亚),
each group given a role by the word before it (同/与/和/跟 partner, 对/向/为/从 oblique argument,
在 place, 就 topic, 被/遭到 agent of a passive, 把/将 object), and every lexicon predicate given

- a source: the nearest plain group before it in its clause (not the object of an earlier verb,
  not inside a 对 phrase), else the group before a 同-partner, else the topic carried from an
  earlier clause (topic chains: "俄方坚定恪守……，谴责美国"); the agent of a passive
  (美国记者被俄罗斯逮捕); the head of a relative clause (对帮助俄罗斯的中国企业实施制裁) or
  the 对/就 group an embedded act follows (对朝鲜发射导弹表示关切); 他/她 resolve to the last
  person, 双方/两国(元首) to the last pair, 我们/我国/我方 to the speaker;
- a target: the 同 partner, the 对/向/为/从/就 argument or the object after it, as the lexicon says,
  the two sides of 在…之间, or where force is shown or a protest held (在台湾周边, 在使馆前);
- negation (不, 未 …, refusal verbs 拒绝/避免/否认 …) and modality (愿, 将, 呼吁 …) from the words
  between source and predicate; an appeal, demand or threat with an actor object (敦促美国停止…)
  is an event towards that actor, one to unnamed others (呼吁成员国…) none.

A visit is also hosted (043, the other way); two-sided acts are one-sided under intent or appeal.
Matching runs on the sentence's simplified view (same length as the text), with coded actor
mentions masked (a mention between a predicate's words counts as one character), so spans index
the original text, simplified or traditional.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from annals.events.base import DocContext, LexiconEntry, build_event, cues, lexicon, same_actor
from annals.records import Event, Mention, Sentence

LANG = "zh"
CLAUSE_BREAKS = frozenset("，。；：！？,;:!?\n")
GAP = 6
"""Characters allowed between the words of a multi-word predicate (了, 过, short modifiers); an
actor mention in between counts as one ("解除对委内瑞拉的制裁")."""
MASK = "□"

COORDINATORS = ("", "、", "和", "与", "及", "以及", "同", "跟", "、以及")
"""Text between two mentions of one coordinated group (同/跟 only join when nothing else does)."""
WITH = "同与和跟"
OBLIQUE = {
    "对于": "对",
    "针对": "对",
    "对": "对",
    "向": "向",
    "给": "向",
    "为": "为",
    "替": "为",
    "从": "从",
    "自": "从",
}
NOT_OBLIQUE_BEFORE = {
    "对": "反面应相绝比核敌",
    "向": "方倾意走导动去",
    "为": "作成认称因行以视",
    "给": "供交",
    "从": "服随",
}
PLACE = ("在", "于")
TOPIC = ("就", "关于", "有关")
PRONOUNS = re.compile(r"(?<![其吉])[他她](?![们国人方日])")
SPEAKER_WORDS = re.compile(r"我们|我国|我方|本国|我")
PAIR_WORDS = re.compile(r"双方|两国元首|两国领导人|两国外长|两国政府|两国总统|两国|两军|两党")
EXTRA_SPEECH = ("认为", "预计", "分析", "说")


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


NEGATION_FALSE = _words(
    "无端 无理 无辜 毫无 不断 不仅 不少 不久 不同 不但 不管 不论 "
    "不过 不得不 无论 无人 非常 非法 非洲 未来 分别 特别 区别 级别 "
    "类别 个别 不满 不予 无视 非正式 不一 不已 "
)
NOT_MODAL = _words(
    "会议 会谈 会见 会晤 会面 会上 会后 会期 会场 会员 将军 将领 "
    "愿景 意愿 自愿 计划经济 应对 应邀 回应 相应 响应 反应 供应 "
    "适应 应用 答应 应约 理应 "
)
APPEAL_LIKE = ("appeal", "demand", "threaten")
CONDITIONAL = ("如果", "若", "一旦", "假如", "倘若", "如若", "要是", "万一")
EXTRA_MODALITY = (("应当", "demand"), ("应该", "demand"), ("应", "demand"))
PLACE_TAIL = ("周边", "附近", "海域", "上空", "领空", "沿岸", "边境", "境内", "岛", "海峡")
STATE_SECTORS = (None, "GOV", "MIL", "PTY", "LEG", "JUD")
OWN_SECTORS = (*STATE_SECTORS, "IGO")
"""Sectors of one state or organisation acting on itself (no event)."""
FORCE_ROOTS = ("15", "18", "19", "20")
PROTEST_ROOT = "14"
PROTEST_TAIL = ("前", "外", "门口", "附近")
VISIT, HOST = "042", "043"
ADMIT, RECOGNISE = "015", "054"
OFFICIAL_PROTEST, PROTEST = "114", "140"
DISPOSAL_NEXT = frozenset(MASK + "一二两三四五六七八九十几数多该这那其此部百千万")
"""What follows 将 when it marks the object (将两名公民驱逐出境) rather than the future."""
DISPOSAL_SKIP = "一二两三四五六七八九十几数多百千万名个位艘架批家些该这那其此部分"
"""Numerals, measure words and demonstratives between 将/把 and their object."""
EXTRA_REFUSAL = ("否认",)
"""Verbs that deny the act they govern, besides the cue file's refusals."""
ROLE_TAILS = ("大使馆", "领事馆", "使馆", "大使", "外交官")
"""The role word that ends an agent mention (南非大使) may be a predicate's word (召回 大使)."""
PASSIVE_MARKERS = ("被", "遭到", "遭受", "受到", "遭", "受")
"""Words before the agent of a passive (被俄罗斯逮捕, 遭到俄罗斯导弹袭击, 受美国邀请)."""
NOT_PASSIVE = ("接受", "享受", "感受", "承受", "忍受")
PASSIVE_GAP = 4
"""Characters allowed between a passive's agent and its verb (导弹 in 遭到俄罗斯导弹袭击)."""
INVITATIONS = ("邀请",)
PARTNER_ONLY = ("合作",)
"""Predicates that are events only with a 同/与 partner (同巴西合作)."""
NOMINAL_HEADS = ("决议", "草案", "提案", "法案", "谈判", "协议", "条件", "倡议")
FALSE_FRIENDS = ("巡航导弹", "侦察机", "侦察卫星", "巡逻艇", "巡逻船", "巡逻机")
"""Words that contain a predicate but name a thing (巡航导弹 is no patrol)."""
PIVOT_WORDS = ("成员国", "各方", "各国", "国际社会", "有关国家", "有关方面", "相关国家", "盟国")
"""Unnamed addressees of an appeal (呼吁成员国加大对乌克兰的援助): the act is theirs."""
DECIDED = ("决定",)
SCOPE_AFTER_CUE = 12
ORIGIN = ("原产于", "产自", "来自")
"""对原产于美国的进口丙酸: the origin of what a trade measure targets."""
RELATIVE_REACH = 25
"""How far (characters) before 的 + group a 对 may open a phrase with a relative clause."""
"""How far (characters) a cue verb (拒绝, 呼吁, 承诺 …) reaches to the predicate it governs."""


@dataclass(frozen=True)
class _Pattern:
    entry: LexiconEntry
    regex: re.Pattern[str] | None
    weight: int


@dataclass
class _Pred:
    start: int
    end: int
    words: tuple[tuple[int, int], ...]
    entry: LexiconEntry
    code: str
    symmetric: bool
    target: str | None
    clause: int
    consumed: bool = False
    modality: str | None = None
    negated: bool = False
    pivot: _Group | None = None
    subject: _Group | None = None
    via_cue: bool = False
    cue_code: str | None = None
    demanded_by: _Group | None = None
    modal_cue: str | None = None


@dataclass
class _Group:
    start: int
    end: int
    members: list[Mention]
    role: str = "plain"
    """plain, with, oblique, place, topic."""
    prep: str | None = None
    possessive: bool = False
    pseudo: bool = False
    joiners: list[str] = field(default_factory=list)

    @property
    def void(self) -> bool:
        """No member can be an actor of an event (no code and not a blocking commentator)."""
        return not any(m.code or m.commentator for m in self.members)

    @property
    def coded(self) -> list[Mention]:
        return [m for m in self.members if m.code or m.commentator]


@cache
def _patterns() -> dict[str, tuple[_Pattern, ...]]:
    """The lexicon's patterns by the first character of their first word."""
    out: dict[str, list[_Pattern]] = {}
    for entry in lexicon(LANG):
        regex = None
        if len(entry.words) > 1:
            gap = rf"(?:{MASK}+|[^{MASK}{''.join(CLAUSE_BREAKS)}]){{0,{GAP}}}?"
            regex = re.compile(gap.join(f"({re.escape(w)})" for w in entry.words))
        pattern = _Pattern(entry, regex, sum(len(w) for w in entry.words))
        out.setdefault(entry.words[0][0], []).append(pattern)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _cue_tables() -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...], tuple]:
    c = cues(LANG)
    negation = tuple(sorted(c.negation, key=len, reverse=True))
    refusal = tuple(
        sorted({"".join(r) for r in c.refusal} | set(EXTRA_REFUSAL), key=len, reverse=True)
    )
    modality = tuple(
        sorted((("".join(k), v) for k, v in c.modality.items()), key=lambda kv: -len(kv[0]))
    )
    speech = tuple(
        sorted({"".join(s) for s in c.speech} | set(EXTRA_SPEECH), key=len, reverse=True)
    )
    return negation, refusal, modality, speech


@cache
def _speech_regex() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in _cue_tables()[3]))


def _clauses(norm: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(norm):
        if ch in CLAUSE_BREAKS:
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(norm):
        spans.append((start, len(norm)))
    return spans or [(0, len(norm))]


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(clauses):
        if s <= pos < e:
            return i
    return len(clauses) - 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _find_predicates(norm: str) -> list[_Pred]:
    """Lexicon matches in ``norm`` (actor mentions masked), longest first, none overlapping
    another."""
    found: list[tuple[tuple, tuple[tuple[int, int], ...], LexiconEntry]] = []
    by_char = _patterns()
    for pat in (p for ch in dict.fromkeys(norm) for p in by_char.get(ch, ())):
        words = pat.entry.words
        if words[0] not in norm:
            continue
        if pat.regex is None:
            w = words[0]
            i = norm.find(w)
            while i >= 0:
                found.append(
                    ((pat.weight, len(pat.entry.code), -len(w)), ((i, i + len(w)),), pat.entry)
                )
                i = norm.find(w, i + 1)
        else:
            if words[-1] not in norm:
                continue
            for m in pat.regex.finditer(norm):
                ws = tuple(m.span(g) for g in range(1, len(words) + 1))
                found.append(
                    ((pat.weight, len(pat.entry.code), -(m.end() - m.start())), ws, pat.entry)
                )
    found.sort(key=lambda f: (f[0], -f[1][0][0]), reverse=True)
    taken: list[tuple[int, int]] = []
    preds: list[_Pred] = []
    for _, ws, entry in found:
        span = (ws[0][0], ws[-1][1])
        if any(_overlaps(span, t) for t in taken):
            continue
        taken.append(span)
        preds.append(
            _Pred(span[0], span[1], ws, entry, entry.code, entry.symmetric, entry.target, 0)
        )
    preds.sort(key=lambda p: p.start)
    return preds


def _pseudo(m: Mention, sentence: Sentence, text: str, start: int, end: int) -> Mention:
    s, e = sentence.start + start, sentence.start + end
    return replace(m, start=s, end=e, text=text[s:e], sentence=sentence.index, how="coref")


def _groups(norm: str, local: list[tuple[int, int, Mention]]) -> list[_Group]:
    groups: list[_Group] = []
    for s, e, m in local:
        if groups:
            g = groups[-1]
            joiner = norm[g.end : s]
            last = g.members[-1]
            if joiner == "" and (
                (m.kind == "person" and last.kind != "person" and not last.code)
                or last.code == m.code
            ):  # 外交部 + 发言人毛宁, 中共 + 东部战区, 联合国秘书长 + 古特雷斯: one actor, the head
                g.members[-1] = m
                g.end = e
                continue
            if joiner in COORDINATORS and not (joiner in ("同", "跟") and g.pseudo):
                g.members.append(m)
                g.joiners.append(joiner)
                g.end = e
                continue
        groups.append(_Group(s, e, [m]))
    return groups


def _assign_role(norm: str, g: _Group) -> None:
    before = norm[max(0, g.start - 2) : g.start]
    b1 = before[-1:] if before else ""
    if norm[g.end : g.end + 1] == "的":
        g.possessive = True
    head = g.start
    while head > 0 and g.start - head < 5 and norm[head - 1] in DISPOSAL_SKIP:
        head -= 1
    if head > 0 and norm[head - 1] in "把将" and norm[head - 2 : head] not in ("即将", "必将"):
        g.role, g.prep = "oblique", "把"  # 将两名中国公民驱逐出境: the object, before the verb
    elif before.endswith(PASSIVE_MARKERS) and before not in NOT_PASSIVE:
        g.role = "agent"  # 美国记者被俄罗斯逮捕: who does it
    elif before in OBLIQUE and before in ("对于", "针对"):
        g.role, g.prep = "oblique", OBLIQUE[before]
    elif b1 in OBLIQUE and not (len(before) == 2 and before[0] in NOT_OBLIQUE_BEFORE.get(b1, "")):
        g.role, g.prep = "oblique", OBLIQUE[b1]
    elif b1 and b1 in WITH and not (b1 == "和" and before[:1] == "平"):
        g.role = "with"
    elif b1 in PLACE:
        g.role = "place"
    elif before in TOPIC or b1 in TOPIC:
        g.role, g.prep = "topic", "就"


def _is_object(norm: str, g: _Group, preds: list[_Pred]) -> bool:
    """Whether ``g`` is the object of an earlier predicate (and not the pivot subject of the
    next verb: "批评美国对古巴实施制裁")."""
    for p in preds:
        if p.end <= g.start and g.start - p.end <= 4:
            gap = norm[p.end : g.start]
            if not any(ch in CLAUSE_BREAKS for ch in gap):
                return True
    return False


def _pivot_ok(norm: str, g: _Group, p: _Pred) -> bool:
    gap = norm[g.end : p.start]
    return len(gap) <= 6 or gap[:1] in "对向同与和跟给为从在将已也还"


def _last_in(window: str, words: Sequence[str], false: Sequence[str] = ()) -> int:
    """Position of the last occurrence of any of ``words`` in ``window`` not part of a false
    friend (不断, 会议 …); -1 if none."""
    best = -1
    for w in words:
        i = window.find(w)
        while i >= 0:
            ok = True
            for f in false:
                j = f.find(w)
                while j >= 0:
                    if window[i - j : i - j + len(f)] == f and i - j >= 0:
                        ok = False
                    j = f.find(w, j + 1)
            if ok:
                best = max(best, i)
            i = window.find(w, i + 1)
    return best


def _modality_in(window: str) -> tuple[str | None, str | None]:
    """The modality of the cue nearest the end of ``window``, and that cue."""
    best, word, pos = None, None, -1
    for cue, modality in _cue_tables()[2] + EXTRA_MODALITY:
        if cue not in window:
            continue
        i = _last_in(window, (cue,), NOT_MODAL + NEGATION_FALSE)
        if cue == "会" and i > 0 and window[i - 1] in "员议大峰国协机社学事体":
            i = -1
        if cue == "将" and i >= 0 and window[i + 1 : i + 2] in DISPOSAL_NEXT:
            i = -1  # 将两名公民驱逐出境: 将 marks the object (like 把), not the future
        if i > pos:
            best, word, pos = modality, cue, i
    return best, word


def extract_sentence(
    text: str, sentence: Sentence, mentions: Sequence[Mention], context: DocContext
) -> list[Event]:
    """The events of one Chinese sentence. ``mentions`` are its actor mentions (spans index
    ``text``); ``context`` holds the mentions of the sentences before it."""
    off = sentence.start
    norm = sentence.normalised if len(sentence.normalised) == len(sentence.text) else sentence.text
    local = sorted(
        ((m.start - off, m.end - off, m) for m in mentions if off <= m.start < off + len(norm)),
        key=lambda t: (t[0], -t[1]),
    )
    pair_spans = [w.span() for w in PAIR_WORDS.finditer(norm)]
    local = [  # 两国元首: the role word inside is part of the pair word
        t for t in local if t[2].code or not any(_overlaps(t[:2], w) for w in pair_spans)
    ]
    chars = list(norm)
    for s, e, m in local:
        if m.code or m.commentator:  # a mention without a code ("大使", "军队") may be a word
            tail = next((t for t in ROLE_TAILS if norm[s:e].endswith(t)), "")
            if m.kind != "agent" or len(tail) == e - s:
                tail = ""
            chars[s : e - len(tail)] = MASK * (e - s - len(tail))  # 召回驻南非大使: 召回 大使
    masked = "".join(chars)
    for word in FALSE_FRIENDS:
        if word in masked:
            masked = masked.replace(word, "〇" * len(word))
    spans = [(s, e) for s, e, _ in local]
    preds = _find_predicates(masked)
    if not preds:
        return []
    clauses = _clauses(norm)
    for p in preds:
        p.clause = _clause_of(clauses, p.start)

    groups = _groups(norm, local)
    _add_pseudo_groups(text, norm, sentence, groups, spans, context)
    groups.sort(key=lambda g: g.start)
    for g in groups:
        _assign_role(norm, g)

    speaker = _speaker(norm, groups, clauses, context)
    if speaker is not None and any(m.commentator for m in speaker.members):
        return []  # a commentator's view: neither a source nor an event
    _resolve_speaker_words(text, sentence, norm, groups, speaker)

    # clause topics for topic chains
    topics: dict[int, _Group] = {}
    for g in groups:
        c = _clause_of(clauses, g.start)
        if (
            c not in topics
            and g.role == "plain"
            and not g.possessive
            and not g.void
            and not _is_object(norm, g, preds)
        ):
            topics[c] = g

    _relative_clauses(norm, groups, preds, clauses)
    for p in preds:
        if p.subject is None:
            _find_subject(norm, p, groups, clauses, topics, preds)
    _embedded_subjects(groups, preds)
    for p in preds:
        if norm[p.end : p.end + 2] in NOMINAL_HEADS:
            p.consumed = True  # 联合国的停火决议: a modifier of a text, not an act
        if norm[p.start - 1 : p.start] == "被" and norm[p.end : p.end + 1] == "的":
            p.consumed = True  # 被扣押的瑞典记者: a description of someone, not an act
    _apply_cue_verbs(norm, preds, groups)
    for p in preds:
        if not p.consumed:
            _negation_and_modality(masked, p, clauses)
        if norm[clauses[p.clause][0] :].lstrip('“”"「」 ').startswith(CONDITIONAL):
            p.consumed = True  # 如果入侵乌克兰…: a hypothetical act
        subj = p.subject
        if (
            speaker is not None
            and subj is not None
            and not p.via_cue
            and p.modality in ("demand", "appeal")
            and subj.start >= speaker.end
            and not subj.pseudo
        ) and {m.code for m in speaker.coded} != {m.code for m in subj.coded}:
            p.demanded_by = speaker  # 发言人表示，美方应停止…: the speaker demands it of 美方
        if p.demanded_by is None and p.modal_cue in dict(EXTRA_MODALITY):
            p.consumed = True  # 美方应…: what someone should do, said by nobody we know
    _drop_speech_verbs(norm, preds)

    events: list[Event] = []
    for p in preds:
        if p.consumed or p.subject is None:
            continue
        events += _events_for(text, sentence, norm, p, groups, clauses)
    return events


def _add_pseudo_groups(
    text: str,
    norm: str,
    sentence: Sentence,
    groups: list[_Group],
    spans: list[tuple[int, int]],
    context: DocContext,
) -> None:
    """他/她 -> the last person; 双方/两国(元首) -> the last pair (of this sentence or before)."""
    for m in PRONOUNS.finditer(norm):
        s, e = m.span()
        if any(_overlaps((s, e), sp) for sp in spans):
            continue
        before = [g for g in groups if not g.pseudo and g.end <= s]
        person = (
            next(
                (x for g in reversed(before) for x in reversed(g.members) if x.kind == "person"),
                None,
            )
            or context.last_person()
        )
        if person is not None:
            groups.append(_Group(s, e, [_pseudo(person, sentence, text, s, e)], pseudo=True))
    for m in PAIR_WORDS.finditer(norm):
        s, e = m.span()
        if any(_overlaps((s, e), sp) for sp in spans):
            continue
        prev = [g for g in groups if not g.pseudo and g.end <= s]
        if prev and prev[-1].end == s:
            prev[-1].end = e  # 中俄两国, 中美双方: part of the group
            continue
        earlier = [x for g in prev for x in g.members] + [
            x for x in context.mentions if x.sentence != sentence.index
        ]
        pair = _pair(m.group(), earlier)
        if pair is not None:
            members = [_pseudo(x, sentence, text, s, e) for x in pair]
            groups.append(_Group(s, e, members, pseudo=True, joiners=["和"]))


def _pair(word: str, earlier: list[Mention]) -> tuple[Mention, Mention] | None:
    """The two most recent distinct actors before a pair word: leaders for 两国元首, states or
    their officials for 两国, anyone for 双方."""
    leaders = any(w in word for w in ("元首", "领导人", "总统", "外长"))
    kinds = (
        [("person",), ("person", "state", "organisation")]
        if leaders
        else [("person", "state", "organisation", "seat")]
    )
    for allowed in kinds:
        seen: list[Mention] = []
        for x in reversed(earlier):
            if x.kind not in allowed or not x.code:
                continue
            if word != "双方" and x.sector == "IGO":
                continue
            if any(same_actor(x, y) or x.code == y.code for y in seen):
                continue
            seen.append(x)
            if len(seen) == 2:
                return seen[1], seen[0]
    return None


def _speaker(
    norm: str, groups: list[_Group], clauses: list[tuple[int, int]], context: DocContext
) -> _Group | None:
    """The group that says the sentence's reported speech ("X表示，…", "…，”X说")."""
    for m in _speech_regex().finditer(norm):
        c = clauses[_clause_of(clauses, m.start())]
        before = [
            g
            for g in groups
            if c[0] <= g.start
            and g.end <= m.start()
            and g.role == "plain"
            and not g.void
            and not g.possessive
        ]
        if before:
            return before[0]
    return None


def _resolve_speaker_words(
    text: str, sentence: Sentence, norm: str, groups: list[_Group], speaker: _Group | None
) -> None:
    """我们/我国/我方 inside reported speech stand for the speaker."""
    if speaker is None:
        return
    for m in SPEAKER_WORDS.finditer(norm):
        s, e = m.span()
        if s < speaker.end or any(g.start <= s < g.end for g in groups):
            continue
        if norm[s:e] == "我" and norm[e : e + 1] in "们国方":
            continue
        members = [_pseudo(x, sentence, text, s, e) for x in speaker.coded]
        if members:
            groups.append(_Group(s, e, members, pseudo=True))
    groups.sort(key=lambda g: g.start)


def _find_subject(
    norm: str,
    p: _Pred,
    groups: list[_Group],
    clauses: list[tuple[int, int]],
    topics: dict[int, _Group],
    preds: list[_Pred],
) -> None:
    cs, _ = clauses[p.clause]
    in_clause = [g for g in groups if cs <= g.start and g.end <= p.start]
    withs = [g for g in in_clause if g.role == "with"]
    limit = withs[-1].start if withs else p.start
    for g in reversed(in_clause):
        if g.end > limit or g.role != "plain" or g.possessive or g.void:
            continue
        if any(
            o.end <= g.start and g.start - o.end <= 8 and "的" in norm[o.end : g.start]
            for o in in_clause
            if o.role in ("oblique", "with")
        ):
            continue  # 对黎巴嫩南部的真主党目标发动空袭: inside the oblique phrase
        if _is_object(norm, g, preds) and not _pivot_ok(norm, g, p):
            continue
        p.subject = g
        return
    for c in range(p.clause - 1, -1, -1):
        if c in topics:
            p.subject = topics[c]
            return


def _relative_clauses(
    norm: str, groups: list[_Group], preds: list[_Pred], clauses: list[tuple[int, int]]
) -> None:
    """对十二家帮助俄罗斯规避制裁的中国企业实施制裁: the group after 的 heads the 对 phrase (the
    target of what follows) and is the subject of the predicates of its relative clause; in
    对原产于美国的丙酸 the origin is the target."""
    for g in groups:
        after_de = g.role == "plain" and g.start >= 2 and norm[g.start - 1] == "的"
        tail = norm[g.end : g.end + 1] == "的"
        origin = tail and norm[max(0, g.start - 3) : g.start].endswith(ORIGIN)
        if not (after_de or origin):
            continue
        cs = clauses[_clause_of(clauses, g.start)][0]
        low = max(cs, g.start - RELATIVE_REACH)
        for i in range(g.start - 2, low - 1, -1):
            if norm[i] != "对" or (i > 0 and norm[i - 1] in NOT_OBLIQUE_BEFORE["对"]):
                continue
            if any(x.start == i + 1 for x in groups) or any(
                x.start > i and x.end <= g.start and x.role != "plain" for x in groups
            ):
                break  # 对美方…: an ordinary 对 phrase
            g.role, g.prep = "oblique", "对"
            for p in preds:
                if i < p.start and p.end <= g.start:
                    p.subject = g
            break


def _embedded_subjects(groups: list[_Group], preds: list[_Pred]) -> None:
    """对朝鲜发射导弹表示关切: an act right after a 对/就 group, before another predicate of the
    clause, is the object of that predicate, done by the group."""
    for i, p in enumerate(preds[:-1]):
        later = [q for q in preds[i + 1 :] if q.clause == p.clause]
        if not later or p.subject is None:
            continue
        for o in groups:
            if (
                o.role in ("oblique", "topic")
                and o.prep in ("对", "就")
                and o.end <= p.start
                and p.subject.start < o.start
                and not o.void
            ):
                between = [g for g in groups if o.end <= g.start and g.end <= p.start]
                inner = sum(g.end - g.start for g in between)
                if p.start - o.end - inner <= 3:  # 对中国向俄罗斯提供, 就中国海警在南海使用
                    p.subject = o
                    break


def _apply_cue_verbs(norm: str, preds: list[_Pred], groups: list[_Group]) -> None:
    """Cue verbs that are lexicon predicates (拒绝, 呼吁, 承诺 …) govern the next predicate: its
    negation or modality; an appeal, demand or threat with an actor object between them makes
    that actor the target (敦促美国停止…)."""
    _, refusal, modality, _ = _cue_tables()
    modal = dict(modality)
    active = [p for p in preds if not p.consumed]
    for i, q in enumerate(active[:-1]):
        word = norm[q.start : q.end]
        kind = "refusal" if word in refusal else modal.get(word)
        p = active[i + 1]
        gap = norm[q.end : p.start]
        if p.clause != q.clause or len(gap) > SCOPE_AFTER_CUE:
            continue
        if word in INVITATIONS:
            p.consumed = True  # 邀请金正恩访问莫斯科: the invitation is the event, not the visit
            continue
        if kind is None:
            continue
        if kind == "refusal" and norm[p.start - 1 : p.start] == "的":
            p.consumed = True  # 拒绝了美国…的要求: the refusal is the act, towards the requester
            continue
        q.consumed = True
        p.via_cue = True
        p.cue_code = q.code
        if q.subject is not None:
            p.subject = q.subject
        if kind == "refusal":
            p.negated = True
        else:
            p.modality = kind
        if kind in APPEAL_LIKE and any(w in gap for w in PIVOT_WORDS):
            p.consumed = True  # 呼吁成员国加大援助: an appeal to others unnamed, no event
            continue
        if kind in APPEAL_LIKE:
            p.pivot = next(
                (
                    g
                    for g in groups
                    if q.end <= g.start and g.end <= p.start and g.role == "plain" and not g.void
                ),
                None,
            )


def _negation_and_modality(norm: str, p: _Pred, clauses: list[tuple[int, int]]) -> None:
    negation, refusal, _, _ = _cue_tables()
    cs, _ = clauses[p.clause]
    start = cs
    if p.subject is not None and cs <= p.subject.start < p.start:
        start = p.subject.end
    window = norm[start : p.start]
    if p.entry.negated:
        p.negated = True
    near = re.sub(f"{MASK}+", MASK, window)[-8:]  # a mention between counts as one character
    if _last_in(near, negation, NEGATION_FALSE) >= 0 or _last_in(window, refusal) >= 0:
        p.negated = not p.negated if p.entry.negated else True
    if p.modality is None:
        p.modality, p.modal_cue = _modality_in(window)
    if p.negated and p.modality == "future":  # 不会, 不将: a negated act, not a threat
        p.modality = None
    if p.modal_cue in DECIDED and int(p.code[:2]) >= 14:
        p.modality = None  # 决定对伊朗实施制裁: a decided sanction is imposed, not threatened


def _drop_speech_verbs(norm: str, preds: list[_Pred]) -> None:
    """A speech verb (表示, 指出 …) is the frame of what follows, not an act of its own."""
    speech = set(_cue_tables()[3])
    for p in preds:
        if norm[p.start : p.end] in speech and p.code.startswith("01"):
            p.consumed = True


def _events_for(
    text: str,
    sentence: Sentence,
    norm: str,
    p: _Pred,
    groups: list[_Group],
    clauses: list[tuple[int, int]],
) -> list[Event]:
    cs, ce = clauses[p.clause]
    subj = p.subject
    assert subj is not None
    carried = not (cs <= subj.start < ce)
    sub_end = subj.end if not carried else cs
    last = p.words[-1][0]  # a preposition's group may stand inside a compound predicate
    before = [
        g
        for g in groups
        if max(cs, sub_end) <= g.start
        and (g.end <= p.start or (g.end <= last and g.role != "plain"))
        and not g.void
    ]
    # the object: after the predicate, or inside a compound one (呼吁俄罗斯立即停火)
    after = [g for g in groups if p.words[0][1] <= g.start and g.end <= ce and not g.void]
    withs = [g for g in groups if g.role == "with" and cs <= g.start and g.end <= last]
    withs = [g for g in withs if not g.void]
    partner = withs[-1] if withs else None
    if norm[p.start : p.end] in PARTNER_ONLY and (partner is None or partner.possessive):
        return []  # 务实合作取得成果, 与中国的合作: cooperation named, not an act between two sides
    obliques = [g for g in before if g.role == "oblique"]
    obj = next((g for g in after if g.role in ("plain", "oblique")), None)
    if norm[p.end : p.end + 1] == "的":  # 伊朗支持的民兵: the object is the noun after 的
        obj = next((g for g in after if g.start == p.end + 1), None)
    places = [g for g in before if g.role == "place"]
    between = [g for g in places if norm[g.end : g.end + 2] == "之间" and len(g.coded) >= 2]
    code, symmetric, target_kind = p.code, p.symmetric, p.target
    negated, modality = p.negated, p.modality
    two_sides = partner is not None or len({m.code for m in subj.coded}) >= 2
    if code[:2] == "15" and two_sides and "联合" in norm[max(cs, p.start - 3) : p.start]:
        code, symmetric, target_kind = "062", True, "同"

    sources = list(subj.coded)
    comitative = len(subj.coded) == 2 and subj.joiners in (["与"], ["同"], ["跟"])
    if comitative and (partner is not None or (target_kind == "同" and not symmetric)):
        sources = [subj.coded[0]]  # 巴拿马与台湾断交: the second is the partner, not a source
        if partner is None:
            partner = _Group(subj.start, subj.end, [subj.coded[1]], role="with")
    targets: list[Mention] = []
    agent = next((g for g in before if g.role == "agent" and p.start - g.end <= PASSIVE_GAP), None)
    if agent is not None and norm[p.end : p.end + 1] != "的":  # not 遭到伊朗支持的民兵袭击
        sources, targets, symmetric = agent.coded, list(subj.coded), False  # a passive
    elif p.demanded_by is not None:
        sources, targets, symmetric = p.demanded_by.coded, sources, False
    confidence = 0.8 if not carried and not subj.pseudo else 0.5
    pairs_within = False
    if p.pivot is not None:
        targets = p.pivot.coded
        symmetric = False
        if p.negated:  # 敦促美国不要…: the appeal itself
            code, negated, modality = p.cue_code or "020", False, None
    elif targets:
        pass
    elif target_kind == "同":
        if partner is not None:
            targets = partner.coded
        elif len(sources) >= 2 and symmetric:
            pairs_within = True  # 韩国和美国共享朝鲜导弹情报: the two sides, not the modifier
        elif obj is not None:
            targets = obj.coded
        elif between:
            targets = between[-1].coded
    else:
        prep_match = [g for g in before if g.prep == target_kind and g.role != "place"]
        if target_kind and prep_match:
            targets = prep_match[-1].coded
        elif obj is not None:
            targets = obj.coded
        elif obliques and obliques[-1].prep in ("对", "向", "为", "把"):
            targets = obliques[-1].coded
            confidence = min(confidence, 0.6)
        elif between:  # 在以色列和哈马斯之间斡旋
            targets = between[-1].coded
        elif partner is not None:
            targets = partner.coded
            confidence = 0.5
        elif code[:2] in FORCE_ROOTS or code[:2] == PROTEST_ROOT:
            # 在台湾周边举行军事演习: where a show of force happens is whom it is aimed at;
            # 在俄罗斯大使馆前示威: where a protest happens, whom it is against
            tails = PLACE_TAIL if code[:2] != PROTEST_ROOT else PROTEST_TAIL
            low = subj.end if subj.end <= p.start else cs
            loc = [
                g
                for g in groups
                if g.role == "place"
                and low <= g.start
                and g.end <= p.start
                and not g.void
                and norm[g.end : g.end + 2].startswith(tails)
            ]
            if loc:
                targets = loc[-1].coded
                confidence = 0.5
        if partner is not None and targets and not any(t in partner.members for t in targets):
            sources += partner.coded  # 甲同乙一道谴责丙: partner acts too
    if not targets and not pairs_within and len(sources) >= 2 and symmetric:
        pairs_within = True
    if modality in ("intent", "appeal", "demand", "threaten"):
        symmetric = False  # 俄方愿同中方…: only the side that says it intends it
    recognised = obj.coded if obj is not None and obj.start == p.end else []
    if code == ADMIT and any(m.kind == "state" for m in recognised):
        code = RECOGNISE  # 西班牙承认巴勒斯坦国: recognising a state, not admitting
    hosted = code.startswith(VISIT) and not negated and modality is None and not pairs_within
    place = None
    for g in places:
        m = g.members[0]
        tail = norm[g.end : g.end + 2]
        if m.kind in ("seat", "state") and not tail.startswith(("问题", "上", "方面", "的")):
            place = m.text
    pairs: list[tuple[Mention, Mention]] = []
    if pairs_within:
        pairs = [(a, b) for a in sources for b in sources if a is not b]
    else:
        for a in sources:
            for b in targets:
                pairs.append((a, b))
                if symmetric:
                    pairs.append((b, a))
    acts = [(a, b, code, confidence) for a, b in pairs]
    if hosted:  # the visited side hosts the visitor
        acts += [(b, a, HOST, min(confidence, 0.5)) for a, b in pairs]
    predicate = text[sentence.start + p.start : sentence.start + p.end]
    events: list[Event] = []
    for a, b, act, conf in acts:
        if a.code == b.code and (
            (a.sector in OWN_SECTORS and b.sector in OWN_SECTORS) or b.kind == "place"
        ):
            continue  # a state and its own government, army, ruling party or territory
        if act == OFFICIAL_PROTEST and a.sector not in OWN_SECTORS:
            act = PROTEST  # 民众…抗议日本: people demonstrating, not a government's protest
        event = build_event(
            text=text,
            sentence=sentence,
            source=a,
            target=b,
            code=act,
            start=min(sentence.start + p.start, a.start),
            end=max(sentence.start + p.end, b.end if b.sentence == sentence.index else 0),
            predicate=predicate,
            lang=LANG,
            negated=negated,
            modality=modality,
            place=place,
            confidence=conf,
        )
        if event is not None:
            events.append(event)
    return events
