#!/usr/bin/env python3
"""Verify proofs/server-data-bounds.md §5a: the displace-and-count figure (and every other
measurement of one mode at a time) is below the per-mode Holevo quantities, whose mean over the
N modes of a row is capped by the subadditive bound (M/N)[N h(k/N) - h(k)] bits per data symbol.

Symbolic (sympy 1.14):
  * h'(t) = ln(1 + 1/t), h''(t) = -1/(t(t + 1)) < 0, h(0+) = 0, h(t) - t h'(t) = ln(1 + t);
  * subadditivity h(a + b) <= h(a) + h(b) (derivative in a of the gap is h'(a) - h'(a + b) > 0)
    and the scaling h(lambda t) <= lambda h(t) for lambda >= 1, hence n h(k/n) >= h(k) for n >= 1;
  * the photon numbers of M i.i.d. geometric rows enter P(n | m) only through their total L;
  * first order in k: the per-mode form M[h(k/N) - p h(k/n)] equals the counting figure, and the
    cap exceeds both by (M k/N) ln n.
Numerical (mpmath 1.3, 40 digits, 60 for the small-k limits):
  * every step on the grid N in {2, 3, 10, 784}, M in {1, 2, 784}, G in {1.001, 1.2, 2, 10},
    p in {0.1, 0.5, 1}: real detectors <= ideal counting = per-mode Holevo (brute-force Fock sums
    for M <= 2) <= M[h(k/N) - p h(k/n)] <= the cap, and the closed form <= the cap, at every point
    with n = pN >= 1 (the code's domain); at the points with n < 1 the step that needs n >= 1
    reverses, and the closed form exceeds the cap at some of them;
  * random priors on unit vectors (N <= 4, M <= 3): each step of the general chain;
  * tightness: at n = 1 and k -> 0 the closed form reaches the cap to first order.

Exit status 0 when every check passes, 1 otherwise (proofs/scripts/checks.py).
Usage:  python3 proofs/scripts/verify_counting_cap.py
"""
import itertools
import random
import time

import mpmath as mp
import sympy as sp

from checks import check, finish, zero  # noqa: E402  (shared bookkeeping, proofs/scripts/checks.py)

START = time.time()
mp.mp.dps = 40
LN2 = mp.log(2)


