#!/usr/bin/env python3
"""Verify every identity of proofs/data-leakage.md.

Symbolic (sympy):
  * Fisher information of a zero-mean normal whose variance depends on x,
    computed as E[(d/dx log p)^2] by integration, and its value for
    sigma^2 = 1 + k x^2;
  * the 2024 figure (sigma^4 and sigma^8 variants), at x = 1/sqrt(n);
  * the 2025 formula rewritten as 1/2 log2(1 + (M/n) k^2/(1+k)) and the
    multi-mode homodyne Fisher information k^2/(1+k) on directions tangent
    to the unit sphere (explicit 3-mode computation), with the constrained
    Cramer-Rao bound;
  * the single-mode QFI of a thermal state and homodyne <= QFI;
  * the amplify-then-split measurement: means, variances, commutators,
    DX2(G), its minimum at G = 2 + sqrt(2), DX2 = 2 sqrt(2) - 1.
Numeric: the doc-comment examples of the qsdl functions, and the authors'
CCRB1 values (the repository's copy, test/fixtures/ccrb1_grid.csv).

Exit status 0 when every check passes, 1 otherwise.
Usage:  python3 proofs/scripts/verify_data_leakage.py
"""
import csv
import math
import os

import sympy as sp

from checks import check, finish, zero  # noqa: E402  (shared bookkeeping, proofs/scripts/checks.py)


def fisher_gaussian_variance():
    print("1. Fisher information of N(0, v(x))")
    y = sp.symbols("y", real=True)
    v, vp = sp.symbols("v vprime", positive=True)  # v = sigma^2(x), vp = d sigma^2 / dx
    pdf = sp.exp(-y**2 / (2 * v)) / sp.sqrt(2 * sp.pi * v)
    logp = -sp.log(2 * sp.pi * v) / 2 - y**2 / (2 * v)
    score = vp * sp.diff(logp, v)  # chain rule: d/dx = v'(x) d/dv
    check("score = v'(y^2 - v)/(2 v^2)", zero(score - vp * (y**2 - v) / (2 * v**2)))
    mean_score = sp.integrate(score * pdf, (y, -sp.oo, sp.oo))
    check("E[score] = 0", zero(mean_score))
    I = sp.integrate(score**2 * pdf, (y, -sp.oo, sp.oo))
    check("I = E[score^2] = v'^2/(2 v^2)  (= (d sigma^2/dx)^2 / (2 sigma^4))", zero(I - vp**2 / (2 * v**2)))
    check("E[y^4] = 3 v^2 (so Var(y^2) = 2 v^2)", zero(sp.integrate(y**4 * pdf, (y, -sp.oo, sp.oo)) - 3 * v**2))
    x, k, G, n = sp.symbols("x k G n", positive=True)
    s2 = 1 + k * x**2
    Ix = (sp.diff(s2, x)) ** 2 / (2 * s2**2)
    check("sigma^2 = 1 + k x^2:  I(x) = 2 k^2 x^2 / sigma^4", zero(Ix - 2 * k**2 * x**2 / s2**2))
    check("k = 2 - 2/G = 2(G-1)/G", zero((2 - 2 / G) - 2 * (G - 1) / G))
    return x, k, G, n


