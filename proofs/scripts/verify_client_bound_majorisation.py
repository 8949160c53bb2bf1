#!/usr/bin/env python3
"""Verify proofs/attacks.md §3.4: the per-mode client bound covers every joint Gaussian
attack with a common loss and phase-insensitive noise (Schur-Horn + Jensen), and chi_W is
concave in the excess noise eps (an analytic proof, every algebraic step checked here).

Part A, symbolic (sympy 1.14), exact:
  * dz/deps = s1/z, d2z/deps2 = -4c^2/z^3, g'(nu) = artanh(1/nu), g''(nu) = -1/(nu^2 - 1),
    nu_3 = 1 + eps; the closed form of d2 chi_W/d eps2 equals sympy's own second
    derivative of the textbook chi_W (at 12 rational points, 80 digits);
  * the change of variables (a, nu+, nu-): c^2 = (a - nu-)(a + nu+),
    eps = (nu+ - 1)(nu- + 1)/(a + 1), z = nu+ + nu-, kappa = (2a + nu+ - nu-)/(nu+ + nu-);
  * -chi'' = [LHS - 1/(eps(2 + eps))] + (non-negative slack), the slack's two pieces > 0;
  * LHS - 1/(eps(2 + eps)) = 2(a - nu-)(nu+ - 1) Pi / den, den > 0, and Pi written in
    alpha = a - 1, x = nu+ - 1, y = nu- - 1 has only positive coefficients.
Part B, numerical cross-checks (mpmath 1.3, 60-80 digits): the closed-form chi'' against
  numerical differentiation of the cancellation-free chi_W; -chi'' = certificate + slack and
  chi'' <= -certificate < 0 at 3000 random points of mu in [1e-8, 1e6], T in [2^-53, 1],
  eps in [1e-12, 1e12]; the three limits quoted in the note.
Part C, the joint Gaussian attack: the realification of a passive unitary is orthogonal and
  symplectic; the channel (sqrt(T) I, (1 - T) I + E~) is the conjugate of the product of
  one-mode channels N_{T, lambda_k}; the joint Holevo quantity computed at state level from
  the 4N x 4N covariance matrix equals sum_k chi_W(lambda_k); diag(E) = P lambda with P
  doubly stochastic (symbolically for N = 2); sum_j chi_W(E_jj) >= sum_k chi_W(lambda_k)
  for random E; equality for diagonal E; the honest rank-one noise at the defaults.
  Exploratory (no claim is proved by them): mode-dependent loss and phase-sensitive
  cross-correlations, where no counterexample turned up.

Exit status 0 when every check passes, 1 otherwise (proofs/scripts/checks.py).
Usage:  python3 proofs/scripts/verify_client_bound_majorisation.py
"""
import random
import time

import mpmath as mp
import sympy as sp

from checks import check, finish, zero  # noqa: E402  (shared bookkeeping, proofs/scripts/checks.py)

START = time.time()

# ---------------------------------------------------------------------------------------------
# Part A: the second derivative and the algebraic certificate (sympy, exact)
# ---------------------------------------------------------------------------------------------
mu, T, eps = sp.symbols("mu T epsilon", positive=True)
zs = sp.symbols("z", positive=True)  # z as a symbol; z^2 = Z2 imposed where needed
A_ = 2 * mu + 1
B_ = 2 * mu * T + 1 + eps
C2 = 4 * T * mu * (mu + 1)
S1 = A_ + B_
Z2 = S1**2 - 4 * C2


def g_sym(nu):
    return ((nu + 1) / 2) * sp.log((nu + 1) / 2) - ((nu - 1) / 2) * sp.log((nu - 1) / 2)


