#!/usr/bin/env python3
"""Every number the command line prints for the test portfolios, held to the bit.

A refactor must not move a number (issue 15): this runs `evaluate --json` and a seeded Monte Carlo
run on the bundled example, tests/reference/portfolios/ and tests/data/portfolios/, and `evaluate`
on every file of the bad-input corpus (its exit code and message), and compares each output with
the copy kept in tests/golden/expected/, byte for byte. Timings, the thread count and the device
are left out; the Monte Carlo runs on one AVX2 register (`--lanes 4`) so that the bits do not
depend on whether the machine also has AVX-512.

    golden.py COMPUTELEDGER SOURCE_DIR            compare (exit 1 naming each difference)
    golden.py COMPUTELEDGER SOURCE_DIR --update   write the expected outputs anew (after a change
                                                  that is meant to move numbers; say so in the commit)
"""
import glob
import json
import os
import subprocess
import sys

VOLATILE = {"seconds", "path_seconds", "total_seconds", "path_months_per_second", "threads", "device",
            "peak_resident_mb", "fan_paths_run_again"}


def portfolios(src):
    files = [os.path.join(src, "resources/examples/meta-coreweave.json")]
    files += sorted(glob.glob(os.path.join(src, "tests/reference/portfolios/*.json")))
    files += sorted(glob.glob(os.path.join(src, "tests/data/portfolios/*.json")))
    return files


def run(exe, args, src):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([exe] + args, capture_output=True, text=True, env=env, cwd=src, timeout=300)
    return p.returncode, p.stdout, p.stderr


def without_volatile(value):
    if isinstance(value, dict):
        return {k: without_volatile(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [without_volatile(v) for v in value]
    return value


def outputs(exe, src):
    """name -> text, for every case."""
    out = {}
    for path in portfolios(src):
        rel = os.path.relpath(path, src)
        name = os.path.splitext(os.path.basename(path))[0]
        code, stdout, stderr = run(exe, ["evaluate", rel, "--json"], src)
        if code != 0:
            raise SystemExit(f"golden: evaluate {rel} failed ({code}): {stderr.strip()}")
        out[f"{name}.evaluate.json"] = stdout
        code, stdout, stderr = run(exe, ["bench", "--portfolio", rel, "--paths", "3000", "--seed", "7",
                                         "--lanes", "4", "--device", "cpu", "--json"], src)
        if code != 0:
            raise SystemExit(f"golden: bench --portfolio {rel} failed ({code}): {stderr.strip()}")
        sim = json.loads(stdout)
        if not sim["device"].startswith("cpu (avx2"):
            raise SystemExit(f"golden: the Monte Carlo ran on {sim['device']}, not AVX2: the expected bits are AVX2's")
        out[f"{name}.simulate.json"] = json.dumps(without_volatile(sim), indent=1, sort_keys=True) + "\n"
    lines = []
    for path in sorted(glob.glob(os.path.join(src, "tests/data/bad/*"))):
        if not (path.endswith(".json") or path.endswith(".cledger")):
            continue
        rel = os.path.relpath(path, src)
        code, stdout, stderr = run(exe, ["evaluate", rel, "--json"], src)
        lines.append(f"{rel}: exit {code}: {stderr.strip()}" + (" (and stdout)" if stdout else ""))
    out["bad-inputs.txt"] = "\n".join(lines) + "\n"
    return out


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    exe, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    expected_dir = os.path.join(src, "tests/golden/expected")
    got = outputs(exe, src)
    if "--update" in sys.argv[3:]:
        os.makedirs(expected_dir, exist_ok=True)
        for name, text in got.items():
            with open(os.path.join(expected_dir, name), "w") as f:
                f.write(text)
        print(f"golden: wrote {len(got)} expected outputs to {expected_dir}")
        return 0
    failures = 0
    for name, text in got.items():
        path = os.path.join(expected_dir, name)
        if not os.path.exists(path):
            print(f"golden: {name}: no expected output (run with --update once)")
            failures += 1
            continue
        with open(path) as f:
            want = f.read()
        if want != text:
            failures += 1
            a, b = want.splitlines(), text.splitlines()
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            print(f"golden: {name} differs at line {at + 1}:\n  expected: {a[at] if at < len(a) else '(end)'}"
                  f"\n  got:      {b[at] if at < len(b) else '(end)'}")
    stale = set(os.listdir(expected_dir)) - set(got) if os.path.isdir(expected_dir) else set()
    for name in sorted(stale):
        print(f"golden: {name}: expected, but no case produces it")
        failures += 1
    print(f"golden: {len(got) - failures} of {len(got)} outputs the same" if failures else
          f"golden: all {len(got)} outputs the same, to the bit")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
