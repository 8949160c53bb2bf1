#!/usr/bin/env python3
"""Verify every identity of proofs/weight-leakage.md.

Part A  symbolic (sympy): each algebraic identity, exactly.
Part B  numeric (mpmath, 60 significant digits): the cancellation-free forms
        against the textbook closed form on random points
          mu  log-uniform in [1e-8, 1e4],
          L   in {0} U [1e-12, 1)   (log-uniform, plus points near 1),
          eps in {0} U [1e-15, 10]  (log-uniform),
        the bounds 0 <= chi <= h(mu), the closed forms, monotonicity in
        eps, mu and L, and the small-eps expansion at T = 1.
Part C  float64 (plain Python floats, a line-by-line mirror of the kernel in
        src/bounds/_internal/holevoWeightKernel.ts): accuracy of the
        cancellation-free evaluation and digit loss of the textbook form.
        Informational, except that the mirror must stay within 1e-12 relative.

Exit status 0 when every check passes, 1 otherwise. Runs in well under a
minute (sympy 1.14, mpmath 1.3).
Usage:  python3 proofs/scripts/verify_weight_leakage.py [--points N] [--seed S]
"""
import argparse
import math
import random
import sys
import time

import mpmath
import sympy as sp
from mpmath import mp, mpf

FAILURES = []


def check(name, ok, detail=""):
    if not ok:
        FAILURES.append(name)
        print(f"  FAIL  {name}  {detail}")
    return ok


