#!/usr/bin/python3
"""MODEL.md 6 in plain vectorized numpy: the yardstick of the speed requirement ("at least 10x faster
than a straightforward vectorized numpy implementation of the same model") and an independent check
of the engine's numbers.

It runs the same model on the same inputs as `computeledger bench`: the compiled arrays that the
engine's path function reads (engine/PathInputs.h), written by the app, so that calendar, discounting,
payment terms, depreciation and tax are the app's to the last bit. Paths are vectorized in batches;
months and items are Python loops, as one would write it. Per path it keeps what the engine keeps:
NPV cost, the LCOC weight and the cash of every year (cumulated at the end: the last year's is the
total cash) for each alternative, and which providers defaulted. Statistics are not timed (the engine's throughput leaves them out too).

    build/bin/computeledger bench --paths 1000000 --months 120 --write-inputs /tmp/bench-inputs.json
    /usr/bin/python3 tests/bench/numpy_model.py --inputs /tmp/bench-inputs.json --paths 1000000

--rng numpy (the default, the yardstick) draws with numpy's own generator (ziggurat normals), the
cheapest a numpy user would reach for. --rng philox draws MODEL.md 6.1's pinned numbers (Philox4x32-10
of {path lo, path hi, draw, stream} under the seed, Box-Muller), so every path is the engine's path;
--compare FILE then checks the statistics against `computeledger bench --json` of the same paths and
seed (tests/bench/CMakeLists.txt runs that as a test).
"""
import argparse
import json
import math
import sys
import time

import numpy as np

MASK32 = np.uint64(0xFFFFFFFF)


def philox_words(seed, first_path, n, draw, stream):
    """Philox4x32-10 (Random123) of counters {path lo, path hi, draw, stream}, key {seed lo, seed hi},
    for paths first_path .. first_path + n - 1: four uint64 arrays holding 32-bit words."""
    path = np.arange(first_path, first_path + n, dtype=np.uint64)
    c0, c1 = path & MASK32, path >> np.uint64(32)
    c2 = np.full(n, draw, dtype=np.uint64)
    c3 = np.full(n, stream, dtype=np.uint64)
    k0, k1 = seed & 0xFFFFFFFF, (seed >> 32) & 0xFFFFFFFF
    for rnd in range(10):
        if rnd > 0:
            k0 = (k0 + 0x9E3779B9) & 0xFFFFFFFF
            k1 = (k1 + 0xBB67AE85) & 0xFFFFFFFF
        p0 = c0 * np.uint64(0xD2511F53)
        p1 = c2 * np.uint64(0xCD9E8D57)
        c0, c1, c2, c3 = ((p1 >> np.uint64(32)) ^ c1 ^ np.uint64(k0), p1 & MASK32,
                          (p0 >> np.uint64(32)) ^ c3 ^ np.uint64(k1), p0 & MASK32)
    return c0, c1, c2, c3


def uniform(word):
    return (word.astype(np.float64) + 0.5) * (1.0 / 4294967296.0)


