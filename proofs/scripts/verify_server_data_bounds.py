#!/usr/bin/env python3
"""Verify every identity of proofs/server-data-bounds.md.

Symbolic (sympy):
  * QFI of a thermal state in x (Fisher information of the photon-number law),
    the homodyne value, and F_Q/(2 I_hom) = 1 + 1/(4y(1+y));
  * thinning: the generating function of a geometric law thinned with
    probability s is geometric with mean k s; M rows give (1 + k s)^-M;
  * the sum of M geometric laws is negative binomial (generating functions);
  * the Z channel: h2(q) - p h2(q1) - (1-p) h2(q0) = p D(q1||q) + (1-p) D(q0||q),
    and D(a||b) = b Phi(a/b - 1) + (1-b) Phi((1-a)/(1-b) - 1);
  * the non-cancelling form of N h(k/N) - h(k);
  * second-order expansions in k: subadditive - counting (n = 1) and
    subadditive - symmetric.
Numeric (mpmath, 40 digits):
  * the values at N = M = 784, p = 0.5, G in {1.2, 2} of every model;
  * symmetric <= subadditive and symmetric <= Gamma on a grid; Gamma > subadditive
    at G = 1.001; counting > symmetric at N = 2, n = 1;
  * the finite-size test at m = 3 (chi-square with 2 degrees of freedom).

Exit status 0 when every check passes, 1 otherwise.
Usage:  python3 proofs/scripts/verify_server_data_bounds.py
"""
import sys

import mpmath as mp
import sympy as sp

from checks import COUNT, FAILURES, check, zero  # noqa: E402  (shared bookkeeping, proofs/scripts/checks.py)


def qfi():
    print("2. QFI of a thermal state in x")
    k, x = sp.symbols("k x", positive=True)
    nbar = k * x**2
    # Photon-number law p_m = nbar^m/(1 + nbar)^(m + 1): score in nbar is (m - nbar)/(nbar(1 + nbar)),
    # variance of m is nbar(1 + nbar), so the Fisher information in nbar is 1/(nbar(1 + nbar)).
    m = sp.symbols("m", nonnegative=True, integer=True)
    logp = m * sp.log(nbar) - (m + 1) * sp.log(1 + nbar)
    score = sp.diff(logp, x)
    check("score in x = (m - nbar)·(dnbar/dx)/(nbar(1 + nbar))", zero(score - (m - nbar) * sp.diff(nbar, x) / (nbar * (1 + nbar))))
    F = sp.diff(nbar, x) ** 2 / (nbar * (1 + nbar))
    check("F_Q = (dnbar/dx)^2/(nbar(nbar + 1)) = 4k/(1 + k x^2)", zero(F - 4 * k / (1 + k * x**2)))
    I_hom = 8 * k**2 * x**2 / (1 + 2 * k * x**2) ** 2
    y = sp.symbols("y", positive=True)
    ratio = sp.simplify((F / (2 * I_hom)).subs(x, sp.sqrt(y / k)))
    check("F_Q/(2 I_hom) = 1 + 1/(4y(1 + y)), y = k x^2", zero(ratio - (1 + 1 / (4 * y * (1 + y)))))
    M, n = sp.symbols("M n", positive=True)
    check("M x^2 F_Q at x^2 = 1/n is 4Mk/(n + k)", zero((M * x**2 * F).subs(x, 1 / sp.sqrt(n)) - 4 * M * k / (n + k)))


