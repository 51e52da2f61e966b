#!/usr/bin/env python3
"""Hand-computed checks of the accounting view and ASC 842 leases (MODEL.md 9, with the readings of
docs/model.md) in model_reference.py.

Tiny portfolios on a flat market (trend 0); every expected number below is worked out by hand in the
comments or by a closed form that does not go through the reference's own recursions (annuity sums,
day counts). Run with plain `python3`; exits 1 on a failure.
"""
import copy
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


def check_true(what, cond):
    print(f"{'ok  ' if cond else 'FAIL'} {what}")
    if not cond:
        failures.append(what)


def contract(cid, gpus, price, start, end, top=1.0, lease=None, **kw):
    c = {"id": cid, "name": cid, "provider": "P", "sku": "H100", "start": start, "end": end,
         "tranches": [{"date": start, "gpus": gpus}], "price_per_gpu_hour": price, "take_or_pay": top}
    if lease:
        c["lease"] = {"classification": lease[0], "incremental_borrowing_rate": lease[1]}
    c.update(kw)
    return c


def portfolio(t0, horizon, contracts=(), fleets=(), fy=12, tax=0.0, **kw):
    p = {"valuation_date": t0,
         "assumptions": {"discount_rate": 0.0, "tax_rate": tax, "horizon_end": horizon,
                         "fiscal_year_end_month": fy},
         "contracts": list(contracts), "fleets": list(fleets), "market": FLAT}
    p.update(kw)
    return p


def acct(out, item=None, alternative=None):
    for a in out["accounting"]:
        if (item is not None and a.get("item") == item) or (alternative is not None
                                                            and a.get("alternative") == alternative):
            return {y["year"]: y for y in a["years"]}
    raise KeyError(item or alternative)


def lease(out, cid):
    return next(x for x in out["leases"] if x["contract"] == cid)


# ---------------------------------------------------------------------------------------------------
# Case 1: a flat operating lease. 100 H100 at $1.00, Jan-Mar 2027, take-or-pay 1, IBR 12%, t0 =
# 2027-01-01, fiscal years ending in February (FY2027 = Jan + Feb 2027, FY2028 = Mar 2027), tax 25%.
#   F = 2400/day: Jan 74400, Feb 67200, Mar 74400; total 216000 = the payments (no prepayment).
#   j = 1.12^(1/12) - 1; L0 = 74400/(1+j) + 67200/(1+j)^2 + 74400/(1+j)^3; ROU0 = L0.
#   Straight-line: 216000 x days / 90 days = 2400 a day = the payments, so ROU = liability at every
#   period end: after Feb both are 74400/(1+j) (one payment left, one month away).
#   FY2027: cost 141600, tax -35400, net -106200; FY2028: cost 74400; balances at FY2028 end 0.
#   Schedule: FY2027 interest = 141600 - (L0 - 74400/(1+j)); FY2028 interest = 74400 j / (1+j).
# ---------------------------------------------------------------------------------------------------
j12 = 1.12 ** (1 / 12) - 1
L0_1 = 74400 / (1 + j12) + 67200 / (1 + j12) ** 2 + 74400 / (1 + j12) ** 3
p1 = portfolio("2027-01-01", "2027-03-31", fy=2, tax=0.25,
               contracts=[contract("op", 100, 1.0, "2027-01-01", "2027-03-31", lease=("operating", 0.12))])
