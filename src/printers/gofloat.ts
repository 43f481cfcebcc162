// Go's strconv.FormatFloat(v, 'g', -1, 64), what fmt's %v prints for a float64: the shortest
// digits, in exponent form (`1e+06`, `1.5e-05`) when the exponent is below -4 or from 6; -0, NaN
// and ±Inf as Go spells them. One home for every printer and server that writes Go's numbers.

export function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, e] = v.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}