# ----------------------------------------------------------------------------
# Part A: symbolic identities
# ----------------------------------------------------------------------------
def part_a():
    print("Part A: symbolic identities (sympy %s)" % sp.__version__)
    mu, L, e, z, n, bb, d, nu, t = sp.symbols("mu L epsilon z n b d nu t", positive=True)
    T = 1 - L
    V = 2 * mu + 1
    a = V
    b = T * (V - 1) + 1 + e
    c2 = T * (V**2 - 1)
    s = e + 2 * mu * L
    q = 2 * mu * L + e * (1 + 2 * mu)
    D = 8 * mu * L + 4 * mu**2 * L**2 + 4 * e * (1 + mu * (1 + T)) + e**2
    # z is kept as a symbol with the single relation z^2 = 4 + D.
    rel = z**2 - (4 + D)

    def zero(expr):
        return sp.simplify(sp.expand(expr)) == 0

    def zero_mod_z(expr, relation=None):
        relation = rel if relation is None else relation
        num, den = sp.fraction(sp.together(expr))
        r = sp.rem(sp.expand(num), sp.expand(relation), z)
        return sp.expand(r) == 0

    nup = (z + (b - a)) / 2
    num_ = (z - (b - a)) / 2
    results = []

    def claim(label, ok):
        results.append((label, ok))
        check("A: " + label, ok)

    claim("c^2 = 4 T mu (mu+1)", zero(c2 - 4 * T * mu * (mu + 1)))
    claim("c^2/(a+1) = T(V-1) = 2 mu T", zero(c2 / (a + 1) - 2 * mu * T))
    claim("nu3 - 1 = b - c^2/(a+1) - 1 = eps", zero(b - c2 / (a + 1) - 1 - e))
    claim("(a+b)^2 - 4c^2 - 4 = D (expanded, all terms >= 0)", zero((a + b) ** 2 - 4 * c2 - 4 - D))
    claim("b - a = eps - 2 mu L", zero(b - a - (e - 2 * mu * L)))
    # symplectic eigenvalues of [[a I, c Z], [c Z, b I]]: Delta and det
    claim("nu+^2 + nu-^2 = a^2 + b^2 - 2c^2", zero_mod_z(nup**2 + num_**2 - (a**2 + b**2 - 2 * c2)))
    claim("nu+ * nu- = a b - c^2", zero_mod_z(nup * num_ - (a * b - c2)))
    claim("nu+ + nu- = z", zero(nup + num_ - z))
    claim("a b - c^2 = 1 + q", zero(a * b - c2 - (1 + q)))
    claim("(nu+ - 1)(nu- - 1) = nu+ nu- - (nu+ + nu-) + 1 = 2 + q - z  [mod z^2 = 4 + D]",
          zero_mod_z((nup - 1) * (num_ - 1) - (2 + q - z)))
    # conditional CM of B after heterodyne of A: B - C (A + I)^-1 C
    cc = sp.sqrt(c2)
    A_ = sp.diag(a, a)
    B_ = sp.diag(b, b)
    C_ = sp.diag(cc, -cc)
    cond = sp.simplify(B_ - C_ * (A_ + sp.eye(2)).inv() * C_.T)
    claim("heterodyne-conditioned CM of B = (b - c^2/(a+1)) I",
          zero(cond[0, 0] - (b - c2 / (a + 1))) and zero(cond[1, 1] - (b - c2 / (a + 1))) and cond[0, 1] == 0)
    claim("z^2 - (2+s)^2 = 8 eps mu T", zero(4 + D - (2 + s) ** 2 - 8 * e * mu * T))
    claim("nu+ - 1 - eps = (z - 2 - s)/2", zero(nup - 1 - e - (z - 2 - s) / 2))
    claim("(z - 2 - s)/2 = 4 eps mu T/(z + 2 + s)  [mod z^2 = 4 + D]",
          zero_mod_z((z - 2 - s) / 2 - 4 * e * mu * T / (z + 2 + s)))
    claim("(nu+ - 1)(nu- - 1) = ((z-2)^2 - (b-a)^2)/4", zero((nup - 1) * (num_ - 1) - ((z - 2) ** 2 - (b - a) ** 2) / 4))
    claim("z^2 + 4 - (b-a)^2 = 4(2+q)", zero(4 + D + 4 - (b - a) ** 2 - 4 * (2 + q)))
    claim("(2+q)^2 - z^2 = 4 eps mu (1+mu)(2L+eps)", zero((2 + q) ** 2 - (4 + D) - 4 * e * mu * (1 + mu) * (2 * L + e)))
    claim("(nu+ - 1)(nu- - 1) = 4 eps mu (1+mu)(2L+eps)/(2+q+z)  [mod z^2 = 4 + D]",
          zero_mod_z((nup - 1) * (num_ - 1) - 4 * e * mu * (1 + mu) * (2 * L + e) / (2 + q + z)))
    claim("(nu+ - 1) + (nu- - 1) = z - 2", zero(nup - 1 + num_ - 1 - (z - 2)))
    claim("z - 2 = D/(z + 2)  [mod z^2 = 4 + D]", zero_mod_z(z - 2 - D / (z + 2)))
    # eps = 0
    D0 = D.subs(e, 0)
    claim("eps = 0: 4 + D = (2 + 2 mu L)^2", zero(4 + D0 - (2 + 2 * mu * L) ** 2))
    claim("eps = 0: nu- - 1 = (D/(z+2) + 2 mu L)/2  [mod z^2 = 4 + D]",
          zero_mod_z((num_ - 1 - (D / (z + 2) + 2 * mu * L) / 2).subs(e, 0), rel.subs(e, 0)))
    # entropy function
    gnu = ((nu + 1) / 2) * sp.log((nu + 1) / 2) - ((nu - 1) / 2) * sp.log((nu - 1) / 2)
    hn = (n + 1) * sp.log(n + 1) - n * sp.log(n)
    claim("g(nu) = h((nu-1)/2)", zero(sp.expand_log(gnu - hn.subs(n, (nu - 1) / 2), force=True)))
    claim("h(n) = log1p(n) + n log1p(1/n)  (nats)",
          zero(sp.expand_log(hn - (sp.log(1 + n) + n * sp.log(1 + 1 / n)), force=True)))
    claim("h(n) -> 0 as n -> 0", sp.limit(hn, n, 0, "+") == 0)
    # entropy difference
    A = bb + d
    diff = (A + 1) * sp.log(A + 1) - A * sp.log(A) - ((bb + 1) * sp.log(bb + 1) - bb * sp.log(bb))
    form = d * sp.log((A + 1) / A) + (bb + 1) * sp.log(1 + d / (bb + 1)) - bb * sp.log(1 + d / bb)
    claim("h(b+d) - h(b) = d ln((a+1)/a) + [(b+1) ln(1+d/(b+1)) - b ln(1+d/b)]",
          zero(sp.expand_log(diff - form, force=True)))
    bracket = (bb + 1) * sp.log(1 + d / (bb + 1)) - bb * sp.log(1 + d / bb)
    ser = sp.series(bracket, d, 0, 3).removeO()
    claim("bracket = d^2/(2b(b+1)) + O(d^3)", zero(ser - d**2 / (2 * bb * (bb + 1))))
    phi = sp.log(1 + t) / t
    claim("phi(t) = ln(1+t)/t -> 1, phi'(0+) = -1/2",
          sp.limit(phi, t, 0) == 1 and sp.limit(sp.diff(phi, t), t, 0) == sp.Rational(-1, 2))
    # phi'' = integral_0^1 2 s^2/(1+s t)^3 ds > 0: check the integral equals phi''.
    u = sp.symbols("u", positive=True)
    claim("phi''(t) = int_0^1 2u^2/(1+ut)^3 du (so phi is convex)",
          zero(sp.simplify(sp.diff(phi, t, 2) - sp.integrate(2 * u**2 / (1 + u * t) ** 3, (u, 0, 1)))))
    # large-b form of h(b+d) - h(b) (used by thermalEntropyDifference for b >= 2)
    r_, s_ = sp.symbols("r s", positive=True)
    split = sp.log(1 + d / (1 + bb)) + (A * sp.log(1 + 1 / A) - bb * sp.log(1 + 1 / bb))
    claim("h(b+d) - h(b) = log1p(d/(1+b)) + [a log1p(1/a) - b log1p(1/b)]  (nats)",
          zero(sp.expand_log(diff - split, force=True)))
    psi = sp.log(1 + r_) / r_
    K = 10
    claim("psi(r) = ln(1+r)/r = sum_k (-1)^k r^k/(k+1)  (through r^9)",
          zero(sp.series(psi, r_, 0, K).removeO() - sum((-1) ** j * r_**j / (j + 1) for j in range(K))))
    claim("t log1p(1/t) = psi(1/t)", zero(sp.expand_log((t * sp.log(1 + 1 / t)) - psi.subs(r_, 1 / t), force=True)))
    S = [None, sp.Integer(1)]
    for j in range(1, K):
        S.append(sp.expand(r_ * S[j] + s_**j))  # S_{k+1} = r S_k + s^k
    claim("S_k = r^(k-1) + r^(k-2) s + ... + s^(k-1) satisfies r^k - s^k = (r - s) S_k (k = 1..9)",
          all(zero(r_**j - s_**j - (r_ - s_) * S[j]) for j in range(1, K)))
    claim("psi(s) - psi(r) = (r - s) sum_k (-1)^(k+1) S_k/(k+1)  (termwise, k = 1..9)",
          zero(sum((-1) ** j * (s_**j - r_**j) / (j + 1) for j in range(1, K))
               - (r_ - s_) * sum((-1) ** (j + 1) * S[j] / (j + 1) for j in range(1, K))))
    claim("r - s = d/(a b) for r = 1/b, s = 1/a", zero(1 / bb - 1 / A - d / (A * bb)))
    claim("r <= 1/2: S_(k+1) <= 2 r S_k <= S_k  (S_(k+1) - 2r S_k = s^k - r S_k <= 0 since s^(k-1) <= S_k, s <= r)",
          all(zero(S[j + 1] - 2 * r_ * S[j] - (s_**j - r_ * S[j])) for j in range(1, K - 1)))
    # small-eps expansion at T = 1
    zL0 = sp.sqrt(4 + D.subs(L, 0))
    plus0 = e + 4 * e * mu / (zL0 + 2 + e)
    prod0 = 4 * e * mu * (1 + mu) * e / (2 + e * (1 + 2 * mu) + zL0)
    sp_plus = sp.series(plus0, e, 0, 3).removeO()
    sp_minus = sp.series(prod0 / plus0, e, 0, 3).removeO()
    claim("T=1: nu+ - 1 = eps(1+mu) - eps^2 mu(1+mu)/2 + O(eps^3)",
          zero(sp_plus - (e * (1 + mu) - e**2 * mu * (1 + mu) / 2)))
    claim("T=1: nu- - 1 = eps mu - eps^2 mu(1+mu)/2 + O(eps^3)",
          zero(sp_minus - (e * mu - e**2 * mu * (1 + mu) / 2)))
    # h(n) = n(1 - ln n) + n^2/2 + O(n^3)
    claim("h(n) = n - n ln n + n^2/2 + O(n^3)  (nats)",
          zero(sp.expand(sp.series(hn, n, 0, 3).removeO() - (n - n * sp.log(n) + n**2 / 2))))
    # assemble the leading and next order of chi at T = 1 from the two expansions
    np_ = e * (1 + mu) / 2 - e**2 * mu * (1 + mu) / 4
    nm_ = e * mu / 2 - e**2 * mu * (1 + mu) / 4
    n3_ = e / 2
    lead = lambda x: x - x * sp.log(x)
    first = sp.expand_log(lead(e * (1 + mu) / 2) + lead(e * mu / 2) - lead(n3_), force=True)
    target1 = sp.expand_log(e * mu * sp.log(2 * sp.E / e) - e / 2 * ((1 + mu) * sp.log(1 + mu) + mu * sp.log(mu)), force=True)
    claim("T=1: chi = eps mu ln(2e/eps) - (eps/2)[(1+mu)ln(1+mu) + mu ln mu] + O(eps^2 ln eps)  (nats)",
          zero(first - target1))
    # second order: dn * h'(n) with h'(n) = -ln n + O(n), plus the n^2/2 terms
    dn = -(e**2) * mu * (1 + mu) / 4
    second = dn * (-sp.log(e * (1 + mu) / 2)) + dn * (-sp.log(e * mu / 2)) + ((e * (1 + mu) / 2) ** 2 + (e * mu / 2) ** 2 - (e / 2) ** 2) / 2
    target2 = -(e**2) * mu * (1 + mu) / 2 * (sp.log(2 / e) - sp.log(mu * (1 + mu)) / 2 - sp.Rational(1, 2))
    claim("T=1: eps^2 term = -(eps^2 mu(1+mu)/2)[ln(2/eps) - ln(mu(1+mu))/2 - 1/2]  (nats)",
          zero(sp.expand_log(second - target2, force=True)))
    # R < 1: numerator - denominator = ln(1+mu)/(2 mu) - 3/2
    ell = sp.symbols("ell", positive=True)
    Rnum = ell - sp.log(mu * (1 + mu)) / 2 - sp.Rational(1, 2)
    Rden = ell + 1 - ((1 + mu) * sp.log(1 + mu) + mu * sp.log(mu)) / (2 * mu)
    claim("R numerator - denominator = ln(1+mu)/(2mu) - 3/2",
          zero(sp.expand_log(Rnum - Rden - (sp.log(1 + mu) / (2 * mu) - sp.Rational(3, 2)), force=True)))
    npass = sum(1 for _, ok in results if ok)
    print(f"  {npass}/{len(results)} symbolic identities hold")
    return results


