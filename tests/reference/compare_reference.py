#!/usr/bin/env python3
"""Runs `computeledger evaluate --json` and model_reference.py on each portfolio given and fails
unless every number they both report agrees to 1e-9 relative (MODEL.md acceptance criterion).

Usage: compare_reference.py COMPUTELEDGER CATALOG.json PORTFOLIO.json...
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_reference  # noqa: E402

REL = 1e-9


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= REL * max(abs(a), abs(b), 1.0)


def compare(path, got, want, failures):
    if isinstance(want, dict):
        for k, v in want.items():
            if k not in got:
                failures.append(f"{path}.{k}: missing from the app's output")
            else:
                compare(f"{path}.{k}", got[k], v, failures)
    elif isinstance(want, list):
        if len(got) != len(want):
            failures.append(f"{path}: {len(got)} entries, the reference has {len(want)}")
            return
        for i, (g, w) in enumerate(zip(got, want)):
            compare(f"{path}[{i}]", g, w, failures)
    elif isinstance(want, (int, float)) and not isinstance(want, bool) or want is None:
        if not close(got, want):
            failures.append(f"{path}: app {got!r}, reference {want!r}")
    elif got != want:
        failures.append(f"{path}: app {got!r}, reference {want!r}")


def main():
    app, catalog_path = sys.argv[1], sys.argv[2]
    catalog = json.load(open(catalog_path))["skus"]
    failures = []
    checked = 0
    for path in sys.argv[3:]:
        out = subprocess.run([app, "evaluate", path, "--json"], capture_output=True, text=True)
        if out.returncode != 0:
            failures.append(f"{path}: exit {out.returncode}: {out.stderr.strip()}")
            continue
        got = json.loads(out.stdout)
        want = model_reference.evaluate(json.load(open(path)), catalog)
        # Annual cash of alternatives is compared through the rows.
        for a in want["alternatives"]:
            a["annual"] = [{"cash": c} for c in a.pop("annual_cash")]
        before = len(failures)
        compare(os.path.basename(path), got, want, failures)
        checked += 1
        print(f"{os.path.basename(path)}: {'ok' if len(failures) == before else 'MISMATCH'}")
    for f in failures[:40]:
        print("  " + f)
    if failures or not checked:
        sys.exit(1)


main()