def part_a_derivative():
    print("A1. Derivatives of z, g and nu (nats; the sign of chi'' does not depend on the unit)")
    check("d(z^2)/d eps = 2 s1, so dz/d eps = s1/z", zero(sp.diff(Z2, eps) - 2 * S1))
    d2z = sp.diff(S1 / zs, eps) + sp.diff(S1 / zs, zs) * (S1 / zs)  # chain rule with dz/deps = s1/z
    check("d2z/d eps2 = (z^2 - s1^2)/z^3 = -4c^2/z^3 (with z^2 = Z2)", zero(sp.together(d2z * zs**3).subs(zs**2, Z2) - (Z2 - S1**2))
          and zero(Z2 - S1**2 + 4 * C2))
    nu = sp.symbols("nu", positive=True)
    check("g'(nu) = (1/2) ln((nu + 1)/(nu - 1)) = artanh(1/nu)",
          zero(sp.expand_log(sp.diff(g_sym(nu), nu) - sp.log((nu + 1) / (nu - 1)) / 2, force=True)))
    check("g''(nu) = -1/(nu^2 - 1)", zero(sp.simplify(sp.diff(g_sym(nu), nu, 2) + 1 / (nu**2 - 1))))
    check("nu_3 = b - c^2/(a + 1) = 1 + eps", zero(B_ - C2 / (A_ + 1) - 1 - eps))
    check("artanh(1/nu) = (1/2) ln((nu + 1)/(nu - 1)) (series to nu^-15)",
          zero(sp.series(sp.atanh(1 / nu) - sp.log((nu + 1) / (nu - 1)) / 2, nu, sp.oo, 15).removeO()))

    print("A2. The closed form of chi'' against sympy's second derivative of the textbook chi_W")
    z = sp.sqrt(Z2)
    nup = (z + (B_ - A_)) / 2
    num = (z - (B_ - A_)) / 2
    chi = g_sym(nup) + g_sym(num) - g_sym(1 + eps)
    d2_sympy = sp.diff(chi, eps, 2)
    kap = S1 / z
    closed = (-((kap + 1) / 2) ** 2 / (nup**2 - 1) - ((kap - 1) / 2) ** 2 / (num**2 - 1)
              - ((kap**2 - 1) / (2 * z)) * (sp.atanh(1 / nup) + sp.atanh(1 / num)) + 1 / ((1 + eps) ** 2 - 1))
    f1 = sp.lambdify((mu, T, eps), d2_sympy, "mpmath")
    f2 = sp.lambdify((mu, T, eps), closed, "mpmath")
    pts = [(sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(1, 7)), (4, 1, sp.Rational(1, 392)), (4, sp.Rational(9, 10), 3),
           (sp.Rational(1, 100), sp.Rational(1, 10), 20), (100, sp.Rational(99, 100), sp.Rational(1, 1000)), (2, sp.Rational(1, 1000), 5),
           (sp.Rational(7, 2), sp.Rational(3, 4), sp.Rational(5, 2)), (50, sp.Rational(1, 3), 100), (sp.Rational(1, 2), 1, 10),
           (1000, sp.Rational(1, 2), sp.Rational(1, 3)), (sp.Rational(3, 10), sp.Rational(2, 3), sp.Rational(1, 10**6)), (9, 1, 9)]
    worst = mp.mpf(0)
    with mp.workdps(80):
        for m_, t_, e_ in pts:
            a1 = f1(mp.mpf(sp.Rational(m_).p) / sp.Rational(m_).q, mp.mpf(sp.Rational(t_).p) / sp.Rational(t_).q, mp.mpf(sp.Rational(e_).p) / sp.Rational(e_).q)
            a2 = f2(mp.mpf(sp.Rational(m_).p) / sp.Rational(m_).q, mp.mpf(sp.Rational(t_).p) / sp.Rational(t_).q, mp.mpf(sp.Rational(e_).p) / sp.Rational(e_).q)
            worst = max(worst, abs(a1 - a2) / abs(a2))
    check("chi'' = -nu+'^2/(nu+^2-1) - nu-'^2/(nu-^2-1) - (2c^2/z^3)(g'(nu+) + g'(nu-)) + 1/(nu3^2-1) at 12 points",
          worst < mp.mpf(10) ** -50, f"worst relative difference {mp.nstr(worst, 3)} at 80 digits")
    check("nu+-' = (kappa +- 1)/2 and nu+-'' = -2c^2/z^3 = -(kappa^2 - 1)/(2z), kappa = s1/z",
          zero(sp.diff(nup, eps) - (kap + 1) / 2) and zero(sp.diff(num, eps) - (kap - 1) / 2)
          and zero(sp.simplify(sp.diff(nup, eps, 2) + 2 * C2 / z**3)) and zero(sp.simplify(2 * C2 / z**3 - (kap**2 - 1) / (2 * z))))


# variables of the certificate
a, P, Mn = sp.symbols("a nu_p nu_m", positive=True)
al, x, y = sp.symbols("alpha x y", nonnegative=True)
KAP = (2 * a + P - Mn) / (P + Mn)
EPS = (P - 1) * (Mn + 1) / (a + 1)
LHS = (KAP + 1) ** 2 / (4 * (P**2 - 1)) + (KAP**2 - 1) / (2 * P * Mn) + (KAP - 1) ** 2 / (4 * Mn**2)
RHS = 1 / (EPS * (2 + EPS))
PI_TEXT = None  # filled by part_a_certificate, used by the numerical part