def cramer_rao(x, k, G, n):
    print("2. The 2024 Cramer-Rao figure")
    s2 = 1 + k * x**2
    I4 = 2 * k**2 * x**2 / s2**2
    I8 = 2 * k**2 * x**2 / s2**4
    var = 1 / (n * I4)
    check("1/2 log2(1 + 2 x^2 / Var), Var = 1/(n I)  =  1/2 log2(1 + 2 x^2 n I)",
          zero(sp.log(1 + 2 * x**2 / var) - sp.log(1 + 2 * x**2 * n * I4)))
    check("paper-2024 / corrected Fisher information = 1/sigma^4", zero(I8 / I4 - 1 / s2**2))
    snr4 = (2 * x**2 * n * I4).subs(x, 1 / sp.sqrt(n))
    snr8 = (2 * x**2 * n * I8).subs(x, 1 / sp.sqrt(n))
    check("x = 1/sqrt(n): 2 x^2 n I = 4 k^2 / (n (1 + k/n)^2)  (corrected)", zero(snr4 - 4 * k**2 / (n * (1 + k / n) ** 2)))
    check("x = 1/sqrt(n): 2 x^2 n I = 4 k^2 / (n (1 + k/n)^4)  (paper-2024)", zero(snr8 - 4 * k**2 / (n * (1 + k / n) ** 4)))

    def ib(Gv, nv, xv, p):
        kv = 2 - 2 / Gv
        s = 1 + kv * xv * xv
        return 0.5 * math.log1p(2 * nv * xv * xv * 2 * kv * kv * xv * xv / s**p) / math.log(2)

    v8 = ib(2, 392, 1 / math.sqrt(392), 4)
    v4 = ib(2, 392, 1 / math.sqrt(392), 2)
    print(f"     G = 2, n = 392, x = 1/sqrt(n): paper-2024 {v8:.8g} bits, corrected {v4:.8g} bits, ratio {v4 / v8:.6f}")
    check("example cramerRaoDataLeak(2, 392) ~ 0.0072495 (sigma^8) / 0.0072864 (sigma^4)",
          abs(v8 - 0.0072495) < 5e-8 and abs(v4 - 0.0072864) < 5e-8)
    ref = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "ccrb1_grid.csv")
    if os.path.exists(ref):
        worst8 = worst4 = 0.0
        rows = 0
        with open(ref) as f:
            for r in csv.DictReader(f):
                Gv, nv, xv = float(r["G"]), float(r["n"]), float(r["x"])
                a8, a4 = float(r["info_bits"]), float(r["info_bits_sigma4"])
                e8 = abs(ib(Gv, nv, xv, 4) - a8)
                e4 = abs(ib(Gv, nv, xv, 2) - a4)
                worst8, worst4 = max(worst8, e8), max(worst4, e4)
                rows += 1
        print(f"     reference ccrb1_grid.csv ({rows} rows): worst |difference| sigma^8 {worst8:.3g}, sigma^4 {worst4:.3g} bits")
        check("formulas reproduce the authors' CCRB1 values (README: absolute error < 1e-15)",
              worst8 < 1e-15 and worst4 < 1e-15)
    else:
        check("test/fixtures/ccrb1_grid.csv is present (the authors' CCRB1 values)", False)


def revised(k, G, n):
    print("3. The 2025 formula")
    M = sp.symbols("M", positive=True)
    kk = 2 - 2 / G
    check("4 (G-1)^2 / (G (3G-2)) = k^2/(1+k), k = 2 - 2/G", zero(4 * (G - 1) ** 2 / (G * (3 * G - 2)) - kk**2 / (1 + kk)))
    check("1 + k = (3G - 2)/G", zero(1 + kk - (3 * G - 2) / G))
    # Multi-mode homodyne: covariance of the N q-quadratures of one row = I + k xhat xhat^T.
    th = sp.symbols("theta", real=True)
    xh = sp.Matrix([sp.cos(th), sp.sin(th), 0])
    t1 = sp.Matrix([-sp.sin(th), sp.cos(th), 0])  # tangent
    t2 = sp.Matrix([0, 0, 1])  # tangent
    I3 = sp.eye(3)
    Sig = I3 + k * xh * xh.T
    Sinv = I3 - k / (1 + k) * xh * xh.T
    check("Sherman-Morrison: (I + k x x^T)^-1 = I - k/(1+k) x x^T", sp.simplify(Sig * Sinv - I3) == sp.zeros(3, 3))

    def dSig(u):
        return k * (u * xh.T + xh * u.T)

    def F(u, w):
        return sp.simplify((Sinv * dSig(u) * Sinv * dSig(w)).trace() / 2)

    Ft = sp.Matrix([[F(t1, t1), F(t1, t2)], [F(t2, t1), F(t2, t2)]])
    check("homodyne Fisher matrix on tangent directions = k^2/(1+k) * identity",
          sp.simplify(Ft - k**2 / (1 + k) * sp.eye(2)) == sp.zeros(2, 2))
    # the radial direction (not a parameter: |xhat| = 1 is known) for comparison
    check("radial direction: Fisher 2k^2/(1+k)^2 (not used)", zero(F(xh, xh) - 2 * k**2 / (1 + k) ** 2))
    # constrained CRB for the coordinate x_j: (P e_j)^T F^+ (P e_j) = (1+k)(1 - x_j^2)/(M k^2)
    xj = sp.symbols("x_j", positive=True)
    crb = (1 + k) * (1 - xj**2) / (M * k**2)
    val = (xj**2 / crb).subs(xj**2, 1 / n)
    check("x_j^2 / Var at x_j^2 = 1/n  =  (M/(n-1)) k^2/(1+k)", zero(sp.simplify(val - M / (n - 1) * k**2 / (1 + k))))
    # QFI comparison (docs/model.md#server-capabilities): tangent QFI per row = 4k'(I - x x^T), k' = k/2
    check("homodyne / quantum Fisher on tangent directions = k/(2(1+k)) = (G-1)/(3G-2)",
          zero((k**2 / (1 + k)) / (2 * k) - k / (2 * (1 + k))) and zero((kk / (2 * (1 + kk))) - (G - 1) / (3 * G - 2)))

    def rev(Gv, Mv, nv):
        return 0.5 * math.log1p(4 * (Mv / nv) * (Gv - 1) ** 2 / (Gv * (3 * Gv - 2))) / math.log(2)

    check("example revisedDataLeak(2, 784, 392) = 0.5", abs(rev(2, 784, 392) - 0.5) < 1e-15)
    check("example dataLeak({gain: 2, model: 'paper-2025'}) ~ 0.50459 (M = 794, n = 392)", abs(rev(2, 794, 392) - 0.50459) < 5e-6)
    print("     G      paper-2024   corrected   paper-2025(M=794,n=392)  tangent-homodyne (M/(n-1))")
    for Gv in (1.01, 1.1, 1.2, 1.5, 2.0, 2 + math.sqrt(2), 5.0):
        kv = 2 - 2 / Gv
        nv = 392
        xv2 = 1 / nv
        s = 1 + kv * xv2
        p24 = 0.5 * math.log1p(4 * kv * kv * xv2 * xv2 * nv / s**4) / math.log(2)
        cor = 0.5 * math.log1p(4 * kv * kv * xv2 * xv2 * nv / s**2) / math.log(2)
        r25 = rev(Gv, 794, nv)
        tan = 0.5 * math.log1p(794 / (nv - 1) * kv * kv / (1 + kv)) / math.log(2)
        print(f"     {Gv:<6.4g} {p24:11.5g} {cor:11.5g} {r25:14.5g}            {tan:11.5g}")