# ---------------------------------------------------------------------------------------------
# 1. Symbolic facts about h
# ---------------------------------------------------------------------------------------------
def symbolic():
    print("1. Properties of h (nats; bits differ by the factor 1/ln 2)")
    t, a, b, lam, k = sp.symbols("t a b lambda k", positive=True)
    h = lambda u: (u + 1) * sp.log(u + 1) - u * sp.log(u)
    hp = lambda u: sp.log(1 + 1 / u)
    check("h'(t) = ln(1 + 1/t)", zero(sp.expand_log(sp.diff(h(t), t) - hp(t), force=True)))
    check("h''(t) = -1/(t(t + 1)) < 0: h is strictly concave", zero(sp.simplify(sp.diff(h(t), t, 2) + 1 / (t * (t + 1)))))
    check("h(0+) = 0", sp.limit(h(t), t, 0, "+") == 0)
    check("h(t) - t h'(t) = ln(1 + t) >= 0", zero(sp.expand_log(h(t) - t * hp(t) - sp.log(1 + t), force=True)))
    gap = h(a) + h(b) - h(a + b)
    check("subadditivity: d/da [h(a) + h(b) - h(a + b)] = h'(a) - h'(a + b) > 0 (h' decreasing), and the gap is 0 at a = 0",
          zero(sp.expand_log(sp.diff(gap, a) - (hp(a) - hp(a + b)), force=True)) and zero(sp.limit(gap, a, 0, "+")))
    scal = lam * h(t) - h(lam * t)
    check("scaling: d/dlambda [lambda h(t) - h(lambda t)] = h(t) - t h'(lambda t) >= h(t) - t h'(t) = ln(1 + t) for lambda >= 1; 0 at lambda = 1",
          zero(sp.expand_log(sp.diff(scal, lam) - (h(t) - t * hp(lam * t)), force=True)) and zero(scal.subs(lam, 1)))
    # spot values of the two inequalities at rationals (exact direction)
    vals = [(sp.Rational(1, 3), sp.Rational(2, 5)), (sp.Rational(1, 1000), 3), (2, sp.Rational(1, 7))]
    check("h(a + b) < h(a) + h(b) at three rational pairs (50 digits)", all(sp.N(gap.subs({a: u, b: v}), 50) > 0 for u, v in vals))
    check("n h(k/n) > h(k) for n = 2, 5/2, 392 and n h(k/n) < h(k) for n = 1/5 (k = 1/2)",
          all(sp.N(n * h(sp.Rational(1, 2) / n) - h(sp.Rational(1, 2)), 50) > 0 for n in (2, sp.Rational(5, 2), 392))
          and sp.N(sp.Rational(1, 5) * h(sp.Rational(5, 2)) - h(sp.Rational(1, 2)), 50) < 0)

    print("2. The total count of the M rows is sufficient (i.i.d. geometric rows)")
    m = sp.symbols("m", positive=True)
    n1, n2, n3 = sp.symbols("n1 n2 n3", nonnegative=True, integer=True)
    P = sp.prod([m**ni / (1 + m) ** (ni + 1) for ni in (n1, n2, n3)])
    L = n1 + n2 + n3
    check("P(n1, n2, n3 | m) = m^L/(1 + m)^(L + 3): depends on the counts only through L (M = 3)", zero(sp.simplify(P - m**L / (1 + m) ** (L + 3))))

    print("3. First order in k (nats per data symbol)")
    hN = lambda u: (u + 1) * sp.log(u + 1) - u * sp.log(u)
    h2 = lambda q: -q * sp.log(q) - (1 - q) * sp.log(1 - q)
    for Nv, Mv, nv in ((5, 3, 1), (5, 3, 2), (10, 2, sp.Rational(5, 2)), (7, 1, 7)):
        pv = sp.Rational(nv) / Nv
        q = 1 - (1 + k / nv) ** (-Mv)
        counting = h2(pv * q) - pv * h2(q)
        B1 = Mv * (hN(k / Nv) - pv * hN(k / nv))
        cap = sp.Rational(Mv, Nv) * (Nv * hN(k / Nv) - hN(k))
        d1 = sp.series(B1 - counting, k, 0, 2).removeO()  # every term of order <= k, k log k included
        d2 = sp.series(cap - B1, k, 0, 2).removeO()
        no_log_k2 = all(not sp.series(e, k, 0, 3).removeO().has(sp.log(k)) for e in (counting, B1, cap))  # the k^2 terms carry no log k
        ok = zero(sp.expand(d1)) and zero(sp.expand(d2 - sp.Rational(Mv, Nv) * k * sp.log(nv))) and no_log_k2
        check(f"N = {Nv}, M = {Mv}, n = {nv}: per-mode form - counting = O(k^2), cap - per-mode form = (M k/N) ln n + O(k^2)", ok)


# ---------------------------------------------------------------------------------------------
# numerical kernels (40 digits)
# ---------------------------------------------------------------------------------------------
def h(n):
    n = mp.mpf(n)
    return mp.mpf(0) if n == 0 else ((n + 1) * mp.log1p(n) - n * mp.log(n)) / LN2  # bits


def h2(q):
    return mp.mpf(0) if q <= 0 or q >= 1 else -(q * mp.log(q) + (1 - q) * mp.log1p(-q)) / LN2


def kk(G):
    G = mp.mpf(G)
    return (G - 1) / G


def counting(k, N, M, p, eta=1, d=0):
    """The closed form of §4 (bits per data symbol)."""
    s = 1 / (p * N)
    q1 = 1 - (1 + eta * k * s) ** (-M) * mp.exp(-d * M)
    q0 = 1 - mp.exp(-d * M)
    return h2(p * q1 + (1 - p) * q0) - p * h2(q1) - (1 - p) * h2(q0)


