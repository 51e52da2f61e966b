#!/usr/bin/env python3
"""An independent, deliberately plain implementation of the deterministic model of MODEL.md
(sections 1-5 and 7, with the readings written down in docs/model.md, the demand of section 8 v2
when a portfolio states one, and the accounting view and ASC 842 leases of section 9 v2), day by day,
in pure Python.

It shares no code with the C++ engine. tests/reference/compare_reference.py runs both on the
portfolios in tests/reference/portfolios/ and requires every number to agree to 1e-9 relative.

Usage: model_reference.py PORTFOLIO.json CATALOG.json  -> prints the JSON the comparison reads.
"""
import calendar
import datetime as dt
import json
import math
import sys

ONE_DAY = dt.timedelta(days=1)


def parse(s):
    return dt.date.fromisoformat(s)


def last_dom(y, m):
    return calendar.monthrange(y, m)[1]


def add_months(d, n):
    """Boost.Date_Time month arithmetic: a last-day-of-month date stays on the last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    if d.day == last_dom(d.year, d.month):
        return dt.date(y, m, last_dom(y, m))
    return dt.date(y, m, min(d.day, last_dom(y, m)))


def add_years(d, n):
    return add_months(d, 12 * n)


def full_years(start, d):
    n = 0
    while add_years(start, n + 1) <= d:
        n += 1
    return n


def step_value(curve, d):
    if not curve:
        return 1.0
    pts = sorted(curve, key=lambda p: p["date"])
    val = pts[0]["value"]  # before the first point: the first value (docs/model.md)
    for p in pts:
        if parse(p["date"]) <= d:
            val = p["value"]
    return val


MACRS = {
    "macrs_5": [20.00, 32.00, 19.20, 11.52, 11.52, 5.76],
    "macrs_7": [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
}


def schedule(spec, base):
    b = spec.get("bonus_fraction", 0.0)
    rest = base * (1 - b)
    m = spec["method"]
    if m in MACRS:
        out = [rest * p / 100 for p in MACRS[m]]
    else:
        L = spec["life_years"]
        S = spec.get("salvage_fraction", 0.0) * rest
        out = []
        acc = 0.0
        for n in range(1, L + 1):
            if m == "straight_line":
                d = (rest - S) / L
            elif m == "sum_of_years_digits":
                d = (rest - S) * (L - n + 1) * 2 / (L * (L + 1))
            else:
                f = spec.get("factor", 2.0)
                db = min((rest - acc) * f / L, rest - S - acc)
                sl = (rest - S - acc) / (L - n + 1)
                d = max(db, sl)
            acc += d
            out.append(d)
    if b:
        out[0] += b * base
    return out


# MODEL.md 9: the accounting lines (flows of a year, pre-tax, costs positive) and the year-end balances.
ACCT_FLOWS = ["service_cost", "operating_lease_cost", "variable_lease_cost", "power", "colocation", "opex",
              "spot", "depreciation", "lease_amortization", "interest", "disposal_loss", "default_writeoff"]
EBITDA_LINES = ["service_cost", "operating_lease_cost", "variable_lease_cost", "power", "colocation", "opex",
                "spot"]
ACCT_BALANCES = ["nbv_book", "rou_asset", "lease_liability", "prepaid_balance", "deferred_tax_liability"]


def evaluate(p, catalog):
    t0 = parse(p["valuation_date"])
    a = p["assumptions"]
    r = a["discount_rate"]
    tau = a.get("tax_rate", 0.0)
    skus = {s["id"]: s for s in catalog}
    skus.update({s["id"]: s for s in p.get("skus", [])})

    def fleet_end(f):
        if "end" in f:
            return parse(f["end"])
        bd = f["book_depreciation"]
        life = {"macrs_5": 5, "macrs_7": 7}.get(bd["method"], bd.get("life_years"))
        return add_years(parse(f["in_service"]), life) - ONE_DAY

    # docs/model.md 12.14: a fleet still to be delivered goes in service at its likeliest delivery delay
    # (the mode to the nearest whole month), its end the planned one.
    fleets = []
    for f in p.get("fleets", []):
        if "delivery_delay_mode_months" in f and parse(f["in_service"]) >= t0:
            late = math.floor(f["delivery_delay_mode_months"] + 0.5)
            f = dict(f, end=fleet_end(f).isoformat(), in_service=add_months(parse(f["in_service"]), late).isoformat())
        fleets.append(f)
    p = dict(p, fleets=fleets)

    ends = [parse(c["end"]) for c in p.get("contracts", [])] + [fleet_end(f) for f in p.get("fleets", [])]
    horizon = parse(a["horizon_end"]) if "horizon_end" in a else max(ends)
    starts = [t0]
    while starts[-1] <= horizon:
        starts.append(add_months(t0, len(starts)))
    K = len(starts) - 1

    def period_of(d):
        if d < t0 or d > horizon:
            return None
        for k in range(K):
            if starts[k] <= d < starts[k + 1]:
                return k
        return None

    def df(d):
        return (1 + r) ** (-((d - t0).days / 365))

    # Fiscal years (MODEL.md 1 v2): labelled by the calendar year they end in; a period belongs to
    # the one it starts in. Tax years are fiscal years too.
    fy_end = a.get("fiscal_year_end_month", 12)
    fiscal = lambda d: d.year + (1 if d.month > fy_end else 0)
    y0 = fiscal(t0)
    years = list(range(y0, fiscal(starts[K - 1]) + 1))
    mkt = p.get("market", {})
    gp = mkt.get("gpu_price", {})
    trend = gp.get("trend_per_year", -0.15)
    kappa = gp.get("reversion_per_year", 1.0)
    ng = mkt.get("next_generation")
    # Deterministic market log-index: X_0 = 0, X_{k+1} = m_{k+1} + (X_k - m_k) e^{-kappa/12}.
    if ng:
        tmode = (parse(ng["launch_mode"]) - t0).days / 365
        J = math.log(1 - 0.5 * (ng["price_drop_min"] + ng["price_drop_max"]))
    else:
        tmode, J = float("inf"), 0.0

    def m(k):
        t = k / 12
        return trend * t + (J if t >= tmode else 0.0)

    X = [0.0]
    for k in range(K - 1):
        X.append(m(k + 1) + (X[k] - m(k)) * math.exp(-kappa / 12))

    def lease_schedule(it, days, p0, tcv):
        """MODEL.md 9, ASC 842: a lease measured at the period m0 containing max(start, t0), on the period
        grid continued past the horizon to the contract's end (docs/model.md). Returns per period of that
        grid (index k, the same k as the horizon grid where both exist) the fixed payment, interest,
        liability after the period, amortization (finance) or straight-line cost (operating) and the ROU
        asset after the period."""
        start, end = parse(it["start"]), parse(it["end"])
        lease = it["lease"]
        i = lease["incremental_borrowing_rate"]
        top = it.get("take_or_pay", 1.0)
        pre = it.get("prepayment", 0.0)
        ext = [t0]
        while ext[-1] <= max(end, horizon):
            ext.append(add_months(t0, len(ext)))
        n = len(ext) - 1

        def ext_period(d):
            for k in range(n):
                if ext[k] <= d < ext[k + 1]:
                    return k
            return None

        measured = max(start, t0)
        if end < t0:
            # Ended before t0: nothing remains to measure (MODEL.md 9 is silent; read as all zeros).
            entry = {"contract": it["id"], "classification": lease["classification"],
                     "incremental_borrowing_rate": i, "measured_at": measured.isoformat(),
                     "liability_at_measurement": 0.0, "rou_asset_at_measurement": 0.0,
                     "prepaid_at_measurement": 0.0, "years": [],
                     "maturity": {"as_at": measured.isoformat(), "years": [], "total": 0.0,
                                  "imputed_interest": 0.0, "liability": 0.0}}
            zero = [0.0] * n
            return {"entry": entry, "m0": None, "k_end": None, "finance": lease["classification"] == "finance",
                    "interest": zero, "closing": zero, "amort": zero, "sl": zero, "rou": zero}
        m0, k_end = ext_period(measured), ext_period(end)
        F = [0.0] * n  # billed at full commitment, whole periods (no horizon clip)
        a = [0] * n  # the contract's days in the period, from t0 on
        before = 0.0  # F billed on the days before period m0's start
        for d, g, e in days:
            if d < ext[m0]:
                before += 24 * g * p0 * e
                continue
            k = ext_period(d)
            F[k] += 24 * g * p0 * e
            a[k] += 1
        prepaid0 = pre * (tcv - before)
        P = [(1 - pre) * top * F[k] if m0 <= k <= k_end else 0.0 for k in range(n)]
        j = (1 + i) ** (1 / 12) - 1
        L0 = sum(P[k] * (1 + j) ** (-(k - m0 + 1)) for k in range(m0, k_end + 1))
        opening = [0.0] * n
        interest = [0.0] * n
        closing = [0.0] * n
        L = L0
        for k in range(m0, k_end + 1):
            opening[k] = L
            interest[k] = j * L
            L = L + interest[k] - P[k]
            closing[k] = L
        closing[k_end] = 0.0  # paid off by its last payment (exactly, not to rounding)
        rou0 = L0 + prepaid0
        A = sum(a[m0:k_end + 1])
        amort = [0.0] * n
        sl = [0.0] * n
        rou = [0.0] * n
        finance = lease["classification"] == "finance"
        sumP = sum(P)
        cumP = cumSL = cumAm = 0.0
        for k in range(m0, k_end + 1):
            if finance:
                amort[k] = rou0 * a[k] / A
                cumAm += amort[k]
                rou[k] = rou0 - cumAm
            else:
                sl[k] = (sumP + prepaid0) * a[k] / A
                cumP += P[k]
                cumSL += sl[k]
                rou[k] = closing[k] + prepaid0 + cumP - cumSL
        rou[k_end] = 0.0  # fully amortized / expensed after the last period
        ks = range(m0, k_end + 1)
        lyears = sorted({fiscal(ext[k]) for k in ks})
        rows, maturity = [], []
        for y in lyears:
            yk = [k for k in ks if fiscal(ext[k]) == y]
            rows.append({"year": y, "opening_liability": opening[yk[0]],
                         "interest": sum(interest[k] for k in yk), "payment": sum(P[k] for k in yk),
                         "closing_liability": closing[yk[-1]], "rou_asset": rou[yk[-1]],
                         "amortization": sum(amort[k] for k in yk) if finance else 0.0,
                         "straight_line_cost": 0.0 if finance else sum(sl[k] for k in yk)})
            maturity.append({"year": y, "payment": sum(P[k] for k in yk)})
        entry = {"contract": it["id"], "classification": lease["classification"],
                 "incremental_borrowing_rate": i, "measured_at": measured.isoformat(),
                 "liability_at_measurement": L0, "rou_asset_at_measurement": rou0,
                 "prepaid_at_measurement": prepaid0, "years": rows,
                 "maturity": {"as_at": measured.isoformat(), "years": maturity, "total": sumP,
                              "imputed_interest": sumP - L0, "liability": L0}}
        return {"entry": entry, "m0": m0, "k_end": k_end, "finance": finance, "interest": interest,
                "closing": closing, "amort": amort, "sl": sl, "rou": rou}

    def acct_years(acct, bal):
        """Per-period accounting lines and balances (after each period) -> one row per fiscal year."""
        rows = []
        for y in years:
            ks = [k for k in range(K) if fiscal(starts[k]) == y]
            row = {"year": y}
            for line in ACCT_FLOWS:
                row[line] = sum(acct[line][k] for k in ks)
            row["ebitda_cost"] = sum(row[line] for line in EBITDA_LINES)
            row["operating_cost"] = (row["ebitda_cost"] + row["depreciation"] + row["lease_amortization"]
                                     + row["disposal_loss"] + row["default_writeoff"])
            row["pretax_cost"] = row["operating_cost"] + row["interest"]
            row["income_tax"] = -tau * row["pretax_cost"]
            row["net_income_impact"] = -(row["pretax_cost"] + row["income_tax"])
            for b in ACCT_BALANCES:
                row[b] = bal[b][ks[-1]]
            rows.append(row)
        return rows

    def acct_sum(members, spot_line):
        """An alternative's accounting: its members' lines and balances, plus a spot line."""
        acct = {line: [sum(x["_acct"][line][k] for x in members) for k in range(K)] for line in ACCT_FLOWS}
        acct["spot"] = [acct["spot"][k] + spot_line[k] for k in range(K)]
        bal = {b: [sum(x["_bal"][b][k] for x in members) for k in range(K)] for b in ACCT_BALANCES}
        return acct_years(acct, bal)

    items = []
    for c in p.get("contracts", []):
        items.append(("contract", c))
    for f in p.get("fleets", []):
        items.append(("fleet", f))

    def cost_item(kind, it, u_k):
        """One item's flows, u_k being its used share of each period: the utilization curve when the
        item stands alone, its alternative's used share of the demand otherwise (MODEL.md 8)."""
        sku = skus[it["sku"]]
        cash = [0.0] * K
        pv = [0.0] * K
        hours = [0.0] * K
        used = [0.0] * K
        weight = [0.0] * K
        dep_b = [0.0] * K
        dep_t = [0.0] * K
        nbv_b = [0.0] * K
        nbv_t = [0.0] * K
        extra = {}
        acct = {line: [0.0] * K for line in ACCT_FLOWS}
        bal = {b: [0.0] * K for b in ACCT_BALANCES}
        if kind == "contract":
            start, end = parse(it["start"]), parse(it["end"])
            tr = sorted(it["tranches"], key=lambda x: x["date"])
            esc = it.get("escalator", 0.0)

            def G(d):
                g = 0.0
                for t in tr:
                    if parse(t["date"]) <= d:
                        g = t["gpus"]
                return g

            days = []
            d = start
            while d <= end:
                days.append((d, G(d), (1 + esc) ** full_years(start, d)))
                d += ONE_DAY
            if "total_contract_value" in it:
                tcv = it["total_contract_value"]
                p0 = tcv / sum(24 * g * e for _, g, e in days)
            else:
                p0 = it["price_per_gpu_hour"]
                tcv = sum(24 * g * p0 * e for _, g, e in days)
            extra["implied_price_per_gpu_hour"] = p0
            top = it.get("take_or_pay", 1.0)
            pre = it.get("prepayment", 0.0)
            terms = it.get("payment_terms_days", 0)
            billed = [0.0] * K
            full = [0.0] * K  # F_k: billed at full commitment, days inside the horizon
            above = [0.0] * K  # usage billed above take-or-pay: B_k - take_or_pay F_k, day by day
            for d, g, e in days:
                k = period_of(d)
                if k is None:
                    continue
                hours[k] += 24 * g
                billed[k] += 24 * g * p0 * e * max(top, u_k[k])
                full[k] += 24 * g * p0 * e
                above[k] += 24 * g * p0 * e * max(0.0, u_k[k] - top)
            if "lease" not in it:
                # MODEL.md 9: a service contract's cost in its period of service, the prepaid share
                # drawn at full commitment; its prepaid balance after each period.
                nd, cum = 0, 0.0
                for k in range(K):
                    acct["service_cost"][k] = (1 - pre) * billed[k] + pre * full[k]
                    # Drawn down to the horizon in a clipped last period (docs/model.md).
                    while nd < len(days) and days[nd][0] < starts[k + 1] and days[nd][0] <= horizon:
                        cum += 24 * days[nd][1] * p0 * days[nd][2]
                        nd += 1
                    if pre and start < starts[k + 1]:
                        bal["prepaid_balance"][k] = 0.0 if end < starts[k + 1] else pre * (tcv - cum)
            else:
                ls = lease_schedule(it, days, p0, tcv)
                extra["_lease"] = ls["entry"]
                for k in range(K):
                    variable = (1 - pre) * above[k]
                    if ls["finance"]:
                        acct["variable_lease_cost"][k] = variable
                        acct["lease_amortization"][k] = ls["amort"][k]
                        acct["interest"][k] = ls["interest"][k]
                    else:
                        acct["operating_lease_cost"][k] = ls["sl"][k] + variable
                    bal["rou_asset"][k] = ls["rou"][k]
                    bal["lease_liability"][k] = ls["closing"][k]
            for k in range(K):
                P = (1 - pre) * billed[k]
                C = P - tau * billed[k]
                cash[k] += C
                pv[k] += C * df(starts[k + 1] + dt.timedelta(days=terms))
            if pre and start >= t0:
                k = period_of(start)
                if k is not None:
                    cash[k] += pre * tcv
                    pv[k] += pre * tcv * df(start)
        else:
            f = it
            ins = parse(f["in_service"])
            end = fleet_end(f)
            capex = f.get("capex_per_gpu", sku["capex_per_gpu"])
            kw_per = f.get("it_kw_per_gpu", sku["it_kw_per_gpu"])
            Bc = f["gpus"] * capex * (1 + f.get("overhead_fraction", 0.0))
            kW = f["gpus"] * kw_per
            idle = f.get("idle_power_fraction", 1.0)
            resid = f.get("residual_fraction", f["book_depreciation"].get("salvage_fraction", 0.0))
            mi = lambda d: d.year * 12 + d.month - 1
            kd0 = period_of(end)
            # The month a sale is booked in: that of the period containing the end date.
            sold = mi(starts[kd0]) if kd0 is not None else mi(end)

            def by_month(spec):
                """MODEL.md 5 v2: month M's deduction. MACRS and any bonus by calendar tax year (year 1
                = the year of the in-service month, spread over its months in service; none when sold
                in that same year; in the year of sale D_n x months held / 12, or the table's last
                year's whole D_n over the months held); other methods by 12-month years."""
                S = mi(ins)
                b = spec.get("bonus_fraction", 0.0)
                if spec["method"] in MACRS:
                    tax_years, twelve = schedule(spec, Bc), []
                else:
                    twelve = schedule(dict(spec, bonus_fraction=0.0), Bc * (1 - b))
                    tax_years = [b * Bc] if b else []

                def at(M):
                    if M < S or M > sold:
                        return 0.0
                    v = twelve[(M - S) // 12] / 12 if (M - S) // 12 < len(twelve) else 0.0
                    ty = lambda m: (m + 12 - fy_end) // 12  # the tax year of month m
                    pos = lambda m: (m + 12 - fy_end) % 12  # its place in that tax year
                    n = ty(M) - ty(S) + 1
                    if n > len(tax_years) or ty(sold) == ty(S):
                        return v
                    d = tax_years[n - 1]
                    if n == 1:
                        return v + d / (12 - pos(S))
                    if ty(M) == ty(sold) and n == len(tax_years):
                        return v + d / (pos(sold) + 1)
                    return v + d / 12
                return at

            book_at = by_month(f["book_depreciation"])
            tax_at = by_month(f["tax_depreciation"])

            def monthly(which, j):
                return (book_at if which == "book" else tax_at)(mi(ins) + j)

            book, tax = "book", "tax"

            if end >= t0:
                if t0 <= ins <= horizon:
                    k = period_of(ins)
                    cash[k] += Bc
                    pv[k] += Bc * df(ins)
                kd = period_of(end)
                acc_b = sum(monthly(book, j) for j in range(mi(t0) - mi(ins)))
                acc_t = sum(monthly(tax, j) for j in range(mi(t0) - mi(ins)))
                for k in range(K):
                    if kd is not None and k > kd:
                        break
                    first = max(starts[k], ins)
                    last = min(starts[k + 1] - ONE_DAY, horizon, end)
                    ad = (last - first).days + 1 if last >= first else 0
                    share = ad / (starts[k + 1] - starts[k]).days
                    h = 24 * ad
                    hours[k] = f["gpus"] * h
                    E = kW / 1000 * h * (idle + (1 - idle) * u_k[k]) * f["pue"]
                    pe = f["power_price_per_mwh"] * (1 + f["power_escalator"]) ** ((starts[k] - t0).days / 365)
                    colo = f.get("colocation_per_kw_month", 0.0) * kW * share
                    opex = f.get("opex_fraction_per_year", 0.0) * Bc / 12 * share
                    j = mi(starts[k]) - mi(ins)
                    dep_b[k] = monthly(book, j)
                    dep_t[k] = monthly(tax, j)
                    acc_b += dep_b[k]
                    acc_t += dep_t[k]
                    C = (E * pe + colo + opex) * (1 - tau) - tau * dep_t[k]
                    acct["power"][k] = E * pe
                    acct["colocation"][k] = colo
                    acct["opex"][k] = opex
                    acct["depreciation"][k] = dep_b[k]
                    if k == kd:
                        R = Bc * resid
                        C += -R + tau * (R - (Bc - acc_t))
                        acct["disposal_loss"][k] = (Bc - acc_b) - R
                    elif ins <= min(starts[k + 1] - ONE_DAY, horizon):
                        nbv_b[k] = Bc - acc_b
                        nbv_t[k] = Bc - acc_t
                    bal["nbv_book"][k] = nbv_b[k]
                    bal["deferred_tax_liability"][k] = tau * (nbv_b[k] - nbv_t[k])
                    cash[k] += C
                    pv[k] += C * df(starts[k + 1])
        for k in range(K):
            used[k] = u_k[k] * hours[k]
            weight[k] = used[k] * sku.get("perf_index", 1.0) * df(starts[k + 1])
        annual = []
        for y in years:
            ks = [k for k in range(K) if fiscal(starts[k]) == y]
            annual.append({
                "year": y,
                "cash": sum(cash[k] for k in ks),
                "committed_gpu_hours": sum(hours[k] for k in ks),
                "used_gpu_hours": sum(used[k] for k in ks),
                "depreciation_book": sum(dep_b[k] for k in ks),
                "depreciation_tax": sum(dep_t[k] for k in ks),
                "nbv_book": nbv_b[ks[-1]],
                "nbv_tax": nbv_t[ks[-1]],
            })
        res = {
            "id": it["id"], "kind": kind, "npv_cost": sum(pv), "total_cash": sum(cash),
            "committed_gpu_hours": sum(hours), "used_gpu_hours": sum(used),
            "lcoc": sum(pv) / sum(weight) if sum(weight) > 0 else None, "annual": annual,
            "_weight": sum(weight), "_used": used, "_sku": sku,
        }
        res.update(extra)
        res["_hours"] = hours
        res["_acct"], res["_bal"] = acct, bal
        return res

    results = {}
    for kind, it in items:
        util = it.get("utilization", p.get("utilization", []))
        results[it["id"]] = cost_item(kind, it, [step_value(util, starts[k]) for k in range(K)])

    alts = p.get("alternatives") or [{"id": i["id"], "name": i["name"], "items": [i["id"]]} for _, i in items]
    od = mkt.get("on_demand_premium", 1.0)
    by_id = {it["id"]: (kind, it) for kind, it in items}
    demand = p.get("demand")

    def demand_alternatives(scale, only=None):
        """MODEL.md 8: every alternative (spot last, with no items) costed as meeting the demand, each
        curve point's GPUs times `scale`. `only`: the ids of the portfolio alternatives to cost."""
        dsku = skus[demand["sku"]]
        dperf = dsku.get("perf_index", 1.0)
        curve = sorted(demand["curve"], key=lambda q: q["date"])

        def gpus(d):
            g = 0.0  # before the first point: no demand
            for q in curve:
                if parse(q["date"]) <= d:
                    g = q["gpus"] * scale
            return g

        # D_k: H100-equivalent hours needed in period k, days inside [t0, horizon_end] only.
        D = [0.0] * K
        for k in range(K):
            d = starts[k]
            while d < starts[k + 1] and d <= horizon:
                D[k] += 24 * gpus(d) * dperf
                d += ONE_DAY
        # Spot price per H100-equivalent hour: the demand SKU's market price on the shock-free path.
        price = [dsku["market_price_per_gpu_hour"] / dperf * math.exp(X[k]) * od for k in range(K)]
        served = sum(D[k] * df(starts[k + 1]) for k in range(K))

        out = []
        for al in [x for x in alts if only is None or x["id"] in only] + [{"id": "spot", "items": []}]:
            Q = [0.0] * K
            for i in al["items"]:
                perf = results[i]["_sku"].get("perf_index", 1.0)
                for k in range(K):
                    Q[k] += results[i]["_hours"][k] * perf
            share = [min(1.0, D[k] / Q[k]) if Q[k] > 0 else 0.0 for k in range(K)]
            members = [cost_item(by_id[i][0], by_id[i][1], share) for i in al["items"]]
            npv = sum(x["npv_cost"] for x in members)
            cash = sum(x["total_cash"] for x in members)
            annual = [sum(x["annual"][y]["cash"] for x in members) for y in range(len(years))]
            short_total = 0.0
            short_pretax = [0.0] * K  # MODEL.md 9: the shortfall (spot: the purchases) in the spot line
            for k in range(K):
                S = max(0.0, D[k] - Q[k])
                short_total += S
                short_pretax[k] = S * price[k]
                c = (1 - tau) * S * price[k]
                npv += c * df(starts[k + 1])
                cash += c
                annual[fiscal(starts[k]) - y0] += c
            used_cap = sum(min(D[k], Q[k]) for k in range(K))
            res = {"id": al["id"], "npv_cost": npv, "total_cash": cash,
                   "lcoc": npv / served if served > 0 else None, "annual_cash": annual,
                   "used_h100_hours": sum(D),
                   "demand": {"demand_h100_hours": sum(D), "capacity_h100_hours": sum(Q),
                              "used_capacity_h100_hours": used_cap,
                              "idle_h100_hours": sum(Q[k] - min(D[k], Q[k]) for k in range(K)),
                              "shortfall_h100_hours": short_total},
                   "_contract_npv": sum(x["npv_cost"] for x in members if x["kind"] == "contract"),
                   "_accounting": acct_sum(members, short_pretax)}
            if al["id"] != "spot":
                res["item_costs"] = [{"id": x["id"], "npv_cost": x["npv_cost"], "total_cash": x["total_cash"]}
                                     for x in members]
            out.append(res)
        return out

    if demand is not None:
        out_alts = demand_alternatives(1.0)
    out_alts_plain = []
    for al in alts if demand is None else []:
        members = [results[i] for i in al["items"]]
        npv = sum(x["npv_cost"] for x in members)
        w = sum(x["_weight"] for x in members)
        out_alts_plain.append({"id": al["id"], "npv_cost": npv, "total_cash": sum(x["total_cash"] for x in members),
                               "lcoc": npv / w if w > 0 else None,
                               "annual_cash": [sum(x["annual"][y]["cash"] for x in members)
                                               for y in range(len(years))],
                               "_contract_npv": sum(x["npv_cost"] for x in members if x["kind"] == "contract"),
                               "_accounting": acct_sum(members, [0.0] * K)})
    covers = mkt.get("spot_covers", alts[0]["id"]) if demand is None else None
    spot_npv = spot_cash = spot_w = 0.0
    spot_annual = [0.0] * len(years)
    spot_pretax = [0.0] * K  # MODEL.md 9: the spot alternative's purchases, pre-tax
    for al in alts:
        if al["id"] != covers:
            continue
        for i in al["items"]:
            x = results[i]
            price = x["_sku"]["market_price_per_gpu_hour"]
            for k in range(K):
                spot_pretax[k] += x["_used"][k] * price * math.exp(X[k]) * od
                c = x["_used"][k] * price * math.exp(X[k]) * od * (1 - tau)
                spot_npv += c * df(starts[k + 1])
                spot_cash += c
                spot_annual[fiscal(starts[k]) - y0] += c
                spot_w += x["_used"][k] * x["_sku"].get("perf_index", 1.0) * df(starts[k + 1])
    if demand is None:
        out_alts = out_alts_plain + [{"id": "spot", "npv_cost": spot_npv, "total_cash": spot_cash,
                                      "lcoc": spot_npv / spot_w if spot_w > 0 else None,
                                      "annual_cash": spot_annual, "_contract_npv": 0.0,
                                      "_accounting": acct_sum([], spot_pretax)}]
    comps = []
    for i in range(len(out_alts)):
        for j in range(i + 1, len(out_alts)):
            A, B = out_alts[i], out_alts[j]
            be = None
            if A["_contract_npv"] != 0:
                be = (B["npv_cost"] - (A["npv_cost"] - A["_contract_npv"])) / A["_contract_npv"]
            comps.append({"a": A["id"], "b": B["id"], "npv_difference": A["npv_cost"] - B["npv_cost"],
                          "breakeven_price_factor": be})
            if demand is not None:
                comps[-1]["capacity_matched"] = True  # every alternative meets the same demand
    clean = lambda d: {k: v for k, v in d.items() if not k.startswith("_")}
    out = {
        "portfolio": {"valuation_date": t0.isoformat(), "horizon_end": horizon.isoformat(), "periods": K},
        "items": [clean(results[i["id"]]) for _, i in items],
        "alternatives": [clean(x) for x in out_alts],
        "comparisons": comps,
        # MODEL.md 9: every item standalone (as items[] costs it), then every alternative (spot last).
        "accounting": [{"item": i["id"], "years": acct_years(results[i["id"]]["_acct"], results[i["id"]]["_bal"])}
                       for _, i in items]
                      + [{"alternative": x["id"], "years": x["_accounting"]} for x in out_alts],
        "leases": [results[c["id"]]["_lease"] for c in p.get("contracts", []) if "lease" in c],
    }
    if demand is not None:
        # Breakeven demand factor (MODEL.md 8): f(c) = NPV_a(c D) - NPV_spot(c D), bisection on [0, 10].
        bdf = []
        for al in alts:
            def f(c):
                a_c, spot_c = demand_alternatives(c, only={al["id"]})
                return a_c["npv_cost"] - spot_c["npv_cost"]

            if f(0.0) <= 0:
                outcome, factor = "always", None
            elif f(10.0) > 0:
                outcome, factor = "never", None
            else:
                lo, hi = 0.0, 10.0
                while hi - lo > 1e-6:
                    mid = (lo + hi) / 2
                    if f(mid) > 0:
                        lo = mid
                    else:
                        hi = mid
                outcome, factor = "value", (lo + hi) / 2
            bdf.append({"alternative": al["id"], "versus": "spot", "outcome": outcome, "factor": factor})
        out["breakeven_demand_factor"] = bdf
    return out


if __name__ == "__main__":
    portfolio = json.load(open(sys.argv[1]))
    catalog = json.load(open(sys.argv[2]))["skus"]
    json.dump(evaluate(portfolio, catalog), sys.stdout, indent=1)
