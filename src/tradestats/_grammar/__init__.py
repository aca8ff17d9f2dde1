"""One grammar of figures: how amounts, measures and periods are written, read in one place.

The value types (:class:`~tradestats.Amount`, :func:`~tradestats.money`,
:class:`~tradestats.Growth`, :class:`~tradestats.Multiplier`,
:class:`~tradestats.Share`, :class:`~tradestats.PercentagePoints`,
:class:`~tradestats.Period` and the ``Reported.parse_*`` family) do not read text
themselves: their ``parse`` methods call a reader here, get back a plain record
of what was written, and build themselves from it. A reader either returns a
record or raises :class:`~tradestats.ParseError` naming the text.

Layout
    ``_normalize`` the normal form every reader starts from: traditional characters
                   made simplified (one for one, so spans stay spans), Chinese numerals
                   read into digits with their precision, numbers of a ``locale`` made
                   English ("12,4" → "12.4" with ``locale="de"``), 兆 by ``zhao``. A form a
                   locale would read otherwise ("1,234", "12,4") is refused without one.
    ``_words``     every table of words, written once: scale words, currency words and
                   signs, Chinese measure words, percent and point words, words of rise
                   and fall, year-on-year cues, "times" wordings, month names. Pure data,
                   so :mod:`tradestats.units` builds its pint scale units from it.
    ``_tokens``    the tokenizer: numerals, ASCII words and single marks, with limits.
    ``amounts``    :func:`read_amount` → :class:`ParsedAmount`; currency words.
    ``measures``   :func:`read_growth`, :func:`read_multiplier`, :func:`read_share`,
                   :func:`read_points` → :class:`ParsedMeasure`.
    ``periods``    :func:`read_period` → :class:`ParsedPeriod`.
    ``qualifiers`` :func:`read_qualifier` ("over", "nearly", 约, 左右) and
                   :func:`read_balance_sign` ("deficit", 顺差): words around a figure.

The grammar knows no pint and no value type: it sits below :mod:`tradestats.units`.

Options every reader takes (and every ``parse`` passes on)
    ``locale``    how numbers are written: ``"en"``, ``"zh"`` (decimal point), ``"de"``,
                  ``"fr"``… (decimal comma), ``"de-CH"`` (apostrophe); ``None`` refuses
                  forms a locale reads otherwise, with a message naming the option.
    ``zhao``      ``"trillion"`` or ``"million"``: what 兆 is; ``None`` refuses it.
    ``reference`` (periods) the article's date, for a period without its year.
    ``calendar``  (periods) ``"roc"`` reads 113年 as 2024.
    A refusal that one of these (or ``times``, ``yen_sign``) would lift carries
    ``needs="<option>"`` in its ``details``.

Scanning running text
    :func:`tradestats.find_figures` (in :mod:`tradestats.verify._scan`, above this
    package because it builds :class:`~tradestats.Reported` values) is the way an
    extractor reads an article with this grammar. Its contract, in that module's
    description: every span one parser reads whole, earliest and then longest
    first, with its span in the source text, its kind (amount, growth,
    multiplier, share, points, period) and its value; a figure needing a choice
    comes with ``value=None`` and ``needs`` naming the option; linear in the text.

Well-formed text only
    Measures are read as tokens, so a numeral ("59.3") and a word ("year") are
    each one token. A cue word such as 同比 or "year on year" is accepted only
    whole, before or after the figure, and never inside a number: "59.同比3%" and
    "+1同比.2 PP" are refused. A sign belongs to a number only written right
    against it ("-3.2%", not "- 3.2%"), and a word of direction takes an unsigned
    number ("down 3.2%", never "down -3.2%").

Linear time
    No pattern has nested quantifiers. Measures are refused past
    :data:`~tradestats.limits.MAX_TOKENS` tokens, periods past
    :data:`~tradestats.limits.MAX_PERIOD_CHARS` characters, numerals past
    :data:`~tradestats.limits.MAX_NUMERAL_CHARS` characters, and unit texts past
    :data:`~tradestats.limits.MAX_UNIT_CHARS` characters *before* they reach
    pint, whose unit parser is quadratic on long garbage.

Forms (case-insensitive; spaces between words and numbers optional unless shown)

============  ==================================  ===============================
Kind          Example text                        Result
============  ==================================  ===============================
amount        ``183 billion yuan``                183E9 CNY
amount        ``US$5.94 trillion``                5.94E12 USD
amount        ``1,831.6亿元``                      1831.6E8 CNY
amount        ``-€3bn``, ``$3m``                   −3E9 EUR, 3E6 USD (m, b: money only)
amount        ``3.2万吨``, ``12.5 thousand tonnes``  32000 tonne, 12500 tonne
amount        ``¥12.5bn`` (with ``yen_sign``)      12.5E9 CNY or JPY
amount        ``一兆八千億`` (``zhao="trillion"``)   1.8E12 ± 0.05E12
amount        ``五八二．三億美元``, ``30.8万亿元人民币``   582.3E8 USD, 30.8E12 CNY
amount        ``12,4 Mrd. Euro`` (``locale="de"``)  12.4E9 EUR
amount        ``€1 234.5 bn`` (``locale="en"``)    1234.5E9 EUR
growth        ``+59.3%``, ``59.3 percent``        +59.3%
growth        ``up 59.3% year on year``           +59.3%
growth        ``同比下降3.2%``, ``down 3.2% y/y``   −3.2%
growth        ``增长3.26倍``                        +326% (×4.26)
growth        ``×1.593``                          +59.3%
growth        ``同比增長百分之六點五``                  +6.5%
growth        ``stieg um 5,3 Prozent`` (de)        +5.3%
multiplier    ``×4.26``, ``4.26x``                ×4.26
multiplier    ``增长3.26倍``                        ×4.26
multiplier    ``是去年的3.26倍``                     ×3.26
multiplier    ``3.26 times as much``              ×3.26
multiplier    ``3.26 times``, ``3.26倍``, ``3.26-fold``  needs a TimesConvention
multiplier    ``增长超五倍``, ``auf das 2,4-Fache``    over ×6, ×2.4
share         ``二成八``, ``三成``                    28% ± 0.5 pp, 30% ± 5 pp
share         ``92.3%``, ``占92.3%``, ``占比92.3%``  92.3%
points        ``+1.2 pp``, ``-0.5 p.p.``          +1.2 pp, −0.5 pp
points        ``up 1.2 percentage points``        +1.2 pp
points        ``同比提高1.2个百分点``                +1.2 pp
qualifier     ``over 93.7 billion yuan``, ``937亿元以上``  over (Reported.parse_*)
qualifier     ``nearly 10%``, ``增长近10%``          nearly
qualifier     ``about 5%``, ``约5%``, ``5%左右``      about
sign          ``a deficit of 11.8 billion``, ``逆差``  deficit (report files)
period        ``2023``, ``2023年``, ``2023年全年``   2023
period        ``2023-07``, ``Jul 2023``, ``2023年7月``  2023-07
period        ``2023-Q2``, ``Q2 2023``, ``2023年第二季度``  2023-Q2
period        ``2023-H1``, ``H1 2023``             2023-H1
period        ``2023-01/2023-07``, ``2023-01/07``  2023-01/2023-07
period        ``Jan–Jul 2023``, ``January to July 2023``  2023-01/2023-07
period        ``first seven months of 2023``, ``2023年前7个月``, ``2023年1-7月``  2023-01/2023-07
period        ``Jul 2022–Jun 2023``               2022-07/2023-06
period        ``前7个月``, ``H1`` (with ``reference``)  the latest by the reference
period        ``民國113年1-7月``, ``113年`` (``roc``)   2024-01/2024-07, 2024
============  ==================================  ===============================

Every form, with an example that runs, is in the documentation's table of forms
(``docs/reference/forms.md``).

>>> read_growth("同比增长59.3%")
ParsedMeasure(number=Decimal('59.3'), reading=<Reading.PERCENT: 'percent'>)
>>> read_growth("59.同比3%")
Traceback (most recent call last):
...
tradestats.errors.ParseError: cannot read '59.同比3%' as a growth rate: expected text like ...
"""

