"""The worked examples of the rule catalogue (``docs/rules/<source id>.md``): one story per
document, told with its own dates, and one example for each rule the story leaves out.

Defined once here; ``python -m tools.gen_docs`` prints them with the deadlines the library
computes (:func:`worked_example_results`, :func:`rule_example_results`), and
``tests/catalogue/test_worked_examples.py`` checks each computed date against the date
worked out by hand in the story, and each rule's example against an independent count
over ``chinese_calendar``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gov_deadlines.catalogue import Catalogue, default_catalogue, due
from gov_deadlines.counting import Deadline
from gov_deadlines.errors import GovDeadlinesError
from gov_deadlines.recurring import Occurrence, rule_windows

__all__ = [
    "RULE_EXAMPLES",
    "WINDOW_KINDS",
    "WORKED_EXAMPLES",
    "RuleOutcome",
    "Step",
    "WorkedExample",
    "rule_example_results",
    "story_rule_ids",
    "worked_example_results",
]


@dataclass(frozen=True, slots=True)
class Step:
    """One computation of a worked example: ``due(rule_id, trigger, **options)``."""

    rule_id: str
    trigger: dt.date | dt.datetime | int
    zh: str
    en: str
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class WorkedExample:
    """A story told with a document's own dates, and the deadlines it gives."""

    source: str
    zh: str
    en: str
    steps: tuple[Step, ...] = field(default=())


D = dt.date