def per_mode_form(k, N, M, p):
    """M [h(k/N) - p h(k/n)]: the one-mode bound of steps (b)-(d) for the two-point prior (bits)."""
    return M * (h(k / N) - p * h(k / (p * N)))


def cap(k, N, M):
    """(M/N)[N h(k/N) - h(k)], the subadditive bound (bits per data symbol)."""
    return M * (N * h(k / N) - h(k)) / N


def geometric(m, n):
    return mp.mpf(1) if (m == 0 and n == 0) else (mp.mpf(0) if m == 0 else m**n / (1 + m) ** (n + 1))


def fock_holevo(k, N, M, p, cutoff=60):
    """Per-mode Holevo quantity of the two-point prior by brute force over the Fock states of M <= 2 rows (bits).
    All states are diagonal in the Fock basis, so chi = H(average law) - sum_x p_x H(law_x)."""
    s = 1 / (p * N)
    m1 = k * s
    def ent(P):
        return -sum(v * mp.log(v) for v in P if v > 0) / LN2
    laws1, laws0, avg = [], [], []
    for ns in itertools.product(range(cutoff), repeat=M):
        a1 = mp.fprod(geometric(m1, n) for n in ns)
        a0 = mp.mpf(1) if all(n == 0 for n in ns) else mp.mpf(0)
        laws1.append(a1)
        laws0.append(a0)
        avg.append(p * a1 + (1 - p) * a0)
    return ent(avg) - p * ent(laws1) - (1 - p) * ent(laws0)


def negbin(m, M, Lmax):
    """P(L | m) for L = 0..Lmax: the total count of M i.i.d. geometric rows of mean m."""
    if m == 0:
        return [mp.mpf(1)] + [mp.mpf(0)] * Lmax
    r = m / (1 + m)
    out = [(1 + m) ** (-M)]
    for L in range(Lmax):
        out.append(out[-1] * r * (L + M) / (L + 1))
    return out


def holevo_L(ps, ms, M, Lmax=220):
    """I(x; L) = per-mode Holevo quantity (bits) for a prior with weights ps and per-row means ms."""
    laws = [negbin(m, M, Lmax) for m in ms]
    avg = [sum(p * law[L] for p, law in zip(ps, laws)) for L in range(Lmax + 1)]
    tot = mp.mpf(0)
    for p, law in zip(ps, laws):
        tot += p * sum(v * mp.log(v / avg[L]) for L, v in enumerate(law) if v > 0)
    tail = max(law[-1] for law in laws)
    return tot / LN2, tail


