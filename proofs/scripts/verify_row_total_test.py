#!/usr/bin/env python3
"""Verify the identities and numbers of proofs/row-total-test.md (the server's test on per-row
photon totals, src/verification/rowTotalTest.ts).

Symbolic (sympy):
  2. a row total does not depend on x-hat (multinomial splitting of a thermal mode's photons);
     thinning a thermal mode by eta gives a thermal mode; mean, variance and g2 of one thermal
     mode and of n equal ones (negative binomial); factorial cumulants (r-1)! sum a^r;
  3. prod(1 + a_i) >= 1 + sum a_i (the vacuum probability is largest for rank one), n = 3;
  4. the shape statistic V = c L - 1{L >= 1}: Cov(L, V) = 0 at c = Lambda P0/Var L; E0[V] =
     -residual/P0; Var V = Var L (c - c_a)^2 + residual_a; the cancellation-free residual
     P0^2 D/Var L, D = (e^u - 1) kappa2 + Lambda[(e^u - 1 - u) - sum n (a - ln(1 + a))], whose
     bracket vanishes for rank one; for the geometric law residual = a^2/(1 + a)^3;
Numeric (mpmath, 30 digits; the exact joint law with floats and math.lgamma):
  5. the Chernoff threshold at m = 784, k = 1/2, delta = 1e-6, and the exact negative-binomial tail
     beyond it (and beyond the normal threshold, which it exceeds); the exact false alarms of both statistics and of their union at m = 784 from
     P(S = s, K = j) = C(m, j) C(s - 1, j - 1) (1 - r)^m r^s;
  6. the detection probability of the per-mode cloner at m = 784 and 78 400 (normal approximation,
     the bivariate orthant by quadrature) against the values src/verification/rowTotalTest.ts gives;
     the mean test against greedy gain;
  4'. the per-inference separations of four spread statistics (sample variance, g2, V, the
     likelihood ratio's Kullback-Leibler rate) at the defaults;
  8. the rank-one cloner's information chi_W(4, 1, 1)/784 and the per-mode cloner's, and the
     per-mode sum >= the rank-one figure on a grid (concavity of chi_W in eps).

Exit status 0 when every check passes, 1 otherwise.
Usage:  python3 proofs/scripts/verify_row_total_test.py      (about 15 s)
"""
import math

import mpmath as mp
import sympy as sp

from checks import check, finish, zero  # noqa: E402  (shared bookkeeping, proofs/scripts/checks.py)

mp.mp.dps = 30


def row_law():
    print("2. The law of a row total")
    z, k, eta, lam = sp.symbols("z k eta lambda", positive=True)
    x1, x2 = sp.symbols("x1 x2", real=True)
    geo = 1 / (1 + k * (1 - z))  # thermal mode with k photons: geometric pgf
    # Multinomial splitting: the photons of the mode along x-hat land in pixel j with probability x_j^2; the row total
    # has the pgf G(sum_j x_j^2 z_j) at z_j = z, and sum_j x_j^2 = 1 whatever x-hat is.
    x3sq = 1 - x1**2 - x2**2
    split = geo.subs(z, x1**2 * z + x2**2 * z + x3sq * z)
    check("row total of a rank-one row: pgf independent of x-hat (N = 3)", zero(split - geo))
    thinned = sp.simplify((1 / (1 + lam * (1 - z))).subs(z, 1 - eta + eta * z))
    check("thinning a thermal mode by eta: thermal with eta*lambda photons", zero(thinned - 1 / (1 + eta * lam * (1 - z))))
    n = sp.symbols("n", positive=True)
    nb = (1 + (k / n) * (1 - z)) ** (-n)

    def moments(pgf):
        m1 = sp.diff(pgf, z).subs(z, 1)
        f2 = sp.diff(pgf, z, 2).subs(z, 1)
        return sp.simplify(m1), sp.simplify(f2 + m1 - m1**2), sp.simplify(f2 / m1**2)

    m1, var, g2 = moments(geo)
    check("one thermal mode: mean k, variance k(1 + k), g2 = 2", zero(m1 - k) and zero(var - k * (1 + k)) and zero(g2 - 2))
    m1, var, g2 = moments(nb)
    check("n equal modes (NB(n, k/n)): mean k, variance k(1 + k/n), g2 = 1 + 1/n", zero(m1 - k) and zero(var - k * (1 + k / n)) and zero(g2 - 1 - 1 / n))
    u = sp.symbols("u")
    a1, a2, nu = sp.symbols("a1 a2 nu", positive=True)
    logpgf = -3 * sp.log(1 - a1 * u) - 2 * sp.log(1 - a2 * u) + nu * u  # ln G(1 + u): 3 modes of a1, 2 of a2, Poisson nu
    ser = sp.series(logpgf, u, 0, 5).removeO()
    ok = all(zero(ser.coeff(u, r) * sp.factorial(r) - sp.factorial(r - 1) * (3 * a1**r + 2 * a2**r) - (nu if r == 1 else 0)) for r in range(1, 5))
    check("factorial cumulants (r - 1)! sum n a^r (+ nu at r = 1), r <= 4", ok)


