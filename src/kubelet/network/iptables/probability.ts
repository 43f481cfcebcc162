// The --probability of kube-proxy's load-balancing rules as iptables-save prints it back.
// kube-proxy writes 1/(n-i) as "%0.10f" (proxier.go computeProbability); the statistic match
// keeps it as a 31-bit fraction, 0x80000000 × p rounded (iptables extensions/libxt_statistic.c),
// and prints fraction / 0x80000000 with "%.11f". Real dumps: 1/2 → 0.50000000000,
// 1/5 → 0.20000000019 (kubernetes issues #47533, #26292).
const SCALE = 0x80000000;

export function savedProbability(n: number): string {
  const written = Number((1 / n).toFixed(10));
  return (Math.round(written * SCALE) / SCALE).toFixed(11);
}
