#!/usr/bin/env python3
"""MODEL.md 9's identity on every item whose whole life lies inside the horizon: the pre-tax cost it
books over its life (the accounting view) equals its undiscounted pre-tax cash cost (the cash view's
pre-tax lines), whatever its lease classification, prepayment or take-or-pay.

Usage: check_expense_equals_cash.py COMPUTELEDGER PORTFOLIO.json...  (fails unless every such item
agrees to 1e-9 relative and at least one item was checked)."""
import datetime as dt
import json
import subprocess
import sys

# The cash view's pre-tax lines: what an item pays out, less what it gets back (no tax shields).
PRE_TAX_LINES = {"capex", "prepayment", "contract_payments", "power", "colocation", "opex", "resale",
                 "replacement", "prepayment_recovery"}


def life(portfolio, item_id):
    for c in portfolio.get("contracts", []):
        if c["id"] == item_id:
            return dt.date.fromisoformat(c["start"]), dt.date.fromisoformat(c["end"])
    for f in portfolio.get("fleets", []):
        if f["id"] == item_id and "end" in f:
            return dt.date.fromisoformat(f["in_service"]), dt.date.fromisoformat(f["end"])
    return None  # a fleet whose end is its book life: the app's items[] has no dates; left out


def main():
    app, paths = sys.argv[1], sys.argv[2:]
    failures, checked = [], 0
    for path in paths:
        portfolio = json.load(open(path))
        out = subprocess.run([app, "evaluate", path, "--json"], capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f"{path}: exit {out.returncode}: {out.stderr.strip()}")
            continue
        result = json.loads(out.stdout)
        t0 = dt.date.fromisoformat(result["portfolio"]["valuation_date"])
        horizon = dt.date.fromisoformat(result["portfolio"]["horizon_end"])
        items = {i["id"]: i for i in result["items"]}
        for entry in result["accounting"]:
            if "item" not in entry:
                continue
            span = life(portfolio, entry["item"])
            if not span or span[0] < t0 or span[1] > horizon:
                continue
            booked = sum(y["pretax_cost"] for y in entry["years"])
            paid = sum(l["cash"] for l in items[entry["item"]]["lines"] if l["line"] in PRE_TAX_LINES)
            checked += 1
            if abs(booked - paid) > 1e-9 * max(abs(paid), 1.0):
                failures.append(f"{path}: {entry['item']}: books {booked!r}, pays {paid!r} pre-tax")
    for f in failures:
        print(f)
    print(f"{checked} items whose life lies inside the horizon: expense = cash"
          + ("" if not failures else f"; {len(failures)} failures"))
    sys.exit(1 if failures or checked == 0 else 0)


main()
