"""Every bad input gets a clear tradestats error that names it, inherits a builtin, and pickles."""

from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Callable
from decimal import Decimal

import attrs
import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradestats as ts
from tradestats import (
    AmbiguityError,
    ConcordanceError,
    DataMatchError,
    DuplicateKeyError,
    FlowMismatchError,
    HSVersionMismatchError,
    InvalidValueError,
    NegativeBaseError,
    ParseError,
    PeriodMismatchError,
    ReportFileError,
    SignChangeError,
    StructuringError,
    TradeStatsError,
    UnitMismatchError,
    UnknownGroupError,
    UnknownUnitError,
    ZeroBaseError,
)
from tradestats import strategies as tst

CNY, USD = ts.money(5, "CNY"), ts.money(4, "USD")
JAN_JUL_2023 = ts.Period.year_to_date(2023, 7)
RATE_2023 = ts.ExchangeRate("USD", "CNY", "7", period="2023")


def flow(value: str = "183 billion CNY", period: ts.Period = JAN_JUL_2023) -> ts.TradeFlow:
    """Xinjiang's total trade in ``period``."""
    return ts.TradeFlow(reporter="Xinjiang", flow="total", period=period, value=value)


@attrs.frozen
class Bad:
    """A bad input: what to call, the error it must raise, and the text the error must contain."""

    call: Callable[[], object]
    error: type[TradeStatsError]
    builtin: type[Exception]
    fragment: str