def part_a_certificate():
    global PI_TEXT
    print("A3. Change of variables (a, nu+, nu-)")
    b = a + P - Mn  # b - a = nu+ - nu-
    c2 = a * b - P * Mn  # nu+ nu- = ab - c^2
    check("c^2 = ab - nu+ nu- = (a - nu-)(a + nu+)", zero(c2 - (a - Mn) * (a + P)))
    check("eps = b - c^2/(a + 1) - 1 = (nu+ - 1)(nu- + 1)/(a + 1)", zero(b - c2 / (a + 1) - 1 - EPS))
    check("z = nu+ + nu- satisfies z^2 = (a + b)^2 - 4c^2", zero((P + Mn) ** 2 - ((a + b) ** 2 - 4 * c2)))
    check("kappa = s1/z = (2a + nu+ - nu-)/(nu+ + nu-) and 2c^2/z^2 = (kappa^2 - 1)/2",
          zero(KAP - (a + b) / (P + Mn)) and zero(2 * c2 / (P + Mn) ** 2 - (KAP**2 - 1) / 2))
    check("(2c^2/z^3)(1/nu+ + 1/nu-) = (kappa^2 - 1)/(2 nu+ nu-)", zero((2 * c2 / (P + Mn) ** 3) * (1 / P + 1 / Mn) - (KAP**2 - 1) / (2 * P * Mn)))
    # forward map at a point: (mu, T, eps) -> nu+-, then back
    with mp.workdps(50):
        m_, t_, e_ = mp.mpf(3), mp.mpf("0.7"), mp.mpf("0.25")
        aa, bb, cc = 2 * m_ + 1, 2 * m_ * t_ + 1 + e_, 4 * t_ * m_ * (m_ + 1)
        zz = mp.sqrt((aa + bb) ** 2 - 4 * cc)
        p_, n_ = (zz + bb - aa) / 2, (zz - bb + aa) / 2
        back_T = (aa - n_) * (aa + p_) / (aa**2 - 1)
        back_e = (p_ - 1) * (n_ + 1) / (aa + 1)
    check("the map back gives T = (a - nu-)(a + nu+)/(a^2 - 1) and eps (mu = 3, T = 0.7, eps = 1/4)",
          abs(back_T - t_) < mp.mpf(10) ** -45 and abs(back_e - e_) < mp.mpf(10) ** -45)

    print("A4. -chi'' = [LHS - 1/(eps(2 + eps))] + slack, slack >= 0")
    Gp, Gm, K2z, dp, dm, Np, Nm, N3 = sp.symbols("Gp Gm K2z dp dm Np Nm N3", positive=True)
    minus_d2 = K2z * (Gp + Gm) + dm**2 / (Nm**2 - 1) + dp**2 / (Np**2 - 1) - 1 / (N3**2 - 1)
    lhs_generic = dp**2 / (Np**2 - 1) + K2z * (1 / Np + 1 / Nm) + dm**2 / Nm**2
    slack = K2z * ((Gp - 1 / Np) + (Gm - 1 / Nm)) + dm**2 * (1 / (Nm**2 - 1) - 1 / Nm**2)
    check("-chi'' = (LHS - 1/(nu3^2 - 1)) + (2c^2/z^3)[(g'(nu+) - 1/nu+) + (g'(nu-) - 1/nu-)] + nu-'^2 [1/(nu-^2-1) - 1/nu-^2]",
          zero(minus_d2 - (lhs_generic - 1 / (N3**2 - 1)) - slack))
    nu = sp.symbols("nu", positive=True)
    d_slack = sp.diff(sp.atanh(1 / nu) - 1 / nu, nu)
    check("d/dnu [artanh(1/nu) - 1/nu] = -1/(nu^2 (nu^2 - 1)) < 0, and the limit at nu -> oo is 0, so artanh(1/nu) > 1/nu for nu > 1",
          zero(sp.simplify(d_slack + 1 / (nu**2 * (nu**2 - 1)))) and sp.limit(sp.atanh(1 / nu) - 1 / nu, nu, sp.oo) == 0)
    check("1/(nu^2 - 1) - 1/nu^2 = 1/(nu^2 (nu^2 - 1)) > 0", zero(1 / (nu**2 - 1) - 1 / nu**2 - 1 / (nu**2 * (nu**2 - 1))))

    print("A5. The algebraic inequality LHS >= 1/(eps(2 + eps)): factorisation and positivity")
    E = sp.together(LHS - RHS)
    num_, den_ = sp.fraction(E)
    num_, den_ = sp.factor(num_), sp.factor(den_)
    factors = sp.factor_list(num_)
    big = [f for f, m in factors[1] if sp.Poly(f, a, P, Mn).total_degree() > 2]
    check("the numerator factors as 2 (a - nu-) (nu+ - 1) Pi(a, nu+, nu-)",
          len(big) == 1 and zero(num_ - 2 * (a - Mn) * (P - 1) * big[0]))
    Pi = big[0]
    expected_den = 2 * Mn**2 * P * (Mn + 1) * (Mn + P) ** 2 * (P - 1) ** 2 * (P + 1) * (2 * a + Mn * P - Mn + P + 1)
    check("the denominator is 2 nu-^2 nu+ (nu- + 1)(nu- + nu+)^2 (nu+ - 1)^2 (nu+ + 1)(2a + nu+ nu- - nu- + nu+ + 1)",
          zero(den_ - expected_den))
    check("its last factor is (a + 1)(2 + eps) > 0", zero((2 * a + Mn * P - Mn + P + 1) - (a + 1) * (2 + EPS)))
    Q = sp.Poly(sp.expand(Pi.subs({a: 1 + al, P: 1 + x, Mn: 1 + y})), al, x, y)
    coeffs = Q.coeffs()
    check("Pi(1 + alpha, 1 + x, 1 + y) has only positive coefficients (alpha = 2 mu, x = nu+ - 1, y = nu- - 1 >= 0)",
          all(c > 0 for c in coeffs), f"{len(coeffs)} monomials, smallest coefficient {min(coeffs)}, constant term {Q.coeff_monomial(1)}")
    check("so Pi >= 16 > 0 on the whole domain (constant term 16)", Q.coeff_monomial(1) == 16)
    PI_TEXT = Q.as_expr()