o1 = model_reference.evaluate(p1, CATALOG)
a1, l1 = acct(o1, item="op"), lease(o1, "op")
check("case 1 liability at measurement (annuity of the three payments)", l1["liability_at_measurement"], L0_1)
check("case 1 ROU at measurement = liability (no prepayment)", l1["rou_asset_at_measurement"], L0_1)
check("case 1 measured at the start", float(l1["measured_at"] == "2027-01-01"), 1.0)
check("case 1 FY2027 operating lease cost (2400/day x 59 days)", a1[2027]["operating_lease_cost"], 141600)
check("case 1 FY2028 operating lease cost (2400/day x 31 days)", a1[2028]["operating_lease_cost"], 74400)
check("case 1 FY2027 no interest line for an operating lease", a1[2027]["interest"], 0.0)
check("case 1 FY2027 ebitda_cost", a1[2027]["ebitda_cost"], 141600)
check("case 1 FY2027 income tax", a1[2027]["income_tax"], -35400)
check("case 1 FY2027 net income impact", a1[2027]["net_income_impact"], -106200)
check("case 1 FY2027 year-end liability (one payment left)", a1[2027]["lease_liability"], 74400 / (1 + j12))
check("case 1 FY2027 year-end ROU = liability (flat lease)", a1[2027]["rou_asset"], 74400 / (1 + j12))
check("case 1 FY2028 year-end ROU", a1[2028]["rou_asset"], 0.0)
check("case 1 FY2028 year-end liability", a1[2028]["lease_liability"], 0.0)
y1 = {y["year"]: y for y in l1["years"]}
check("case 1 schedule FY2027 interest", y1[2027]["interest"], 141600 - (L0_1 - 74400 / (1 + j12)), tol=1e-10)
check("case 1 schedule FY2028 interest", y1[2028]["interest"], 74400 * j12 / (1 + j12), tol=1e-10)
check("case 1 schedule FY2028 opening", y1[2028]["opening_liability"], 74400 / (1 + j12))
check("case 1 schedule FY2027 payment", y1[2027]["payment"], 141600)
check("case 1 schedule FY2027 straight-line cost", y1[2027]["straight_line_cost"], 141600)
check("case 1 schedule amortization 0 (operating)", y1[2027]["amortization"], 0.0)
check("case 1 schedule: the last payment pays the liability off (opening + interest = payment)",
      y1[2028]["opening_liability"] + y1[2028]["interest"], y1[2028]["payment"])
check("case 1 maturity total", l1["maturity"]["total"], 216000)
check("case 1 maturity imputed interest", l1["maturity"]["imputed_interest"], 216000 - L0_1, tol=1e-10)
check("case 1 maturity FY2027", l1["maturity"]["years"][0]["payment"], 141600)

# ---------------------------------------------------------------------------------------------------
# Case 2: an escalating operating lease. 10 H100 at $1.00, 2027-01-01 .. 2028-12-31, escalator 10%:
# 240 a day in 2027 (365 days: 87600), 264 a day in 2028 (366 days: 96624); total 184224, A = 731.
#   Straight-line cost = 184224/731 a day whatever the rate: 2027 184224 x 365/731, 2028 184224 x 366/731.
#   IBR 0: liability = the payments left; at the end of 2027 L = 96624 and ROU = L + paid - expensed
#   = 184224 - 184224 x 365/731 = 184224 x 366/731 (the cost still to come).
#   IBR 8%: the same straight-line cost; L at the end of 2027 = sum over the 2028 months m = 1..12 of
#   264 x days_m x (1+j)^-m; ROU = that + 87600 - 184224 x 365/731.
# ---------------------------------------------------------------------------------------------------
days2028 = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
for rate in (0.0, 0.08):
    p2 = portfolio("2027-01-01", "2028-12-31", contracts=[
        contract("esc", 10, 1.0, "2027-01-01", "2028-12-31", lease=("operating", rate), escalator=0.10)])
    o2 = model_reference.evaluate(p2, CATALOG)
    a2, l2 = acct(o2, item="esc"), lease(o2, "esc")
    sl27, sl28 = 184224 * 365 / 731, 184224 * 366 / 731
    check(f"case 2 (IBR {rate}) 2027 straight-line cost", a2[2027]["operating_lease_cost"], sl27, tol=1e-11)
    check(f"case 2 (IBR {rate}) 2028 straight-line cost", a2[2028]["operating_lease_cost"], sl28, tol=1e-11)
    check(f"case 2 (IBR {rate}) cost per active day equal across years",
          a2[2027]["operating_lease_cost"] / 365 - a2[2028]["operating_lease_cost"] / 366, 0.0, tol=1e-11)
    y2 = {y["year"]: y for y in l2["years"]}
    check(f"case 2 (IBR {rate}) 2027 payments (240/day)", y2[2027]["payment"], 87600)
    check(f"case 2 (IBR {rate}) 2028 payments (264/day)", y2[2028]["payment"], 96624)
    j = 1.08 ** (1 / 12) - 1 if rate else 0.0
    L27 = sum(264 * d * (1 + j) ** -(m + 1) for m, d in enumerate(days2028))
    check(f"case 2 (IBR {rate}) liability at the end of 2027", a2[2027]["lease_liability"], L27, tol=1e-11)
    check(f"case 2 (IBR {rate}) ROU at the end of 2027", a2[2027]["rou_asset"], L27 + 87600 - sl27, tol=1e-11)
    if rate == 0.0:
        check("case 2 (IBR 0) ROU at the end of 2027 = the cost still to come", a2[2027]["rou_asset"], sl28,
              tol=1e-11)
        check("case 2 (IBR 0) liability = payments left", a2[2027]["lease_liability"], 96624, tol=1e-12)
        check("case 2 (IBR 0) no imputed interest", l2["maturity"]["imputed_interest"], 0.0)