from __future__ import annotations

from tradestats._grammar._normalize import Normalized, normalize, number_format
from tradestats._grammar._tokens import MAX_NUMERAL_CHARS, MAX_TOKENS, quote
from tradestats._grammar.amounts import (
    MAX_UNIT_CHARS,
    ParsedAmount,
    currency_of,
    physical_name,
    read_amount,
)
from tradestats._grammar.measures import (
    ParsedMeasure,
    Reading,
    read_growth,
    read_multiplier,
    read_points,
    read_share,
)
from tradestats._grammar.periods import CALENDARS, MAX_PERIOD_CHARS, ParsedPeriod, read_period
from tradestats._grammar.qualifiers import qualifier_named, read_balance_sign, read_qualifier

__all__ = [
    "CALENDARS",
    "MAX_NUMERAL_CHARS",
    "MAX_PERIOD_CHARS",
    "MAX_TOKENS",
    "MAX_UNIT_CHARS",
    "Normalized",
    "ParsedAmount",
    "ParsedMeasure",
    "ParsedPeriod",
    "Reading",
    "currency_of",
    "normalize",
    "number_format",
    "physical_name",
    "qualifier_named",
    "quote",
    "read_amount",
    "read_balance_sign",
    "read_growth",
    "read_multiplier",
    "read_period",
    "read_points",
    "read_qualifier",
    "read_share",
]
