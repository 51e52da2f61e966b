#!/usr/bin/env python3
"""Hand-computed checks of the demand rules (MODEL.md 8) in model_reference.py.

Tiny portfolios, discount rate 0 (so NPV = cash), flat market (trend 0) unless stated; every expected
number below is worked out by hand in the comments. Run with plain `python3`; exits 1 on a failure.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_reference  # noqa: E402

# A fixed catalog, so the hand numbers do not move with resources/catalog/skus.json.
CATALOG = [
    {"id": "H100", "name": "H100", "perf_index": 1.0, "market_price_per_gpu_hour": 2.35,
     "capex_per_gpu": 25000, "it_kw_per_gpu": 1.3},
    {"id": "B200", "name": "B200", "perf_index": 2.5, "market_price_per_gpu_hour": 3.75,
     "capex_per_gpu": 37500, "it_kw_per_gpu": 1.8},
]
FLAT = {"gpu_price": {"trend_per_year": 0.0, "reversion_per_year": 1.0, "volatility": 0.0}}

failures = []


def check(what, got, want, tol=1e-12):
    ok = got is not None and abs(got - want) <= tol * max(1.0, abs(want))
    print(f"{'ok  ' if ok else 'FAIL'} {what}: {got!r} (hand: {want!r})")
    if not ok:
        failures.append(what)


def contract(cid, gpus, top, start="2027-01-01", end="2027-02-28"):
    return {"id": cid, "name": cid, "provider": "P", "sku": "H100", "start": start, "end": end,
            "tranches": [{"date": start, "gpus": gpus}], "price_per_gpu_hour": 2.0, "take_or_pay": top}


def alt(out, aid):
    return next(a for a in out["alternatives"] if a["id"] == aid)


# ---------------------------------------------------------------------------------------------------
# Case 1: idle capacity billed under take-or-pay. One contract, 100 H100 at $2.00, take_or_pay 0.8,
# Jan + Feb 2027. Demand 50 H100 from a point dated BEFORE t0 (2026-12-01): constant from t0 on.
#   Jan: Q = 31*24*100 = 74400, D = 31*24*50 = 37200, share 0.5 -> billed max(0.8, 0.5) = 0.8:
#        74400 * 2.00 * 0.8 = 119040
#   Feb: Q = 28*24*100 = 67200, D = 33600, share 0.5 -> 67200 * 2.00 * 0.8 = 107520
#   rent NPV = 226560; capacity 141600; used 70800; idle 70800; shortfall 0; LCOC 226560 / 70800 = 3.2
#   spot buys D at 2.35: 70800 * 2.35 = 166380; LCOC 2.35
#   Breakeven demand factor: rent costs 226560 while c*share <= 0.8 (c <= 1.6), spot 166380 c, so
#   f(c) = 226560 - 166380 c crosses 0 at c = 226560 / 166380 = 1.36170... (< 1.6); f(0) > 0, and for
#   c >= 2 f = 283200 + 2.35 (70800 c - 141600) - 166380 c = -49560 < 0, so f(10) < 0: a value.
# ---------------------------------------------------------------------------------------------------
p1 = {"valuation_date": "2027-01-01", "assumptions": {"discount_rate": 0.0, "horizon_end": "2027-02-28"},
      "contracts": [contract("c", 100, 0.8)], "alternatives": [{"id": "rent", "name": "Rent", "items": ["c"]}],
      "demand": {"sku": "H100", "curve": [{"date": "2026-12-01", "gpus": 50}]}, "market": FLAT}
o1 = model_reference.evaluate(p1, CATALOG)
r1, s1 = alt(o1, "rent"), alt(o1, "spot")
check("case 1 rent npv (take-or-pay on idle)", r1["npv_cost"], 119040 + 107520)
check("case 1 rent item_costs npv", r1["item_costs"][0]["npv_cost"], 226560)
check("case 1 rent capacity", r1["demand"]["capacity_h100_hours"], 141600)
check("case 1 rent used capacity", r1["demand"]["used_capacity_h100_hours"], 70800)
check("case 1 rent idle", r1["demand"]["idle_h100_hours"], 70800)
check("case 1 rent shortfall", r1["demand"]["shortfall_h100_hours"], 0)
check("case 1 rent lcoc", r1["lcoc"], 3.2)
check("case 1 used_h100_hours", r1["used_h100_hours"], 70800)
check("case 1 spot npv", s1["npv_cost"], 166380)
check("case 1 spot lcoc", s1["lcoc"], 2.35)
b1 = o1["breakeven_demand_factor"][0]
print(f"     case 1 breakeven demand factor: {b1}")
if b1["outcome"] != "value":
    failures.append("case 1 breakeven outcome")
check("case 1 breakeven demand factor", b1["factor"], 226560 / 166380, tol=1e-6)
# The standalone item keeps its utilization-curve figures: no curve = 1.0, so billed in full.
check("case 1 standalone item npv", o1["items"][0]["npv_cost"], (74400 + 67200) * 2.0)

# ---------------------------------------------------------------------------------------------------
# Case 2: shortfall at spot, tax, a B200 demand (perf 2.5) met by H100s, a next-generation jump.
# Same contract (take_or_pay 0.8, Jan + Feb 2027), tax 0.2. Demand 60 B200 = 150 H100-equivalent.
# Market trend -12%/yr; launch_mode 2027-01-20, drop 0.2..0.4 (midpoint 0.3, J = ln 0.7).
#   X_0 = 0; t_1 = 1/12 >= t(launch) = 19/365, m_0 = 0, so X_1 = m_1 = -0.12/12 + ln 0.7.
#   price per H100-eq hour: 3.75 / 2.5 = 1.5 in Jan, 1.5 * 0.7 * e^-0.01 = 1.05 e^-0.01 in Feb.
#   Jan: Q = 74400, D = 31*24*150 = 111600, share 1, bill 74400*2 = 148800, cost 0.8*148800 = 119040;
#        shortfall 37200, cost 0.8 * 37200 * 1.5 = 44640
#   Feb: Q = 67200, D = 100800, bill 134400, cost 107520; shortfall 33600, cost 0.8*33600*1.05 e^-0.01
#        = 28224 e^-0.01
#   spot: 0.8 * (111600 * 1.5 + 100800 * 1.05 e^-0.01) = 133920 + 84672 e^-0.01
#   breakeven price factor rent vs spot: priced_a = 119040 + 107520 = 226560 (rent's contract, as costed)
#        x = (NPV_spot - (NPV_rent - 226560)) / 226560
# ---------------------------------------------------------------------------------------------------
p2 = {"valuation_date": "2027-01-01",
      "assumptions": {"discount_rate": 0.0, "tax_rate": 0.2, "horizon_end": "2027-02-28"},
      "contracts": [contract("c", 100, 0.8)], "alternatives": [{"id": "rent", "name": "Rent", "items": ["c"]}],
      "demand": {"sku": "B200", "curve": [{"date": "2027-01-01", "gpus": 60}]},
      "market": {"gpu_price": {"trend_per_year": -0.12, "reversion_per_year": 1.0, "volatility": 0.3},
                 "next_generation": {"launch_earliest": "2027-01-10", "launch_mode": "2027-01-20",
                                     "launch_latest": "2027-02-10", "price_drop_min": 0.2, "price_drop_max": 0.4}}}
o2 = model_reference.evaluate(p2, CATALOG)
r2, s2 = alt(o2, "rent"), alt(o2, "spot")
e = math.exp(-0.01)
rent2 = 119040 + 44640 + 107520 + 28224 * e
spot2 = 133920 + 84672 * e
check("case 2 rent npv (contract + shortfall x price, after tax)", r2["npv_cost"], rent2)
check("case 2 rent annual cash 2027", r2["annual_cash"][0], rent2)
check("case 2 rent shortfall", r2["demand"]["shortfall_h100_hours"], 37200 + 33600)
check("case 2 demand hours (B200 x 2.5)", r2["demand"]["demand_h100_hours"], 111600 + 100800)
check("case 2 spot npv", s2["npv_cost"], spot2)
check("case 2 spot lcoc", s2["lcoc"], spot2 / (111600 + 100800))
c2 = o2["comparisons"][0]
check("case 2 breakeven price factor", c2["breakeven_price_factor"], (spot2 - (rent2 - 226560)) / 226560)
if c2.get("capacity_matched") is not True:
    failures.append("case 2 capacity_matched")

# ---------------------------------------------------------------------------------------------------
# Case 3: a fleet's power follows its alternative's share; one fleet in two alternatives.
# Fleet: 100 H100, it_kw 1.0, pue 1.0, $100/MWh, idle_power_fraction 0.4, capex $20000 at t0,
# end 2028-12-31 (after the one-month horizon, Jan 2027), no colocation/opex, tax 0.
# Contract: 100 H100 at $2.00, take_or_pay 0, Jan 2027. Demand 25 H100: D = 744 * 25 = 18600.
#   "solo" = [fleet]: Q = 74400, share 0.25; energy 0.1 MW * 744 h * (0.4 + 0.6*0.25) = 40.92 MWh
#          -> power 4092; NPV = 2,000,000 + 4092
#   "both" = [fleet, contract]: Q = 148800, share 0.125; energy 0.1 * 744 * 0.475 = 35.34 MWh -> 3534;
#          contract billed 0.125 * 74400 * 2.00 = 18600; NPV = 2,000,000 + 3534 + 18600
#   standalone fleet (no curve, u = 1): energy 74.4 MWh -> 7440
# ---------------------------------------------------------------------------------------------------
p3 = {"valuation_date": "2027-01-01", "assumptions": {"discount_rate": 0.0, "horizon_end": "2027-01-31"},
      "contracts": [contract("c", 100, 0.0, end="2027-01-31")],
      "fleets": [{"id": "f", "name": "f", "sku": "H100", "gpus": 100, "in_service": "2027-01-01",
                  "end": "2028-12-31", "capex_per_gpu": 20000, "it_kw_per_gpu": 1.0, "pue": 1.0,
                  "power_price_per_mwh": 100, "power_escalator": 0.0, "idle_power_fraction": 0.4,
                  "book_depreciation": {"method": "straight_line", "life_years": 2},
                  "tax_depreciation": {"method": "straight_line", "life_years": 2}}],
      "alternatives": [{"id": "solo", "name": "Solo", "items": ["f"]},
                       {"id": "both", "name": "Both", "items": ["f", "c"]}],
      "demand": {"sku": "H100", "curve": [{"date": "2027-01-01", "gpus": 25}]}, "market": FLAT}
o3 = model_reference.evaluate(p3, CATALOG)
solo, both = alt(o3, "solo"), alt(o3, "both")
check("case 3 solo npv (power at share 0.25)", solo["npv_cost"], 2_000_000 + 4092)
check("case 3 both: fleet at share 0.125", both["item_costs"][0]["npv_cost"], 2_000_000 + 3534)
check("case 3 both: contract at share 0.125", both["item_costs"][1]["npv_cost"], 18600)
check("case 3 both npv", both["npv_cost"], 2_000_000 + 3534 + 18600)
check("case 3 both idle", both["demand"]["idle_h100_hours"], 148800 - 18600)
fleet_item = next(i for i in o3["items"] if i["id"] == "f")
check("case 3 standalone fleet npv (u = 1)", fleet_item["npv_cost"], 2_000_000 + 7440)

# Without a demand none of the new keys appears.
p4 = {k: v for k, v in p3.items() if k != "demand"}
o4 = model_reference.evaluate(p4, CATALOG)
extra = [k for k in ("breakeven_demand_factor",) if k in o4]
extra += [f"alternatives.{a['id']}.{k}" for a in o4["alternatives"]
          for k in ("demand", "item_costs", "used_h100_hours") if k in a]
extra += [f"comparisons.capacity_matched" for c in o4["comparisons"] if "capacity_matched" in c]
print(f"{'ok  ' if not extra else 'FAIL'} no demand keys without a demand {extra}")
if extra:
    failures.append("keys without a demand")

if failures:
    print(f"{len(failures)} check(s) failed: {', '.join(failures)}")
    sys.exit(1)
print("all demand checks passed")