# ---------------------------------------------------------------------------------------------
# 4. The grid
# ---------------------------------------------------------------------------------------------
def grid():
    print("4. The grid N x M x G x p = 4 x 3 x 4 x 3 (40 digits, bits per data symbol)")
    Ns, Ms, Gs, ps = (2, 3, 10, 784), (1, 2, 784), ("1.001", "1.2", "2", "10"), ("0.1", "0.5", "1")
    inside, outside = [], []
    for N, M, G, p in itertools.product(Ns, Ms, Gs, ps):
        (inside if mp.mpf(p) * N >= 1 else outside).append((N, M, G, p))
    ok_dp = ok_b = ok_e = ok_final = ok_real = True
    worst, worst_at, worst_real = mp.mpf(0), None, mp.mpf(0)
    for N, M, G, p in inside:
        k, pp = kk(G), mp.mpf(p)
        c = counting(k, N, M, pp)
        B1 = per_mode_form(k, N, M, pp)
        C = cap(k, N, M)
        tol = mp.mpf(10) ** -30 * (1 + C)
        for eta, d in (("0.6", "1e-3"), ("0.1", "0.05")):
            cr = counting(k, N, M, pp, mp.mpf(eta), mp.mpf(d))
            ok_dp &= cr <= c + tol
            ok_real &= cr <= C + tol
            if C > 0:
                worst_real = max(worst_real, cr / C)
        ok_b &= c <= B1 + tol
        ok_e &= B1 <= C + tol
        ok_final &= c <= C + tol
        if C > 0 and c / C > worst:
            worst, worst_at = c / C, (N, M, G, p)
    n_in = len(inside)
    check("(a) real detectors (eta, d) = (0.6, 1e-3), (0.1, 0.05) learn no more than ideal counting", ok_dp, f"{n_in} points with n >= 1")
    check("(b)-(d) ideal counting = per-mode Holevo <= M[h(k/N) - p h(k/n)]", ok_b, f"{n_in} points")
    check("(e) M[h(k/N) - p h(k/n)] <= (M/N)[N h(k/N) - h(k)] when n = pN >= 1", ok_e, f"{n_in} points")
    check("the closed form of §4 <= the cap at every grid point with n >= 1", ok_final,
          f"{n_in} points; largest ratio {mp.nstr(worst, 6)} at (N, M, G, p) = {worst_at}")
    check("... and so is every real-detector figure", ok_real, f"largest ratio {mp.nstr(worst_real, 6)}")

    # Holevo = ideal counting by brute force over Fock states (M <= 2; a subset of the grid to keep it fast)
    worst_f = mp.mpf(0)
    n_f = 0
    for N, M, G, p in inside:
        if M > 2 or N == 784 or mp.mpf(p) == 1:
            continue
        k, pp = kk(G), mp.mpf(p)
        r = k / (pp * N) / (1 + k / (pp * N))  # ratio of the geometric law on an active mode
        cut = int(mp.ceil(40 * mp.log(10) / -mp.log(r))) + 5  # omitted tail below 1e-38
        f = fock_holevo(k, N, M, pp, cut)
        c = counting(k, N, M, pp)
        worst_f = max(worst_f, abs(f - c) / c)
        n_f += 1
    check("(a) per-mode Holevo by brute-force Fock sums = the Z-channel closed form (M = 1, 2)", worst_f < mp.mpf(10) ** -25,
          f"{n_f} points, worst relative difference {mp.nstr(worst_f, 3)}")

    # outside the domain: n = pN < 1 (x_j^2 = 1/n > 1 is no unit vector)
    rev = all(mp.mpf(p) * N * h(kk(G) / (mp.mpf(p) * N)) < h(kk(G)) for N, M, G, p in outside)
    exceed = [(N, M, G, p, counting(kk(G), N, M, mp.mpf(p)) / cap(kk(G), N, M)) for N, M, G, p in outside]
    n_exc = sum(1 for e in exceed if e[4] > 1)
    big = max(exceed, key=lambda e: e[4])
    check("n < 1 (outside the code's domain): step (e) reverses at every such grid point, n h(k/n) < h(k)", rev, f"{len(outside)} points")
    check("n < 1: the closed form exceeds the cap at some grid points, so the hypothesis n >= 1 is needed", n_exc > 0,
          f"{n_exc} of {len(outside)} points; largest ratio {mp.nstr(big[4], 4)} at (N, M, G, p) = {big[:4]}")
    ex = counting(kk(2), 2, 1, mp.mpf("0.1")) / cap(kk(2), 2, 1)
    check("example: N = 2, p = 0.1 (n = 0.2), M = 1, G = 2: closed form / cap = 1.333", abs(ex - mp.mpf("1.33335")) < 1e-4, mp.nstr(ex, 6))

    print("   the defaults N = M = 784, G = 2, p = 1/2 (bits per data symbol)")
    k = kk(2)
    c, B1, C = counting(k, 784, 784, mp.mpf("0.5")), per_mode_form(k, 784, 784, mp.mpf("0.5")), cap(k, 784, 784)
    check("counting 0.4253085 <= per-mode form 0.4997701 <= cap 4.6514887", abs(c - mp.mpf("0.4253085197371")) < 1e-12 and abs(C - mp.mpf("4.651488664067558")) < 1e-14 and abs(B1 - mp.mpf("0.499770125058")) < 1e-11 and c < B1 < C,
          f"{mp.nstr(c, 10)} <= {mp.nstr(B1, 10)} <= {mp.nstr(C, 10)}")
    print(f"        per-mode form at the defaults: {mp.nstr(B1, 12)}; at G = 1.2: counting {mp.nstr(counting(kk('1.2'), 784, 784, mp.mpf('0.5')), 8)},"
          f" per-mode form {mp.nstr(per_mode_form(kk('1.2'), 784, 784, mp.mpf('0.5')), 8)}, cap {mp.nstr(cap(kk('1.2'), 784, 784), 8)}")


