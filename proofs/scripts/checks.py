"""The check bookkeeping shared by the derivation scripts: each check prints one line
(ok or FAIL, its name, an optional detail), failures are collected, and the script
exits non-zero if any failed."""
import sys

import sympy as sp

FAILURES = []
COUNT = [0]


def check(name, ok, detail=""):
    """Record one check and print it; returns ok."""
    COUNT[0] += 1
    if not ok:
        FAILURES.append(name)
        print(f"  FAIL  {name}  {detail}")
    else:
        print(f"  ok    {name}" + (f"  [{detail}]" if detail else ""))
    return ok


def zero(expr):
    """True when a sympy expression simplifies to 0."""
    return sp.simplify(sp.expand(expr)) == 0


def finish():
    """Print the summary and exit 1 if any check failed."""
    if FAILURES:
        print(f"FAILED: {len(FAILURES)} of {COUNT[0]} checks: " + "; ".join(FAILURES))
        sys.exit(1)
    print(f"ALL {COUNT[0]} CHECKS PASSED")
