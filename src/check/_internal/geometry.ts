/**
 * The checker's geometry: dimension order and scales, bisection, corners, and the test
 * that a set of bisection paths tiles the region exactly once.
 * @internal
 */

/** Dimension order of box paths and the bisection scale of each (its own copy; compared with the prover's by a test). */
export const CHECK_DIMENSIONS: readonly { name: string; log: boolean }[] = [
  { name: 'mu', log: true },
  { name: 'gain', log: false },
  { name: 'inputs', log: true },
  { name: 'rows', log: true },
  { name: 'transmittance', log: false },
  { name: 'technicalNoise', log: false },
  { name: 'technicalPhotons', log: false },
  { name: 'efficiency', log: false },
  { name: 'queries', log: true },
  { name: 'clients', log: true },
];

export type CheckBox = Record<string, [number, number]>;

/** Where a range is bisected: geometric mean on log scales, arithmetic mean otherwise (IEEE-rounded ops, so the same double everywhere). */
export function splitPoint(log: boolean, lo: number, hi: number): number {
  return log ? Math.sqrt(lo * hi) : lo + (hi - lo) / 2;
}

/** Follow a path from the region; null if it is malformed or bisects a range that cannot be bisected. */
export function boxOfPath(region: CheckBox, path: string): CheckBox | null {
  if (path.length % 2 !== 0) return null;
  const box: CheckBox = {};
  for (const k of Object.keys(region)) box[k] = [region[k]![0], region[k]![1]];
  for (let i = 0; i < path.length; i += 2) {
    const di = path.charCodeAt(i) - 48;
    const side = path[i + 1];
    const dim = CHECK_DIMENSIONS[di];
    if (dim === undefined || (side !== '0' && side !== '1')) return null;
    const r = box[dim.name]!;
    const m = splitPoint(dim.log, r[0], r[1]);
    if (!(m > r[0] && m < r[1])) return null;
    box[dim.name] = side === '0' ? [r[0], m] : [m, r[1]];
  }
  return box;
}

/**
 * Whether paths are the leaves of one binary partition tree: no path is a prefix of
 * another (at step boundaries), every internal node splits one dimension for both of its
 * children, and every internal node has both children. Then the boxes tile the root
 * exactly once. Returns a description of the first problem, or null.
 * `complete` false allows whole subtrees to be missing (a partial set of shards), but
 * never an overlap.
 */
export function treeProblem(paths: readonly string[], complete: boolean): string | null {
  interface Node { dim: number; kids: [Node | null, Node | null]; leaf: boolean }
  const root: Node = { dim: -1, kids: [null, null], leaf: false };
  for (const p of paths) {
    let node = root;
    for (let i = 0; i < p.length; i += 2) {
      if (node.leaf) return `box ${p} lies inside box ${p.slice(0, i)}: they overlap`;
      const dim = p.charCodeAt(i) - 48;
      const side = p[i + 1] === '1' ? 1 : 0;
      if (node.dim === -1) node.dim = dim;
      else if (node.dim !== dim) return `boxes under "${p.slice(0, i)}" are cut along two different dimensions: they overlap`;
      let next = node.kids[side];
      if (next === null) {
        next = { dim: -1, kids: [null, null], leaf: false };
        node.kids[side] = next;
      }
      node = next;
    }
    if (node.leaf) return `box ${p} appears twice`;
    if (node.dim !== -1) return `box ${p} contains other boxes: they overlap`;
    node.leaf = true;
  }
  if (!complete) return null;
  const stack: [Node, string][] = [[root, '']];
  while (stack.length > 0) {
    const [n, path] = stack.pop()!;
    if (n.leaf) continue;
    if (n.dim === -1) return path === '' ? 'no boxes' : `nothing covers the box at "${path}"`;
    for (const side of [0, 1] as const) {
      const kid = n.kids[side];
      if (kid === null) return `nothing covers the box at "${path}${String.fromCharCode(48 + n.dim)}${side}"`;
      stack.push([kid, `${path}${String.fromCharCode(48 + n.dim)}${side}`]);
    }
  }
  return null;
}