# ---------------------------------------------------------------------------------------------
# Part B: numerical cross-checks
# ---------------------------------------------------------------------------------------------
def h(n):
    return mp.mpf(0) if n <= 0 else (n + 1) * mp.log1p(n) - n * mp.log(n)  # nats


def chi_w(m_, t_, e_):
    """chi_W in nats, cancellation-free (proofs/weight-leakage.md §8)."""
    L = 1 - t_
    D = 8 * m_ * L + 4 * m_**2 * L**2 + 4 * e_ * (1 + m_ * (1 + t_)) + e_**2
    z = mp.sqrt(4 + D)
    r = 4 * m_ * t_ / (z + 2 + e_ + 2 * m_ * L)
    q = 2 * m_ * L + e_ * (1 + 2 * m_)
    nm = 2 * m_ * (1 + m_) * (2 * L + e_) / ((2 + q + z) * (1 + r))
    return h(e_ * (1 + r) / 2) + h(nm) - h(e_ / 2)


def chi_w_bits(m_, t_, e_):
    return chi_w(m_, t_, e_) / mp.log(2)


PI_FUNC = None


def second_derivative(m_, t_, e_):
    """(chi'' in nats, certificate, slack), every difference formed without cancellation except chi'' itself."""
    L = 1 - t_
    aa = 2 * m_ + 1
    c2 = 4 * t_ * m_ * (m_ + 1)
    D = 8 * m_ * L + 4 * m_**2 * L**2 + 4 * e_ * (1 + m_ * (1 + t_)) + e_**2
    z = mp.sqrt(4 + D)
    s1 = 2 + 2 * m_ * (1 + t_) + e_
    r = 4 * m_ * t_ / (z + 2 + e_ + 2 * m_ * L)
    xp = e_ * (1 + r)  # nu+ - 1
    q = 2 * m_ * L + e_ * aa
    ym = 4 * m_ * (1 + m_) * (2 * L + e_) / ((2 + q + z) * (1 + r))  # nu- - 1
    nup, num = 1 + xp, 1 + ym
    km1 = 4 * c2 / (z * (s1 + z))  # kappa - 1
    kap = 1 + km1
    k2m1 = km1 * (2 + km1)  # kappa^2 - 1, formed without cancellation
    at = lambda nm1: mp.log1p(2 / nm1) / 2  # artanh(1/nu) from nu - 1
    d2 = (-((kap + 1) / 2) ** 2 / (xp * (nup + 1)) - (km1 / 2) ** 2 / (ym * (num + 1))
          - (k2m1 / (2 * z)) * (at(xp) + at(ym)) + 1 / (e_ * (2 + e_)))
    amn = c2 / (aa + nup)  # a - nu- without cancellation
    den = 2 * num**2 * nup * (num + 1) * (num + nup) ** 2 * xp**2 * (nup + 1) * (aa + 1) * (2 + e_)
    cert = 2 * amn * xp * PI_FUNC(aa - 1, xp, ym) / den
    slack = (k2m1 / (2 * z)) * ((at(xp) - 1 / nup) + (at(ym) - 1 / num)) + (km1 / 2) ** 2 / (num**2 * ym * (num + 1))
    return d2, cert, slack