# ----------------------------------------------------------------------------
# Part B: 60-digit numerics
# ----------------------------------------------------------------------------
LN2 = None


def h_mp(nn):
    """h(n) in bits, no-cancellation form."""
    if nn == 0:
        return mpf(0)
    return (mpmath.log1p(nn) + nn * mpmath.log1p(1 / nn)) / LN2


def h_mp_textbook(nn):
    if nn == 0:
        return mpf(0)
    return ((nn + 1) * mpmath.log(nn + 1) - nn * mpmath.log(nn)) / LN2


def g_mp_textbook(nu):
    """g(nu) as written in docs/model.md#conventions (textbook, subtracts)."""
    if nu == 1:
        return mpf(0)
    x1 = (nu + 1) / 2
    x0 = (nu - 1) / 2
    return (x1 * mpmath.log(x1) - x0 * mpmath.log(x0)) / LN2


def hdiff_mp(b, d):
    """h(b+d) - h(b) via the identity; returns (value, lead, bracket)."""
    if d == 0:
        return mpf(0), mpf(0), mpf(0)
    A = b + d
    lead = d * mpmath.log1p(1 / A)
    if b == 0:
        return h_mp(d), lead / LN2, (h_mp(d) - lead / LN2)
    bracket = (b + 1) * mpmath.log1p(d / (b + 1)) - b * mpmath.log1p(d / b)
    return (lead + bracket) / LN2, lead / LN2, bracket / LN2