check_true("case 2 straight-line smooths: 2027 cost above its payments",
           a2[2027]["operating_lease_cost"] > y2[2027]["payment"] + 4000)

# ---------------------------------------------------------------------------------------------------
# Case 3: a finance lease with a prepayment. Case 1's contract (100 H100 at $1, Jan-Mar 2027,
# TCV 216000), finance, IBR 12%, prepayment 10% (21600, paid on 2027-01-01), fiscal years ending Feb.
#   P = 0.9 F: 66960, 60480, 66960 (total 194400); L0 = their annuity; ROU0 = L0 + 21600.
#   Amortization = ROU0 x days/90: FY2027 ROU0 x 59/90, FY2028 ROU0 x 31/90; ROU at FY2027 end ROU0 x 31/90.
#   Interest over the life = 194400 - L0; interest + amortization = 194400 + 21600 = 216000 = the cash
#   (prepayment + payments): expense = cash. Liability at FY2027 end 66960/(1+j).
# ---------------------------------------------------------------------------------------------------
L0_3 = 66960 / (1 + j12) + 60480 / (1 + j12) ** 2 + 66960 / (1 + j12) ** 3
p3 = portfolio("2027-01-01", "2027-03-31", fy=2, contracts=[
    contract("fin", 100, 1.0, "2027-01-01", "2027-03-31", lease=("finance", 0.12), prepayment=0.1,
             payment_terms_days=30)])
o3 = model_reference.evaluate(p3, CATALOG)
a3, l3 = acct(o3, item="fin"), lease(o3, "fin")
R0 = L0_3 + 21600
check("case 3 liability at measurement", l3["liability_at_measurement"], L0_3)
check("case 3 prepaid at measurement", l3["prepaid_at_measurement"], 21600)
check("case 3 ROU at measurement = L0 + prepaid", l3["rou_asset_at_measurement"], R0)
check("case 3 FY2027 amortization", a3[2027]["lease_amortization"], R0 * 59 / 90)
check("case 3 FY2028 amortization", a3[2028]["lease_amortization"], R0 * 31 / 90, tol=1e-11)
check("case 3 FY2027 ROU at year end", a3[2027]["rou_asset"], R0 * 31 / 90, tol=1e-11)
check("case 3 FY2027 liability at year end", a3[2027]["lease_liability"], 66960 / (1 + j12))
check("case 3 FY2027 interest (j L0 + j L1)", a3[2027]["interest"],
      j12 * L0_3 + j12 * (L0_3 * (1 + j12) - 66960), tol=1e-11)
check("case 3 FY2027 ebitda 0 (no variable payments)", a3[2027]["ebitda_cost"], 0.0)
check("case 3 FY2027 prepaid_balance line 0 (inside the ROU)", a3[2027]["prepaid_balance"], 0.0)
check("case 3 FY2027 operating_cost = amortization", a3[2027]["operating_cost"], R0 * 59 / 90)
life3 = sum(y["interest"] + y["lease_amortization"] for y in a3.values())
check("case 3 interest + amortization = payments + prepaid = 216000", life3, 216000, tol=1e-11)
check("case 3 total pre-tax cost = cash (prepayment + payments)", sum(y["pretax_cost"] for y in a3.values()),
      o3["items"][0]["total_cash"], tol=1e-11)
y3 = {y["year"]: y for y in l3["years"]}
check("case 3 schedule: the last payment pays the liability off (opening + interest = payment)",
      y3[2028]["opening_liability"] + y3[2028]["interest"], y3[2028]["payment"])
check("case 3 schedule amortization FY2027", y3[2027]["amortization"], R0 * 59 / 90)
check("case 3 schedule straight_line_cost 0 (finance)", y3[2027]["straight_line_cost"], 0.0)

