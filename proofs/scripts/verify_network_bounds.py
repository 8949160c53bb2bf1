"""Checks for proofs/network-bounds.md: the whole-network server bound (chain rule over
layers) and the interferometric example, by brute force in Fock space.

    python3 proofs/scripts/verify_network_bounds.py      # ~60 s; numpy, mpmath 1.3, sympy 1.14

Every Holevo quantity here is computed from explicit Fock-space vectors: |l; u> (l photons
in the mode sum_j u_j a_j of N modes) expanded over the compositions of l, and either dense
density matrices (one small case) or, per block of per-row photon numbers, the Gram matrix
of the ensemble's pure states (the entropy of sum_a p_a |v_a><v_a| is that of the matrix
sqrt(p_a p_b)<v_a|v_b>)."""
import itertools
import math
import sys
from pathlib import Path

import mpmath as mp
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from checks import check, finish  # noqa: E402

mp.mp.dps = 40


def compositions(l, n):
    if n == 1:
        yield (l,)
        return
    for a in range(l + 1):
        for rest in compositions(l - a, n - 1):
            yield (a,) + rest


def fock_vector(u, l):
    """|l; u> as a dict composition -> amplitude sqrt(l!/prod n_j!) prod u_j^n_j."""
    out = {}
    for c in compositions(l, len(u)):
        coef = math.sqrt(math.factorial(l) / math.prod(math.factorial(x) for x in c))
        out[c] = coef * math.prod(u[i] ** c[i] for i in range(len(u)))
    return out


def entropy_bits(mat):
    w = np.linalg.eigvalsh(mat)
    w = w[w > 1e-300]
    return float(-(w * np.log2(w)).sum())


def block_holevo(members, k, lmax):
    """chi(message; rows) by per-row photon-number blocks. members: (p, message, [u_row...])."""
    rows = len(members[0][2])
    q = k / (1 + k)
    inner = []
    for r in range(rows):
        per_l = []
        for l in range(lmax + 1):
            vecs = [fock_vector(m[2][r], l) for m in members]
            per_l.append(np.array([[sum(a[c] * b.get(c, 0.0) for c in a) for b in vecs] for a in vecs]))
        inner.append(per_l)
    p = np.array([m[0] for m in members])
    groups = {}
    for i, m in enumerate(members):
        groups.setdefault(m[1], []).append(i)
    chi, mass = 0.0, 0.0
    for ls in itertools.product(range(lmax + 1), repeat=rows):
        w = math.prod((1 - q) * q ** l for l in ls)
        mass += w
        g = np.ones((len(members), len(members)))
        for r, l in enumerate(ls):
            g = g * inner[r][l]
        g = np.sqrt(np.outer(p, p)) * g
        s = entropy_bits(g)
        for idx in groups.values():
            pm = p[idx].sum()
            s -= pm * entropy_bits(g[np.ix_(idx, idx)] / pm)
        chi += w * s
    return chi, 1 - mass


def dense_state(u_rows, k, lmax):
    """Dense density matrix of rows (each thermal with k photons along u_r, photon numbers <= lmax per row)."""
    q = k / (1 + k)
    n = len(u_rows[0])
    basis = [c for l in range(lmax + 1) for c in compositions(l, n)]
    index = {c: i for i, c in enumerate(basis)}
    rho = None
    for u in u_rows:
        r = np.zeros((len(basis), len(basis)))
        for l in range(lmax + 1):
            v = np.zeros(len(basis))
            for c, a in fock_vector(u, l).items():
                v[index[c]] = a
            r += (1 - q) * q ** l * np.outer(v, v)
        rho = r if rho is None else np.kron(rho, r)
    return rho


def symmetric_bits(n, m, k):
    """E_L[log2 C(N + L - 1, L)], L negative binomial (M, k), 40 digits (total bits of one layer)."""
    k = mp.mpf(k)
    r = k / (1 + k)
    total, prob, f = mp.mpf(0), (1 + k) ** (-m), mp.mpf(0)
    lval = 0
    while True:
        term = prob * f
        total += term
        if lval > k * m and lval > 2 and term < total * mp.mpf('1e-35'):
            break
        prob = prob * r * (lval + m) / (lval + 1)
        f += mp.log(mp.mpf(n + lval) / (lval + 1))
        lval += 1
    return total / mp.log(2)


def subadditive_bits(n, m, k):
    h = lambda t: (t + 1) * mp.log(t + 1, 2) - t * mp.log(t, 2) if t > 0 else mp.mpf(0)
    k = mp.mpf(k)
    return m * (n * h(k / n) - h(k))


def unit(v):
    v = np.asarray(v, dtype=float)
    return v / np.linalg.norm(v)


def two_layer(xs, w1, m2, noises=((0.0, 0.0),)):
    out = []
    for msg, x in enumerate(xs):
        xh = unit(x)
        for nz in noises:
            h = np.maximum(np.asarray(w1) @ xh + np.asarray(nz), 0)
            out.append((1 / (len(xs) * len(noises)), msg, [xh] * len(w1) + [unit(h)] * m2))
    return out