WORKED_EXAMPLES: tuple[WorkedExample, ...] = (
    WorkedExample(
        "sh-2018",
        "沪府办发〔2018〕16号于2018-04-26(周四)公布《2018年上海市政务公开工作要点》"
        "(假定公布日即通知日期)。各区、各部门的实施方案何时须在网站公开?同日形成的重大建设项目"
        "信息何时须公开?年底前的事项截至哪一天?",
        "沪府办发〔2018〕16号 made the 2018 work plan public on Thursday 2018-04-26 (taking the "
        "notice's date as the publication date). When must each unit's implementation plan be on "
        "its website, when must information on a major project formed that day be disclosed, and "
        "what does “by the end of the year” mean?",
        (
            Step(
                "sh-2018.implementation-plan",
                D(2018, 4, 26),
                "工作要点公布",
                "work plan made public",
            ),
            Step(
                "sh-2018.statutory-disclosure",
                D(2018, 4, 26),
                "重大建设项目信息形成",
                "information on a major project formed",
            ),
            Step("sh-2018.survey-report", 2018, "年度", "year"),
        ),
    ),
    WorkedExample(
        "bz-2017",
        "巴委办〔2017〕28号于2017-03-17(周五)印发。实施方案何时到期?同日印发的规范性文件"
        "何时须公开发布?“力争3年内”的轮训到哪一天?",
        "巴委办〔2017〕28号 was issued on Friday 2017-03-17. When was the implementation plan "
        "due, when must a normative document issued that day be published, and when do the "
        "“within 3 years” training rounds end?",
        (
            Step(
                "bz-2017.implementation-plan",
                D(2017, 3, 17),
                "本意见印发",
                "these Opinions issued",
            ),
            Step(
                "bz-2017.normative-document",
                D(2017, 3, 17),
                "规范性文件同日印发",
                "a normative document issued the same day",
            ),
            Step(
                "bz-2017.staff-training",
                D(2017, 3, 17),
                "本意见印发",
                "these Opinions issued",
            ),
        ),
    ),
    WorkedExample(
        "ah-checklist",
        "督察表没有日期,也没有数值时限:“及时公开”不计算,需要数字时适用全国默认——"
        "政府信息形成之日起20个工作日(ogi.proactive-disclosure,按形成日选用2008年或2019年条例)。"
        "例:表中机构名称所示年代的一项决策于2017-09-29(周五)作出;同样的决策若于2026-09-28(周一)作出。",
        "The checklist is undated and sets no number: “及时公开” is not computed; where a number "
        "is needed the national default applies — 20 working days from the information's "
        "formation (family ogi.proactive-disclosure, the 2008 or 2019 regulation by that date). "
        "Example: a decision taken on Friday 2017-09-29, in the period the form's agency names "
        "point to; the same decision taken on Monday 2026-09-28.",
        (
            Step(
                "ah-checklist.timely-disclosure",
                D(2017, 9, 29),
                "决策作出",
                "decision taken",
            ),
            Step(
                "ogi.proactive-disclosure",
                D(2017, 9, 29),
                "决策作出(全国默认)",
                "decision taken (national default)",
            ),
            Step(
                "ogi.proactive-disclosure",
                D(2026, 9, 28),
                "决策作出(全国默认)",
                "decision taken (national default)",
            ),
        ),
    ),
    WorkedExample(
        "sd-2018",
        "鲁政办发〔2018〕21号于2018-07-04(周三)印发并公布。试点验收、试点报告何时到期?"
        "当天张贴的扶贫资金项目公示至少保持到哪一天?本通知的解读材料何时须发布?",
        "鲁政办发〔2018〕21号 was issued and made public on Wednesday 2018-07-04. When were the "
        "pilot acceptance and the pilot report due, how long must a poverty-fund notice posted "
        "that day stay up, and when were interpretation materials for the notice due?",
        (
            Step("sd-2018.pilot-acceptance", 2018, "年度", "year"),
            Step("sd-2018.pilot-report", 2018, "年度", "year"),
            Step(
                "sd-2018.poverty-fund-notice",
                D(2018, 7, 4),
                "公示张贴",
                "notice posted",
            ),
            Step(
                "sd-2018.poverty-fund-notice",
                D(2018, 7, 4),
                "公示张贴(张贴当日计为第1天)",
                "notice posted (posting day counted as day 1)",
                (("posting_day_counts", True),),
            ),
            Step(
                "sd-2018.policy-interpretation",
                D(2018, 7, 4),
                "本通知公布",
                "this notice made public",
            ),
        ),
    ),
    WorkedExample(
        "jy-2024",
        "菊园新区工作要点于2024-04-19(周五)发布。当天收到的政策咨询留言最迟何时答复?"
        "简单问题呢?工作要点能约束的第一份政府信息公开年报何时到期?",
        "Juyuan's work plan is dated Friday 2024-04-19. By when must a policy-consultation "
        "message received that day be answered, and a simple question? When is the first annual "
        "OGI report the plan can govern due?",
        (
            Step(
                "jy-2024.policy-consultation-reply",
                D(2024, 4, 19),
                "收到留言",
                "message received",
            ),
            Step(
                "jy-2024.simple-question-reply",
                D(2024, 4, 19),
                "收到简单问题",
                "simple question received",
            ),
            Step("jy-2024.annual-report", 2025, "年度", "year"),
        ),
    ),
    WorkedExample(
        "ogi-2019",
        "2019年条例自2019-05-15(周三)施行。当天收到的申请何时答复、何时须一次性告知补正?"
        "前一天收到的申请仍适用2008年条例。按新条例的第一份年报何时到期?",
        "The 2019 regulation took effect on Wednesday 2019-05-15. By when must an application "
        "received that day be answered, and any request for correction be made? An application "
        "received the day before still falls under the 2008 regulation. When was the first "
        "annual report under the new regulation due?",
        (
            Step("ogi.reply", D(2019, 5, 15), "收到申请", "application received"),
            Step(
                "ogi-2019.supplement-notice",
                D(2019, 5, 15),
                "收到申请",
                "application received",
            ),
            Step(
                "ogi.reply", D(2019, 5, 14), "收到申请(前一天)", "application received (day before)"
            ),
            Step("ogi.annual-report", 2020, "年度", "year"),
        ),
    ),
    WorkedExample(
        "ogi-2008",
        "2008年条例自2008-05-01(周四,劳动节)施行。当天收到的申请何时答复?第一份年报何时到期?",
        "The 2008 regulation took effect on Thursday 2008-05-01, a Labour Day holiday. By when "
        "must an application received that day be answered? When was the first annual report due?",
        (
            Step("ogi.reply", D(2008, 5, 1), "收到申请", "application received"),
            Step("ogi.annual-report", 2009, "年度", "year"),
        ),
    ),
    WorkedExample(
        "gbf-2016-61",
        "国办发〔2016〕61号于2016-08-12(周五)发布。设当晚20:00监测发现一起涉及重大突发事件的政务舆情:"
        "新闻发布会和其他舆情的回应各自最迟何时?小时时限昼夜连续计算,周末不顺延。",
        "国办发〔2016〕61号 was published on Friday 2016-08-12. Say a public-opinion matter on a "
        "major incident is detected at 20:00 that evening: when are the press conference and the "
        "response to other public opinion due at the latest? Hour limits run day and night, "
        "weekends included.",
        (
            Step(
                "gbf-2016-61.major-incident-press-conference",
                dt.datetime(2016, 8, 12, 20, 0),
                "舆情监测发现",
                "public opinion detected",
            ),
            Step(
                "gbf-2016-61.opinion-response",
                dt.datetime(2016, 8, 12, 20, 0),
                "舆情监测发现",
                "public opinion detected",
            ),
        ),
    ),
)