# ---------------------------------------------------------------------------------------------------
# Case 4: a lease begun before the valuation date. 100 H100 at $1, 2026-11-01 .. 2027-02-28 (120 days,
# TCV 288000), prepayment 20% (57600, paid 2026-11-01, sunk), finance, IBR 0; t0 = 2027-01-01.
#   Measured at t0 on what is left: prepaid at m0 = 0.2 x (288000 - 2400 x 61) = 28320;
#   P = 0.8 F: Jan 59520, Feb 53760; L0 = 113280 (IBR 0); ROU0 = 141600.
#   Amortization Jan 141600 x 31/59 = 74400, Feb 67200; no interest at 0%.
#   Expense in the horizon 141600 > cash 113280: the prepaid part was paid before t0.
#   Fiscal years ending January: FY2027 = Jan 2027, FY2028 = Feb 2027.
# The same contract as a service contract: service cost = 0.8 B + 0.2 F = F: 74400, 67200; its
#   prepaid balance at the end of Jan = 0.2 x (288000 - 2400 x 92) = 13440, at the end of Feb 0.
# ---------------------------------------------------------------------------------------------------
p4 = portfolio("2027-01-01", "2027-02-28", fy=1, contracts=[
    contract("old", 100, 1.0, "2026-11-01", "2027-02-28", lease=("finance", 0.0), prepayment=0.2),
    contract("svc", 100, 1.0, "2026-11-01", "2027-02-28", prepayment=0.2)])
o4 = model_reference.evaluate(p4, CATALOG)
a4, l4, s4 = acct(o4, item="old"), lease(o4, "old"), acct(o4, item="svc")
check_true("case 4 measured at t0", l4["measured_at"] == "2027-01-01")
check("case 4 prepaid at measurement", l4["prepaid_at_measurement"], 28320)
check("case 4 liability at measurement", l4["liability_at_measurement"], 113280)
check("case 4 ROU at measurement", l4["rou_asset_at_measurement"], 141600)
check("case 4 FY2027 (Jan) amortization", a4[2027]["lease_amortization"], 74400)
check("case 4 FY2028 (Feb) amortization", a4[2028]["lease_amortization"], 67200)
check("case 4 FY2027 ROU at year end", a4[2027]["rou_asset"], 67200)
check("case 4 FY2027 liability at year end", a4[2027]["lease_liability"], 53760)
check("case 4 no interest at 0%", a4[2027]["interest"] + a4[2028]["interest"], 0.0)
check("case 4 cash in the horizon (prepayment sunk)", o4["items"][0]["total_cash"], 113280)
check("case 4 service cost Jan", s4[2027]["service_cost"], 74400)
check("case 4 service cost Feb", s4[2028]["service_cost"], 67200)
check("case 4 service prepaid balance end of Jan", s4[2027]["prepaid_balance"], 13440)
check("case 4 service prepaid balance end of Feb", s4[2028]["prepaid_balance"], 0.0)
check("case 4 maturity: only the remaining payments", l4["maturity"]["total"], 113280)

# ---------------------------------------------------------------------------------------------------
# Case 5: a prepaid service contract that starts after t0, take-or-pay 0.5, payment terms 30 days
# (accrual ignores them). 100 H100 at $1, 2027-02-01 .. 2027-03-31 (TCV 141600), prepayment 25%
# (35400 on 2027-02-01); utilization 0.4 in Feb, 0.6 in Mar; t0 = 2027-01-01.
#   F: Jan 0, Feb 67200, Mar 74400; B: Feb 67200 x 0.5 = 33600, Mar 74400 x 0.6 = 44640.
#   Service cost: Feb 0.75 x 33600 + 0.25 x 67200 = 42000; Mar 0.75 x 44640 + 0.25 x 74400 = 52080.
#   Cash: 35400 + 0.75 x (33600 + 44640) = 94080 = 42000 + 52080.
#   Prepaid balance: end of Jan 0 (not yet paid), end of Feb 0.25 x (141600 - 67200) = 18600, end of Mar 0.
#   Fiscal years ending Feb: FY2027 = Jan + Feb, FY2028 = Mar; ending Jan: FY2027 = Jan alone.
# ---------------------------------------------------------------------------------------------------
util5 = [{"date": "2027-01-01", "value": 0.4}, {"date": "2027-03-01", "value": 0.6}]
for fy in (2, 1):
    p5 = portfolio("2027-01-01", "2027-03-31", fy=fy, utilization=util5, contracts=[
        contract("svc", 100, 1.0, "2027-02-01", "2027-03-31", top=0.5, prepayment=0.25, payment_terms_days=30)])
    o5 = model_reference.evaluate(p5, CATALOG)
    a5 = acct(o5, item="svc")
    if fy == 2:
        check("case 5 FY2027 service cost (Feb)", a5[2027]["service_cost"], 42000)
        check("case 5 FY2028 service cost (Mar)", a5[2028]["service_cost"], 52080)
        check("case 5 prepaid balance at the end of Feb", a5[2027]["prepaid_balance"], 18600)
        check("case 5 prepaid balance at the end of Mar", a5[2028]["prepaid_balance"], 0.0)
        check("case 5 expense = cash", a5[2027]["pretax_cost"] + a5[2028]["pretax_cost"],
              o5["items"][0]["total_cash"], tol=1e-12)
        check("case 5 cash (hand)", o5["items"][0]["total_cash"], 94080)
    else:
        check("case 5 prepaid balance at the end of Jan (not yet paid)", a5[2027]["prepaid_balance"], 0.0)
        check("case 5 FY2028 (Feb + Mar) service cost", a5[2028]["service_cost"], 94080)

