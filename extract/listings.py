"""Tables that list money or transactions rather than measure anything: budgets, accounts, payments.

Their rows are accounts lines, projects or payments and their columns name money
flows (budget, spent, receipts, payments, estimate, amount, VAT) or their rows
are dated entries, so they are not indicator tables, however many years their
headers print. A variance table of year-end figures names years and variances
only and stays an indicator table.
"""
from __future__ import annotations

import re

from .tablemodel import JoinedTable

_MONEY_FLOW = re.compile(
    r"\b(?:budget(?:ed|s)?|spent|spend(?:ing)?|expenditure|income|receipts?|payments?|payee|invoice|inv|vat|"
    r"estimates?|amount|cost\s+cent(?:re|er)|funding\s+source)\b",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})$")


def is_accounts_listing(table: JoinedTable) -> bool:
    header = " ".join(cell for row in table.header for cell in row if cell)
    if _MONEY_FLOW.search(header):
        return True
    firsts = [r.cells[0] for r in table.rows if r.cells and r.cells[0]]
    return len(firsts) >= 2 and sum(bool(_DATE.match(c)) for c in firsts) * 2 > len(firsts)