BAD_INPUTS: dict[str, Bad] = {
    # NaN and infinities
    "NaN magnitude": Bad(lambda: ts.Amount(float("nan"), "CNY"), InvalidValueError, ValueError,
                         "must be finite, got nan"),
    "infinite magnitude text": Bad(lambda: ts.money("Infinity", "CNY"), InvalidValueError,
                                   ValueError, "must be finite, got 'Infinity'"),
    "NaN Decimal": Bad(lambda: ts.Amount(Decimal("NaN"), "USD"), InvalidValueError, ValueError,
                       "got Decimal('NaN')"),
    "NaN growth": Bad(lambda: ts.Growth.from_percent(float("nan")), InvalidValueError, ValueError,
                      "got nan"),
    "NaN into growth()": Bad(lambda: ts.growth(float("nan"), 1), InvalidValueError, ValueError,
                             "the current value must be finite, got nan"),
    "infinite rate": Bad(lambda: ts.ExchangeRate("USD", "CNY", float("inf"), period="2023"),
                         InvalidValueError, ValueError, "got inf"),
    "infinite factor": Bad(lambda: CNY * float("-inf"), InvalidValueError, ValueError,
                           "got -inf"),
    "NaN share": Bad(lambda: ts.Share("nan"), InvalidValueError, ValueError, "got 'nan'"),
    # negative trade values
    "negative exports": Bad(
        lambda: ts.TradeFlow(reporter="A", flow="exports", period="2023", value="-5 CNY"),
        InvalidValueError, ValueError, "the value of exports cannot be negative, got -5 CNY"),
    "negative total": Bad(lambda: flow("-183 billion CNY"), InvalidValueError, ValueError,
                          "got -183 billion CNY"),
    # unknown currencies and units
    "unknown currency code": Bad(lambda: ts.Amount(5, "XYZ"), UnknownUnitError, LookupError,
                                 "'XYZ'"),
    "unknown currency in text": Bad(lambda: ts.money("5 XYZ"), UnknownUnitError, LookupError,
                                    "unknown currency 'XYZ'"),
    "unknown currency word": Bad(lambda: ts.money("5 doubloons"), UnknownUnitError, LookupError,
                                 "unknown currency 'doubloons'"),
    "unknown currency argument": Bad(lambda: ts.money(5, "doubloons"), UnknownUnitError,
                                     LookupError, "'doubloons'"),
    "unknown yen_sign": Bad(lambda: ts.money("¥5", yen_sign="XYZ"), UnknownUnitError,
                            LookupError, "'XYZ'"),
    "unknown unit": Bad(lambda: ts.amount("5 furlongs"), UnknownUnitError, LookupError,
                        "'furlongs'"),
    # the yen sign
    "yen sign alone": Bad(lambda: ts.money("¥5"), AmbiguityError, ValueError,
                          "'¥' is the sign of both"),
    "full-width yen sign": Bad(lambda: ts.money("￥5"), AmbiguityError, ValueError, "'￥'"),
    # mixing currencies
    "add currencies": Bad(lambda: CNY + USD, UnitMismatchError, TypeError,
                          "cannot add 5 CNY and 4 USD"),
    "subtract currencies": Bad(lambda: CNY - USD, UnitMismatchError, TypeError,
                               "cannot subtract 4 USD from 5 CNY"),
    "compare currencies": Bad(lambda: CNY < USD, UnitMismatchError, TypeError,
                              "cannot compare 5 CNY with 4 USD"),
    "divide currencies": Bad(lambda: CNY / USD, UnitMismatchError, TypeError,
                             "cannot divide 5 CNY by 4 USD"),
    "growth across currencies": Bad(lambda: ts.growth(CNY, USD), UnitMismatchError, TypeError,
                                    "cannot compute growth from 4 USD to 5 CNY"),
    "share across currencies": Bad(lambda: ts.share(USD, CNY), UnitMismatchError, TypeError,
                                   "cannot compute the share of 4 USD in 5 CNY"),
    "contribution across currencies": Bad(
        lambda: ts.contribution(CNY, CNY, ts.money(10, "USD")), UnitMismatchError, TypeError,
        "cannot compute the contribution of 5 CNY to 10 USD"),
    "CAGR across currencies": Bad(lambda: ts.cagr(USD, CNY, years=2), UnitMismatchError,
                                  TypeError, "cannot compute a CAGR from 4 USD to 5 CNY"),
    "money and tonnes": Bad(lambda: CNY + ts.amount("5 t"), UnitMismatchError, TypeError,
                            "CNY and tonne (mass) measure different things"),
    "money() of tonnes": Bad(lambda: ts.money("12 thousand tonnes"), UnitMismatchError,
                             TypeError, "'tonnes' is a unit of mass, not a currency: use amount()"),
    "money() of a volume": Bad(lambda: ts.money(5, "m3"), UnitMismatchError, TypeError,
                               "'m3' is a unit of volume, not a currency"),
    # periods
    "periods of different length": Bad(
        lambda: ts.yoy_growth(flow(), flow("100 billion CNY", ts.Period.half(2022, 1))),
        PeriodMismatchError, ValueError, "2023-01/2023-07 covers 7 months and 2022-H1 covers 6"),
    "periods two years apart": Bad(
        lambda: ts.yoy_growth(flow(), flow("100 billion CNY", ts.Period.year_to_date(2021, 7))),
        PeriodMismatchError, ValueError, "2021-01/2021-07 is not the same months one year"),
    "same period, not a year before": Bad(
        lambda: ts.yoy_multiplier(flow(), flow()), PeriodMismatchError, ValueError,
        "2023-01/2023-07 is not the same months one year before 2023-01/2023-07"),
    # shares
    "part above total": Bad(lambda: ts.share(ts.money(6, "CNY"), CNY), InvalidValueError,
                            ValueError, "the part 6 CNY is larger than its total 5 CNY"),
    "share above 100%": Bad(lambda: ts.Share.from_percent("100.1"), InvalidValueError,
                            ValueError, "got 1.001"),
    # bases
    "growth over zero": Bad(lambda: ts.growth(CNY, ts.money(0, "CNY")), ZeroBaseError,
                            ZeroDivisionError, "growth from 0 CNY to 5 CNY is undefined"),
    "share of zero": Bad(lambda: ts.share(ts.money(0, "CNY"), ts.money(0, "CNY")), ZeroBaseError,
                         ZeroDivisionError, "the total 0 CNY is zero"),
    "growth over a deficit": Bad(lambda: ts.growth(CNY, ts.money(-3, "CNY")), NegativeBaseError,
                                 ValueError, "growth from -3 CNY to 5 CNY has a negative base"),
    "yoy growth over a deficit": Bad(
        lambda: ts.yoy_growth(
            ts.TradeFlow(reporter="A", flow="balance", period="2023", value="5 CNY"),
            ts.TradeFlow(reporter="A", flow="balance", period="2022", value="-3 CNY"),
        ),
        NegativeBaseError, ValueError, "-3 CNY"),
    # malformed text
    "malformed period": Bad(lambda: ts.Period.parse("2023-13"), ParseError, ValueError,
                            "cannot read '2023-13' as a period"),
    "period in words": Bad(lambda: ts.Period.parse("last summer"), ParseError, ValueError,
                           "'last summer'"),
    "malformed HS code": Bad(lambda: ts.HSCode.parse("87a3"), ParseError, ValueError,
                             "malformed HS code '87a3'"),
    "odd HS code": Bad(lambda: ts.HSCode.parse("870"), ParseError, ValueError, "'870'"),
    "malformed amount": Bad(lambda: ts.money("lots of yuan"), ParseError, ValueError,
                            "cannot read 'lots of yuan' as an amount"),
    "malformed growth": Bad(lambda: ts.Growth.parse("much"), ParseError, ValueError,
                            "cannot read 'much' as a growth rate"),
    "malformed points": Bad(lambda: ts.PercentagePoints.parse("up a bit"), ParseError,
                            ValueError, "cannot read 'up a bit' as percentage points"),
    # "N times"
    "bare times": Bad(lambda: ts.Multiplier.parse("3.26 times"), AmbiguityError, ValueError,
                      "'3.26 times' has two readings"),
    "bare times as growth": Bad(lambda: ts.Growth.parse("36.9倍"), AmbiguityError, ValueError,
                                "'36.9倍'"),
    # measures out of their domain
    "fall below -100% as multiplier": Bad(
        lambda: ts.Growth.from_percent(-150).to_multiplier(), InvalidValueError, ValueError,
        "a change of -150% turns a positive value negative"),
    # exchange rates
    "rate for another period": Bad(
        lambda: RATE_2023.convert(flow("14 CNY")), PeriodMismatchError, ValueError,
        "the USD/CNY rate applies to 2023, but Xinjiang total trade"),
    "rate in other currencies": Bad(lambda: RATE_2023.convert(ts.money(5, "EUR")),
                                    UnitMismatchError, TypeError,
                                    "cannot convert 5 EUR with the USD/CNY rate"),
    "end-of-period rate for a flow": Bad(
        lambda: attrs.evolve(RATE_2023, kind="end of period").convert(
            flow("14 CNY", ts.Period.year(2023))
        ),
        InvalidValueError, ValueError, "not the end-of-period rate 1 USD = 7 CNY"),
    # foreign registries
    "foreign unknown unit": Bad(
        lambda: ts.Amount.from_quantity(pint.UnitRegistry().Quantity(5, "furlong")),
        UnknownUnitError, LookupError, "'furlong'"),
    # flows that do not belong together
    "different partners": Bad(
        lambda: ts.share(attrs.evolve(flow(), partner="BRI", period="2022"), flow()),
        FlowMismatchError, ValueError, "differ in period (2022 vs 2023-01/2023-07)"),
    "different flows": Bad(
        lambda: ts.share(attrs.evolve(flow(), partner="BRI", flow="exports"), flow()),
        FlowMismatchError, ValueError, "differ in flow (exports vs total)"),
    "remainder differing twice": Bad(
        lambda: ts.remainder(flow(), attrs.evolve(flow("1 CNY", ts.Period.half(2023, 1)),
                                                  partner="BRI")),
        FlowMismatchError, ValueError, "exactly one of partner, product and period"),
    "remainder of a later period": Bad(
        lambda: ts.remainder(flow(), flow("1 CNY", ts.Period.month(2023, 7))),
        PeriodMismatchError, ValueError, "cannot take 2023-07 from 2023-01/2023-07"),
    # structuring
    "structure bad magnitude": Bad(lambda: ts.structure({"magnitude": "x", "unit": "CNY"},
                                                        ts.Amount),
                                   StructuringError, ValueError, "'x'"),
    "structure bad period": Bad(lambda: ts.structure("2023-13", ts.Period), StructuringError,
                                ValueError, "'2023-13'"),
    "structure negative exports": Bad(
        lambda: ts.structure({"reporter": "A", "flow": "exports", "period": "2023",
                              "value": {"magnitude": "-1", "unit": "CNY"}}, ts.TradeFlow),
        StructuringError, ValueError, "got -1 CNY"),
    "from_json bad JSON": Bad(lambda: ts.from_json("{", ts.Growth), StructuringError, ValueError,
                              "invalid JSON for Growth"),
}  # fmt: skip


