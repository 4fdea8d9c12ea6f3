"""The named holidays of the yearly arrangements (节假日), with their Chinese and English names."""

from __future__ import annotations

from gov_deadlines.values import frozen


@frozen
class Holiday:
    """A holiday as the State Council notices name it: ``key`` (stable id), ``zh``, ``en``."""

    key: str
    zh: str
    en: str

    def __init__(self, key: str, zh: str, en: str) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)


NEW_YEARS_DAY = Holiday("new_years_day", "元旦", "New Year's Day")
SPRING_FESTIVAL = Holiday("spring_festival", "春节", "Spring Festival")
TOMB_SWEEPING_DAY = Holiday("tomb_sweeping_day", "清明节", "Qingming Festival")
LABOUR_DAY = Holiday("labour_day", "劳动节", "Labour Day")
DRAGON_BOAT_FESTIVAL = Holiday("dragon_boat_festival", "端午节", "Dragon Boat Festival")
MID_AUTUMN_FESTIVAL = Holiday("mid_autumn_festival", "中秋节", "Mid-Autumn Festival")
NATIONAL_DAY = Holiday("national_day", "国庆节", "National Day")
NATIONAL_DAY_MID_AUTUMN = Holiday(
    "national_day_mid_autumn", "国庆节、中秋节", "National Day and Mid-Autumn Festival"
)
ANTI_FASCIST_70TH_DAY = Holiday(
    "anti_fascist_70th_day",
    "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    "70th anniversary of the victory in the War of Resistance against Japanese Aggression",
)

KNOWN_HOLIDAYS: tuple[Holiday, ...] = (
    NEW_YEARS_DAY,
    SPRING_FESTIVAL,
    TOMB_SWEEPING_DAY,
    LABOUR_DAY,
    DRAGON_BOAT_FESTIVAL,
    MID_AUTUMN_FESTIVAL,
    NATIONAL_DAY,
    NATIONAL_DAY_MID_AUTUMN,
    ANTI_FASCIST_70TH_DAY,
)

_BY_NAME: dict[str, Holiday] = {}
for _h in KNOWN_HOLIDAYS:
    _BY_NAME[_h.key] = _h
    _BY_NAME[_h.zh] = _h
    _BY_NAME[_h.en.casefold()] = _h
# Other spellings found in the notices, chinese-calendar and holiday-cn files.
for _alias, _h in (
    ("清明", TOMB_SWEEPING_DAY),
    ("端午", DRAGON_BOAT_FESTIVAL),
    ("中秋", MID_AUTUMN_FESTIVAL),
    ("国庆", NATIONAL_DAY),
    ("五一", LABOUR_DAY),
    ("中秋节、国庆节", NATIONAL_DAY_MID_AUTUMN),
    ("国庆节、中秋节", NATIONAL_DAY_MID_AUTUMN),
    ("tomb-sweeping day", TOMB_SWEEPING_DAY),
    ("mid-autumn festival", MID_AUTUMN_FESTIVAL),
    ("anti-fascist 70th day", ANTI_FASCIST_70TH_DAY),
    ("抗战胜利纪念日", ANTI_FASCIST_70TH_DAY),
):
    _BY_NAME[_alias.casefold()] = _h


def holiday_named(name: str) -> Holiday | None:
    """The known holiday with this key, Chinese or English name; ``None`` if unknown."""
    return _BY_NAME.get(name) or _BY_NAME.get(name.strip().casefold())


def holiday_from_text(name: str) -> Holiday:
    """The known holiday of that name, or a new one carrying the name as given.

    A notice may name a day off we have no entry for (a one-off commemoration); its name
    is kept verbatim in both languages rather than rejected.
    """
    known = holiday_named(name)
    if known is not None:
        return known
    text = name.strip()
    return Holiday(key=text, zh=text, en=text)