def excess_mp(mu, L, e):
    """Cancellation-free nu+ - 1, nu- - 1, delta, D, z."""
    T = 1 - L
    muL = mu * L
    D = 8 * muL + 4 * muL**2 + 4 * e * (1 + mu * (1 + T)) + e**2
    z = mpmath.sqrt(4 + D)
    s = e + 2 * muL
    delta = 4 * e * mu * T / (z + 2 + s)
    plus = e + delta
    if plus > 0:
        q = 2 * muL + e * (1 + 2 * mu)
        prod = 4 * e * mu * (1 + mu) * (2 * L + e) / (2 + q + z)
        minus = prod / plus
    else:
        minus = (D / (z + 2) + 2 * muL) / 2
    return plus, minus, delta, D, z


def chi_mp(mu, L, e):
    plus, minus, delta, _, _ = excess_mp(mu, L, e)
    return hdiff_mp(e / 2, delta / 2)[0] + h_mp(minus / 2)


def textbook_mp(mu, L, e):
    """The textbook closed form (Leak.m), evaluated at working precision."""
    T = 1 - L
    V = 2 * mu + 1
    a = V
    b = T * (V - 1) + 1 + e
    c2 = T * (V * V - 1)
    z = mpmath.sqrt((a + b) ** 2 - 4 * c2)
    nup = (z + (b - a)) / 2
    num_ = (z - (b - a)) / 2
    nu3 = b - c2 / (a + 1)
    Dt = (a + b) ** 2 - 4 * c2 - 4
    return nup, num_, nu3, Dt


def relerr(x, ref):
    if ref == 0:
        return abs(x)
    return abs(x - ref) / abs(ref)


def sample_points(rng, npts):
    pts = []
    for i in range(npts):
        mu = 10 ** rng.uniform(-8, 4)
        r = rng.random()
        if r < 0.15:
            L = 0.0
        elif r < 0.25:
            L = 1 - 10 ** rng.uniform(-12, -0.3)  # close to 1
        else:
            L = 10 ** rng.uniform(-12, math.log10(0.999999))
        r = rng.random()
        eps = 0.0 if r < 0.15 else 10 ** rng.uniform(-15, 1)
        pts.append((mu, L, eps))
    # deterministic corners
    for mu in (1e-8, 1e-3, 0.5, 4.0, 1e4):
        for L in (0.0, 1e-12, 1e-6, 0.5, 1 - 1e-9, 1.0):
            for eps in (0.0, 1e-15, 1e-8, 1 / 392, 10.0):
                pts.append((mu, L, eps))
    return pts