class PhiloxDraws:
    """MODEL.md 6.1: launch from draw 0 word 0, drop from word 1, provider j's default from draw
    1 + j // 4 word j % 4 (stream 1); step k's normals from draw k (stream 0) by Box-Muller."""

    def __init__(self, seed, first_path, n):
        self.seed, self.first, self.n = seed, first_path, n
        self.draw0 = philox_words(seed, first_path, n, 0, 1)

    def launch_uniform(self):
        return uniform(self.draw0[0])

    def drop_uniform(self):
        return uniform(self.draw0[1])

    def default_uniform(self, j):
        return uniform(philox_words(self.seed, self.first, self.n, 1 + j // 4, 1)[j % 4])

    def fleet_words(self, f):
        """docs/model.md 12.13: stream 2, draw f (the portfolio's f-th fleet): word 0 the capex's U,
        words 2 and 3 the resale's normal."""
        return philox_words(self.seed, self.first, self.n, f, 2)

    def capex_uniform(self, f):
        return uniform(self.fleet_words(f)[0])

    def delay_uniform(self, f):
        """docs/model.md 12.14: word 1, the delivery delay's U."""
        return uniform(self.fleet_words(f)[1])

    def residual_normal(self, f):
        r = self.fleet_words(f)
        two_pi = 6.283185307179586476925286766559
        return np.sqrt(-2.0 * np.log(uniform(r[2]))) * np.cos(two_pi * uniform(r[3]))

    def normals(self, k):
        r = philox_words(self.seed, self.first, self.n, k, 0)
        two_pi = 6.283185307179586476925286766559
        radius = np.sqrt(-2.0 * np.log(uniform(r[0])))
        angle = two_pi * uniform(r[1])
        z3 = np.sqrt(-2.0 * np.log(uniform(r[2]))) * np.cos(two_pi * uniform(r[3]))
        return radius * np.cos(angle), radius * np.sin(angle), z3


class NumpyDraws:
    def __init__(self, rng, n):
        self.rng, self.n = rng, n

    def launch_uniform(self):
        return self.rng.random(self.n)

    def drop_uniform(self):
        return self.rng.random(self.n)

    def default_uniform(self, j):
        return self.rng.random(self.n)

    def capex_uniform(self, f):
        return self.rng.random(self.n)

    def delay_uniform(self, f):
        return self.rng.random(self.n)

    def residual_normal(self, f):
        return self.rng.standard_normal(self.n)

    def normals(self, k):
        return self.rng.standard_normal((3, self.n))


def triangular(u, a, c, b):
    """Triangular(a, c, b) by its inverse CDF (MODEL.md 6), in the engine's order of operations."""
    if b <= a:
        return np.full(len(u), a)
    return np.where(u < (c - a) / (b - a), a + np.sqrt(u * ((b - a) * (c - a))),
                    b - np.sqrt((1.0 - u) * ((b - a) * (b - c))))


def simulate_batch(m, draws, n, out, lo):
    """Runs paths lo .. lo + n - 1 of the engine's path function (engine/PathFunction.h) and writes
    their outcomes into out[...][:, lo:lo + n]."""
    K, N, P = m["periods"], m["items"], m["providers"]
    tau = m["taxRate"]
    offsets, members = m["slotAlternativeOffsets"], m["slotAlternatives"]
    years = m["years"]
    A = m["alternatives"]
    npv = np.zeros((A, n))
    weight = np.zeros((A, n))
    annual = np.zeros((A, years, n))

    def flow(slot, k, amount, df):
        pv = amount * df
        for a in members[offsets[slot]:offsets[slot + 1]]:
            npv[a] += pv
            annual[a, m["periodYear"][k]] += amount

    def usage(slot, lcoc_weight):
        for a in members[offsets[slot]:offsets[slot + 1]]:
            weight[a] += lcoc_weight

    launch = np.full(n, 1e300)
    jump = np.zeros(n)
    if m["hasNextGeneration"]:
        launch = triangular(draws.launch_uniform(), m["launchEarliest"], m["launchMode"], m["launchLatest"])
        drop = m["dropMin"] + (m["dropMax"] - m["dropMin"]) * draws.drop_uniform()
        jump = np.log(1.0 - drop)
    default_at = []
    for j in range(P):
        hazard = m["providerHazard"][j]
        if hazard <= 0.0:
            default_at.append(np.full(n, float(K)))
        else:
            u = draws.default_uniform(j)
            default_at.append(np.minimum(np.floor(12.0 * (-np.log(u) / hazard)), float(K)))
        # A default on a chosen day (docs/model.md 12.7) comes at the latest then, on every path.
        forced = m["providerForcedDefault"][j]
        if forced < K:
            default_at[j] = np.minimum(default_at[j], float(forced))
        out["defaulted"][j, lo:lo + n] = default_at[j] < K

    # docs/model.md 12.13: an uncertain fleet's capex factor (Triangular(low, 1, high)) and its resale's
    # factor of mean 1, per portfolio fleet (its copies with a demand share them).
    ones = np.ones(N)
    fleet_slot = m.get("fleetSlot", [-1] * N)
    capex_low, capex_high = m.get("capexLow", ones), m.get("capexHigh", ones)
    residual_vol = m.get("residualVolatility", np.zeros(N))
    capex_factor, residual_factor = {}, {}
    for i in range(N):
        if fleet_slot[i] < 0:
            continue
        f = m["fleetDraw"][i]
        capex_factor[i] = triangular(draws.capex_uniform(f), capex_low[i], 1.0, capex_high[i])
        sigma = residual_vol[i]
        residual_factor[i] = (np.exp(sigma * draws.residual_normal(f) - 0.5 * (sigma * sigma)) if sigma > 0.0
                              else np.ones(n))
    # docs/model.md 12.14: a fleet copy for one delivery delay (deliveryVariant >= 0) is costed on the
    # paths that draw that delay, Triangular(low, mode, high) months to the nearest month, per slot.
    variant = m.get("deliveryVariant", [-1] * N)
    delivery = {}
    for i in range(N):
        if variant[i] >= 0 and fleet_slot[i] not in delivery:
            u = draws.delay_uniform(m["fleetDraw"][i])
            delivery[fleet_slot[i]] = np.floor(triangular(u, m["delayLow"][i], m["delayMode"][i],
                                                          m["delayHigh"][i]) + 0.5)
    delivered = {i: delivery[fleet_slot[i]] == variant[i] for i in range(N) if variant[i] >= 0}
    delay = m.get("replacementDelay", np.zeros(N))
    disruption = m.get("disruptionCost", np.zeros(K * N))
    scarcity = m.get("scarcityPremium", 1.0)

    x = np.zeros(n)
    ydev = np.zeros(n)
    w = np.zeros(n)
    L = m["cholesky"]
    for k in range(K):
        period = float(k)
        market_factor = np.exp(x)
        power_factor = np.exp(w) if m["powerScale"] > 0.0 else 1.0
        util_factor = np.exp(-ydev) if m["utilStochastic"] else 1.0
        df_end = m["periodEndDf"][k]
        last_base = -1.0
        u = 0.0
        # MODEL.md 8: with a demand every item takes its alternative's used share of the demand (on
        # this path D_k e^V_k, V driven by Z2), and every alternative buys its shortfall at spot.
        has_demand = m.get("hasDemand", False)
        if has_demand:
            demand = m["demandHours"][k] * (np.exp(ydev) if m["demandStochastic"] else np.ones(n))
            # Each alternative's capacity on the path: the compiled one and its delivered copies'.
            capacity = [np.full(n, m["capacity"][k * A + a]) for a in range(A)]
            for i, on in delivered.items():
                capacity[m["demandGroup"][i]] = (capacity[m["demandGroup"][i]]
                                                 + np.where(on, m["hours"][k * N + i] * m["perfIndex"][i], 0.0))
        for i in range(N):
            at = k * N + i
            on = delivered.get(i)
            if on is not None and not on.any():
                continue
            if has_demand:
                q = capacity[m["demandGroup"][i]]
                u = np.where(q > 0.0, np.minimum(1.0, demand / np.where(q > 0.0, q, 1.0)), 0.0)
            elif not m["utilStochastic"]:
                u = m["baseUtil"][at]
            elif m["expNegLogitUtil"][at] != last_base:
                last_base = m["expNegLogitUtil"][at]
                u = 1.0 / (1.0 + last_base * util_factor)
            used = u * m["hours"][at]
            if on is not None:
                used = np.where(on, used, 0.0)
            lcoc_weight = used * (m["perfIndex"][i] * m["periodEndDf"][k])
            if not has_demand:  # with a demand LCOC is per demand hour
                usage(i, lcoc_weight)
            if m["kind"][i] == 0:
                kd = default_at[m["provider"][i]]
                gone = kd <= period
                billed = m["billedAtFull"][at] * np.maximum(m["takeOrPay"][i], u)
                billed_cost = m["payShare"][i] * billed - tau * billed
                replacement = m["hours"][at] * m["marketPrice"][i] * market_factor * m["replacementPremium"]
                # docs/model.md 12.7: months without replacement (the used hours at spot, scarce), and
                # the disruption in the default's period.
                if delay[i] > 0.0:
                    delayed = np.minimum(np.maximum(kd + delay[i] - period, 0.0), 1.0)
                    scarce = (u * m["hours"][at] * m["marketPrice"][i] * market_factor
                              * (m["onDemandPremium"] * scarcity))
                    replacement = replacement * (1.0 - delayed) + scarce * delayed
                if disruption[at] > 0.0:
                    replacement = replacement + np.where(kd == period, disruption[at], 0.0)
                flow(i, k, np.where(gone, replacement * (1.0 - tau), billed_cost),
                     np.where(gone, df_end, m["cashDf"][at]))
                undrawn = m["prepaymentFraction"][i] * (m["totalContractValue"][i] - m["cumulativeBilled"][at])
                if undrawn > 0.0:
                    hit = (kd == period) & (float(m["prepaidPeriod"][i]) <= kd)
                    if hit.any():
                        recovered = m["recoveryRate"][i] * undrawn
                        flow(i, k, np.where(hit, -recovered - tau * (undrawn - recovered), 0.0), df_end)
                if k == m["upfrontPeriod"][i]:
                    flow(i, k, np.where(period <= kd, m["upfrontAmount"][i], 0.0), m["upfrontDf"][i])
            else:
                idle = m["idleFraction"][i]
                power = m["mwhAtFullUse"][at] * (idle + (1.0 - idle) * u) * m["powerPrice"][at] * power_factor
                c = capex_factor.get(i, 1.0)
                colocation = m["colocationCost"][at]
                if on is not None:  # costed only where delivered
                    factor = np.where(on, 1.0, 0.0)
                    power = power * factor
                    c = c * factor
                    fixed = factor * colocation + c * (m["fixedCost"][at] - colocation)
                else:
                    fixed = (colocation + c * (m["fixedCost"][at] - colocation) if capex_high[i] > capex_low[i]
                             else m["fixedCost"][at])
                flow(i, k, (power + fixed) * (1.0 - tau) - tau * (c * m["taxDepreciation"][at]), df_end)
                if k == m["upfrontPeriod"][i]:
                    flow(i, k, c * np.full(n, m["upfrontAmount"][i]), m["upfrontDf"][i])
                if k == m["disposalPeriod"][i]:
                    resale = (c * m["residualValue"][i]) * np.exp(x - m["baseLogIndex"][k])
                    resale = resale * residual_factor.get(i, 1.0)
                    flow(i, k, -resale + tau * (resale - c * m["nbvTaxAtDisposal"][i]), df_end)
            if m["coveredBySpot"][i]:
                spot = used * m["marketPrice"][i] * market_factor * m["onDemandPremium"]
                flow(N, k, spot * (1.0 - tau), df_end)
                usage(N, lcoc_weight)
        if has_demand:
            price = m["demandPrice"] * market_factor * m["onDemandPremium"]
            for a in range(A):
                slot = N if a == A - 1 else N + 1 + a
                shortfall = np.maximum(demand - capacity[a], 0.0)
                flow(slot, k, shortfall * price * (1.0 - tau), df_end)
                usage(slot, demand * m["periodEndDf"][k])
        if k + 1 >= K:
            break
        e0, e1, e2 = draws.normals(k)
        z1 = L[0] * e0
        z2 = L[3] * e0 + L[4] * e1
        z3 = L[6] * e0 + L[7] * e1 + L[8] * e2
        tk, tn = m["periodTime"][k], m["periodTime"][k + 1]
        mk = m["gpuLogTrend"][k] + np.where(tk >= launch, jump, 0.0)
        mn = m["gpuLogTrend"][k + 1] + np.where(tn >= launch, jump, 0.0)
        x = mn + (x - mk) * m["gpuDecay"] + m["gpuScale"] * z1
        ydev = ydev * m["utilDecay"] + m["utilScale"] * z2
        w = w * m["powerDecay"] + m["powerScale"] * z3

    with np.errstate(divide="ignore", invalid="ignore"):
        out["lcoc"][:, lo:lo + n] = np.where(weight > 0.0, npv / weight, np.nan)
    out["npv"][:, lo:lo + n] = npv
    out["cumulative"][:, :, lo:lo + n] = np.cumsum(annual, axis=1)


def simulate(m, paths, seed, rng_kind, batch):
    A, P, years = m["alternatives"], m["providers"], m["years"]
    out = {"npv": np.empty((A, paths)), "lcoc": np.empty((A, paths)),
           "cumulative": np.empty((A, years, paths)), "defaulted": np.empty((P, paths), dtype=bool)}
    rng = np.random.default_rng(seed)
    for lo in range(0, paths, batch):
        n = min(batch, paths - lo)
        draws = PhiloxDraws(seed, lo, n) if rng_kind == "philox" else NumpyDraws(rng, n)
        simulate_batch(m, draws, n, out, lo)
    return out


def compare(m, out, engine_json, tolerance):
    """The engine's statistics (bench --json, same paths and seed) against this run's, computed with
    numpy's own mean, std and linear percentiles. Returns the worst relative difference, the checks
    that failed (NaN on either side fails) and a report."""
    sim = engine_json["simulation"]
    worst, failed, lines = 0.0, [], []

    def check(what, ours, theirs):
        nonlocal worst
        theirs = float("nan") if theirs is None else theirs
        diff = abs(ours - theirs) / max(abs(theirs), 1.0)
        if not diff <= tolerance:
            failed.append(what)
        if diff > worst:  # a NaN is not a difference to report here: it is in `failed`
            worst = diff
        lines.append(f"{what}: numpy {ours:.17g} engine {theirs:.17g} (relative {diff:.2e})")

    if [a["id"] for a in sim["alternatives"]] != m["alternative_ids"]:
        failed.append(f"alternatives: engine {[a['id'] for a in sim['alternatives']]}, "
                      f"inputs {m['alternative_ids']}")
    for a, alt in enumerate(sim["alternatives"][:len(m["alternative_ids"])]):
        npv = out["npv"][a]
        check(f"{alt['id']} npv mean", npv.mean(), alt["npv_cost"]["mean"])
        check(f"{alt['id']} npv std", npv.std(ddof=1), alt["npv_cost"]["std"])
        for q in (1, 5, 50, 95, 99):
            check(f"{alt['id']} npv p{q}", np.percentile(npv, q), alt["npv_cost"][f"p{q}"])
        lcoc = out["lcoc"][a][np.isfinite(out["lcoc"][a])]
        if (alt["lcoc"] is None) != (lcoc.size == 0):
            failed.append(f"{alt['id']} lcoc: the engine has {'none' if alt['lcoc'] is None else 'one'}, "
                          f"numpy {lcoc.size} paths with used hours")
        elif lcoc.size:
            check(f"{alt['id']} lcoc mean", lcoc.mean(), alt["lcoc"]["mean"])
            check(f"{alt['id']} lcoc p50", np.percentile(lcoc, 50), alt["lcoc"]["p50"])
        if len(alt["annual_cumulative"]) != m["years"]:
            failed.append(f"{alt['id']} annual_cumulative: {len(alt['annual_cumulative'])} years, not {m['years']}")
        for y, fan in enumerate(alt["annual_cumulative"]):
            for q in (5, 50, 95):
                check(f"{alt['id']} {fan['year']} cumulative p{q}", np.percentile(out["cumulative"][a, y], q),
                      fan[f"p{q}"])
    for j, d in enumerate(sim["defaults"]):
        check(f"{d['provider']} default fraction", out["defaulted"][j].mean(), d["fraction"])
    ids = m["alternative_ids"]
    for p in sim["prob_cheaper"]:
        a, b = ids.index(p["a"]), ids.index(p["b"])
        check(f"P({p['a']} cheaper than {p['b']})", (out["npv"][a] < out["npv"][b]).mean(), p["p"])
    if len(sim["defaults"]) != m["providers"] or len(sim["prob_cheaper"]) != len(ids) * (len(ids) - 1) // 2:
        failed.append("defaults or prob_cheaper: not one per provider and per pair")
    return worst, failed, lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", required=True, help="JSON of `computeledger bench --write-inputs`")
    ap.add_argument("--paths", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rng", choices=["numpy", "philox"], default="numpy")
    # 16,384 was numpy's fastest here (250,000: 12.3 s, 65,536: 11.3 s, 16,384: 9.3 s, 4,096: 11.8 s
    # for 1M x 120): the yardstick is numpy at its best.
    ap.add_argument("--batch", type=int, default=16_384, help="paths per vectorized batch")
    ap.add_argument("--compare", help="JSON of `computeledger bench --json` for the same paths and seed "
                                      "(needs --rng philox)")
    ap.add_argument("--tolerance", type=float, default=1e-9, help="largest relative difference --compare accepts")
    args = ap.parse_args()
    if args.paths < 1 or args.batch < 1:
        ap.error("--paths and --batch must be at least 1")
    if args.compare and args.rng != "philox":
        ap.error("--compare needs --rng philox: only the pinned numbers give the engine's paths")
    with open(args.inputs) as f:
        m = json.load(f)
    # The dump says each array's element type (core/engine/PathArrays.h declares them once).
    for key, kind in m["array_types"].items():
        if kind != "double":
            m[key] = [int(v) for v in m[key]]
    t0 = time.perf_counter()
    out = simulate(m, args.paths, args.seed, args.rng, args.batch)
    seconds = time.perf_counter() - t0
    months = m["periods"]
    print(f"numpy {np.__version__} ({args.rng} random numbers): {args.paths:,} paths x {months} months in "
          f"{seconds:.2f} s = {args.paths * months / seconds / 1e6:.2f} million path-months/s")
    print("Mean NPV cost: " + ", ".join(f"{i} {out['npv'][a].mean() / 1e6:,.1f} M"
                                        for a, i in enumerate(m["alternative_ids"])))
    if args.compare:
        with open(args.compare) as f:
            engine = json.load(f)
        sim = engine["simulation"]
        if sim["paths"] != args.paths or sim["seed"] != args.seed:
            sys.exit(f"{args.compare}: the engine ran {sim['paths']} paths with seed {sim['seed']}, "
                     f"not {args.paths} with seed {args.seed}")
        worst, failed, lines = compare(m, out, engine, args.tolerance)
        print("\n".join(lines))
        print(f"Largest relative difference: {worst:.2e} (tolerance {args.tolerance:.0e})")
        if failed:
            sys.exit("Disagree: " + "; ".join(failed))


main()