def vacuum():
    print("3. The vacuum probability is largest for rank one")
    a = sp.symbols("a1:4", nonnegative=True)
    diff = sp.expand(sp.prod([1 + x for x in a]) - (1 + sum(a)))
    check("prod(1 + a_i) - (1 + sum a_i) has only non-negative coefficients (n = 3)", all(c > 0 for c in sp.Poly(diff, *a).coeffs()))


def shape_statistic():
    print("4. The shape statistic V = c L - 1{L >= 1}")
    lam, p0, var, c, ca, ka = sp.symbols("Lambda P0 VarL c c_a kappa2", positive=True)
    cov_l_ind = lam * p0  # Cov(L, 1{L>=1}) = E[L] - E[L] P(L >= 1) = Lambda P0
    var_ind = p0 * (1 - p0)
    residual = var_ind - cov_l_ind**2 / var
    cov_lv = c * var - cov_l_ind
    check("Cov(L, V) = 0 at c = Lambda P0/Var L", zero(cov_lv.subs(c, lam * p0 / var)))
    var_v = c**2 * var - 2 * c * cov_l_ind + var_ind
    check("Var V = Var L (c - c_a)^2 + residual, c_a = Lambda P0/Var L", zero(var_v - (var * (c - lam * p0 / var) ** 2 + residual)))
    ev = (lam * p0 / var) * lam - (1 - p0)
    check("E0[V] = -residual/P0", zero(ev + residual / p0))
    uu = sp.symbols("u", positive=True)
    d = sp.exp(uu) - 1
    # With P0 = e^-u and Var L = Lambda + kappa2: residual = P0^2 [(e^u - 1) Var L - Lambda^2]/Var L.
    res_u = residual.subs({p0: sp.exp(-uu), var: lam + ka})
    check("residual = P0^2 [(e^u - 1)(Lambda + kappa2) - Lambda^2]/Var L", zero(res_u - sp.exp(-2 * uu) * (d * (lam + ka) - lam**2) / (lam + ka)))
    check("(e^u - 1)(Lambda + kappa2) - Lambda^2 = (e^u - 1) kappa2 + Lambda[(e^u - 1 - u) - (Lambda - u)]", zero(d * (lam + ka) - lam**2 - (d * ka + lam * ((d - uu) - (lam - uu)))))
    a = sp.symbols("a", positive=True)
    # Rank one: u = ln(1 + a), Lambda = a, so (e^u - 1 - u) - (a - ln(1 + a)) = 0.
    check("rank one: the bracket (e^u - 1 - u) - (a - ln(1 + a)) vanishes", zero((sp.exp(sp.log(1 + a)) - 1 - sp.log(1 + a)) - (a - sp.log(1 + a))))
    geo = residual.subs({lam: a, p0: 1 / (1 + a), var: a * (1 + a)})
    check("geometric law: residual = a^2/(1 + a)^3, c = 1/(1 + a)^2", zero(geo - a**2 / (1 + a) ** 3) and zero(a / (1 + a) / (a * (1 + a)) - 1 / (1 + a) ** 2))


def phi(x):
    return mp.ncdf(x)