def thinning():
    print("3. Thinning of a geometric law; the negative binomial")
    k, s, z, eta = sp.symbols("k s z eta", positive=True)
    r = k / (1 + k)
    pgf = (1 - r) / (1 - r * z)  # geometric, mean k
    check("geometric pgf has mean k", zero(sp.diff(pgf, z).subs(z, 1) - k))
    thinned = sp.simplify(pgf.subs(z, 1 - s + s * z))
    check("thinned with probability s: geometric with mean k s", zero(thinned - 1 / (1 + k * s - k * s * z)))
    check("P(no photon in the mode) = 1/(1 + k s)", zero(thinned.subs(z, 0) - 1 / (1 + k * s)))
    twice = sp.simplify(thinned.subs(z, 1 - eta + eta * z))
    check("efficiency eta thins it again: mean eta k s", zero(twice - 1 / (1 + eta * k * s - eta * k * s * z)))
    M = 4
    nb = sp.series(pgf**M, z, 0, 8).removeO()
    rr = sp.symbols("r", positive=True)
    ok = all(zero(nb.coeff(z, L) - sp.binomial(L + M - 1, L) * (1 - r) ** M * r**L) for L in range(8))
    check("sum of M = 4 geometric laws: C(L + M - 1, L)(1 + k)^-M r^L for L < 8", ok)


def z_channel():
    print("4. The Z channel as expected divergences")
    p, q1, q0 = sp.symbols("p q1 q0", positive=True)
    h2 = lambda t: -t * sp.log(t) - (1 - t) * sp.log(1 - t)
    D = lambda a, b: a * sp.log(a / b) + (1 - a) * sp.log((1 - a) / (1 - b))
    q = p * q1 + (1 - p) * q0
    lhs = h2(q) - p * h2(q1) - (1 - p) * h2(q0)
    rhs = p * D(q1, q) + (1 - p) * D(q0, q)
    vals = {p: sp.Rational(3, 10), q1: sp.Rational(7, 10), q0: sp.Rational(1, 20)}
    check("I = p D(q1||q) + (1 - p) D(q0||q) (exact at a rational point)", abs(sp.N((lhs - rhs).subs(vals), 50)) < 1e-45)
    a, b = sp.symbols("a b", positive=True)
    Phi = lambda u: (1 + u) * sp.log(1 + u) - u
    form = b * Phi(a / b - 1) + (1 - b) * Phi((1 - a) / (1 - b) - 1)
    check("D(a||b) = b Phi(a/b - 1) + (1 - b) Phi((1-a)/(1-b) - 1)", abs(sp.N((D(a, b) - form).subs({a: sp.Rational(2, 7), b: sp.Rational(5, 9)}), 50)) < 1e-45)
    u = sp.symbols("u")
    v = u / (2 + u)
    loader = u * v + 2 * (1 + u) * sum(v ** (2 * j + 1) / (2 * j + 1) for j in range(1, 30))
    check("Loader's series u v + 2(1 + u) Σ v^(2j+1)/(2j+1) = Phi(u) at u = -1/2, 1/3", all(abs(sp.N((loader - Phi(u)).subs(u, val), 40)) < 1e-25 for val in (sp.Rational(-1, 2), sp.Rational(1, 3))))
    # Small k, n = 1 (p = 1/N, s = 1): subadditive - counting per data symbol, in nats, to second order.
    k = sp.symbols("k", positive=True)
    N, M = sp.symbols("N M", positive=True)
    pp = 1 / N
    qq = 1 - (1 + k) ** (-M)
    counting = -(pp * qq) * sp.log(pp * qq) - (1 - pp * qq) * sp.log(1 - pp * qq) - pp * (-qq * sp.log(qq) - (1 - qq) * sp.log(1 - qq))
    sub = (M / N) * (N * sp.log(1 + k / N) - sp.log(1 + k) + k * sp.log((N + k) / (1 + k)))
    for Nv, Mv in ((2, 1), (2, 7), (5, 3), (40, 12)):
        d = sp.series((sub - counting).subs({N: Nv, M: Mv}), k, 0, 3).removeO()
        expect = sp.Rational(1, Nv) * Mv * (Mv + 1) * k**2 / 2 * (sp.log(Nv) - (1 - sp.Rational(1, Nv)))
        check(f"subadditive - counting = (p M(M+1) k^2/2)(ln N - 1 + 1/N) + O(k^3) at N = {Nv}, M = {Mv}", zero(sp.expand(d - expect)))