def qfi_single_mode():
    print("4. Single-mode quantum Fisher information (docs/model.md#server-capabilities), for the comparison")
    nbar, x, kp = sp.symbols("nbar x kprime", positive=True)
    m = sp.symbols("m", integer=True, nonnegative=True)
    # thermal state: photon-number distribution p_m = nbar^m/(1+nbar)^(m+1); the states commute,
    # so the QFI is the classical Fisher information of p_m.
    score = sp.diff(m * sp.log(nbar) - (m + 1) * sp.log(1 + nbar), nbar)
    check("score of the geometric law = (m - nbar)/(nbar(1+nbar))", zero(score - (m - nbar) / (nbar * (1 + nbar))))
    # E[(m - nbar)^2] = nbar(1+nbar) for the geometric law
    var_m = sp.summation((m - nbar) ** 2 * nbar**m / (1 + nbar) ** (m + 1), (m, 0, sp.oo))
    check("Var(m) = nbar(1+nbar)", zero(sp.simplify(var_m) - nbar * (1 + nbar)))
    nx = kp * x**2
    FQ = sp.diff(nx, x) ** 2 / (nx * (nx + 1))
    check("F_Q = (dn/dx)^2/(n(n+1)) = 4k'/(1 + k' x^2), n = k' x^2", zero(FQ - 4 * kp / (1 + kp * x**2)))
    Fh = 2 * (2 * kp) ** 2 * x**2 / (1 + 2 * kp * x**2) ** 2
    check("homodyne 2k^2x^2/sigma^4 with k = 2k' is 8k'^2x^2/(1+2k'x^2)^2", zero(Fh - 8 * kp**2 * x**2 / (1 + 2 * kp * x**2) ** 2))
    gap = sp.factor(sp.together(FQ - Fh))
    num, den = sp.fraction(gap)
    # numerator is a polynomial with non-negative coefficients in k', x
    poly = sp.Poly(sp.expand(num), kp, x)
    check("F_Q - F_homodyne >= 0 (numerator has only non-negative coefficients)", all(c >= 0 for c in poly.coeffs()))
    check("x -> 0: F_Q -> 4k', F_homodyne -> 0", sp.limit(FQ, x, 0) == 4 * kp and sp.limit(Fh, x, 0) == 0)
    at = {kp: sp.Rational(1, 2), x: 1 / sp.sqrt(392)}  # G = 2, x^2 = 1/392
    fq, fh = float(FQ.subs(at)), float(Fh.subs(at))
    print(f"     G = 2, x^2 = 1/392: F_Q = {fq:.6g}, homodyne I = {fh:.6g}, ratio {fq / fh:.4g}")


