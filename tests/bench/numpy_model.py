#!/usr/bin/python3
"""A straightforward vectorized numpy implementation of the Monte Carlo model (MODEL.md 6) on the
standard synthetic portfolio of `computeledger bench` (core/montecarlo/BenchmarkPortfolio.cpp):
contract A (10,000 GPUs, provider A, hazard 3%, 10% prepaid, take-or-pay 90%), contract B (5,000
GPUs, provider B, hazard 5%), an owned fleet of 15,000 GPUs, spot covering the rent alternative,
all factors stochastic. Paths are vectorized; months are a Python loop, as one would write it.

It is the yardstick for the speed requirement ("at least 10x faster than numpy"), run side by side:
    /usr/bin/python3 tests/bench/numpy_model.py --paths 1000000 --months 120
Differences from the app, which do not change the work done: numpy's own normal generator instead of
Philox and Box-Muller, and 730-hour months instead of the calendar. Means agree with the app's within
sampling error plus those simplifications (printed for a sanity check).
"""
import argparse
import math
import time

import numpy as np


def simulate(paths, months, seed, batch=250_000):
    rng = np.random.default_rng(seed)
    dt = 1 / 12
    r, tau = 0.09, 0.21
    hours = 730.0
    price_mkt, perf = 2.5, 1.0
    kappa_g, sigma_g, trend = 1.0, 0.30, -0.15
    kappa_u, sigma_u = 2.0, 0.3
    kappa_w, sigma_w = 0.8, 0.20
    L = np.linalg.cholesky(np.array([[1.0, 0.3, 0.0], [0.3, 1.0, 0.1], [0.0, 0.1, 1.0]]))
    dec_g, sc_g = math.exp(-kappa_g * dt), sigma_g * math.sqrt((1 - math.exp(-2 * kappa_g * dt)) / (2 * kappa_g))
    dec_u, sc_u = math.exp(-kappa_u * dt), sigma_u * math.sqrt((1 - math.exp(-2 * kappa_u * dt)) / (2 * kappa_u))
    dec_w, sc_w = math.exp(-kappa_w * dt), sigma_w * math.sqrt((1 - math.exp(-2 * kappa_w * dt)) / (2 * kappa_w))
    years = months / 12
    a, c, b = (months // 4) / 12, (months // 2) / 12, (3 * months // 4) / 12
    u_base = 0.8
    b_logit = math.log(u_base / (1 - u_base))
    gpus_a, gpus_b, gpus_f = 10000, 5000, 15000
    p_contract, top, prepay = 2.4, 0.9, 0.1
    capex = 15000 * 30000 * 1.15
    kw = 15000 * 1.4
    out = {"rent": [], "buy": [], "spot": []}
    for start in range(0, paths, batch):
        n = min(batch, paths - start)
        U = rng.random(n)
        tgen = np.where(U < (c - a) / (b - a), a + np.sqrt(U * (b - a) * (c - a)), b - np.sqrt((1 - U) * (b - a) * (b - c)))
        jump = np.log(1 - (0.2 + 0.2 * rng.random(n)))
        default_a = np.floor(12 * (-np.log(rng.random(n)) / 0.03))
        default_b = np.floor(12 * (-np.log(rng.random(n)) / 0.05))
        x = np.zeros(n)
        y = np.zeros(n)
        w = np.zeros(n)
        rent = np.full(n, prepay * gpus_a * 24 * 365.25 * years * p_contract)
        buy = np.full(n, capex)
        spot = np.zeros(n)
        for k in range(months):
            t = k / 12
            df = (1 + r) ** (-(k + 1) / 12)
            mkt = price_mkt * np.exp(x)
            u = 1 / (1 + np.exp(-(b_logit + y)))
            used_a, used_b = u * gpus_a * hours, u * gpus_b * hours
            billed_a = np.maximum(top, u) * gpus_a * hours * p_contract
            billed_b = np.maximum(top, u) * gpus_b * hours * p_contract
            cost_a = np.where(k >= default_a, gpus_a * hours * mkt * (1 - tau), (1 - prepay) * billed_a - tau * billed_a)
            cost_b = np.where(k >= default_b, gpus_b * hours * mkt * (1 - tau), billed_b - tau * billed_b)
            rent += (cost_a + cost_b) * df
            energy = kw / 1000 * hours * (0.35 + 0.65 * u) * 1.25
            power = energy * 70 * (1.02 ** t) * np.exp(w)
            buy += ((power + 130 * kw + 0.03 * capex / 12) * (1 - tau)) * df
            spot += (used_a + used_b) * mkt * (1 - tau) * df
            eps = rng.standard_normal((3, n))
            z = L @ eps
            tn = (k + 1) / 12
            mk = trend * t + np.where(t >= tgen, jump, 0.0)
            mn = trend * tn + np.where(tn >= tgen, jump, 0.0)
            x = mn + (x - mk) * dec_g + sc_g * z[0]
            y = y * dec_u + sc_u * z[1]
            w = w * dec_w + sc_w * z[2]
        out["rent"].append(rent)
        out["buy"].append(buy)
        out["spot"].append(spot)
    return {k: np.concatenate(v) for k, v in out.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--paths", type=int, default=1_000_000)
    ap.add_argument("--months", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    res = simulate(args.paths, args.months, args.seed)
    seconds = time.perf_counter() - t0
    print(f"numpy {np.__version__}: {args.paths:,} paths x {args.months} months in {seconds:.2f} s "
          f"= {args.paths * args.months / seconds / 1e6:.2f} million path-months/s")
    for k, v in res.items():
        print(f"  {k}: mean NPV cost {v.mean() / 1e6:,.1f} M")


main()