def holevo_forms():
    print("5. Holevo bounds")
    k, N = sp.symbols("k N", positive=True)
    h = lambda t: (t + 1) * sp.log(t + 1) - t * sp.log(t)
    form = (N * sp.log(1 + k / N) - sp.log(1 + k)) + k * sp.log(1 + (N - 1) / (1 + k))
    vals = [{k: sp.Rational(1, 3), N: 7}, {k: sp.Rational(9, 10), N: 2}, {k: sp.Rational(1, 1000), N: 784}]
    check("N h(k/N) - h(k) = [N log1p(k/N) - log1p(k)] + k log1p((N - 1)/(1 + k))", all(abs(sp.N((N * h(k / N) - h(k) - form).subs(v), 50)) < 1e-45 for v in vals))
    # Second order in k of subadditive - symmetric (nats per layer): (M k^2/2)[(M + 1) ln(2N/(N + 1)) - (1 - 1/N)].
    for Nv, Mv in ((2, 1), (3, 2), (40, 12)):
        kk = sp.symbols("kk", positive=True)
        r = kk / (1 + kk)
        P = lambda L: sp.binomial(L + Mv - 1, L) * (1 + kk) ** (-Mv) * r**L
        sym = sum(P(L) * sp.log(sp.binomial(Nv + L - 1, L)) for L in range(1, 4))
        sub = Mv * (Nv * sp.log(1 + kk / Nv) - sp.log(1 + kk) + kk * sp.log(1 + (Nv - 1) / (1 + kk)))
        d = sp.series(sub - sym, kk, 0, 3).removeO()
        expect = Mv * kk**2 / 2 * ((Mv + 1) * sp.log(sp.Rational(2 * Nv, Nv + 1)) - (1 - sp.Rational(1, Nv)))
        check(f"subadditive - symmetric = (M k^2/2)[(M + 1) ln(2N/(N + 1)) - 1 + 1/N] + O(k^3) at N = {Nv}, M = {Mv}", zero(sp.expand(d - expect)))


mp.mp.dps = 40


def kk(G):
    G = mp.mpf(G)
    return (G - 1) / G


def hh(n):
    return mp.mpf(0) if n == 0 else ((n + 1) * mp.log(n + 1) - n * mp.log(n)) / mp.log(2)


def h2(q):
    return mp.mpf(0) if q in (0, 1) else -(q * mp.log(q, 2) + (1 - q) * mp.log(1 - q, 2))


def m_qfi(G, N, M, p):
    n = p * N
    return mp.log(1 + 4 * M * kk(G) / (n + kk(G)), 2) / 2


def m_counting(G, N, M, p, eta=1, d=0):
    s = 1 / (mp.mpf(p) * N)
    q1 = 1 - (1 + eta * kk(G) * s) ** (-M) * mp.e ** (-d * M)
    q0 = 1 - mp.e ** (-d * M)
    return h2(p * q1 + (1 - p) * q0) - p * h2(q1) - (1 - p) * h2(q0)


def m_sub(G, N, M):
    k = kk(G)
    return M * (N * hh(k / N) - hh(k)) / N


def m_sym(G, N, M):
    k = kk(G)
    if k == 0 or N == 1:
        return mp.mpf(0)
    r = k / (1 + k)
    P = (1 + k) ** (-M)
    f = mp.mpf(0)
    s = mp.mpf(0)
    L = 0
    while True:
        s += P * f
        if L > M * k + 50 and P * f < s * mp.mpf(10) ** -35:
            break
        P *= r * (L + M) / (L + 1)
        f += mp.log(mp.mpf(N + L) / (L + 1))
        L += 1
    return s / mp.log(2) / N


def m_gamma(G, N, M):
    b = M * kk(G)
    return (mp.loggamma(N + b) - mp.loggamma(b + 1) - mp.loggamma(N)) / mp.log(2) / N


