"""The cue words of trade releases that bind a figure to a flow, by language.

Private to :mod:`tradestats.extraction`: pure data, one table per kind of cue. The
words of the figures themselves (scales, currencies, percent, rise and fall,
qualifiers) are the grammar's (:mod:`tradestats._grammar._words`) and are not
repeated here.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BALANCE_SIGNS",
    "BASE_PREVIOUS",
    "BASE_YEAR",
    "CURRENCY_CONTEXT",
    "FLOW_WORDS",
    "MONTHS",
    "NOT_TRADE",
    "NUMBER_WORDS",
    "PARTNERS",
    "PRODUCT_STOPWORDS",
    "PUBLISHERS",
    "REPORTERS",
    "SHARE_WORDS",
]

#: Words that name a flow → its kind. Longest first wins where they overlap
#: (进出口 before 出口, "trade surplus" before "trade").
FLOW_WORDS: Final[dict[str, str]] = {
    # totals
    "进出口": "total", "進出口": "total", "收支口": "total", "外贸": "total", "外貿": "total",
    "对外贸易": "total", "對外貿易": "total", "贸易总值": "total", "貿易總值": "total",
    "贸易总额": "total", "貿易總額": "total", "贸易": "total", "貿易": "total",
    "foreign trade": "total", "total trade": "total", "goods trade": "total",
    "trade in goods": "total", "imports and exports": "total", "exports and imports": "total",
    "import and export": "total", "export and import": "total", "overseas trade": "total",
    "trade": "total", "Außenhandel": "total", "Handel": "total",
    # exports
    "出口": "exports", "exports": "exports", "export": "exports", "shipments": "exports",
    "Exporte": "exports", "Export": "exports", "Ausfuhren": "exports", "Ausfuhr": "exports",
    "ausgeführt": "exports", "exportiert": "exports", "aus.": "exports",
    # imports
    "进口": "imports", "進口": "imports", "imports": "imports", "import": "imports",
    "Importe": "imports", "Import": "imports", "Einfuhren": "imports", "Einfuhr": "imports",
    "eingeführt": "imports", "importiert": "imports",
    # balances
    "贸易顺差": "surplus", "貿易順差": "surplus", "顺差": "surplus", "順差": "surplus",
    "出超": "surplus", "贸易逆差": "deficit", "貿易逆差": "deficit", "逆差": "deficit",
    "入超": "deficit", "trade surplus": "surplus", "surplus": "surplus",
    "trade deficit": "deficit", "deficit": "deficit", "Überschuss": "surplus",
    "Handelsbilanzüberschuss": "surplus", "Defizit": "deficit",
}  # fmt: skip

#: The sign of a balance each balance cue gives.
BALANCE_SIGNS: Final = ("surplus", "deficit")

#: Partners by the words releases use for them → one name. A partner not listed
#: keeps the article's words.
PARTNERS: Final[dict[str, str]] = {
    "EU": "EU", "European Union": "EU", "欧盟": "EU", "歐盟": "EU", "EU-Länder": "EU",
    "EU-Ländern": "EU", "Mitgliedstaaten der EU": "EU", "Europäische Union": "EU",
    "Mitgliedstaaten der Europäischen Union": "EU",
    "United States": "United States", "U.S.": "United States", "US": "United States",
    "USA": "United States", "America": "United States", "美国": "United States",
    "美國": "United States", "Vereinigte Staaten": "United States",
    "Vereinigten Staaten": "United States",
    "ASEAN": "ASEAN", "Association of Southeast Asian Nations": "ASEAN", "东盟": "ASEAN",
    "東盟": "ASEAN", "東協": "ASEAN",
    "Belt and Road countries": "Belt and Road countries",
    "countries along the Belt and Road": "Belt and Road countries",
    "Belt and Road Initiative countries": "Belt and Road countries",
    "Belt and Road Initiative (BRI) countries": "Belt and Road countries",
    "countries involved in the Belt and Road Initiative": "Belt and Road countries",
    "BRI countries": "Belt and Road countries", "BRI nations": "Belt and Road countries",
    "“一带一路”沿线国家": "Belt and Road countries", "一带一路沿线国家": "Belt and Road countries",
    "“一帶一路”沿線國家": "Belt and Road countries", "一帶一路沿線國家": "Belt and Road countries",
    "“一带一路”共建国家": "Belt and Road countries",
    "Japan": "Japan", "日本": "Japan", "South Korea": "South Korea", "韩国": "South Korea",
    "韓國": "South Korea", "Russia": "Russia", "Russland": "Russia", "俄罗斯": "Russia",
    "俄羅斯": "Russia", "China": "China", "中国": "China", "中國": "China",
    "中國大陸": "China", "VR China": "China",
    "中國大陸與香港": "China and Hong Kong", "中国大陆与香港": "China and Hong Kong",
    "中國與香港": "China and Hong Kong", "China plus Hong Kong": "China and Hong Kong",
    "Hong Kong": "Hong Kong", "香港": "Hong Kong", "Africa": "Africa", "非洲": "Africa",
    "Central Asia": "Central Asia", "中亚": "Central Asia", "中亞": "Central Asia",
    "Latin America": "Latin America", "拉丁美洲": "Latin America",
    "United Kingdom": "United Kingdom", "Britain": "United Kingdom",
    "Großbritannien": "United Kingdom", "Vereinigte Königreich": "United Kingdom",
    "Vereinigtes Königreich": "United Kingdom",
    "EU-Staaten": "EU", "EU-Mitgliedstaaten": "EU",
    "Länder außerhalb der EU": "non-EU countries", "Drittstaaten": "non-EU countries",
    "Drittländer": "non-EU countries", "Nicht-EU-Länder": "non-EU countries",
    "non-EU countries": "non-EU countries", "Frankreich": "France", "France": "France",
    "Niederlande": "Netherlands", "RCEP": "RCEP members",
}  # fmt: skip

#: Who publishes the figures → the reporter: a statistics office or customs names it
#: better than the first country an article mentions ("Exporte nach China").
PUBLISHERS: Final[dict[str, str]] = {
    "Statistische Bundesamt": "Germany", "Statistischen Bundesamt": "Germany",
    "Destatis": "Germany", "Statistikamt in Wiesbaden": "Germany",
    "海关总署": "China", "海關總署": "China", "General Administration of Customs": "China",
    "財政部": "Taiwan", "Ministry of Finance (MOF)": "Taiwan", "Census Bureau": "United States",
    "Urumqi Customs": "Xinjiang", "乌鲁木齐海关": "Xinjiang", "上海海關": "Shanghai",
    "上海海关": "Shanghai",
}  # fmt: skip

#: Reporters by the words that name them: the first named in the article reports.
REPORTERS: Final[dict[str, str]] = {
    "Xinjiang": "Xinjiang", "新疆": "Xinjiang", "Shanghai": "Shanghai", "上海": "Shanghai",
    "Taiwan": "Taiwan", "台灣": "Taiwan", "臺灣": "Taiwan", "財政部": "Taiwan",
    "Deutschland": "Germany", "deutschen": "Germany", "deutsche": "Germany",
    "Germany": "Germany", "Statistische Bundesamt": "Germany",
    "United States": "United States", "U.S.": "United States", "Census Bureau": "United States",
    "China": "China", "中国": "China", "中國": "China", "我国": "China", "內地": "China",
    "内地": "China", "海关总署": "China", "海關總署": "China",
}  # fmt: skip

#: Words of a share: the figure after them is a part of a whole.
SHARE_WORDS: Final = (
    "占", "佔", "占比", "比重", "accounting for", "accounted for", "account for", "making up",
    "made up", "share of", "Anteil",
)  # fmt: skip

#: Words that put a change on the month (or period) before, not a year earlier.
BASE_PREVIOUS: Final = (
    "on month", "month-on-month", "month on month", "from a month earlier",
    "from the previous month", "from the month before", "环比", "環比", "gegenüber dem Vormonat",
    "zum Vormonat", "Vormonat", "月增", "月減", "較上月", "较上月", "上月",
)  # fmt: skip

#: Words right after a figure that put it on the same period a year earlier.
BASE_YEAR: Final = (
    "on year", "year on year", "year-on-year", "year over year", "year-over-year", "y/y",
    "from a year earlier", "from a year ago", "同比", "按年", "年比", "年增", "年減",
    "Vorjahresmonat", "Vorjahr",
)  # fmt: skip

#: Words that set the currency of the figures around them.
CURRENCY_CONTEXT: Final[dict[str, str]] = {
    "按美元计价": "USD", "按美元計價": "USD", "以美元计价": "USD", "以美元計價": "USD",
    "in US dollar terms": "USD", "in U.S. dollar terms": "USD", "in dollar terms": "USD",
    "按人民币计价": "CNY", "以人民币计价": "CNY", "以人民幣計價": "CNY", "按人民幣計價": "CNY",
    "in yuan terms": "CNY",
}  # fmt: skip

#: Words that say a figure is about something other than trade flows (firms, prices, GDP).
NOT_TRADE: Final = (
    "企业", "企業", "主体", "主體", "enterprises", "companies", "firms", "Unternehmen",
    "经济增长", "經濟成長", "GDP", "economic growth", "orders", "订单", "訂單", "Aufträge",
    "价格", "價格", "prices", "Preise", "forecast", "expected", "erwartet", "预期", "預期",
)  # fmt: skip

#: Words before "exports" that are no product: "China's exports", "December exports".
PRODUCT_STOPWORDS: Final = frozenset(
    {"the", "its", "their", "total", "overall", "goods", "merchandise", "german", "chinese",
     "taiwanese", "u.s.", "us", "and", "of", "in", "to", "with", "net", "monthly", "annual",
     "year", "month", "s", "re", "while", "whose", "these", "those", "our", "high-value",
     "value", "between", "on", "period", "months", "quarter", "half", "alone", "time"}
)  # fmt: skip

#: English and German month names → month number (full names only: "May" is a month,
#: "may" a verb).
MONTHS: Final[dict[str, int]] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12,
    "Januar": 1, "Februar": 2, "März": 3, "Mai": 5, "Juni": 6, "Juli": 7, "Oktober": 10,
    "Dezember": 12,
}  # fmt: skip

#: Number words of counts of months and quarters, English and Chinese.
NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10, "十一": 11, "十二": 12,
}  # fmt: skip
