// The checks snapshot restore makes of its member flags before it touches the disk, as etcd 3.4's
// Restore does: types.NewURLs of --initial-advertise-peer-urls, types.NewURLsMap of
// --initial-cluster, then ServerConfig.VerifyBootstrap (the local member, its advertised URLs,
// duplicate URLs). Go's error texts. No DNS here: advertised URLs that differ from the cluster's
// are refused when all hosts are IP literals or localhost (which etcd does not resolve), and
// accepted otherwise.
import { isIP } from 'node:net';
import { newURLs } from '../../../../client/etcd-urls.js';
import { parseGoUrl } from '../../../../client/go-url.js';
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';

export interface Bootstrap {
  /** name → sorted peer URLs, in the order --initial-cluster names them */
  cluster: Map<string, string[]>;
  peerUrls: string[];
}

/** types.parse: comma-separated name=url pairs; empty pairs skipped, a pair without `=` an empty URL. */
export function parseUrlsMap(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const [name, url] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    m.set(name, [...(m.get(name) ?? []), url]);
  }
  return m;
}

function urls(list: string[]): string[] {
  try {
    return newURLs(list);
  } catch (err) {
    throw new ExitError(EXIT.error, (err as Error).message);
  }
}

/** Go's %q of a []string. */
const quoted = (l: string[]) => `[${l.map((s) => JSON.stringify(s)).join(' ')}]`;

/** netutil.urlsEqual without DNS: undefined when equal, else the reason; null when it cannot tell. */
function urlsEqual(a: string[], b: string[]): string | undefined | null {
  if (a.length !== b.length) return `len(${quoted(a)}) != len(${quoted(b)})`;
  if (a.every((u, i) => u === b[i])) return undefined;
  // resolveURL leaves localhost and IP literals as they are; other hosts would need DNS
  const literal = (u: string): boolean => {
    const host = parseGoUrl(u).host;
    const name = host.slice(0, host.lastIndexOf(':')).replace(/^\[|\]$/g, '');
    return name === 'localhost' || isIP(name) !== 0;
  };
  if (![...a, ...b].every(literal)) return null;
  const i = a.findIndex((u, k) => u !== b[k]);
  return `resolved urls: ${JSON.stringify(a[i])} != ${JSON.stringify(b[i])}`;
}

function advertiseMatchesCluster(name: string, mine: string[], advertised: string[]): void {
  const why = urlsEqual([...advertised].sort(), mine);
  if (why === undefined || why === null) return;
  const missing = mine.filter((u) => !advertised.includes(u));
  if (missing.length > 0) {
    throw new ExitError(EXIT.error, `--initial-cluster has ${missing.map((u) => `${name}=${u}`).join(',')} but missing from --initial-advertise-peer-urls=${[...advertised].sort().join(',')} (${why})`);
  }
  const extra = advertised.filter((u) => !mine.includes(u));
  const own = advertised.map((u) => `${name}=${u}`).sort().join(',');
  if (extra.length > 0) throw new ExitError(EXIT.error, `--initial-advertise-peer-urls has ${extra.join(',')} but missing from --initial-cluster=${own}`);
  throw new ExitError(EXIT.error, `failed to resolve ${[...advertised].sort().join(',')} to match --initial-cluster=${own} (${why})`);
}

export function verifyBootstrap(name: string, peerUrlsFlag: string, clusterFlag: string): Bootstrap {
  const peerUrls = urls(peerUrlsFlag.split(','));
  const cluster = new Map([...parseUrlsMap(clusterFlag)].map(([n, us]) => [n, urls(us)]));
  const mine = cluster.get(name);
  if (mine === undefined) throw new ExitError(EXIT.error, `couldn't find local name ${JSON.stringify(name)} in the initial cluster configuration`);
  advertiseMatchesCluster(name, mine, peerUrls);
  const all = [...cluster].flatMap(([n, us]) => us.map((u) => `${n}=${u}`));
  if (new Set([...cluster.values()].flat()).size !== all.length) {
    throw new ExitError(EXIT.error, `initial cluster ${[...all].sort().join(',')} has duplicate url`);
  }
  return { cluster, peerUrls };
}