def chernoff_threshold(groups, poisson, rate):
    """The Cramer-Chernoff threshold t = psi'(theta) with theta psi'(theta) - psi(theta) = rate (mpmath)."""
    top = max(a for a, n in groups)
    lim = mp.log(1 + 1 / top)

    def psi(t):
        e = mp.expm1(t)
        return sum(-n * mp.log(1 - a * e) for a, n in groups) + poisson * e

    def dpsi(t):
        e = mp.expm1(t)
        return mp.exp(t) * (sum(n * a / (1 - a * e) for a, n in groups) + poisson)

    lo, hi = mp.mpf(0), lim
    for _ in range(200):  # bisection: theta psi' - psi grows from 0 to infinity on [0, lim)
        mid = (lo + hi) / 2
        if mid * dpsi(mid) - psi(mid) >= rate:
            hi = mid
        else:
            lo = mid
    return dpsi(hi)


def moments(groups, poisson):
    lam = sum(n * a for a, n in groups) + poisson
    k2 = sum(n * a * a for a, n in groups)
    var = lam + k2
    u = sum(n * mp.log1p(a) for a, n in groups) + poisson
    p0 = mp.exp(-u)
    residual = p0 * (1 - p0) - (lam * p0) ** 2 / var
    return {"mean": lam, "var": var, "p0": p0, "residual": residual, "slope": lam * p0 / var}


def detection(honest, actual, m, delta):
    """The formula of proofs/row-total-test.md section 6 (normal approximation), at 30 digits."""
    h, s = moments(*honest), moments(*actual)
    t1 = chernoff_threshold(honest[0], honest[1], mp.log(2 / mp.mpf(delta)) / m)
    z = -mp.sqrt(2) * mp.erfinv(2 * (mp.mpf(delta) / 2) - 1)  # upper delta/2 point
    c = h["slope"]
    sd_l = mp.sqrt(s["var"] / m)
    gap = c - s["slope"]
    sd_v = mp.sqrt((s["var"] * gap**2 + s["residual"]) / m)
    shift = c * (h["mean"] - s["mean"]) + ((1 - s["p0"]) - (1 - h["p0"]))
    p_mean = 1 - phi((t1 - s["mean"]) / sd_l)
    w = (shift - z * mp.sqrt(h["residual"] / m)) / sd_v
    p_shape = phi(w)
    rho = mp.sqrt(s["var"]) * gap / mp.sqrt(s["var"] * gap**2 + s["residual"])
    u = (t1 - s["mean"]) / sd_l
    r = -rho  # corr(U, -W)
    both = mp.quad(lambda x: mp.npdf(x) * (1 - phi((-w - r * x) / mp.sqrt(1 - r * r))), [u, mp.inf])
    return {"either": p_mean + p_shape - both, "mean": p_mean, "shape": p_shape, "t1": t1, "z": z}


