"""The vocabulary of figures, each table written once: scale, percent, cue and "times" words.

Pure data, importing nothing of tradestats, so that :mod:`tradestats.units` can
define its pint scale units from :data:`SCALES` without an import cycle. Words
are kept in lower case; the grammar compares them case-insensitively.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ARTICLE_WORDS",
    "AS_MUCH_ADJECTIVES",
    "AS_MUCH_CJK_MARKS",
    "AS_MUCH_CJK_VERBS",
    "BY_WORD",
    "CJK_DIGITS",
    "CURRENCY_WORDS",
    "DEFICIT_WORDS",
    "DIRECTION_LINKS",
    "FALL_WORDS",
    "FOLD_NOUNS",
    "FOLD_SUFFIX_WORDS",
    "FOLD_WORDS",
    "LONG_SCALES",
    "MONEY_LETTER_SCALES",
    "MONTH_ABBREVIATIONS",
    "MORE_WORD",
    "MULTIPLE_DECREASE_NOUNS",
    "MULTIPLE_DECREASE_WORDS",
    "MULTIPLE_INCREASE_NOUNS",
    "MULTIPLE_WORDS",
    "NUMBER_WORDS",
    "PERCENT_WORDS",
    "PHYSICAL_WORDS",
    "POINTS_WORDS",
    "QUALIFIER_AFTER_NUMBER",
    "QUALIFIER_SUFFIXES",
    "QUALIFIER_WORDS",
    "RANGE_WORDS",
    "RISE_WORDS",
    "SCALES",
    "SHARE_WORDS",
    "SIGN_FILLERS",
    "SURPLUS_WORDS",
    "TIMES_MORE_VERBS",
    "TIMES_SIGNS",
    "TIMES_VERBS",
    "TIMES_WORDS",
    "YEAR_ON_YEAR",
    "YEN_SIGNS",
]

# -- numbers -----------------------------------------------------------------------------

#: Scale words → the power of ten they stand for (short scale, so a billion is 10⁹).
SCALES: Final[dict[str, int]] = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "trillion": 12,
    "tn": 12,
    "trn": 12,
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "万亿": 12,
}

#: Scale words of long-scale languages (German, French…), read only with such a
#: ``locale``: there a "Billion" is 10¹², and 10⁹ is a "Milliarde" (Mrd.).
LONG_SCALES: Final[dict[str, int]] = {
    "tsd": 3, "tsd.": 3, "tausend": 3,
    "mio": 6, "mio.": 6, "million": 6, "millionen": 6, "millions": 6,
    "mrd": 9, "mrd.": 9, "md": 9, "md.": 9, "mds": 9, "milliarde": 9, "milliarden": 9,
    "milliard": 9, "milliards": 9,
    "bio": 12, "bio.": 12, "billion": 12, "billionen": 12, "billions": 12,
}  # fmt: skip

#: Single letters that are scale words only next to money ("$5bn", "$3m"): in a
#: volume "m" is a metre.
MONEY_LETTER_SCALES: Final[dict[str, int]] = {"m": 6, "b": 9}

#: Number words for counts of months ("the first seven months").
NUMBER_WORDS: Final = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)  # fmt: skip

#: Chinese numerals of quarters (第二季度).
CJK_DIGITS: Final[dict[str, int]] = {"一": 1, "二": 2, "三": 3, "四": 4}

# -- units -------------------------------------------------------------------------------

#: Words and signs for currencies → ISO 4217 code. "¥" is missing on purpose.
CURRENCY_WORDS: Final[dict[str, str]] = {
    # Chinese yuan renminbi
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "cn¥": "CNY",
    "rmb¥": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "人民币元": "CNY",
    "元人民币": "CNY",
    # US dollar
    "$": "USD",
    "us$": "USD",
    "u.s.$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "美元": "USD",
    "美金": "USD",
    "us-dollar": "USD",
    # Euro, pound sterling, yen
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "欧元": "EUR",
    "£": "GBP",
    "sterling": "GBP",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "英镑": "GBP",
    "yen": "JPY",
    "jp¥": "JPY",
    "日元": "JPY",
    "日圆": "JPY",
    # Other currencies often met in trade news
    "hk$": "HKD",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "港元": "HKD",
    "港币": "HKD",
    "a$": "AUD",
    "au$": "AUD",
    "澳元": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "加元": "CAD",
    "s$": "SGD",
    "新加坡元": "SGD",
    "nz$": "NZD",
    "nt$": "TWD",
    "新台币": "TWD",
    "新台币元": "TWD",
    "台币": "TWD",
    "澳门元": "MOP",
    "r$": "BRL",
    "₹": "INR",
    "₩": "KRW",
    "韩元": "KRW",
    "₽": "RUB",
    "卢布": "RUB",
    "₺": "TRY",
    "₫": "VND",
    "฿": "THB",
    "₱": "PHP",
    "瑞士法郎": "CHF",
}

#: The yen sign stands for both the Chinese yuan and the Japanese yen.
YEN_SIGNS: Final = frozenset({"¥", "￥"})

#: Chinese measure words for volumes → pint unit names (the English ones are pint's own).
PHYSICAL_WORDS: Final[dict[str, str]] = {
    "吨": "tonne",
    "公吨": "tonne",
    "千克": "kilogram",
    "公斤": "kilogram",
    "克": "gram",
    "件": "item",
    "个": "item",
    "台": "item",
    "辆": "item",
    "套": "item",
    "双": "pair",
    "升": "litre",
    "立方米": "cubic_metre",
    "平方米": "square_metre",
    "米": "metre",
    "千瓦时": "kilowatt_hour",
    "metric tons": "tonne",
    "tonnen": "tonne",
    "metric ton": "tonne",
}

# -- measures ----------------------------------------------------------------------------
# Phrases are written with single spaces between words; the grammar reads any
# spacing between the words of a phrase, but never splits a word or a number.

#: What follows the number of a growth rate or a share.
PERCENT_WORDS: Final = ("%", "％", "percent", "per cent", "pct", "pct.", "prozent")

#: What follows a number of percentage points.
POINTS_WORDS: Final = (
    "pp", "p.p.", "p.p", "pp.", "percentage point", "percentage points", "个百分点", "百分点",
    "prozentpunkt", "prozentpunkte", "prozentpunkten",
)  # fmt: skip

#: Words of a rise, before the (unsigned) number. "Widened" and 扩大 are the rise of a
#: balance's size ("the deficit widened 7.9%").
RISE_WORDS: Final = (
    "up", "rose", "grew", "increased", "surged", "jumped", "widened", "expanded",
    "rising", "growing", "surging", "jumping", "soared", "soaring", "climbed", "increasing",
    "stieg", "stiegen", "wuchs", "wuchsen", "gestiegen", "gewachsen",
    "增长", "增加", "上升", "上涨", "提高", "提升", "增", "扩大",
)  # fmt: skip

#: Words of a fall, before the (unsigned) number: "down 3.2%" is −3.2%. "Narrowed",
#: 收窄 and 缩小 are the fall of a balance's size.
FALL_WORDS: Final = (
    "down", "fell", "dropped", "decreased", "declined", "narrowed", "shrank",
    "falling", "declining", "dropping", "decreasing", "slipped",
    "sank", "sanken", "fiel", "fielen", "gesunken", "gefallen",
    "下降", "减少", "降低", "下跌", "回落", "降", "收窄", "缩小",
)  # fmt: skip

#: Words that may stand between a word of direction and its number: "rose by 5%",
#: "stieg um 5 Prozent".
DIRECTION_LINKS: Final = ("by", "um")

#: Cue words that say a change is year on year: they stand before or after the
#: figure, change no number, and are never read inside one.
YEAR_ON_YEAR: Final = (
    "year on year", "year-on-year", "year on-year", "year-on year",
    "year over year", "year-over-year", "year over-year", "year-over year",
    "y/y", "yoy", "y-o-y", "同比", "较上年同期", "比上年同期", "较去年同期", "比去年同期",
)  # fmt: skip

#: Words before a share: 占92.3%, 占比92.3%.
SHARE_WORDS: Final = ("占", "占比")

#: Signs of a multiplier: before the factor ("×4.26", "x4.26", "*4.26") and after it ("4.26x").
TIMES_SIGNS: Final = ("×", "x", "*")

#: Verbs of 增长N倍 ("grew by N×100%"), which is ×(N + 1) without any doubt.
TIMES_MORE_VERBS: Final = ("增长", "增加", "增")

#: Words of a multiple → N, read as ×N: "doubled", "twice", 翻一番 (doubled) and 翻两番
#: (doubled twice, ×4). N stands for a whole number written with one digit, so a
#: reported "doubled" is ×2 ± 0.5, as "2 times as much" is.
MULTIPLE_WORDS: Final[dict[str, str]] = {
    "doubled": "2", "twice": "2", "tripled": "3", "trebled": "3", "thrice": "3",
    "quadrupled": "4", "quintupled": "5",
    "翻番": "2", "翻一番": "2", "翻了一番": "2", "翻两番": "4", "翻了两番": "4",
    "verdoppelt": "2", "verdoppelte": "2", "verdoppelten": "2", "verdreifacht": "3",
    "verdreifachte": "3", "vervierfacht": "4",
}  # fmt: skip

#: Words of a division → N, read as ×1/N: "halved" is a 2-fold decrease.
MULTIPLE_DECREASE_WORDS: Final[dict[str, str]] = {
    "halved": "2", "减半": "2", "减少一半": "2", "halbiert": "2", "halbierte": "2",
}  # fmt: skip

#: After "N-fold": a noun of increase (×N) or of decrease (×1/N): "a 3.5-fold decrease".
MULTIPLE_INCREASE_NOUNS: Final = ("increase", "rise", "growth", "jump", "expansion")
MULTIPLE_DECREASE_NOUNS: Final = ("decrease", "decline", "fall", "drop", "reduction", "contraction")
#: The words of "N-fold" and "decreased N times" (a decrease is ×1/N, never ambiguous).
FOLD_WORDS: Final = ("fold", "-fold", "times")
#: The article before "a 3-fold increase".
ARTICLE_WORDS: Final = ("a", "an")

#: 是…的N倍 and 为…的N倍: "N times as much as", ×N.
AS_MUCH_CJK_VERBS: Final = ("是", "为")
AS_MUCH_CJK_MARKS: Final = ("的", "倍")

#: "N times as much/large/high/big [as]": ×N.
AS_MUCH_ADJECTIVES: Final = ("much", "large", "high", "big")

#: Bare "N times": ambiguous between ×N and ×(N + 1), so the caller must choose.
TIMES_WORDS: Final = ("times", "fold", "-fold", "倍")
TIMES_VERBS: Final = (
    "up", "grew", "rose", "surged", "increased", "surging", "rising", "growing", "soared",
    "soaring", "jumped", "jumping", "climbed", "expanded",
)  # fmt: skip
BY_WORD: Final = "by"

#: German "N-fache": "auf das 2,4-Fache" (to, ×N) and "um das 2,4-Fache" (by: read
#: as ×N by some and ×(N + 1) by others, so the caller chooses).
FOLD_NOUNS: Final = ("fache", "-fache")
FOLD_SUFFIX_WORDS: Final = {"auf das": "to", "um das": "by", "das": "to"}
MORE_WORD: Final = "more"

# -- qualifiers and the sign of a balance ------------------------------------------------
# The names are the values of tradestats.verify.figures.Qualifier; what each means is
# documented there and in the report-format page.

#: Words before a figure (or between a word of direction and it) that qualify it.
QUALIFIER_WORDS: Final[dict[str, str]] = {
    "over": "over", "more than": "over", "above": "over", "exceeding": "over",
    "in excess of": "over", "just over": "over", "well over": "over", "upwards of": "over",
    "超过": "over", "超": "over", "逾": "over", "超出": "over", "多于": "over",
    "under": "under", "less than": "under", "below": "under", "fewer than": "under",
    "just under": "under", "不到": "under", "不足": "under", "少于": "under",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "近": "nearly",
    "将近": "nearly", "接近": "nearly", "近乎": "nearly",
    "about": "about", "around": "about", "approximately": "about", "some": "about",
    "roughly": "about", "约": "about", "大约": "about", "约为": "about",
    # German: "rund 5 Mrd. Euro", "knapp 3 %", "gut 2 Prozent", "mehr als 1 Milliarde"
    "mehr als": "over", "über": "over", "gut": "over", "weniger als": "under",
    "knapp": "nearly", "fast": "nearly", "beinahe": "nearly",
    "rund": "about", "etwa": "about", "circa": "about", "ungefähr": "about",
}  # fmt: skip

#: Words after a figure that qualify it: 10%以上, 5%左右, "5% or more".
QUALIFIER_SUFFIXES: Final[dict[str, str]] = {
    "以上": "over", "or more": "over", "plus": "over",
    "以下": "under", "or less": "under",
    "左右": "about", "上下": "about", "or so": "about",
}  # fmt: skip

#: A word right after the number: 1000多亿元 is over 100 billion yuan.
QUALIFIER_AFTER_NUMBER: Final[dict[str, str]] = {"多": "over", "余": "over"}

#: Words that make a balance a deficit (negative) or a surplus (positive).
DEFICIT_WORDS: Final = ("deficit", "trade deficit", "逆差", "贸易逆差", "入超")
SURPLUS_WORDS: Final = ("surplus", "trade surplus", "顺差", "贸易顺差", "出超")
#: Words that may stand around a deficit or surplus word and say nothing more:
#: "a deficit of 11.8 billion", "the surplus was", 逆差为.
SIGN_FILLERS: Final = (
    "a", "an", "the", "of", "was", "at", "to", "is", "stood at", "为", "达",
    "widened to", "narrowed to", "扩大至", "扩大到", "收窄至", "收窄到", "缩小至", "缩小到",
)  # fmt: skip

# -- periods -----------------------------------------------------------------------------

#: Month names by their first three letters, January first.
MONTH_ABBREVIATIONS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip

#: Words and dashes between the first and last month of a range.
RANGE_WORDS: Final = ("-", "–", "—", "~", "to", "through", "至", "到")
