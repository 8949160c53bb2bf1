/**
 * A brute-force Fock-space evaluation of the Holevo quantity of what a server gets back from
 * a few rows of a tiny network, independent of qsdl's bound code (used by
 * test/bounds.networkData.test.ts and test/attacks.interferometric.test.ts).
 *
 * Each returned row r is one thermal mode with k photons along a unit vector u_r (the row's
 * layer input direction, which depends on the ensemble member), vacuum elsewhere:
 * ρ = Σ_l (1 − q)q^l |l; u_r⟩⟨l; u_r|, q = k/(1 + k). The per-row photon numbers are diagonal
 * in every member's state with a law that does not depend on the member, so the joint state
 * splits into blocks (l_1, …, l_R), each a pure state ⊗_r |l_r; u_r⟩ per member. Within a
 * block, the entropy of a mixture Σ_a p_a |v_a⟩⟨v_a| is the entropy of its Gram matrix
 * √(p_a p_b)⟨v_a|v_b⟩. Inner products are computed by expanding |l; u⟩ in the Fock basis of
 * the N modes, Σ over compositions n of l of √(l!/Π n_j!)·Π u_j^{n_j} |n⟩ (no closed form for
 * ⟨l; u|l; v⟩ is used). Photon numbers above `maxPhotons` per row are dropped; the dropped
 * probability mass is returned, and since a block's Holevo quantity is at most log2 of the
 * number of distinct messages, the exact value lies in [value, value + dropped·log2(messages)].
 */

/** Compositions of l into n non-negative parts. */
function* compositions(l: number, n: number): Generator<number[]> {
  if (n === 1) {
    yield [l];
    return;
  }
  for (let a = 0; a <= l; a += 1) for (const rest of compositions(l - a, n - 1)) yield [a, ...rest];
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i += 1) s += Math.log(i);
  return s;
}

/** |l; u⟩ in the Fock basis of len(u) modes, as a map from the composition (joined) to its amplitude. */
function fockVector(u: readonly number[], l: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of compositions(l, u.length)) {
    let amp = Math.exp(0.5 * (logFactorial(l) - c.reduce((s, x) => s + logFactorial(x), 0)));
    for (let j = 0; j < u.length; j += 1) amp *= u[j]! ** c[j]!;
    out.set(c.join(','), amp);
  }
  return out;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  for (const [key, v] of a) s += v * (b.get(key) ?? 0);
  return s;
}

/** Eigenvalues of a small real symmetric matrix (cyclic Jacobi, to ~1e-15 relative). */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) off += a[i]![j]! ** 2;
    if (off < 1e-34) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!);
}

/** Von Neumann entropy (bits) of a density matrix given as a Gram matrix. */
function entropyBits(gram: readonly (readonly number[])[]): number {
  let s = 0;
  for (const w of symmetricEigenvalues(gram)) if (w > 1e-300) s -= w * Math.log2(w);
  return s;
}

/** One member of the ensemble: its probability, the message it belongs to, and each row's direction. */
export interface FockMember {
  readonly probability: number;
  readonly message: number;
  /** One unit vector per row (the row's layer input direction for this member). */
  readonly rows: readonly (readonly number[])[];
}

/** The Holevo quantity χ(message; all rows), bits, and the photon-number probability mass dropped. */
export function fockHolevo(members: readonly FockMember[], k: number, maxPhotons: number): { readonly bits: number; readonly droppedMass: number; readonly messages: number } {
  const rowCount = members[0]!.rows.length;
  const q = k / (1 + k);
  // inner[r][l][a][b] = ⟨l; u_r(a)|l; u_r(b)⟩
  const inner: number[][][][] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const perL: number[][][] = [];
    for (let l = 0; l <= maxPhotons; l += 1) {
      const vecs = members.map((m) => fockVector(m.rows[r]!, l));
      perL.push(vecs.map((va) => vecs.map((vb) => dot(va, vb))));
    }
    inner.push(perL);
  }
  const groups = new Map<number, number[]>();
  members.forEach((m, i) => groups.set(m.message, [...(groups.get(m.message) ?? []), i]));
  let bits = 0;
  let mass = 0;
  const ls = new Array<number>(rowCount).fill(0);
  for (;;) {
    let p = 1;
    for (const l of ls) p *= (1 - q) * q ** l;
    mass += p;
    const gram = members.map((ma, a) => members.map((mb, b) => {
      let g = Math.sqrt(ma.probability * mb.probability);
      for (let r = 0; r < rowCount; r += 1) g *= inner[r]![ls[r]!]![a]![b]!;
      return g;
    }));
    let chi = entropyBits(gram);
    for (const idx of groups.values()) {
      const pm = idx.reduce((s, i) => s + members[i]!.probability, 0);
      chi -= pm * entropyBits(idx.map((a) => idx.map((b) => gram[a]![b]! / pm)));
    }
    bits += p * chi;
    let r = 0;
    while (r < rowCount && ls[r] === maxPhotons) {
      ls[r] = 0;
      r += 1;
    }
    if (r === rowCount) break;
    ls[r] = ls[r]! + 1;
  }
  return { bits, droppedMass: Math.max(0, 1 - mass), messages: groups.size };
}