# ---------------------------------------------------------------------------------------------------
# Case 6: take-or-pay 0.8 with variable payments. 100 H100 at $1, Jan-Feb 2027, IBR 0, no prepayment;
# utilization 0.5 in Jan (below: billed at 0.8), 0.9 in Feb (above). Fiscal years ending Jan.
#   F: 74400, 67200; P = 0.8 F: 59520, 53760 (total 113280); straight-line 113280 x days/59 = P.
#   Variable: Jan 0; Feb (0.9 - 0.8) x 67200 = 6720.
#   Operating: cost Jan 59520, Feb 53760 + 6720 = 60480; total 120000 = the bills (cash).
#   Finance: variable_lease_cost Feb 6720 (EBITDA), amortization 59520 / 53760 (not EBITDA).
# ---------------------------------------------------------------------------------------------------
util6 = [{"date": "2027-01-01", "value": 0.5}, {"date": "2027-02-01", "value": 0.9}]
for cls in ("operating", "finance"):
    p6 = portfolio("2027-01-01", "2027-02-28", fy=1, utilization=util6, contracts=[
        contract("top", 100, 1.0, "2027-01-01", "2027-02-28", top=0.8, lease=(cls, 0.0))])
    o6 = model_reference.evaluate(p6, CATALOG)
    a6 = acct(o6, item="top")
    if cls == "operating":
        check("case 6 operating: Jan cost (take-or-pay only)", a6[2027]["operating_lease_cost"], 59520)
        check("case 6 operating: Feb cost (straight line + 6720 variable)", a6[2028]["operating_lease_cost"],
              60480)
        check("case 6 operating: no variable_lease_cost line", a6[2028]["variable_lease_cost"], 0.0)
    else:
        check("case 6 finance: Feb variable lease cost", a6[2028]["variable_lease_cost"], 6720)
        check("case 6 finance: Jan variable lease cost", a6[2027]["variable_lease_cost"], 0.0)
        check("case 6 finance: Feb ebitda = variable only", a6[2028]["ebitda_cost"], 6720)
        check("case 6 finance: Jan amortization", a6[2027]["lease_amortization"], 59520)
        check("case 6 finance: Feb operating cost", a6[2028]["operating_cost"], 53760 + 6720)
    check(f"case 6 {cls}: expense = cash = 120000", a6[2027]["pretax_cost"] + a6[2028]["pretax_cost"], 120000)
    check(f"case 6 {cls}: cash", o6["items"][0]["total_cash"], 120000)

# ---------------------------------------------------------------------------------------------------
# Case 7: the horizon clips a lease's last period (docs/model.md: the fixed part is the whole period's,
# the variable part stops at the horizon). t0 = 2027-01-15, horizon 2027-02-28; 10 H100 at $1
# (240 a day), 2027-01-15 .. 2027-04-14: periods [01-15, 02-15) 31 days, [02-15, 03-15) 28 days (14 in
# the horizon), [03-15, 04-15) 31 days. Operating, IBR 0, take-or-pay 0.5, no utilization curve (u = 1).
#   F (whole periods) 7440, 6720, 7440; P = 0.5 F: 3720, 3360, 3720 (total 10800); straight line =
#   10800 x days/90 = P. Variable (u = 1): 0.5 x 240 x days in the horizon: 3720, then 0.5 x 240 x 14 = 1680.
#   FY2027 (year ending Feb: both horizon periods): cost 3720 + 3720 + 3360 + 1680 = 12480.
#   Year-end balances after period 1: liability 3720 (one payment left), ROU 3720.
#   Schedule past the horizon: FY2028 (the period from 03-15): opening 3720, payment 3720, closing 0.
# ---------------------------------------------------------------------------------------------------
p7 = portfolio("2027-01-15", "2027-02-28", fy=2, contracts=[
    contract("clip", 10, 1.0, "2027-01-15", "2027-04-14", top=0.5, lease=("operating", 0.0))])