def part_b(pts, digits=60):
    global LN2
    print(f"Part B: mpmath at {digits} significant digits, {len(pts)} points")
    mp.dps = digits
    LN2 = mpmath.log(2)
    worst = {k: (mpf(0), None) for k in (
        "D", "nu+ - 1", "nu- - 1", "nu3 - 1", "h(n) log1p form", "entropy-difference identity", "chi_W vs textbook",
        "pure loss h(mu L)")}

    def upd(key, err, pt):
        if err > worst[key][0]:
            worst[key] = (err, pt)

    TOL = mpf(10) ** (-(digits - 25))  # identities: 35 digits left after the textbook's worst cancellation
    nbracket_bad = nbound_bad = nmono_bad = 0
    for (mu_f, L_f, e_f) in pts:
        mu, L, e = mpf(mu_f), mpf(L_f), mpf(e_f)
        plus, minus, delta, D, z = excess_mp(mu, L, e)
        # reference: textbook at extra precision (it cancels; give it 40 more digits)
        with mpmath.workdps(digits + 40):
            nup_t, num_t, nu3_t, Dt = textbook_mp(mu, L, e)
            ref_plus, ref_minus, ref_3 = nup_t - 1, num_t - 1, nu3_t - 1
            chi_t = (g_mp_textbook(nup_t) if nup_t > 1 else mpf(0)) + (g_mp_textbook(num_t) if num_t > 1 else mpf(0)) \
                - (g_mp_textbook(nu3_t) if nu3_t > 1 else mpf(0))
        upd("D", relerr(D, Dt), (mu_f, L_f, e_f))
        upd("nu+ - 1", relerr(plus, ref_plus), (mu_f, L_f, e_f))
        upd("nu- - 1", relerr(minus, ref_minus), (mu_f, L_f, e_f))
        upd("nu3 - 1", relerr(e, ref_3), (mu_f, L_f, e_f))
        chi = hdiff_mp(e / 2, delta / 2)[0] + h_mp(minus / 2)
        upd("chi_W vs textbook", relerr(chi, chi_t), (mu_f, L_f, e_f))
        for nn in (plus / 2, minus / 2, e / 2):
            if nn > 0:
                with mpmath.workdps(digits + 40):
                    href = h_mp_textbook(nn)
                upd("h(n) log1p form", relerr(h_mp(nn), href), (mu_f, L_f, e_f))
        if e > 0 and delta > 0:
            val, lead, br = hdiff_mp(e / 2, delta / 2)
            with mpmath.workdps(digits + 40):
                direct = h_mp_textbook(e / 2 + delta / 2) - h_mp_textbook(e / 2)
            upd("entropy-difference identity", relerr(val, direct), (mu_f, L_f, e_f))
            bq = e / 2
            dq = delta / 2
            bound = dq**2 / (2 * bq * (bq + 1)) / LN2
            if not (br >= 0 and br <= bound * (1 + mpf(10) ** (-(digits - 10)))):
                nbracket_bad += 1
        if e == 0:
            upd("pure loss h(mu L)", relerr(chi, h_mp(mu * L)), (mu_f, L_f, e_f))
            if L == 0 and chi != 0:
                nbound_bad += 1
        hmu = h_mp(mu)
        if not (chi >= 0 and chi <= hmu):
            nbound_bad += 1
        if L == 1 and relerr(chi, hmu) > TOL:  # T = 0: the bound h(mu) is attained
            nbound_bad += 1
        # monotonicity: small and large steps up in eps, mu, L
        for r in (mpf("1e-6"), mpf("0.3")):
            up = [
                chi_mp(mu, L, e * (1 + r) if e > 0 else r * mpf("1e-10")),
                chi_mp(mu * (1 + r), L, e),
                chi_mp(mu, L + (1 - L) * r, e) if L < 1 else chi,
            ]
            for u in up:
                if u < chi * (1 - mpf(10) ** (-(digits - 15))):
                    nmono_bad += 1
    print("  worst relative error, cancellation-free form vs textbook form at %d digits:" % (digits + 40))
    for k, (err, pt) in worst.items():
        tol = TOL
        ok = err <= tol
        check("B: " + k, ok, f"err={mpmath.nstr(err, 3)} at (mu, L, eps)={pt}")
        print(f"    {k:32s} {mpmath.nstr(err, 3):>10s}   (tolerance {mpmath.nstr(tol, 2)})")
    check("B: bracket in [0, d^2/(2b(b+1))]", nbracket_bad == 0, f"{nbracket_bad} violations")
    check("B: 0 <= chi_W <= h(mu), chi_W(mu,1,0) = 0, chi_W(mu,0,eps) = h(mu) at T = 0", nbound_bad == 0, f"{nbound_bad} violations")
    check("B: chi_W non-decreasing in eps, mu, L", nmono_bad == 0, f"{nmono_bad} violations")
    print(f"    bracket bound violations: {nbracket_bad}; 0 <= chi <= h(mu) violations: {nbound_bad}; "
          f"monotonicity violations: {nmono_bad} (of {6 * len(pts)} steps)")
    return worst