print("1. the block method equals a dense Fock-space evaluation")
for gain in (1.2, 2.0):
    k = (gain - 1) / gain
    xs = [[1, 0], [0, 1], [-1, 0], [0, -1]]
    members = two_layer(xs, [[1, 1], [-1, -1]], 1)
    lmax = 3
    # dense: rows 1-2 (layer 1, two modes each) and row 3 (layer 2)
    states = [dense_state(m[2], k, lmax) for m in members]
    avg = sum(m[0] * s for m, s in zip(members, states))
    dense = entropy_bits(avg) - sum(m[0] * entropy_bits(s / np.trace(s)) * 1.0 for m, s in zip(members, states))
    # the truncated states are sub-normalised: compare with the block method on the same truncation,
    # with the same normalisation (entropies of the normalised truncated states)
    tr = np.trace(avg)
    dense_n = entropy_bits(avg / tr) - sum(m[0] * entropy_bits(s / np.trace(s)) for m, s in zip(members, states))
    blocks_n, dropped = block_holevo(members, k, lmax)
    # block value on the truncation, renormalised: chi_trunc = [sum_blocks w chi_block]/mass
    check(f"dense Fock space = blocks at G = {gain} (3 rows, <= 3 photons per row)", abs(dense_n - blocks_n / (1 - dropped)) < 1e-9, f"{dense_n:.12f} vs {blocks_n / (1 - dropped):.12f}")

print("2. closed form: layer 1 reads the axis of x in {+-e1, +-e2}, layer 2 (W1 = [[1, 1], [-1, -1]]) its sign")
for gain, m2 in ((1.05, 2), (1.2, 1), (2.0, 2)):
    k = (gain - 1) / gain
    members = two_layer([[1, 0], [0, 1], [-1, 0], [0, -1]], [[1, 1], [-1, -1]], m2)
    chi, dropped = block_holevo(members, k, 12)
    expected = (1 - (1 + k) ** -2) + (1 - (1 + k) ** -m2)
    check(f"joint chi = [1 - (1+k)^-2] + [1 - (1+k)^-{m2}] at G = {gain}", abs(chi - expected) <= 2 * dropped + 1e-10, f"{chi:.10f} vs {expected:.10f}")
    b1, b2 = float(symmetric_bits(2, 2, k)), float(symmetric_bits(2, m2, k))
    check(f"joint chi <= chi_1 + chi_2 at G = {gain}", chi <= b1 + b2, f"{chi:.6f} <= {b1 + b2:.6f}")
    if gain < 1.5:
        check(f"joint chi > chi_1 alone at G = {gain} (one layer does not bound a network)", chi > b1, f"{chi:.6f} > {b1:.6f}")

print("3. random tiny networks (N1 <= 3, M <= 2), with and without client noise in the activations")
rng = np.random.default_rng(20261204)
worst = 0.0
count = 0
while count < 20:
    n1 = int(rng.integers(2, 4))
    m2 = int(rng.integers(1, 3))
    gain = float(rng.uniform(1.01, 2))
    k = (gain - 1) / gain
    w1 = rng.normal(size=(2, n1))
    xs = [rng.normal(size=n1) for _ in range(int(rng.integers(2, 5)))]
    if any(np.linalg.norm(np.maximum(w1 @ unit(x), 0)) < 0.1 for x in xs):
        continue
    noises = ((0.05, -0.05), (-0.05, 0.05)) if rng.random() < 0.5 else ((0.0, 0.0),)
    members = two_layer(xs, w1, m2, noises)
    chi, dropped = block_holevo(members, k, 7)
    bound = float(symmetric_bits(n1, 2, k) + symmetric_bits(2, m2, k))
    sub = float(subadditive_bits(n1, 2, k) + subadditive_bits(2, m2, k))
    slack = dropped * math.log2(len(xs))
    worst = max(worst, (chi - slack) / bound)
    count += 1
    if not (chi <= bound + slack + 1e-12 and chi <= sub + slack + 1e-12):
        check(f"random network {count}", False, f"chi {chi} bound {bound} sub {sub}")
check("20 random networks: chi(x; all rows) <= sum of one-layer bounds (symmetric and subadditive)", True, f"largest chi/bound {worst:.4f}")

print("4. interfering modes: N = 2, x = (1, +-1)/sqrt2")
for gain, m in ((1.2, 1), (2.0, 1), (2.0, 2)):
    k = (gain - 1) / gain
    s = math.sqrt(0.5)
    members = [(0.5, i, [np.array(x)] * m) for i, x in enumerate(([s, s], [s, -s]))]
    chi, dropped = block_holevo(members, k, 14)
    check(f"joint chi = 1 - (1+k)^-M at G = {gain}, M = {m}", abs(chi - (1 - (1 + k) ** -m)) <= dropped + 1e-10, f"{chi:.10f}")
    # a 50:50 splitter sends every photon of row i to port + (sign +) or port - (sign -):
    # counting then names the sign whenever a photon is seen, P = 1 - (1 + k)^-M: equal to chi
    p_seen = 1 - (1 + k) ** -m
    check(f"50:50 splitter and counting attains it at G = {gain}, M = {m}", abs(p_seen - chi) <= dropped + 1e-10)

print("5. the committed 784-784-10 network at 40 digits (bits per data symbol)")
for gain, l2sym, l2sub in ((1.2, 0.018903, 0.020197), (2.0, 0.051287, 0.059330)):
    k = mp.mpf(gain - 1) / gain
    s2 = symmetric_bits(784, 10, k) / 784
    a2 = subadditive_bits(784, 10, k) / 784
    check(f"G = {gain}: layer 2 adds {float(s2):.5f} (symmetric) and {float(a2):.5f} (subadditive) bit per data symbol", abs(float(s2) - l2sym) < 1e-6 and abs(float(a2) - l2sub) < 1e-6)
    print(f"        layer 1 symmetric {float(symmetric_bits(784, 784, k) / 784):.6f}, network {float((symmetric_bits(784, 784, k) + symmetric_bits(784, 10, k)) / 784):.6f}")

finish()