def thresholds_and_false_alarm():
    print("5. Thresholds and the exact false alarm at m = 784, k = 1/2, delta = 1e-6")
    m, a, delta = 784, mp.mpf(1) / 2, 1e-6
    t1 = chernoff_threshold([(a, 1)], 0, mp.log(2 / mp.mpf(delta)) / m)
    check("Chernoff threshold t = 0.6790116642231123 counts per row (as rowTotalTest gives)", abs(t1 - mp.mpf("0.6790116642231123")) < 1e-13, mp.nstr(t1, 17))
    # Exact NB(m, r) tail from ceil(m t): P(S >= s) = I_r(s, m) (regularised incomplete beta).
    r = a / (1 + a)
    first = int(mp.ceil(m * t1))
    tail = mp.betainc(first, m, 0, r, regularized=True)
    check("exact tail of the honest total beyond it <= delta/2 (Chernoff is rigorous)", tail <= delta / 2, f"{mp.nstr(tail, 4)} at S >= {first}")
    zn = -mp.sqrt(2) * mp.erfinv(2 * (mp.mpf(delta) / 2) - 1)
    normal = int(mp.ceil(m * (a + zn * mp.sqrt(a * (1 + a) / m))))
    excess = mp.betainc(normal, m, 0, r, regularized=True)
    check("the normal threshold instead would fire with 2.03e-6, four times delta/2 (right-skewed total)", abs(excess - mp.mpf("2.026e-6")) < 0.001e-6, f"{mp.nstr(excess, 4)} at S >= {normal}")
    # Exact joint law of (S, K): floats with lgamma (terms below e^-80 dropped; they add up to far less than 1e-20).
    rf, c = 1 / 3, 4 / 9
    z = float(-mp.sqrt(2) * mp.erfinv(2 * (mp.mpf(delta) / 2) - 1))
    e0, sd0 = -1 / 9, math.sqrt((0.25 / 3.375) / m)
    t2 = e0 - z * sd0
    lm = m * math.log(1 - rf)
    p_mean = p_shape = p_both = 0.0
    lg = math.lgamma
    for s_ in range(1, 1600):
        base = lm + s_ * math.log(rf) + lg(m + 1) + lg(s_)
        for j in range(1, min(m, s_) + 1):
            lp = base - lg(j + 1) - lg(m - j + 1) - lg(j) - lg(s_ - j + 1)
            if lp < -80:
                continue
            p = math.exp(lp)
            fa = s_ / m >= float(t1)
            fb = c * s_ / m - j / m <= t2
            p_mean += p if fa else 0
            p_shape += p if fb else 0
            p_both += p if fa and fb else 0
    union = p_mean + p_shape - p_both
    check("exact false alarm of the mean test 3.23e-8 <= delta/2", p_mean <= delta / 2 and abs(p_mean - 3.23e-8) < 0.01e-8, f"{p_mean:.4g}")
    check("exact false alarm of the shape test 4.34e-7 <= delta/2 (normal threshold, right-skewed V)", p_shape <= delta / 2 and abs(p_shape - 4.34e-7) < 0.01e-7, f"{p_shape:.4g}")
    check("exact false alarm of the union 4.66e-7 <= delta", union <= delta and abs(union - 4.66e-7) < 0.01e-7, f"{union:.4g}")


def detection_numbers():
    print("6. Detection probabilities at the defaults (normal approximation, 30 digits)")
    half = mp.mpf(1) / 2
    honest = ([(half, 1)], 0)
    cloner = ([(half / 392, 392)], 0)
    for m, ts in [(784, "0.9086397217899076"), (78400, "1")]:
        d = detection(honest, cloner, m, 1e-6)
        check(f"per-mode cloner, m = {m}: {ts} (rowTotalTest)", abs(d["either"] - mp.mpf(ts)) < 1e-9, mp.nstr(d["either"], 12))
    ka = (1 + mp.sqrt(2)) / (2 + mp.sqrt(2))
    d = detection(honest, ([(ka, 1)], 0), 784, 1e-6)
    check("greedy gain (k_a = 1/sqrt 2), m = 784: 0.7630062775 (rowTotalTest), the mean test's", abs(d["either"] - mp.mpf("0.7630062775018519")) < 1e-9 and d["mean"] > 0.99 * d["either"], mp.nstr(d["either"], 12))
    d = detection(honest, honest, 784, 1e-6)
    check("honest, m = 784: false alarm 5.0357e-7 = delta/2 + the mean test's 3.57e-9", abs(d["either"] - mp.mpf("5.035670643733072e-7")) < 1e-15 and abs(d["shape"] - mp.mpf(5e-7)) < 1e-20, mp.nstr(d["either"], 8))