def series_sum_mp(b, d, tol=None):
    """sum_k (-1)^(k+1) S_k/(k+1) with r = 1/b, s = 1/(b+d); returns (sum, terms_decreasing)."""
    r = 1 / b
    sv = 1 / (b + d)
    tol = tol or mpf(10) ** (-(mp.dps + 5))
    total, sk, spow, sign, prev, decreasing = mpf(0), mpf(1), mpf(1), 1, None, True
    for k in range(1, 100000):
        term = sk / (k + 1)
        if prev is not None and term > prev:
            decreasing = False
        prev = term
        total += sign * term
        if term <= tol * abs(total):
            break
        spow *= sv
        sk = r * sk + spow
        sign = -sign
    return total, decreasing


def part_b_series(rng, npts=400):
    print(f"Part B3: large-b series form of h(b+d) - h(b), b in [2, 1e4], d/b in [1e-12, 1e6] ({npts} points, 60 digits)")
    mp.dps = 60
    worst = mpf(0)
    bad = 0
    for i in range(npts):
        b = mpf(2) * mpf(10) ** mpf(rng.uniform(0, 3.7)) if i > 0 else mpf(2)
        d = b * mpf(10) ** mpf(rng.uniform(-12, 6))
        ssum, decreasing = series_sum_mp(b, d)
        val = (mpmath.log1p(d / (1 + b)) + d / ((b + d) * b) * ssum) / LN2
        with mpmath.workdps(mp.dps + 40):
            ref = h_mp_textbook(b + d) - h_mp_textbook(b)
        worst = max(worst, relerr(val, ref))
        if not (decreasing and mpf(1) / 6 <= ssum <= mpf(1) / 2):
            bad += 1
    print(f"    worst relative error vs direct difference: {mpmath.nstr(worst, 3)}; sum outside [1/6, 1/2] "
          f"or terms not decreasing: {bad}")
    check("B3: large-b series form equals h(b+d) - h(b)", worst <= mpf(10) ** (-35), mpmath.nstr(worst, 3))
    check("B3: series terms decrease and the sum lies in [1/6, 1/2] for b >= 2", bad == 0, str(bad))


def part_b_asymptote():
    print("Part B2: small-eps expansion at T = 1 (60 digits)")
    mp.dps = 60

    def asym(mu, e):
        return (e * mu * mpmath.log(2 * mpmath.e / e) - e / 2 * ((1 + mu) * mpmath.log(1 + mu) + mu * mpmath.log(mu))) / LN2

    def second(mu, e):
        return -(e**2 * mu * (1 + mu) / 2) * (mpmath.log(2 / e) - mpmath.log(mu * (1 + mu)) / 2 - mpf(1) / 2) / LN2

    def R(mu, e):
        ell = mpmath.log(2 / e)
        return (ell - mpmath.log(mu * (1 + mu)) / 2 - mpf(1) / 2) / (ell + 1 - ((1 + mu) * mpmath.log(1 + mu) + mu * mpmath.log(mu)) / (2 * mu))

    print("    mu        eps      rel.err of asymptote   rel/eps   eps(1+mu)R/2 / rel   residual after eps^2 term / (eps(1+mu))^2")
    worst_res = mpf(0)
    ok = True
    for mu in (mpf("1e-6"), mpf("1e-2"), mpf(1), mpf(4), mpf(100), mpf(1000)):
        for e in (mpf("1e-3"), mpf("1e-6"), mpf("1e-9"), mpf("1e-12")):
            if e * mu > mpf("1e-2"):
                continue
            x = chi_mp(mu, mpf(0), e)
            A = asym(mu, e)
            rel = (A - x) / x
            pred = e * (1 + mu) * R(mu, e) / 2
            res = (x - A - second(mu, e)) / x
            scaled = res / (e * (1 + mu)) ** 2
            worst_res = max(worst_res, abs(scaled))
            ok = ok and rel > 0 and abs(pred / rel - 1) < 10 * e * (1 + mu) and abs(scaled) < 1
            print(f"    {mpmath.nstr(mu, 3):8s} {mpmath.nstr(e, 3):8s} {mpmath.nstr(rel, 5):>14s}  {mpmath.nstr(rel / e, 5):>10s}"
                  f"   {mpmath.nstr(pred / rel, 8):>12s}         {mpmath.nstr(scaled, 3):>8s}")
    check("B2: asymptote overestimates, rel.err = eps(1+mu)R/2 (1 + O(eps(1+mu))), remainder O((eps(1+mu))^2)", ok)
    print(f"    worst |residual|/(eps(1+mu))^2 = {mpmath.nstr(worst_res, 3)}")


# ----------------------------------------------------------------------------
# Part C: float64 mirror of the kernel, and the textbook form in float64
# ----------------------------------------------------------------------------
def h64(n):
    if n == 0:
        return 0.0
    inv = 1 / n
    tail = -n * math.log(n) if inv == math.inf else n * math.log1p(inv)
    return (math.log1p(n) + tail) / math.log(2)