def worked_example_results(
    catalogue: Catalogue | None = None,
) -> list[tuple[WorkedExample, list[tuple[Step, Deadline | GovDeadlinesError]]]]:
    """Each worked example with the deadline (or the library's refusal) of each step."""
    results = []
    for example in WORKED_EXAMPLES:
        computed: list[tuple[Step, Deadline | GovDeadlinesError]] = []
        for step in example.steps:
            try:
                outcome: Deadline | GovDeadlinesError = due(
                    step.rule_id, step.trigger, catalogue=catalogue, **dict(step.options)
                )
            except GovDeadlinesError as error:
                outcome = error
            computed.append((step, outcome))
        results.append((example, computed))
    return results


# -- one example per rule the stories leave out ------------------------------------------------

#: The kinds of rule whose example is the windows of a year (``rule_windows``), not ``due``.
WINDOW_KINDS = frozenset({"cadence", "quota"})

T = dt.datetime

#: One example for every rule that no story's step computes: ``due(rule_id, trigger)``, or
#: for a cadence or quota rule the windows of the year ``trigger``. Triggers are the
#: document's own date or year where it has one; the others are named in the example.
RULE_EXAMPLES: tuple[Step, ...] = (
    # 沪府办发〔2018〕16号, 2018-04-26
    Step("sh-2018.meeting-attendance", 2018, "2018年", "2018"),
    Step("sh-2018.leader-briefing", 2018, "2018年", "2018"),
    Step("sh-2018.dedicated-office", 2018, "2018年", "2018"),
    Step("sh-2018.self-inspection", 2018, "2018年", "2018"),
    # 巴委办〔2017〕28号, issued 2017-03-17 (Fri)
    Step(
        "bz-2017.policy-interpretation",
        D(2017, 3, 17),
        "政策文件公开发布",
        "policy document published",
    ),
    Step("bz-2017.leader-interpretation", 2017, "2017年", "2017"),
    Step(
        "bz-2017.opinion-response",
        T(2017, 3, 17, 16, 0),
        "舆情出现(当日16:00)",
        "public opinion emerged (16:00 that day)",
    ),
    Step(
        "bz-2017.major-incident-press-conference",
        T(2017, 3, 17, 16, 0),
        "重大突发事件舆情出现(当日16:00)",
        "public opinion on a major incident emerged (16:00 that day)",
    ),
    Step(
        "bz-2017.policy-repost",
        T(2017, 3, 17, 10, 0),
        "上级政策发布(当日10:00)",
        "higher-level policy released (10:00 that day)",
    ),
    Step("bz-2017.intermediary-list", 2017, "2017年", "2017"),
    Step("bz-2017.special-inspections", 2017, "2017年", "2017"),
    # 鲁政办发〔2018〕21号, 2018-07-04 (Wed)
    Step("sd-2018.meeting-attendance", 2018, "2018年", "2018"),
    Step("sd-2018.major-project-plan", 2018, "2018年", "2018"),
    Step("sd-2018.public-resource-plan", 2018, "2018年", "2018"),
    Step("sd-2018.public-welfare-plan", 2018, "2018年", "2018"),
    Step("sd-2018.school-admission", 2018, "2018年", "2018"),
    Step(
        "sd-2018.epidemic-monthly", 2018, "2018年(自印发之月起)", "2018 (from the month of issue)"
    ),
    Step(
        "sd-2018.air-quality-monthly",
        2018,
        "2018年(自印发之月起)",
        "2018 (from the month of issue)",
    ),
    Step(
        "sd-2018.city-water-monthly", 2018, "2018年(自印发之月起)", "2018 (from the month of issue)"
    ),
    Step(
        "sd-2018.county-water-quarterly",
        2018,
        "2018年(自印发之季起)",
        "2018 (from the quarter of issue)",
    ),
    Step(
        "sd-2018.recall-publication",
        T(2018, 7, 4, 15, 0),
        "作出召回决定(当日15:00)",
        "recall decided (15:00 that day)",
    ),
    Step(
        "sd-2018.housing-fund-quarterly",
        2018,
        "2018年(自印发之季起)",
        "2018 (from the quarter of issue)",
    ),
    Step("sd-2018.soe-monthly", 2018, "2018年(自印发之月起)", "2018 (from the month of issue)"),
    Step(
        "sd-2018.business-start",
        D(2018, 7, 4),
        "受理开办企业申请",
        "business registration accepted",
    ),
    Step(
        "sd-2018.property-registration",
        D(2018, 7, 4),
        "受理不动产登记申请",
        "property registration accepted",
    ),
    Step(
        "sd-2018.construction-approval",
        D(2018, 7, 4),
        "受理施工许可申请",
        "construction permit application accepted",
    ),
    Step(
        "sd-2018.service-change",
        D(2018, 7, 6),
        "服务事项变更获批",
        "service change approved",
    ),
    Step("sd-2018.disclosure-catalogue", 2018, "2018年", "2018"),
    Step("sd-2018.ogi-reply", D(2018, 7, 4), "收到申请", "application received"),
    Step("sd-2018.ipv6", 2018, "2018年", "2018"),
    Step("sd-2018.hotline-consolidation", 2018, "2018年", "2018"),
    Step("sd-2018.staff-training", 2018, "2018年", "2018"),
    # 菊园新区 2024-04-19 (Fri); a message of 2024-04-25 meets the Labour Day make-up Sunday
    Step(
        "jy-2024.online-consultation-reply",
        D(2024, 4, 25),
        "收到网上咨询(劳动节前)",
        "online question received (before Labour Day)",
    ),
    Step("jy-2024.open-month", 2024, "2024年", "2024"),
    Step("jy-2024.leader-briefing", 2024, "2024年", "2024"),
    Step(
        "jy-2024.quarterly-circular",
        2024,
        "2024年(自发布之季起)",
        "2024 (from the quarter of issue)",
    ),
    # 条例 2019 (in force 2019-05-15) and 2008 (2008-05-01): the versions themselves
    Step("ogi-2019.proactive-disclosure", D(2026, 9, 28), "政府信息形成", "information formed"),
    Step("ogi-2019.reply", D(2026, 9, 28), "收到申请", "application received"),
    Step(
        "ogi-2019.third-party-opinion",
        D(2026, 9, 28),
        "第三方收到征求意见书",
        "third party receives the request",
    ),
    Step("ogi-2019.annual-report", 2026, "2026年", "2026"),
    Step(
        "ogi-2008.reply",
        D(2018, 9, 28),
        "收到申请(国庆节前)",
        "application received (before National Day)",
    ),
    Step(
        "ogi-2008.proactive-disclosure",
        D(2018, 9, 28),
        "政府信息形成(国庆节前)",
        "information formed (before National Day)",
    ),
    Step("ogi-2008.annual-report", 2018, "2018年", "2018"),
)

#: What a rule's example gives: a deadline, the windows of a year, or the library's refusal.
RuleOutcome = Deadline | list[Occurrence] | GovDeadlinesError


def story_rule_ids() -> frozenset[str]:
    """The rules a story's step computes (their example is the story)."""
    return frozenset(step.rule_id for example in WORKED_EXAMPLES for step in example.steps)


def rule_example_results(
    catalogue: Catalogue | None = None,
) -> dict[str, tuple[Step, RuleOutcome]]:
    """Each rule's own example (:data:`RULE_EXAMPLES`) with what the library computes."""
    cat = catalogue or default_catalogue()
    results: dict[str, tuple[Step, RuleOutcome]] = {}
    for step in RULE_EXAMPLES:
        outcome: RuleOutcome
        try:
            if cat.rule(step.rule_id).kind in WINDOW_KINDS:
                assert isinstance(step.trigger, int), step.rule_id
                outcome = rule_windows(step.rule_id, step.trigger, catalogue=cat)
            else:
                outcome = due(step.rule_id, step.trigger, catalogue=cat, **dict(step.options))
        except GovDeadlinesError as error:
            outcome = error
        results[step.rule_id] = (step, outcome)
    return results