@pytest.mark.parametrize("bad", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_raises_a_clear_error(bad: Bad) -> None:
    """The right tradestats error, also the builtin it specializes, naming the bad value."""
    with pytest.raises(bad.error, match=re.escape(bad.fragment)) as caught:
        bad.call()
    assert isinstance(caught.value, TradeStatsError)
    assert isinstance(caught.value, bad.builtin)
    assert caught.value.message == str(caught.value)


@pytest.mark.parametrize("bad", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_raised_errors_pickle(bad: Bad) -> None:
    """A raised error survives pickling with its type, message and details."""
    with pytest.raises(TradeStatsError) as caught:
        bad.call()
    error = caught.value
    back = pickle.loads(pickle.dumps(error))
    assert type(error) is type(back)
    assert str(error) == str(back)
    assert error.message == back.message
    # By repr: a NaN that was refused is kept in the details, and NaN != NaN.
    assert repr(error.details) == repr(back.details)
    assert error.args == back.args


ERROR_BUILTINS: dict[type[TradeStatsError], tuple[type[Exception], ...]] = {
    ParseError: (ValueError,),
    UnknownUnitError: (LookupError, ValueError),
    AmbiguityError: (ValueError,),
    InvalidValueError: (ValueError,),
    UnitMismatchError: (TypeError,),
    PeriodMismatchError: (ValueError,),
    FlowMismatchError: (ValueError,),
    ZeroBaseError: (ZeroDivisionError,),
    NegativeBaseError: (ValueError,),
    SignChangeError: (ValueError,),
    StructuringError: (ValueError,),
    ReportFileError: (ValueError,),
    DuplicateKeyError: (ValueError,),
    ConcordanceError: (LookupError, ValueError),
    HSVersionMismatchError: (ValueError,),
    DataMatchError: (ValueError,),
    UnknownGroupError: (LookupError, ValueError),
}


@pytest.mark.parametrize(("error", "builtins"), ERROR_BUILTINS.items())
def test_error_tree(error: type[TradeStatsError], builtins: tuple[type[Exception], ...]) -> None:
    """Each error derives from TradeStatsError and from the builtins it specializes."""
    assert issubclass(error, TradeStatsError)
    for builtin in builtins:
        assert issubclass(error, builtin)
    assert set(ERROR_BUILTINS) == {
        getattr(ts, name) for name in ts.__all__ if name.endswith("Error")
    } - {TradeStatsError}


@pytest.mark.parametrize("error", [TradeStatsError, *ERROR_BUILTINS])
def test_errors_built_by_hand_pickle_and_copy(error: type[TradeStatsError]) -> None:
    """Errors with details of every value type pickle and copy with everything kept."""
    original = error(
        "bad figure 59.3x",
        value="59.3x",
        amount=CNY,
        period=JAN_JUL_2023,
        flow=flow(),
        rate=RATE_2023,
        growth=ts.Growth.from_percent("59.3"),
    )
    for back in (pickle.loads(pickle.dumps(original)), copy.deepcopy(original)):
        assert "bad figure 59.3x" == str(back) == back.message
        assert original.details == back.details


def test_details_name_the_offending_values() -> None:
    """Programs can read the offending values back from the error."""
    with pytest.raises(UnitMismatchError) as caught:
        CNY + USD
    expected = {"left": CNY, "right": USD}
    assert expected == caught.value.details


@given(tst.trade_flows(flows=ts.Flow.EXPORTS), st.data())
def test_failed_operations_leave_their_inputs_alone(
    exports: ts.TradeFlow, data: st.DataObject
) -> None:
    """Nothing is half-built: after an error, every input is exactly as it was."""
    snapshot = ts.unstructure(exports)
    other = data.draw(tst.money_amounts().filter(lambda a: a.unit != exports.value.unit))
    with pytest.raises(InvalidValueError):
        exports.with_value(ts.Amount(-1, exports.value.unit))
    with pytest.raises(UnitMismatchError):
        exports.value + other
    with pytest.raises(UnitMismatchError):
        ts.total_trade(exports, attrs.evolve(exports, flow="imports", value=other))
    bad = {**snapshot, "value": {"magnitude": "-1", "unit": "CNY"}}
    before = copy.deepcopy(bad)
    with pytest.raises(StructuringError):
        ts.structure(bad, ts.TradeFlow)
    assert before == bad
    assert snapshot == ts.unstructure(exports)