def dx2():
    print("5. Amplify-then-split measurement and DX2(G)")
    G, beta, alpha, s = sp.symbols("G beta alpha s", positive=True)
    # Heisenberg picture, a = input mode (coherent, real amplitude beta), c = amplifier idler (vacuum),
    # v = vacuum at the beam splitter.  Amplifier: a -> sqrt(G) a + sqrt(G-1) c^dagger.
    # Beam splitter of transmissivity 1/G: t = sqrt(1/G) a' + sqrt(1-1/G) v, r = sqrt(1-1/G) a' - sqrt(1/G) v.
    # Each output is A a + B c^dagger + C v (+ no a^dagger, c, v^dagger terms).
    amp = (sp.sqrt(G), sp.sqrt(G - 1), 0)
    refl = tuple(sp.sqrt(1 - 1 / G) * cf for cf in amp[:2]) + (-sp.sqrt(1 / G),)
    trans = tuple(sp.sqrt(1 / G) * cf for cf in amp[:2]) + (sp.sqrt(1 - 1 / G),)

    def commutator(cf):  # [o, o^dagger] = |A|^2 - |B|^2 + |C|^2
        A, B, C = cf
        return sp.simplify(A**2 - B**2 + C**2)

    def q_mean(cf):  # <q> = 2 Re<o>, <a> = beta, <c^dagger> = <v> = 0
        return sp.simplify(2 * cf[0] * beta)

    def q_var(cf):  # q = A q_a + B q_c + C q_v, three independent unit-variance quadratures
        return sp.simplify(cf[0] ** 2 + cf[1] ** 2 + cf[2] ** 2)

    check("amplifier output: [a', a'^dagger] = 1, mean 2 sqrt(G) beta, variance 2G - 1",
          commutator(amp) == 1 and zero(q_mean(amp) - 2 * sp.sqrt(G) * beta) and zero(q_var(amp) - (2 * G - 1)))
    check("reflected port: [r, r^dagger] = 1", commutator(refl) == 1)
    check("reflected port: mean 2 sqrt(G-1) beta  (= 2 sqrt(G-1) alpha s for beta = alpha s)",
          zero(q_mean(refl) - 2 * sp.sqrt(G - 1) * beta))
    check("reflected port: variance (2G^2 - 3G + 2)/G", zero(q_var(refl) - (2 * G**2 - 3 * G + 2) / G))
    check("transmitted port: [t, t^dagger] = 1, mean 2 beta, variance (3G-2)/G = 1 + 2(G-1)/G",
          commutator(trans) == 1 and zero(q_mean(trans) - 2 * beta) and zero(q_var(trans) - (3 * G - 2) / G)
          and zero((3 * G - 2) / G - 1 - 2 * (G - 1) / G))
    check("transmitted port: thermal photons (Var - 1)/2 = (G-1)/G", zero((q_var(trans) - 1) / 2 - (G - 1) / G))
    DX2 = (2 * G**2 - 3 * G + 2) / (G * (G - 1))
    # estimator s_hat = q_r / (2 sqrt(G-1) alpha): Var = DX2/(4 alpha^2)
    var_s = q_var(refl) / (2 * sp.sqrt(G - 1) * alpha) ** 2
    check("Var(s_hat) = DX2(G)/(4 alpha^2), DX2 = (2G^2-3G+2)/(G(G-1))", zero(var_s - DX2 / (4 * alpha**2)))
    dnum = sp.factor(sp.numer(sp.together(sp.diff(DX2, G))))
    ratio = sp.simplify(dnum / (G**2 - 4 * G + 2))
    check("dDX2/dG = (G^2 - 4G + 2)/(G(G-1))^2", ratio == 1 and zero(sp.diff(DX2, G) - (G**2 - 4 * G + 2) / (G * (G - 1)) ** 2))
    crit = [r for r in sp.solve(sp.Eq(G**2 - 4 * G + 2, 0), G) if r.is_real and r > 1]
    check("unique critical point G > 1 is 2 + sqrt(2)", crit == [2 + sp.sqrt(2)])
    check("DX2(2 + sqrt(2)) = 2 sqrt(2) - 1", zero(sp.radsimp(DX2.subs(G, 2 + sp.sqrt(2))) - (2 * sp.sqrt(2) - 1)))
    check("it is a minimum: DX2'' > 0 there", sp.simplify(sp.diff(DX2, G, 2).subs(G, 2 + sp.sqrt(2))) > 0)
    check("DX2 -> +oo as G -> 1+, DX2 -> 2 as G -> oo, DX2(2) = 2",
          sp.limit(DX2, G, 1, "+") == sp.oo and sp.limit(DX2, G, sp.oo) == 2 and DX2.subs(G, 2) == 2)
    check("DX2 - 2 = (2 - G)/(G(G-1))", zero(DX2 - 2 - (2 - G) / (G * (G - 1))))
    print(f"     G* = 2 + sqrt(2) = {float(2 + sp.sqrt(2)):.10f},  DX2(G*) = 2 sqrt(2) - 1 = {float(2 * sp.sqrt(2) - 1):.10f}")


def main():
    print("verify_data_leakage.py (sympy %s)" % sp.__version__)
    x, k, G, n = fisher_gaussian_variance()
    cramer_rao(x, k, G, n)
    revised(k, G, n)
    qfi_single_mode()
    dx2()
    finish()


if __name__ == "__main__":
    main()