def part_b():
    global PI_FUNC
    PI_FUNC = sp.lambdify((al, x, y), PI_TEXT, "mpmath")
    print("B1. The closed form against numerical differentiation of the cancellation-free chi_W (60 digits)")
    worst = mp.mpf(0)
    with mp.workdps(60):
        for m_, t_, e_ in [("4", "1", "0.00255"), ("0.01", "0.3", "2"), ("100", "0.999", "1e-3"), ("1e4", "1e-6", "50"),
                           ("2", "0.5", "1e3"), ("1e-6", "1", "1e-5"), ("30", "2e-16", "7"), ("1e6", "0.9", "1e6")]:
            m_, t_, e_ = mp.mpf(m_), mp.mpf(t_), mp.mpf(e_)
            num_d2 = mp.diff(lambda u: chi_w(m_, t_, u), e_, 2)
            d2, _, _ = second_derivative(m_, t_, e_)
            worst = max(worst, abs(num_d2 - d2) / abs(d2))
    check("closed-form chi'' = numerical d2 chi_W/d eps2 at 8 points", worst < mp.mpf(10) ** -15, f"worst relative difference {mp.nstr(worst, 3)}")

    print("B2. chi'' <= -certificate < 0 and -chi'' = certificate + slack at 3000 random points (80 digits)")
    rng = random.Random(20240805)
    worst_id, min_share, bad = mp.mpf(0), mp.mpf(1), []
    n_pts = 0
    with mp.workdps(80):
        for i in range(3000):
            m_ = mp.mpf(10) ** rng.uniform(-8, 6)
            u = rng.random()
            t_ = mp.mpf(1) if u < 0.15 else (1 - mp.mpf(10) ** rng.uniform(-15, -0.01) if u < 0.45 else mp.mpf(2) ** rng.uniform(-53, 0))
            e_ = mp.mpf(10) ** rng.uniform(-12, 12)
            d2, cert, slack = second_derivative(m_, t_, e_)
            n_pts += 1
            if not (cert > 0 and slack >= 0 and d2 <= -cert):
                bad.append((m_, t_, e_))
            worst_id = max(worst_id, abs(-d2 - cert - slack) / cert)
            min_share = min(min_share, cert / (-d2))
    check("certificate > 0, slack >= 0 and chi'' <= -certificate at every point", not bad, f"{n_pts} points; {bad[:2]}")
    check("-chi'' = certificate + slack (identity of A4)", worst_id < mp.mpf(10) ** -20, f"worst relative difference {mp.nstr(worst_id, 3)}")
    print(f"        (the certificate alone is at least {mp.nstr(100 * min_share, 3)} % of |chi''| at these points)")

    print("B3. The limits quoted in §3.4 (nats)")
    with mp.workdps(60):
        m_, t_ = mp.mpf(3), mp.mpf("0.6")
        L = 1 - t_
        e_ = mp.mpf(10) ** -30
        d2, _, _ = second_derivative(m_, t_, e_)
        r0 = m_ * t_ / (1 + m_ * L)
        check("eps -> 0: eps chi'' -> -r0/2, r0 = mu T/(1 + mu L) (mu = 3, T = 0.6, eps = 1e-30)", abs(e_ * d2 + r0 / 2) < mp.mpf(10) ** -20,
              f"{mp.nstr(e_ * d2, 12)} vs {mp.nstr(-r0 / 2, 12)}")
        e_ = mp.mpf(10) ** 30
        d2, _, _ = second_derivative(m_, t_, e_)
        lim = -4 * m_ * t_ * ((1 + m_) * mp.log1p(1 / m_) - 1)
        check("eps -> oo: eps^3 chi'' -> -4 mu T [(1 + mu) ln(1 + 1/mu) - 1] (eps = 1e30)", abs(e_**3 * d2 - lim) < mp.mpf(10) ** -20 * abs(lim),
              f"{mp.nstr(e_**3 * d2, 12)} vs {mp.nstr(lim, 12)}")
        worst = mp.mpf(0)
        for t_s, e_s in [("1", "1"), ("0.5", "1"), ("1e-10", "1"), ("0.3", "1e4")]:
            t_, e_ = mp.mpf(t_s), mp.mpf(e_s)
            L = 1 - t_
            d2, _, _ = second_derivative(mp.mpf(10) ** 20, t_, e_)
            lim = -2 * t_ / (e_ * (2 * L + e_) * (2 + e_))
            worst = max(worst, abs(d2 - lim) / abs(lim))
        check("mu -> oo: chi'' -> -2T/(eps (2L + eps)(2 + eps)) (mu = 1e20, four (T, eps))", worst < mp.mpf(10) ** -15, f"worst relative {mp.nstr(worst, 3)}")
        # chi_W is continuous at eps = 0 (so concavity on (0, oo) extends to [0, oo))
        m_, t_ = mp.mpf(4), mp.mpf("0.8")
        check("chi_W(eps) -> chi_W(0) = h(mu L) as eps -> 0 (continuity at the end point)",
              abs(chi_w(m_, t_, mp.mpf(10) ** -40) - h(m_ * (1 - t_))) < mp.mpf(10) ** -35)


# ---------------------------------------------------------------------------------------------
# Part C: the joint Gaussian attack, Schur-Horn and Jensen
# ---------------------------------------------------------------------------------------------
J2 = mp.matrix([[0, -1], [1, 0]])


def realify(Mc):
    """Real 2N x 2N matrix of a complex N x N matrix in the ordering (q1, p1, q2, p2, ...): Re M (x) I2 + Im M (x) J."""
    n = Mc.rows
    R = mp.zeros(2 * n)
    for i in range(n):
        for k in range(n):
            re, im = mp.re(Mc[i, k]), mp.im(Mc[i, k])
            R[2 * i, 2 * k] = re
            R[2 * i + 1, 2 * k + 1] = re
            R[2 * i, 2 * k + 1] = -im
            R[2 * i + 1, 2 * k] = im
    return R


