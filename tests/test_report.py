"""The report model: flows declared once, claims that refer to them, and what is refused."""

from __future__ import annotations

import pytest

from tradestats import (
    Flow,
    InvalidValueError,
    Period,
    ProductGroup,
    TimesConvention,
    TradeStatsError,
    UnitMismatchError,
)
from tradestats.claims.report import (
    Claim,
    GrowthClaim,
    MultiplierClaim,
    Report,
    ReportFlow,
    ShareClaim,
    SumClaim,
    ValueClaim,
)
from tradestats.verify.figures import Reported

JAN_JUL_2023 = Period.year_to_date(2023, 7)

FLOWS = (
    ReportFlow(id="world", reporter="Xinjiang", flow="total", label="foreign trade"),
    ReportFlow(id="bri", reporter="Xinjiang", flow="total", partner="Belt and Road countries"),
    ReportFlow(id="others", reporter="Xinjiang", flow="total", partner="others"),
    ReportFlow(id="ev", reporter="Xinjiang", flow="exports", product="electric vehicles"),
    ReportFlow(id="balance", reporter="Xinjiang", flow="balance"),
)


def value(claim_id: str, flow: str, text: str, period: Period = JAN_JUL_2023) -> ValueClaim:
    """A value claim read from text."""
    return ValueClaim(id=claim_id, flow=flow, period=period, value=Reported.parse_amount(text))


def growth(claim_id: str, flow: str, text: str) -> GrowthClaim:
    """A growth claim for Jan–Jul 2023 read from text."""
    return GrowthClaim(
        id=claim_id, flow=flow, period=JAN_JUL_2023, growth=Reported.parse_growth(text)
    )


def report(*claims: Claim) -> Report:
    """A report about the flows above."""
    return Report(title="Xinjiang", flows=FLOWS, claims=claims)


def test_flow_fields_and_description() -> None:
    """A flow reads its kind and product from text and describes itself."""
    ev = FLOWS[3]
    assert ev.flow == Flow.EXPORTS
    assert ProductGroup("electric vehicles") == ev.product
    assert ev.describe() == "Xinjiang exports of electric vehicles with World"
    assert FLOWS[0].describe() == "foreign trade"


def test_report_lookups_and_periods() -> None:
    """Flows and claims are found by id; the periods include the bases of growth figures."""
    result = report(value("v", "world", "183 billion yuan"), growth("g", "world", "59.3%"))
    assert FLOWS[1] == result.flow("bri")
    assert result.claim("g").id == "g"
    assert (JAN_JUL_2023.previous_year(), JAN_JUL_2023) == result.periods
    assert result.unit_of("world") == "CNY"
    assert result.unit_of("ev") is None
    with pytest.raises(KeyError):
        result.flow("nope")
    with pytest.raises(KeyError):
        result.claim("nope")


def test_sum_without_periods_holds_in_every_period() -> None:
    """A sum claim without periods covers every period of the report."""
    parts = SumClaim(id="parts", total="world", parts=["bri", "others"])
    result = report(growth("g", "world", "59.3%"), parts)
    assert result.periods == result.sum_periods(parts)
    dated = SumClaim(id="parts", total="world", parts=["bri", "others"], periods=["2023"])
    assert (Period.year(2023),) == report(dated).sum_periods(dated)


def test_multiplier_claim_keeps_its_convention() -> None:
    """A multiplier claim records how "3.26 times" was read."""
    claim = MultiplierClaim(
        id="ev",
        flow="ev",
        period=JAN_JUL_2023,
        times=TimesConvention.MORE,
        multiplier=Reported.parse_multiplier("3.26 times", times=TimesConvention.MORE),
    )
    assert (JAN_JUL_2023, JAN_JUL_2023.previous_year()) == claim.periods
    assert str(claim.multiplier.value) == "×4.26"


def error_of(*claims: Claim) -> TradeStatsError:
    """The error raised by a report of these claims."""
    with pytest.raises(TradeStatsError) as caught:
        report(*claims)
    return caught.value


@pytest.mark.parametrize(
    ("claims", "field", "words"),
    [
        (
            (value("a", "world", "1 CNY"), value("a", "bri", "1 CNY")),
            "id",
            "claim id 'a' is used twice",
        ),
        ((value("a", "moon", "1 CNY"),), "flow", "unknown flow 'moon'"),
        (
            (
                ShareClaim(
                    id="s",
                    part="balance",
                    whole="world",
                    period=JAN_JUL_2023,
                    share=Reported.parse_share("5%"),
                ),
            ),
            "part",
            "is a balance",
        ),
        (
            (
                ShareClaim(
                    id="s",
                    part="bri",
                    whole="bri",
                    period=JAN_JUL_2023,
                    share=Reported.parse_share("50%"),
                ),
            ),
            "whole",
            "in itself",
        ),
        ((SumClaim(id="s", total="world", parts=["world", "bri"]),), "parts", "both the total"),
        ((SumClaim(id="s", total="world", parts=["bri", "bri"]),), "parts", "appears twice"),
        ((SumClaim(id="s", total="world", parts=["bri", "mars"]),), "parts", "unknown flow"),
    ],
)
def test_bad_reports_name_claim_and_field(
    claims: tuple[Claim, ...], field: str, words: str
) -> None:
    """Every refusal names the claim and the field it is about."""
    error = error_of(*claims)
    assert isinstance(error, InvalidValueError)
    assert field == error.details["field"]
    assert words in str(error)


def test_mixed_currencies_in_related_flows_are_refused() -> None:
    """Yuan for the world and dollars for a part of it cannot be compared."""
    parts = SumClaim(id="parts", total="world", parts=["bri", "others"])
    error = error_of(
        value("w", "world", "183 billion CNY"), value("b", "bri", "20 billion USD"), parts
    )
    assert isinstance(error, UnitMismatchError)
    assert error.details["claim"] == "b"
    assert "CNY and USD are different currencies" in str(error)


def test_unrelated_flows_may_use_other_currencies() -> None:
    """Flows that no claim relates may be in different currencies."""
    result = report(value("w", "world", "183 billion CNY"), value("e", "ev", "2 billion USD"))
    assert result.unit_of("ev") == "USD"


def test_duplicate_flow_ids_are_refused() -> None:
    """Two flows under one id are refused."""
    with pytest.raises(InvalidValueError, match="flow id 'world' is declared twice"):
        Report(title="t", flows=(FLOWS[0], FLOWS[0]), claims=())


def test_flow_needs_a_known_kind() -> None:
    """An unknown kind of flow names the choices."""
    with pytest.raises(InvalidValueError, match="unknown Flow 'trade'"):
        ReportFlow(id="x", reporter="A", flow="trade")
