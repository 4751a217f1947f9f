"""Mutuus calculators: usage cost, break-even, cost split, annual cost and year-end statement of a pooled resource.

Pure functions on ``Decimal`` (built from ``str``, never from ``float``),
frozen dataclasses for inputs and results, standard library only. The JSON
door is ``calculators.bridge`` (``run`` for the CLI, ``present_form`` for the
browser); ``python -m calculators`` is the command line. Each calculator is one
module of this package that declares ``CALCULATOR`` (see ``calculators.spec``);
``calculators.registry`` finds them.
"""

from calculators.annual_cost import AnnualCostInput, AnnualCostResult, FixedCost, Loan, annual_cost
from calculators.break_even import BreakEvenInput, BreakEvenResult, break_even, break_even_uses
from calculators.errors import FieldError, ValidationError
from calculators.money import format_money, parse_decimal, round_cents
from calculators.split import PartnerShare, SplitInput, SplitPartner, SplitResult, split
from calculators.statement import StatementInput, StatementPartner, StatementResult, statement
from calculators.usage_cost import (
    Consumables,
    Maintenance,
    Preparation,
    Replacement,
    Use,
    UsageCostInput,
    UsageCostResult,
    usage_cost,
)

__all__ = [
    "AnnualCostInput",
    "AnnualCostResult",
    "FixedCost",
    "Loan",
    "StatementInput",
    "StatementPartner",
    "StatementResult",
    "annual_cost",
    "statement",
    "BreakEvenInput",
    "BreakEvenResult",
    "Consumables",
    "FieldError",
    "Maintenance",
    "PartnerShare",
    "Preparation",
    "Replacement",
    "SplitInput",
    "SplitPartner",
    "SplitResult",
    "Use",
    "UsageCostInput",
    "UsageCostResult",
    "ValidationError",
    "break_even",
    "break_even_uses",
    "format_money",
    "parse_decimal",
    "round_cents",
    "split",
    "usage_cost",
]