def numbers():
    print("6. Numbers at N = M = 784 (bits per data symbol)")
    table = {}
    for G in ("1.2", "2"):
        row = {
            "qfi": m_qfi(G, 784, 784, mp.mpf("0.5")),
            "counting p=0.5": m_counting(G, 784, 784, mp.mpf("0.5")),
            "counting p=0.2": m_counting(G, 784, 784, mp.mpf("0.2")),
            "holevo-subadditive": m_sub(G, 784, 784),
            "holevo-symmetric": m_sym(G, 784, 784),
            "gamma form": m_gamma(G, 784, 784),
        }
        table[G] = row
        print(f"  G = {G}: " + ", ".join(f"{name} {mp.nstr(v, 10)}" for name, v in row.items()))
    expected = {  # the values the TypeScript doc comments and docs/cli.md state
        ("2", "qfi"): "1.1602285413688", ("2", "counting p=0.5"): "0.4253085197371", ("2", "counting p=0.2"): "0.6055876103998",
        ("2", "holevo-subadditive"): "4.651488664067558", ("2", "holevo-symmetric"): "1.3689665661213", ("2", "gamma form"): "1.369885151530",
        ("1.2", "qfi"): "0.61102100937513", ("1.2", "counting p=0.5"): "0.15866385540894", ("1.2", "counting p=0.2"): "0.3114844498431",
        ("1.2", "holevo-subadditive"): "1.5834685454118", ("1.2", "holevo-symmetric"): "0.6830505223926", ("1.2", "gamma form"): "0.683967612506",
    }
    for (G, name), v in expected.items():
        got = table[G][name]
        check(f"{name} at G = {G} is {v}…", abs(got - mp.mpf(v)) < mp.mpf(10) ** -(len(v) - 3), mp.nstr(got, 16))
    print("   orderings")
    bad = []
    for N in (2, 3, 10, 100, 784):
        for M in (1, 2, 10, 100, 784):
            for G in ("1.0001", "1.01", "1.2", "2", "10"):
                sym, sub, gam = m_sym(G, N, M), m_sub(G, N, M), m_gamma(G, N, M)
                if not (sym <= sub and sym <= gam):
                    bad.append((N, M, G))
    check("symmetric <= subadditive and <= Gamma form on 125 grid points", not bad, str(bad))
    check("Gamma form > subadditive at N = M = 784, G = 1.001", m_gamma("1.001", 784, 784) > m_sub("1.001", 784, 784),
          f"{mp.nstr(m_gamma('1.001', 784, 784), 8)} > {mp.nstr(m_sub('1.001', 784, 784), 8)}")
    c, s = m_counting("1.01", 2, 100, mp.mpf("0.5")), m_sym("1.01", 2, 100)
    check("counting > symmetric at N = 2, n = 1, M = 100, G = 1.01 (the anti-correlated pair)", c > s, f"{mp.nstr(c, 8)} > {mp.nstr(s, 8)}")


def finite_size():
    print("7. The finite-size test at m = 3 (two degrees of freedom)")
    delta, e_h, e_a = mp.mpf("0.1"), mp.mpf(0), mp.mpf(1)
    x = -2 * mp.log(delta / 2)  # upper delta/2 point of chi^2_2: CDF 1 - e^(-x/2)
    check("chi^2_2 upper point: 1 - CDF(x) = delta/2", abs(mp.e ** (-x / 2) - delta / 2) < mp.mpf(10) ** -35)
    thr = (1 + e_h) * x / 2
    p = mp.e ** (-(2 * thr / (1 + e_a)) / 2)
    check("p_eps = (delta/2)^((1 + eps_h)/(1 + eps_a)) = sqrt(0.05) here", abs(p - mp.sqrt(mp.mpf("0.05"))) < mp.mpf(10) ** -35, mp.nstr(p, 12))
    up = 1 / (-mp.log(1 - delta)) - 1
    check("upper limit at v = 1: 1/(-ln(1 - delta)) - 1 = 8.49122…", abs(up - mp.mpf("8.491221581029903")) < 1e-14, mp.nstr(up, 16))


def main():
    qfi()
    thinning()
    z_channel()
    holevo_forms()
    numbers()
    finite_size()
    print(f"\n{COUNT[0] - len(FAILURES)} of {COUNT[0]} checks passed")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
