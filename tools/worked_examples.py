"""The worked examples of ``docs/rules.md``: one story per document, told with its own dates.

Defined once here; ``python -m tools.gen_docs`` prints them with the deadlines the library
computes (:func:`worked_example_results`), and ``tests/catalogue/test_worked_examples.py``
checks each computed date against the date worked out by hand in the example's text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from gov_deadlines.catalogue import Catalogue, due
from gov_deadlines.counting import Deadline
from gov_deadlines.errors import GovDeadlinesError

__all__ = ["WORKED_EXAMPLES", "Step", "WorkedExample", "worked_example_results"]


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
