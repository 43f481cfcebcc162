// The health endpoints of images that are not web servers but answer HTTP on a port of their
// own: CoreDNS's health plugin (:8080/health), its ready plugin (:8181/ready) and its metrics
// (:9153/metrics) are served by Go's net/http, whose mux answers other paths with 404.
import type { CatalogImage } from '../runtime/catalog.js';

/** Paths and the status each answers, by port, per image repository. */
const ENDPOINTS: Record<string, Record<number, Record<string, number>>> = {
  'registry.k8s.io/coredns/coredns': { 8080: { '/health': 200 }, 8181: { '/ready': 200 }, 9153: { '/metrics': 200 } },
  'registry.k8s.io/metrics-server/metrics-server': { 10250: { '/livez': 200, '/readyz': 200, '/healthz': 200 } },
};

/** Ports whose endpoints are served over TLS only (metrics-server's secure port). */
const TLS_PORTS: Record<string, number[]> = { 'registry.k8s.io/metrics-server/metrics-server': [10250] };

export function servesTls(image: CatalogImage, port: number): boolean {
  return TLS_PORTS[image.repository]?.includes(port) ?? false;
}

/** The status the image's HTTP endpoint on port answers for path; undefined when it serves no HTTP there. */
export function healthStatus(image: CatalogImage, port: number, path: string): number | undefined {
  const paths = ENDPOINTS[image.repository]?.[port];
  if (!paths) return undefined;
  return paths[path.split('?')[0] ?? ''] ?? 404;
}