# ---------------------------------------------------------------------------------------------
# 5. General priors on unit vectors
# ---------------------------------------------------------------------------------------------
def general_priors():
    print("5. Random priors on unit vectors (N <= 4, M <= 3; each step of the general chain, 40 digits)")
    rng = random.Random(5)
    ok_bc = ok_d = ok_e = ok_sum = True
    worst_ratio = mp.mpf(0)
    tails = mp.mpf(0)
    n_cases = 0
    for trial in range(60):
        N = rng.choice([2, 3, 4])
        M = rng.choice([1, 2, 3])
        k = mp.mpf(rng.uniform(0.01, 0.99))
        K = rng.choice([2, 3, 5])
        ws = [mp.mpf(rng.random()) for _ in range(K)]
        ps = [w / sum(ws) for w in ws]
        xs = []
        for _ in range(K):
            v = [mp.mpf(rng.gauss(0, 1)) * (0 if rng.random() < 0.3 else 1) for _ in range(N)]
            if all(c == 0 for c in v):
                v[rng.randrange(N)] = mp.mpf(1)
            nv = mp.sqrt(sum(c * c for c in v))
            xs.append([c / nv for c in v])
        chis, rhs_bc = [], []
        for j in range(N):
            ms = [k * x[j] ** 2 for x in xs]
            chi, tail = holevo_L(ps, ms, M)
            tails = max(tails, tail)
            sbar = sum(p * x[j] ** 2 for p, x in zip(ps, xs))
            bc = M * (h(k * sbar) - sum(p * h(k * x[j] ** 2) for p, x in zip(ps, xs)))
            ok_bc &= chi <= bc + mp.mpf(10) ** -30
            chis.append(chi)
            rhs_bc.append(bc)
        sbars = [sum(p * x[j] ** 2 for p, x in zip(ps, xs)) for j in range(N)]
        ok_d &= sum(h(k * sb) for sb in sbars) <= N * h(k / N) + mp.mpf(10) ** -30
        Eh = sum(p * sum(h(k * c**2) for c in x) for p, x in zip(ps, xs))
        ok_e &= Eh >= h(k) - mp.mpf(10) ** -30
        C = M * (N * h(k / N) - h(k))
        ok_sum &= sum(chis) <= C + mp.mpf(10) ** -30
        worst_ratio = max(worst_ratio, sum(chis) / C)
        n_cases += 1
    check("(b)-(c) chi_j <= M[h(k sbar_j) - E h(k x_j^2)] for every mode", ok_bc, f"{n_cases} priors; negative-binomial tails < {mp.nstr(tails, 2)}")
    check("(d) sum_j h(k sbar_j) <= N h(k/N) (Jensen, sum_j sbar_j = 1)", ok_d)
    check("(e) E sum_j h(k x_j^2) >= h(k) (subadditivity, sum_j x_j^2 = 1)", ok_e)
    check("sum_j chi_j <= M[N h(k/N) - h(k)] bits per layer", ok_sum, f"largest ratio {mp.nstr(worst_ratio, 4)}")

    # the per-mode Holevo quantity from the total count L equals the brute-force Fock-state value (M = 2)
    ps = [mp.mpf("0.2"), mp.mpf("0.5"), mp.mpf("0.3")]
    ms = [mp.mpf("0.05"), mp.mpf("0.3"), mp.mpf(0)]
    viaL, _ = holevo_L(ps, ms, 2)
    laws = []
    for m in ms:
        laws.append([geometric(m, a) * geometric(m, b) for a in range(70) for b in range(70)])
    avg = [sum(p * law[i] for p, law in zip(ps, laws)) for i in range(len(laws[0]))]
    ent = lambda P: -sum(v * mp.log(v) for v in P if v > 0) / LN2
    brute = ent(avg) - sum(p * ent(law) for p, law in zip(ps, laws))
    check("a three-level prior, M = 2: I(x; L) = Holevo quantity over the Fock states of both rows", abs(viaL - brute) < mp.mpf(10) ** -25,
          f"{mp.nstr(viaL, 15)} vs {mp.nstr(brute, 15)}")