o7 = model_reference.evaluate(p7, CATALOG)
a7, l7 = acct(o7, item="clip"), lease(o7, "clip")
check("case 7 one accounting row (the horizon's)", float(len(a7)), 1.0)
check("case 7 FY2027 operating lease cost", a7[2027]["operating_lease_cost"], 12480)
check("case 7 FY2027 liability at year end", a7[2027]["lease_liability"], 3720)
check("case 7 FY2027 ROU at year end", a7[2027]["rou_asset"], 3720)
y7 = {y["year"]: y for y in l7["years"]}
check("case 7 schedule rows run past the horizon", float(len(y7)), 2.0)
check("case 7 schedule FY2027 straight-line (whole periods)", y7[2027]["straight_line_cost"], 7080)
check("case 7 schedule FY2028 opening", y7[2028]["opening_liability"], 3720)
check("case 7 schedule FY2028 payment", y7[2028]["payment"], 3720)
check("case 7 maturity total", l7["maturity"]["total"], 10800)

# ---------------------------------------------------------------------------------------------------
# Case 8: a fleet: running costs, book depreciation, disposal loss, deferred tax (MACRS 5 tax, straight
# line book). 10 H100, capex 12000 (Bc 120000), in service 2027-01-01, sold 2027-12-31, t0 = 2027-01-01;
# it_kw 1, pue 1, $100/MWh, idle fraction 1; colocation $10/kW-month (100/month), opex 12%/yr
# (1200/month); residual 40% (R 48000); book straight line 2 years (5000/month); tax 21%; fiscal
# years ending June: FY2027 = Jan-Jun 2027 (181 days), FY2028 = Jul-Dec 2027 (184 days).
#   Power: 10 kW x 24 h x days / 1000 x 100 = 24 a day: FY2027 4344, FY2028 4416.
#   Book depreciation 30000 a fiscal year; NBV book at FY2027 end 90000; sold after Dec: NBV 60000,
#   disposal loss 60000 - 48000 = 12000 (FY2028), NBV 0 after the sale.
#   MACRS 5, tax year 1 = FY2027: 20% x 120000 = 24000 over Jan-Jun, NBV tax 96000 at FY2027 end:
#   deferred tax = 0.21 x (90000 - 96000) = -1260 (an asset). FY2028: nothing held at the year end: 0.
#   Life: expense 4344 + 4416 + 1200 + 14400 + 60000 + 12000 = 96360 = capex + running - resale
#   = 120000 + (8760 + 1200 + 14400) - 48000.
# ---------------------------------------------------------------------------------------------------
fleet8 = {"id": "f", "name": "f", "sku": "H100", "gpus": 10, "in_service": "2027-01-01", "end": "2027-12-31",
          "capex_per_gpu": 12000, "it_kw_per_gpu": 1.0, "pue": 1.0, "power_price_per_mwh": 100,
          "power_escalator": 0.0, "colocation_per_kw_month": 10, "opex_fraction_per_year": 0.12,
          "residual_fraction": 0.4, "book_depreciation": {"method": "straight_line", "life_years": 2},
          "tax_depreciation": {"method": "macrs_5"}}
p8 = portfolio("2027-01-01", "2027-12-31", fy=6, tax=0.21, fleets=[fleet8])
o8 = model_reference.evaluate(p8, CATALOG)
a8 = acct(o8, item="f")
check("case 8 FY2027 power", a8[2027]["power"], 4344, tol=1e-11)
check("case 8 FY2028 power", a8[2028]["power"], 4416, tol=1e-11)
check("case 8 FY2027 colocation", a8[2027]["colocation"], 600)
check("case 8 FY2027 opex", a8[2027]["opex"], 7200)
check("case 8 FY2027 depreciation", a8[2027]["depreciation"], 30000)
check("case 8 FY2028 disposal loss", a8[2028]["disposal_loss"], 12000)
check("case 8 FY2027 disposal loss none", a8[2027]["disposal_loss"], 0.0)
check("case 8 FY2027 NBV book", a8[2027]["nbv_book"], 90000)
check("case 8 FY2028 NBV book after the sale", a8[2028]["nbv_book"], 0.0)
check("case 8 FY2027 deferred tax (book below tax: an asset)", a8[2027]["deferred_tax_liability"], -1260)
check("case 8 FY2028 deferred tax", a8[2028]["deferred_tax_liability"], 0.0)
check("case 8 FY2027 ebitda (power + colocation + opex)", a8[2027]["ebitda_cost"], 4344 + 600 + 7200, tol=1e-11)
check("case 8 FY2028 operating cost", a8[2028]["operating_cost"], 4416 + 600 + 7200 + 30000 + 12000, tol=1e-11)
check("case 8 FY2028 income tax", a8[2028]["income_tax"], -0.21 * 54216, tol=1e-11)
check("case 8 life: expense = capex + running - resale", sum(y["pretax_cost"] for y in a8.values()), 96360,
      tol=1e-11)