def _large_b64(a, b, d):
    r = 1 / b
    sv = 1 / a
    total, sk, spow, sign = 0.0, 1.0, 1.0, 1
    for k in range(1, 201):
        term = sign * sk / (k + 1)
        total += term
        if abs(term) <= 2.0 ** -54 * abs(total):
            break
        spow *= sv
        sk = r * sk + spow
        sign = -sign
    return (math.log1p(d / (1 + b)) + (d / (a * b)) * total) / math.log(2)


def hdiff64(b, d):
    """Mirror of src/kernels/thermalEntropyDifference.ts (three branches)."""
    if d == 0:
        return 0.0
    a = b + d
    if a == math.inf:
        return math.inf
    if b >= 2:
        return _large_b64(a, b, d)
    if b == 0 or d >= b:
        return h64(a) - h64(b)
    lead = d * ((math.log1p(a) - math.log(a)) if a < 1e-300 else math.log1p(1 / a))
    u = d / b
    if u < 1e-4:
        # series form of the bracket, as in the TS kernel: d(u - v)[1/2 - (u+v)/3 + (u^2+uv+v^2)/4 - (u+v)(u^2+v^2)/5]
        v = d / (b + 1)
        umv = d / (b * (b + 1))
        bracket = d * umv * (0.5 - (u + v) / 3 + (u * u + u * v + v * v) / 4 - (u + v) * (u * u + v * v) / 5)
    else:
        bracket = (b + 1) * math.log1p(d / (b + 1)) - b * math.log1p(u)
    return (lead + bracket) / math.log(2)


def hdiff_branch(b, d):
    if b >= 2:
        return "series (b >= 2)"
    if b == 0 or d >= b:
        return "direct (b < 2, d >= b)"
    return "identity (7.1) (b < 2, d < b)"


def excess64(mu, loss, eps):
    # Mirror of src/bounds/holevoWeightKernel.ts: eps factored out of nu+ - 1 = eps(1 + r)
    # and of the eigenvalue product before dividing (no eps = 0 branch, no underflow).
    t = 1 - loss
    muL = mu * loss
    dd = 8 * muL + 4 * muL * muL + 4 * eps * (1 + mu * (1 + t)) + eps * eps
    z = math.sqrt(4 + dd)
    s = eps + 2 * muL
    r = (4 * mu * t) / (z + 2 + s)
    q = 2 * muL + eps * (1 + 2 * mu)
    minus = (4 * mu * (1 + mu) * (2 * loss + eps)) / ((2 + q + z) * (1 + r))
    return eps * (1 + r), minus, eps * r


def chi64(mu, loss, eps):
    plus, minus, delta = excess64(mu, loss, eps)
    return hdiff64(eps / 2, delta / 2) + h64(minus / 2)


def g64(nu):
    nu = max(nu, 1.0)
    if nu == 1.0:
        return 0.0
    x1 = (nu + 1) / 2
    x0 = (nu - 1) / 2
    return (x1 * math.log2(x1) - x0 * math.log2(x0))


def textbook64(V, T, eps, parts=False):
    a = V
    b = T * (V - 1) + 1 + eps
    c2 = T * (V * V - 1)
    z = math.sqrt((a + b) * (a + b) - 4 * c2)
    nup, num_, nu3 = (z + (b - a)) / 2, (z - (b - a)) / 2, b - c2 / (a + 1)
    if parts:
        return nup - 1, num_ - 1, nu3 - 1
    return g64(nup) + g64(num_) - g64(nu3)