def separations():
    print("4'. Per-inference separations of spread statistics at G = 2, N = M = 784, p = 1/2")
    m, a, n = 784, mp.mpf(1) / 2, 392
    # Sample variance: Var(s^2) ~ (kappa4 + 2 kappa2^2)/m; geometric kappa4 = a(1 + a)(1 + 6a(1 + a)).
    k2g, k4g = a * (1 + a), a * (1 + a) * (1 + 6 * a * (1 + a))
    var_test = (k2g - a * (1 + a / n)) / mp.sqrt((k4g + 2 * k2g**2) / m)
    # g2 = Ybar/Xbar^2 by the delta method: sd = 2(1 + 1/a)/sqrt(m) for the geometric law.
    g2_test = (2 - (1 + mp.mpf(1) / n)) / (2 * (1 + 1 / a) / mp.sqrt(m))
    h = moments([(a, 1)], 0)
    s = moments([(a / n, n)], 0)
    v_test = ((1 - s["p0"]) - (1 - h["p0"])) / mp.sqrt(h["residual"] / m)
    # Likelihood ratio, geometric(a) against NB(n, a/n): KL rate per row -> separation sqrt(2 m KL) (Gaussian shift equivalence).
    r = a / (1 + a)
    q = (a / n) / (1 + a / n)
    kl = mp.nsum(lambda L: mp.binomial(L + n - 1, L) * (1 - q) ** n * q**L * mp.log(mp.binomial(L + n - 1, L) * (1 - q) ** n * q**L / ((1 - r) * r**L)), [0, mp.inf])
    lr = mp.sqrt(2 * m * kl)
    check("sample variance 3.05 sigma < g2 4.65 sigma < V 6.17 sigma < likelihood ratio 6.50 sigma", abs(var_test - 3.05) < 0.005 and abs(g2_test - 4.65) < 0.01 and abs(v_test - 6.17) < 0.005 and abs(lr - 6.50) < 0.01 and var_test < g2_test < v_test < lr,
          f"{mp.nstr(var_test, 4)}, {mp.nstr(g2_test, 4)}, {mp.nstr(v_test, 4)}, {mp.nstr(lr, 4)}")


def h_th(n):
    n = mp.mpf(n)
    return mp.mpf(0) if n <= 0 else ((n + 1) * mp.log(n + 1) - n * mp.log(n)) / mp.log(2)


def chi_w(mu, T, eps):
    """chi_W(mu, T, eps), the textbook form of docs/model.md#weight-leakage, at 30 digits."""
    mu, T, eps = mp.mpf(mu), mp.mpf(T), mp.mpf(eps)
    V = 2 * mu + 1
    a, b, c2 = V, T * (V - 1) + 1 + eps, T * (V * V - 1)
    zz = mp.sqrt((a + b) ** 2 - 4 * c2)
    g = lambda nu: h_th((nu - 1) / 2)  # noqa: E731
    return g((zz + (b - a)) / 2) + g((zz - (b - a)) / 2) - g(b - c2 / (a + 1))


def rank_one_cloner():
    print("8. The rank-one cloner")
    rank_one = chi_w(4, 1, 1) / 784
    per_mode = chi_w(4, 1, mp.mpf(1) / 392) / 2
    check("rank-one cloner at the defaults: chi_W(4, 1, 1)/784 = 0.0035428 bit per weight symbol", abs(rank_one - mp.mpf("0.00354277")) < 5e-9, mp.nstr(rank_one, 8))
    check("per-mode cloner: chi_W(4, 1, 1/392)/2 = 0.0436924 bit per weight symbol (12.3 times more)", abs(per_mode - mp.mpf("0.0436924")) < 5e-8 and abs(per_mode / rank_one - 12.33) < 0.01, mp.nstr(per_mode, 8))
    worst = mp.mpf(-1)
    for mu in [0.01, 1, 4, 100]:
        for T in [0.2, 0.7, 1]:
            for k in [0.01, 0.5, 0.95]:
                for n in [2, 50, 392]:
                    for t in [0, 0.01]:
                        spread = n * chi_w(mu, T, 2 * k / n + t) - (n - 1) * chi_w(mu, T, t)
                        one = chi_w(mu, T, 2 * k + t)
                        worst = max(worst, (one - spread) / max(one, mp.mpf(10) ** -30))
    check("n chi_W(2k/n + t) - (n - 1) chi_W(t) >= chi_W(2k + t) on a 216-point grid (concavity in eps)", worst <= 0, f"largest (rank-one - per-mode)/rank-one = {mp.nstr(worst, 3)}")


def main():
    row_law()
    vacuum()
    shape_statistic()
    separations()
    thresholds_and_false_alarm()
    detection_numbers()
    rank_one_cloner()
    finish()


if __name__ == "__main__":
    main()