def omega(n):
    O = mp.zeros(2 * n)
    for j in range(n):
        O[2 * j, 2 * j + 1] = 1
        O[2 * j + 1, 2 * j] = -1
    return O


def maxabs(Mx):
    return max(abs(Mx[i, j]) for i in range(Mx.rows) for j in range(Mx.cols))


def rand_hermitian(rng, n, scale=1):
    Z = mp.matrix(n, n)
    for i in range(n):
        for k in range(n):
            Z[i, k] = mp.mpc(rng.gauss(0, 1), rng.gauss(0, 1))
    return Z, (Z * Z.transpose_conj()) * scale


def rand_unitary(rng, n):
    _, H = rand_hermitian(rng, n)
    return mp.expm(mp.mpc(0, 1) * H)


def symplectic_eigenvalues(V):
    """nu_k of a real symmetric positive-definite V: the eigenvalues of V^(1/2) Omega^T V Omega V^(1/2) are nu_k^2, each twice."""
    n = V.rows // 2
    w, Qm = mp.eigsy(V)
    R = Qm * mp.diag([mp.sqrt(t) for t in w]) * Qm.T
    O = omega(n)
    Mm = R * O.T * V * O * R
    ev = sorted(mp.eigsy((Mm + Mm.T) / 2)[0])
    return [mp.sqrt(ev[2 * i]) for i in range(n)]


def entropy(V):
    return sum(h((nu - 1) / 2) for nu in symplectic_eigenvalues(V))


def joint_holevo(m_, Ts, Et):
    """Holevo quantity (nats) of the client = environment of the Gaussian channel with X = diag(sqrt T_j),
    Y = diag(1 - T_j) + Et, for i.i.d. Gaussian-modulated coherent states: S(AB) - S(B | heterodyne of A)."""
    n = len(Ts)
    V = 2 * m_ + 1
    G = mp.zeros(4 * n)
    for j in range(n):
        for s in range(2):
            G[2 * j + s, 2 * j + s] = V
            c = mp.sqrt(Ts[j] * (V**2 - 1)) * (1 if s == 0 else -1)
            G[2 * j + s, 2 * n + 2 * j + s] = c
            G[2 * n + 2 * j + s, 2 * j + s] = c
            G[2 * n + 2 * j + s, 2 * n + 2 * j + s] = Ts[j] * (V - 1) + 1
    for i in range(2 * n):
        for k in range(2 * n):
            G[2 * n + i, 2 * n + k] += Et[i, k]
    Am, Cm, Bm = G[0:2 * n, 0:2 * n], G[0:2 * n, 2 * n:4 * n], G[2 * n:4 * n, 2 * n:4 * n]
    Bc = Bm - Cm.T * (Am + mp.eye(2 * n)) ** -1 * Cm
    return entropy(G) - entropy(Bc)


