/**
 * A double as text that reads back to the same double: 17 significant digits, trailing
 * zeros of the mantissa removed (as C's %.17g). Three times faster than String(x),
 * whose shortest-digits search dominated batch output (bench/). Not always the
 * shortest form: 0.1 prints as 0.10000000000000001, as NumPy's savetxt('%.17g') does.
 * @internal
 * @example formatRoundTrip(0.5) // returns '0.5'
 * @example formatRoundTrip(1e-9) // returns '1.0000000000000001e-9'
 */
export function formatRoundTrip(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (!Number.isFinite(x)) return String(x);
  const s = x.toPrecision(17);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  if (mantissa.indexOf('.') < 0) return s;
  let k = mantissa.length;
  while (mantissa.charCodeAt(k - 1) === 0x30) k -= 1; // '0'
  if (mantissa.charCodeAt(k - 1) === 0x2e) k -= 1; // '.'
  return e < 0 ? mantissa.slice(0, k) : mantissa.slice(0, k) + s.slice(e);
}

/**
 * {@link formatRoundTrip}(x) written as ASCII bytes into `out` at `o`, without the
 * intermediate strings (a fifth of batch output time went to them); returns the offset
 * after it. `out` must have 24 bytes free at `o`.
 * @internal
 * @example writeRoundTrip(0.5, buf, 0) // writes '0.5', returns 3
 */
export function writeRoundTrip(x: number, out: Uint8Array, o: number): number {
  const s = x === 0 || !Number.isFinite(x) ? formatRoundTrip(x) : x.toPrecision(17);
  const n = s.length;
  let mantissaEnd = n;
  let point = false;
  for (let c = 0; c < n; c += 1) {
    const ch = s.charCodeAt(c);
    if (ch === 0x65) { // 'e'
      mantissaEnd = c;
      break;
    }
    if (ch === 0x2e) point = true; // '.'
    out[o + c] = ch;
  }
  let k = mantissaEnd;
  if (point) {
    while (s.charCodeAt(k - 1) === 0x30) k -= 1; // '0'
    if (s.charCodeAt(k - 1) === 0x2e) k -= 1; // '.'
  }
  o += k;
  for (let c = mantissaEnd; c < n; c += 1) out[o++] = s.charCodeAt(c);
  return o;
}
