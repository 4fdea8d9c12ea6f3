"""The vocabularies of a case: how it came in (:class:`Channel`, art. 31, and who signed for a
letter, :class:`~gov_deadlines.cases.record.SignedBy`), who was consulted (:class:`Party`,
arts. 32 and 34), the receipt dates of each channel (:data:`RECEIPT_FIELDS`) and the
names of the fields for people (:func:`field_label`). Re-exported by
:mod:`gov_deadlines.cases.model` and :mod:`gov_deadlines.cases`.
"""

from __future__ import annotations

import enum
import re

from gov_deadlines.vocabulary import is_zh

__all__ = ["RECEIPT_FIELDS", "Channel", "Party", "field_label", "normalize_key"]

# -- vocabularies ------------------------------------------------------------------------------


#: What a name may have or lack around its words: blanks, _ - / and brackets of both widths.
_KEY_NOISE = re.compile(r"[\s_\-()()/]+")


def normalize_key(text: str) -> str:
    return _KEY_NOISE.sub("", text).casefold()


class Channel(enum.Enum):
    """How the application came in (art. 31)."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    IN_PERSON = "in_person"
    REGISTERED_POST = "registered_post"
    ORDINARY_LETTER = "ordinary_letter"
    INTERNET = "internet"
    FAX = "fax"
    #: An e-mail to the agency's published application mailbox: under the 2008 条例 received
    #: on the day its mail system receives it (国办公开办函〔2015〕207号), under the 2019 条例 an
    #: internet channel, received on confirmation (art. 31(三); policy
    #: email-received-by-the-mail-system).
    EMAIL = "email"
    #: Not known, or not needed: a record that gives the date of receipt itself (``received``).
    UNKNOWN = "unknown"

    def label(self, lang: str = "zh") -> str:
        """当面 / 挂号信 / 平信 / 网络 / 传真 / 电子邮件 / 渠道不明, or the English name."""
        return _CHANNEL_LABELS[self][0 if is_zh(lang) else 1]

    @classmethod
    def parse(cls, text: str) -> Channel:
        """A channel from its zh or en name (当面, 挂号信, 平信, 网络, 传真, in_person, fax …)."""
        # A name written as the table holds it (当面, fax …) needs no normalising: every key
        # is its own normal form.
        found = _CHANNEL_ALIASES.get(text) or _CHANNEL_ALIASES.get(normalize_key(text))
        if found is None:
            raise ValueError(
                f"unknown channel {text!r}; use one of 当面/挂号信/平信/网络/传真/电子邮件 or "
                "in_person/registered_post/ordinary_letter/internet/fax/email"
            )
        return found


_CHANNEL_LABELS = {
    Channel.IN_PERSON: ("当面", "in person"),
    Channel.REGISTERED_POST: ("挂号信", "registered post"),
    Channel.ORDINARY_LETTER: ("平信", "ordinary letter"),
    Channel.INTERNET: ("网络", "internet"),
    Channel.FAX: ("传真", "fax"),
    Channel.EMAIL: ("电子邮件", "e-mail"),
    Channel.UNKNOWN: ("渠道不明", "channel unknown"),
}
_CHANNEL_ALIASES: dict[str, Channel] = {
    normalize_key(alias): channel
    for channel, aliases in {
        Channel.IN_PERSON: (
            "当面",
            "当面提交",
            "现场",
            "现场提交",
            "面交",
            "in_person",
            "in person",
            "person",
        ),
        Channel.REGISTERED_POST: (
            "挂号信",
            "挂号",
            "邮寄",
            "邮政",
            "ems",
            "特快专递",
            "快递",
            "registered_post",
            "registered post",
            "registered",
            "post",
        ),
        Channel.ORDINARY_LETTER: (
            "平信",
            "平常信函",
            "信函",
            "普通信件",
            "ordinary_letter",
            "ordinary letter",
            "letter",
        ),
        Channel.INTERNET: (
            "网络",
            "互联网",
            "网上",
            "在线",
            "网上申请",
            "internet",
            "online",
            "web",
        ),
        Channel.FAX: ("传真", "fax"),
        Channel.EMAIL: ("电子邮件", "邮件", "email", "e-mail", "电邮"),
        Channel.UNKNOWN: ("渠道不明", "不明", "未知", "unknown"),
    }.items()
    for alias in aliases
}

#: For each channel, the recorded dates that fix the receipt, best first. The first is the
#: one art. 31 names; a later one is used only when it is missing, and is then "assumed".
RECEIPT_FIELDS: dict[Channel, tuple[str, ...]] = {
    Channel.IN_PERSON: ("submitted", "signed_for", "confirmed"),
    Channel.REGISTERED_POST: ("signed_for", "confirmed", "submitted"),
    Channel.ORDINARY_LETTER: ("confirmed", "signed_for", "submitted"),
    Channel.INTERNET: ("confirmed", "signed_for", "submitted"),
    Channel.FAX: ("confirmed", "signed_for", "submitted"),
    Channel.EMAIL: ("email_received", "submitted", "confirmed", "signed_for"),
    Channel.UNKNOWN: ("received", "submitted", "signed_for", "confirmed"),
}
_FIELD_LABELS = {
    "case_id": ("编号", "case id"),
    "channel": ("渠道", "channel"),
    "submitted": ("提交日期", "submission date"),
    "signed_for": ("签收日期", "signed-for date"),
    "confirmed": ("确认日期", "confirmation date"),
    "supplement_requested": ("补正告知日期", "date the correction was asked for"),
    "supplement_received": ("补正到达日期", "date the corrected application arrived"),
    "consultations": ("征求意见", "consultations"),
    "consultation_party": ("征求意见对象", "consulted party"),
    "consultation_sent": ("征求意见发出日期", "consultation sent"),
    "consultation_answered": ("征求意见答复日期", "consultation answered"),
    "extension": ("延期", "extension"),
    "extension_approved": ("延期批准日期", "extension approved"),
    "extension_told": ("延期告知日期", "extension told to the applicant"),
    "extension_days": ("延期工作日", "extension working days"),
    "replied": ("答复日期", "reply date"),
    "received": ("收到日期", "date of receipt"),
    "signed_by": ("签收人", "signed for by"),
    "email_received": ("邮件系统接收日期", "date the mail system received it"),
    "receipt_disputed": ("争议收到日期", "disputed date of receipt"),
    "supplement_made": ("补正告知作出日期", "correction notice made"),
    "supplement_sent": ("补正告知寄出日期", "correction notice sent"),
    "supplement_delivered": ("补正告知送达日期", "correction notice delivered"),
    "extension_made": ("延期告知作出日期", "extension notice made"),
    "extension_sent": ("延期告知寄出日期", "extension notice sent"),
    "extension_delivered": ("延期告知送达日期", "extension notice delivered"),
    "reply_made": ("答复作出日期", "reply made"),
    "reply_sent": ("答复寄出日期", "reply sent"),
    "reply_delivered": ("答复送达日期", "reply delivered"),
}


def field_label(name: str, lang: str = "zh") -> str:
    """The name of a case field for people (提交日期 / submission date)."""
    labels = _FIELD_LABELS.get(name)
    if labels is None:
        return name
    return labels[0] if is_zh(lang) else labels[1]


class Party(enum.Enum):
    """Who was consulted: a third party (art. 32) or another agency (art. 34)."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    THIRD_PARTY = "third_party"
    AGENCY = "agency"

    def label(self, lang: str = "zh") -> str:
        if self is Party.THIRD_PARTY:
            return "第三方" if is_zh(lang) else "third party"
        return "其他机关" if is_zh(lang) else "other agency"

    @classmethod
    def parse(cls, text: str) -> Party:
        found = _PARTY_ALIASES.get(text) or _PARTY_ALIASES.get(normalize_key(text))
        if found is None:
            raise ValueError(
                f"unknown consulted party {text!r}; use 第三方/其他机关 or third_party/agency"
            )
        return found


_PARTY_ALIASES: dict[str, Party] = {
    normalize_key(alias): party
    for party, aliases in {
        Party.THIRD_PARTY: ("第三方", "三方", "third_party", "third party", "third"),
        Party.AGENCY: (
            "其他机关",
            "机关",
            "其他行政机关",
            "行政机关",
            "agency",
            "other agency",
            "other_agency",
        ),
    }.items()
    for alias in aliases
}