# ---------------------------------------------------------------------------------------------------
# Case 9: an alternative on a demand (MODEL.md 8): its lease's variable payments at the used share,
# its shortfall in `spot`; the spot alternative's view is its purchases, pre-tax. Operating lease
# 100 H100 at $2, Jan-Feb 2027, take-or-pay 0.8, IBR 0; demand 50 GPUs in Jan, 150 from Feb; H100 at
# $2.35 on a flat market; tax 25% (the accounting lines stay pre-tax).
#   F: 148800, 134400; P = 0.8 F: 119040, 107520 = straight line (per day, no prepayment).
#   Jan: share 0.5 < 0.8, no variable; Feb: share 1: variable 0.2 x 134400 = 26880;
#   shortfall Feb: 50 x 24 x 28 = 33600 h x 2.35 = 78960.
#   rent 2027: operating lease cost 253440, spot 78960, ebitda 332400.
#   spot: (50 x 744 + 150 x 672) = 138000 h x 2.35 = 324300.
#   The standalone item (no curve: u = 1): operating lease cost = F = 283200.
# ---------------------------------------------------------------------------------------------------
p9 = portfolio("2027-01-01", "2027-02-28", tax=0.25, contracts=[
    contract("op", 100, 2.0, "2027-01-01", "2027-02-28", top=0.8, lease=("operating", 0.0))],
    alternatives=[{"id": "rent", "name": "Rent", "items": ["op"]}],
    demand={"sku": "H100", "curve": [{"date": "2027-01-01", "gpus": 50}, {"date": "2027-02-01", "gpus": 150}]})
o9 = model_reference.evaluate(p9, CATALOG)
r9, s9, i9 = acct(o9, alternative="rent"), acct(o9, alternative="spot"), acct(o9, item="op")
check("case 9 rent operating lease cost", r9[2027]["operating_lease_cost"], 253440)
check("case 9 rent spot (shortfall, pre-tax)", r9[2027]["spot"], 78960, tol=1e-11)
check("case 9 rent ebitda", r9[2027]["ebitda_cost"], 332400, tol=1e-11)
check("case 9 spot alternative's spot line", s9[2027]["spot"], 324300, tol=1e-11)
check("case 9 spot net income impact", s9[2027]["net_income_impact"], -0.75 * 324300, tol=1e-11)
check("case 9 standalone item at u = 1", i9[2027]["operating_lease_cost"], 283200)
order9 = [a.get("item", a.get("alternative")) for a in o9["accounting"]]
check_true(f"case 9 accounting order items then alternatives, spot last {order9}", order9 == ["op", "rent", "spot"])

# Without a demand, the spot alternative buys the first alternative's used hours, pre-tax in `spot`:
# case 1's contract used in full: 216000 h x 2.35 = 507600 over FY2027 + FY2028 (141600 h + 74400 h).
s1 = acct(o1, alternative="spot")
check("case 1 spot alternative FY2027 (141600 h x 2.35)", s1[2027]["spot"], 141600 * 2.35, tol=1e-11)
check("case 1 spot alternative FY2028 (74400 h x 2.35)", s1[2028]["spot"], 74400 * 2.35, tol=1e-11)

# ---------------------------------------------------------------------------------------------------
# Case 10: total expense = total cash for every item whose whole life lies inside the horizon. A mixed
# portfolio on a mid-month valuation date with June fiscal years, escalators, tranches, take-or-pay,
# prepayments, payment terms, fleets sold at a loss and at a gain. Pre-tax cash is the items'
# `total_cash` of the same portfolio at tax 0 (the cash code, not the accounting code); the pre-tax
# accounting lines do not depend on the tax rate, so they are taken at 21%.
# ---------------------------------------------------------------------------------------------------
util10 = [{"date": "2026-03-01", "value": 0.6}, {"date": "2026-11-01", "value": 0.95},
          {"date": "2027-08-01", "value": 0.7}]