def part_c():
    rng = random.Random(7)
    print("C1. The realification of a passive unitary; the channel in the eigenbasis of E")
    ok_orth = ok_symp = ok_conj = ok_diag = ok_chan = True
    with mp.workdps(40):
        for n in (2, 3, 5):
            U = rand_unitary(rng, n)
            lam = [mp.mpf(rng.uniform(0, 3)) for _ in range(n)]
            Ec = U * mp.diag(lam) * U.transpose_conj()
            O = realify(U)
            ok_orth &= maxabs(O * O.T - mp.eye(2 * n)) < mp.mpf(10) ** -30
            ok_symp &= maxabs(O * omega(n) * O.T - omega(n)) < mp.mpf(10) ** -30
            Lr = realify(mp.diag(lam))
            Et = realify(Ec)
            ok_conj &= maxabs(O * Lr * O.T - Et) < mp.mpf(10) ** -30
            ok_diag &= all(abs(Et[2 * j, 2 * j] - mp.re(Ec[j, j])) < mp.mpf(10) ** -30 and abs(Et[2 * j + 1, 2 * j + 1] - mp.re(Ec[j, j])) < mp.mpf(10) ** -30
                           and abs(Et[2 * j, 2 * j + 1]) < mp.mpf(10) ** -30 for j in range(n))
            t_ = mp.mpf(rng.uniform(0.1, 1))
            # U o (product of N_{T, lambda_k}) o U^dagger: X = O sqrt(T) O^T, Y = O [(1 - T) I + Lr] O^T
            X = O * (mp.sqrt(t_) * mp.eye(2 * n)) * O.T
            Y = O * ((1 - t_) * mp.eye(2 * n) + Lr) * O.T
            ok_chan &= maxabs(X - mp.sqrt(t_) * mp.eye(2 * n)) < mp.mpf(10) ** -30 and maxabs(Y - (1 - t_) * mp.eye(2 * n) - Et) < mp.mpf(10) ** -30
    check("O_U = Re U (x) I2 + Im U (x) J is orthogonal (N = 2, 3, 5)", ok_orth)
    check("O_U is symplectic: O Omega O^T = Omega (a passive interferometer)", ok_symp)
    check("realification is a *-homomorphism: O_U (Lambda (x) I2) O_U^T = realify(U Lambda U^dagger)", ok_conj)
    check("the diagonal 2 x 2 blocks of realify(E) are E_jj I2 (each mode on its own is phase-insensitive)", ok_diag)
    check("U o (x)_k N_{T, lambda_k} o U^dagger has X = sqrt(T) I and Y = (1 - T) I + realify(E)", ok_chan)

    print("C2. Joint Holevo quantity at state level = sum of per-eigenmode chi_W (40 digits)")
    worst = mp.mpf(0)
    cases = 0
    with mp.workdps(40):
        for trial in range(8):
            n = 2 if trial < 5 else 3
            m_ = mp.mpf(10) ** rng.uniform(-1, 2)
            t_ = mp.mpf(rng.uniform(0.05, 1)) if trial != 2 else mp.mpf(1)
            _, Ec = rand_hermitian(rng, n, mp.mpf(10) ** rng.uniform(-3, 1))
            lam = mp.eighe(Ec)[0]
            jt = joint_holevo(m_, [t_] * n, realify(Ec))
            eig_sum = sum(chi_w(m_, t_, max(mp.re(l_), mp.mpf(0))) for l_ in lam)
            worst = max(worst, abs(jt - eig_sum) / eig_sum)
            cases += 1
    check("S(AB) - S(B | a) = sum_k chi_W(mu, T, lambda_k) for random Hermitian E >= 0", worst < mp.mpf(10) ** -25,
          f"{cases} cases (N = 2, 3), worst relative difference {mp.nstr(worst, 3)}")

    print("C3. Schur-Horn (the half used) and Jensen")
    th, ph = sp.symbols("theta phi", real=True)
    l1, l2 = sp.symbols("lambda1 lambda2", nonnegative=True)
    U2 = sp.Matrix([[sp.cos(th), -sp.exp(sp.I * ph) * sp.sin(th)], [sp.exp(-sp.I * ph) * sp.sin(th), sp.cos(th)]])
    E2 = U2 * sp.diag(l1, l2) * U2.H
    check("N = 2: diag(U diag(l1, l2) U^dagger) = (l1 cos^2 + l2 sin^2, l1 sin^2 + l2 cos^2) (symbolic)",
          zero(sp.simplify(E2[0, 0] - (l1 * sp.cos(th) ** 2 + l2 * sp.sin(th) ** 2))) and zero(sp.simplify(E2[1, 1] - (l1 * sp.sin(th) ** 2 + l2 * sp.cos(th) ** 2))))
    ok_p = ok_maj = ok_sum = True
    worst_gap = None
    n_jensen = 0
    with mp.workdps(40):
        for trial in range(40):
            n = rng.choice([2, 3, 4, 6])
            U = rand_unitary(rng, n)
            lam = [mp.mpf(10) ** rng.uniform(-4, 3) * (0 if rng.random() < 0.2 else 1) for _ in range(n)]
            Ec = U * mp.diag(lam) * U.transpose_conj()
            Pm = [[abs(U[j, k]) ** 2 for k in range(n)] for j in range(n)]
            diag = [mp.re(Ec[j, j]) for j in range(n)]
            ok_p &= all(abs(sum(Pm[j]) - 1) < mp.mpf(10) ** -30 and abs(sum(Pm[i][j] for i in range(n)) - 1) < mp.mpf(10) ** -30 for j in range(n))
            ok_p &= all(abs(diag[j] - sum(Pm[j][k] * lam[k] for k in range(n))) < mp.mpf(10) ** -30 * (1 + max(lam)) for j in range(n))
            ds, ls = sorted(diag, reverse=True), sorted(lam, reverse=True)
            ok_maj &= all(sum(ds[:i]) <= sum(ls[:i]) + mp.mpf(10) ** -30 * (1 + max(lam)) for i in range(1, n + 1))
            for m_s, t_s in (("4", "1"), ("0.01", "0.3"), ("1e3", "1e-6"), ("50", "0.95")):
                m_, t_ = mp.mpf(m_s), mp.mpf(t_s)
                per = sum(chi_w(m_, t_, max(d, mp.mpf(0))) for d in diag)
                joint = sum(chi_w(m_, t_, l_) for l_ in lam)
                ok_sum &= per >= joint
                gap = (per - joint) / per if per > 0 else mp.mpf(0)
                worst_gap = gap if worst_gap is None else min(worst_gap, gap)
                n_jensen += 1
    check("P_jk = |U_jk|^2 is doubly stochastic and diag(E) = P lambda (40 random U)", ok_p)
    check("diag(E) is majorised by lambda (partial sums of the sorted vectors)", ok_maj)
    check("sum_j chi_W(E_jj) >= sum_k chi_W(lambda_k) (Jensen with concave chi_W)", ok_sum,
          f"{n_jensen} cases, smallest relative gap {mp.nstr(worst_gap, 3)}")

    print("C4. Equality and the honest rank-one noise")
    with mp.workdps(40):
        lam = [mp.mpf("0.3"), mp.mpf(2), mp.mpf(0)]
        m_, t_ = mp.mpf(4), mp.mpf("0.9")
        per = sum(chi_w(m_, t_, l_) for l_ in lam)
        check("diagonal E (uncorrelated noise): the per-mode sum equals the joint value", abs(per - sum(chi_w(m_, t_, l_) for l_ in lam)) == 0)
        U = rand_unitary(rng, 3)
        Ec = U * mp.diag(lam) * U.transpose_conj()
        per = sum(chi_w(m_, t_, mp.re(Ec[j, j])) for j in range(3))
        check("non-diagonal E with distinct eigenvalues: strict inequality (chi_W strictly concave)", per > sum(chi_w(m_, t_, l_) for l_ in lam) * (1 + mp.mpf(10) ** -10))
        N, k = 784, mp.mpf("0.5")
        per_mode = (mp.mpf(392) * chi_w_bits(mp.mpf(4), mp.mpf(1), 2 * k / 392)) / N  # p = 1/2: 392 active modes, 392 at eps = 0
        joint = chi_w_bits(mp.mpf(4), mp.mpf(1), 2 * k) / N  # E = 2k x x^T: eigenvalues (2k, 0, ..., 0)
        check("defaults (mu = 4, G = 2, N = 784, p = 1/2, T = 1): per-mode 0.0436924, joint 0.0035428 bits per weight symbol",
              abs(per_mode - mp.mpf("0.0436924218475")) < 1e-12 and abs(joint - mp.mpf("0.00354277")) < 1e-8,
              f"{mp.nstr(per_mode, 12)} >= {mp.nstr(joint, 8)}")
        check("chi_W(mu, T, 0) = h(mu L): an eigenvalue 0 costs the pure-loss value", abs(chi_w(m_, t_, mp.mpf(0)) - h(m_ * (1 - t_))) < mp.mpf(10) ** -35)

    print("C5. Exploratory, not covered by the proof: mode-dependent loss, phase-sensitive correlations")
    worst_ml = worst_ps = None
    n_ml = n_ps = 0
    with mp.workdps(30):
        for trial in range(12):
            n = 2
            m_ = mp.mpf(10) ** rng.uniform(-1, 2)
            _, Ec = rand_hermitian(rng, n, mp.mpf(10) ** rng.uniform(-3, 1))
            Ts = [mp.mpf(rng.uniform(0.02, 1)) for _ in range(n)]
            jt = joint_holevo(m_, Ts, realify(Ec))
            per = sum(chi_w(m_, Ts[j], mp.re(Ec[j, j])) for j in range(n))
            r_ = (per - jt) / per
            worst_ml = r_ if worst_ml is None else min(worst_ml, r_)
            n_ml += 1
        for m_s in ("0.1", "4", "100"):
            for t_s in ("0.1", "0.9", "1"):
                for e_s in ("0.001", "1"):
                    m_, t_, e_ = mp.mpf(m_s), mp.mpf(t_s), mp.mpf(e_s)
                    c = e_ / 2
                    # q1 q2 correlated, p1 p2 anti-correlated: each mode phase-insensitive, the pair phase-sensitive
                    Et = mp.matrix([[e_, 0, c, 0], [0, e_, 0, -c], [c, 0, e_, 0], [0, -c, 0, e_]])
                    jt = joint_holevo(m_, [t_, t_], Et)
                    per = 2 * chi_w(m_, t_, e_)
                    r_ = (per - jt) / per
                    worst_ps = r_ if worst_ps is None else min(worst_ps, r_)
                    n_ps += 1
    check("mode-dependent loss (T_j in [0.02, 1], correlated noise): no counterexample (exploratory)", worst_ml >= 0,
          f"{n_ml} random cases, smallest relative margin {mp.nstr(worst_ml, 3)}")
    check("phase-sensitive cross-correlations (q q +, p p -): no counterexample (exploratory)", worst_ps >= 0,
          f"{n_ps} cases, smallest relative margin {mp.nstr(worst_ps, 3)}")


def main():
    print("Part A: the second derivative of chi_W in eps, and the certificate (sympy)")
    part_a_derivative()
    part_a_certificate()
    print("Part B: numerical cross-checks (mpmath)")
    part_b()
    print("Part C: the joint Gaussian attack")
    part_c()
    print(f"run time {time.time() - START:.1f} s")
    finish()


if __name__ == "__main__":
    main()