# ---------------------------------------------------------------------------------------------
# 6. Tightness
# ---------------------------------------------------------------------------------------------
def tightness():
    print("6. Where the cap is reached")
    with mp.workdps(60):
        ok = True
        worst = mp.mpf(1)
        for N in (2, 10, 784):
            for M in (1, 784):
                k = kk(1 + mp.mpf(10) ** -10)
                r = counting(k, N, M, mp.mpf(1) / N) / cap(k, N, M)
                worst = min(worst, r)
                ok &= r < 1
        check("n = 1, ideal detectors, k -> 0 (G = 1 + 1e-10): closed form / cap -> 1 from below", ok and worst > 1 - mp.mpf(10) ** -6,
              f"smallest ratio {mp.nstr(worst, 12)} over N in (2, 10, 784), M in (1, 784)")
        N, M = 10, 3
        k = mp.mpf(10) ** -8
        gap = (cap(k, N, M) - counting(k, N, M, mp.mpf(1) / N)) * LN2  # nats
        second = (mp.mpf(1) / N) * M * (M + 1) * k**2 / 2 * (mp.log(N) - 1 + mp.mpf(1) / N)
        check("n = 1: cap - closed form = (p M(M + 1) k^2/2)[ln N - 1 + 1/N] + O(k^3) nats (§4), at k = 1e-8", abs(gap / second - 1) < 1e-6,
              f"ratio {mp.nstr(gap / second, 10)}")
        k = mp.mpf(10) ** -9
        for n in (2, 7):
            r = (cap(k, 14, 5) - counting(k, 14, 5, mp.mpf(n) / 14)) * LN2 / ((mp.mpf(5) / 14) * k * mp.log(n))
            check(f"n = {n}: the cap exceeds the closed form by (M k/N) ln n at first order (k = 1e-9, N = 14, M = 5)", abs(r - 1) < 1e-6, f"ratio {mp.nstr(r, 10)}")
    k = mp.mpf("0.5")
    check("(e) is an equality iff x has one non-zero entry: h(k) + h(0) = h(k), but h(k/2) + h(k/2) > h(k)", 2 * h(k / 2) > h(k) and h(k) + h(0) == h(k))
    check("(d) is an equality for exchangeable priors (sbar_j = 1/N): N h(k/N) = sum_j h(k/N)", abs(sum(h(k / 5) for _ in range(5)) - 5 * h(k / 5)) < mp.mpf(10) ** -35)
    # (b)-(c) at M = 2: the two-point prior's M-row average is not a product, so the bound is strict for k > 0
    N, M, p = 4, 2, mp.mpf("0.25")
    f = fock_holevo(k, N, M, p, 60)
    check("(b)-(c) are strict at finite k (N = 4, M = 2, n = 1, k = 1/2): chi_j < M[h(k/N) - p h(k/n)]", f < per_mode_form(k, N, M, p),
          f"{mp.nstr(f, 8)} < {mp.nstr(per_mode_form(k, N, M, p), 8)}")


def main():
    symbolic()
    grid()
    general_priors()
    tightness()
    print(f"run time {time.time() - START:.1f} s")
    finish()


if __name__ == "__main__":
    main()