def part_c(pts):
    print("Part C: float64 (Python mirror of the TS kernel) against 60-digit values")
    mp.dps = 60
    worst = {"nu+ - 1": (0.0, None), "nu- - 1": (0.0, None), "chi_W": (0.0, None)}
    for (mu, L, e) in pts:
        p64, m64, _ = excess64(mu, L, e)
        pm, mm, _, _, _ = excess_mp(mpf(mu), mpf(L), mpf(e))
        cm = chi_mp(mpf(mu), mpf(L), mpf(e))
        c64 = chi64(mu, L, e)
        for k, x, ref in (("nu+ - 1", p64, pm), ("nu- - 1", m64, mm), ("chi_W", c64, cm)):
            err = float(relerr(mpf(x), ref))
            if err > worst[k][0]:
                worst[k] = (err, (mu, L, e))
    for k, (err, pt) in worst.items():
        print(f"    worst float64 relative error of {k:8s}: {err:.3g} at (mu, L, eps) = {pt}")
    check("C: float64 cancellation-free chi_W within 1e-12 relative", worst["chi_W"][0] <= 1e-12, str(worst["chi_W"]))
    # thermalEntropyDifference on its own, per branch
    rng = random.Random(7)
    wb = {}
    for i in range(6000):
        b = 10 ** rng.uniform(-15, 4)
        d = b * 10 ** rng.uniform(-12, 6)
        ref = hdiff_mp(mpf(b), mpf(d))[0] if b < 2 else None
        if ref is None:
            with mpmath.workdps(100):
                ref = h_mp_textbook(mpf(b) + mpf(d)) - h_mp_textbook(mpf(b))
        err = float(relerr(mpf(hdiff64(b, d)), ref))
        br = hdiff_branch(b, d)
        if err > wb.get(br, (0.0,))[0]:
            wb[br] = (err, (b, d))
    for br, (err, pt) in sorted(wb.items()):
        print(f"    thermalEntropyDifference mirror, branch {br:30s}: worst relative error {err:.3g} at (b, d) = {pt}")
    # cancellation factor of the direct branch: (h(a) + h(b))/(h(a) - h(b)) for a >= 2b, b < 2
    worst_c = (mpf(0), None)
    for i in range(1, 401):
        bq = mpf(10) ** (-12 + i * (12 + mpmath.log10(2)) / 400) * (1 - mpf(10) ** -30)
        for fac in (2, 2.5, 3, 5, 10, 100):
            aq = fac * bq
            cf = (h_mp(aq) + h_mp(bq)) / (h_mp(aq) - h_mp(bq))
            if cf > worst_c[0]:
                worst_c = (cf, (float(bq), fac))
    print(f"    direct branch: largest cancellation factor (h(a)+h(b))/(h(a)-h(b)) for a >= 2b, b < 2: "
          f"{mpmath.nstr(worst_c[0], 4)} at (b, a/b) = {worst_c[1]}")
    check("C: direct-branch cancellation factor below 8", worst_c[0] < 8)
    check("C: thermalEntropyDifference mirror within 1e-14 relative on every branch",
          all(err <= 1e-14 for err, _ in wb.values()), str(wb))
    # textbook digit loss
    print("    textbook form in float64 (as Leak.m), T = 1 unless stated:")
    print("      digits lost = log10(rel.err/u), u = 2^-53; columns: chi_W, then nu3 - 1 and nu- - 1 of the textbook form")
    print("      mu       T        eps       chi rel.err  lost  log10(V^2/(mu eps))   nu3-1 lost  log10(V/eps)   nu- - 1 lost")
    u = 2.0**-53
    for (mu, T, e) in ((4.0, 1.0, 1e-12), (4.0, 1.0, 1e-9), (4.0, 1.0, 1 / 392), (4.0, 1.0, 1e-6), (5e-5, 1.0, 1e-6),
                       (1e-3, 1.0, 1e-9), (100.0, 1.0, 1e-9), (4.0, 0.5, 1e-9), (500.0, 1.0, 1e-12)):
        V = 2 * mu + 1
        ref = chi_mp(mpf(mu), 1 - mpf(T), mpf(e))
        tb = textbook64(V, T, e)
        err = float(relerr(mpf(tb), ref))
        p64, m64, t64 = textbook64(V, T, e, parts=True)
        pm, mm, _, _, _ = excess_mp(mpf(mu), 1 - mpf(T), mpf(e))
        lost = lambda x: math.log10(max(x, u) / u)
        e3 = float(relerr(mpf(t64), mpf(e)))
        em = float(relerr(mpf(m64), mm))
        print(f"      {mu:<8g} {T:<8g} {e:<9.3g} {err:10.3g}  {lost(err):5.1f}        {math.log10(V * V / (mu * e)):5.1f}"
              f"            {lost(e3):5.1f}       {math.log10(V / e):5.1f}         {lost(em):5.1f}")
    return worst


def worked_values():
    print("Worked values (60 digits, bits):")
    mp.dps = 60
    for (mu, L, e) in ((4, 0, mpf(1) / 392), (4, mpf(1) / 2, 0), (4, 0, mpf("1e-12")), (1, mpf("1e-9"), mpf("1e-9"))):
        mu, L = mpf(mu), mpf(L)
        plus, minus, delta, _, _ = excess_mp(mu, L, e)
        print(f"    mu={mpmath.nstr(mu, 4)}, L={mpmath.nstr(L, 4)}, eps={mpmath.nstr(e, 6)}: nu+ - 1 = {mpmath.nstr(plus, 12)},"
              f" nu- - 1 = {mpmath.nstr(minus, 12)}, chi_W = {mpmath.nstr(chi_mp(mu, L, e), 15)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=20240805)
    args = ap.parse_args()
    t0 = time.time()
    part_a()
    rng = random.Random(args.seed)
    pts = sample_points(rng, args.points)
    part_b(pts)
    part_b_series(rng)
    part_b_asymptote()
    part_c(pts)
    worked_values()
    print(f"elapsed {time.time() - t0:.1f} s")
    if FAILURES:
        print(f"FAILED: {len(FAILURES)} check(s): " + "; ".join(FAILURES))
        sys.exit(1)
    print("ALL CHECKS PASSED")


if __name__ == "__main__":
    main()