p10 = portfolio("2026-03-15", "2029-06-30", fy=6, tax=0.21, utilization=util10, contracts=[
    contract("op", 300, 2.2, "2026-04-20", "2028-04-19", top=0.8, lease=("operating", 0.07), escalator=0.05,
             prepayment=0.1, payment_terms_days=30,
             tranches=[{"date": "2026-04-20", "gpus": 300}, {"date": "2027-01-10", "gpus": 500}]),
    contract("fin", 200, 3.1, "2026-03-15", "2028-09-30", top=0.75, lease=("finance", 0.09), escalator=0.02,
             prepayment=0.15, payment_terms_days=45),
    contract("svc", 400, 1.9, "2026-06-01", "2029-05-31", top=0.9, prepayment=0.2, escalator=0.03,
             payment_terms_days=60)],
    fleets=[dict(fleet8, id="loss", in_service="2026-05-10", end="2028-11-30", gpus=800, residual_fraction=0.1,
                 book_depreciation={"method": "straight_line", "life_years": 5}, power_escalator=0.03,
                 idle_power_fraction=0.4, pue=1.2),
            dict(fleet8, id="gain", in_service="2026-09-01", end="2029-03-31", gpus=500, residual_fraction=0.5,
                 book_depreciation={"method": "declining_balance", "life_years": 3, "factor": 2.0},
                 tax_depreciation={"method": "macrs_7", "bonus_fraction": 0.6})])
o10 = model_reference.evaluate(p10, CATALOG)
p10_pretax = copy.deepcopy(p10)
p10_pretax["assumptions"]["tax_rate"] = 0.0
cash10 = {x["id"]: x["total_cash"] for x in model_reference.evaluate(p10_pretax, CATALOG)["items"]}
for x in o10["accounting"][:5]:
    life = sum(y["pretax_cost"] for y in x["years"])
    check(f"case 10 {x['item']}: pre-tax expense over the life = pre-tax cash", life, cash10[x["item"]], tol=1e-10)
gain = acct(o10, item="gain")
check_true("case 10 the 'gain' fleet is sold at a gain (negative disposal loss)",
           sum(y["disposal_loss"] for y in gain.values()) < -1e5)
loss = acct(o10, item="loss")
check_true("case 10 the 'loss' fleet is sold at a loss", sum(y["disposal_loss"] for y in loss.values()) > 1e5)
# The two leases' interest + amortization (finance) / straight line (operating) against their schedules.
for cid in ("op", "fin"):
    le = lease(o10, cid)
    total = sum(y["amortization"] + y["interest"] if le["classification"] == "finance" else y["straight_line_cost"]
                for y in le["years"])
    check(f"case 10 {cid}: fixed expense over the life = fixed payments + prepaid at measurement", total,
          le["maturity"]["total"] + le["prepaid_at_measurement"], tol=1e-11)
    last = le["years"][-1]
    check(f"case 10 {cid}: the last payment pays the liability off (opening + interest = payment)",
          last["opening_liability"] + last["interest"], last["payment"], tol=1e-13)
# Cross-check of the fixed payments with 3.1's bill at full commitment: P = (1 - prepayment) x
# take_or_pay x TCV for a lease measured at its start (the whole term inside the valuation window).
fin10 = lease(o10, "fin")
# Contract years: 2026-03-15 .. 2027-03-14 365 days at 3.1; 2027-03-15 .. 2028-03-14 (with 2028-02-29)
# 366 days at 3.1 x 1.02; 2028-03-15 .. 2028-09-30 200 days at 3.1 x 1.02^2.
tcv_fin = 24 * 200 * 3.1 * (365 + 366 * 1.02 + 200 * 1.02 ** 2)
check("case 10 fin: maturity total = 0.85 x 0.75 x TCV", fin10["maturity"]["total"], 0.85 * 0.75 * tcv_fin,
      tol=1e-11)
check("case 10 fin: prepaid at measurement = 0.15 x TCV", fin10["prepaid_at_measurement"], 0.15 * tcv_fin,
      tol=1e-11)

if failures:
    print(f"{len(failures)} check(s) failed: {', '.join(failures)}")
    sys.exit(1)
print("all lease checks passed")
