// apimachinery's version.CompareKubeAwareVersionStrings: v2 before v1 before v1beta2 before
// v1beta1 before v1alpha1; versions not of that shape after them, in lexical order.
const KUBE = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(v: string): [number, number, number] | undefined {
  const m = KUBE.exec(v);
  if (!m) return undefined;
  return [m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0, Number(m[1]), Number(m[3] ?? 0)];
}

/** A sort comparator putting the preferred version first. */
export function byKubeAwareVersion(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  if (!ra || !rb) return ra ? -1 : rb ? 1 : a.localeCompare(b);
  // GA before beta before alpha; then higher major; then higher minor.
  return rb[0] - ra[0] || rb[1] - ra[1] || rb[2] - ra[2];
}
