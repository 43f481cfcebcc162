// DescribeProbe: `http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3`.
import { at, num, rec, str, type Fields } from '../columns/fields.js';
import { escapePath, goList, intOrString } from './gofmt.js';

/** net.JoinHostPort. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function httpGetUrl(get: Fields): string {
  const scheme = str(get.scheme).toLowerCase();
  const port = get.port === undefined || get.port === null ? '' : intOrString(get.port);
  const host = port !== '' ? joinHostPort(str(get.host), port) : str(get.host);
  let path = escapePath(str(get.path));
  if (path !== '' && !path.startsWith('/') && host !== '') path = `/${path}`;
  let out = scheme !== '' ? `${scheme}:` : '';
  if (scheme !== '' || host !== '') out += `//${host}`;
  return out + path;
}

export function describeProbe(probe: Fields): string {
  const attrs = `delay=${num(probe.initialDelaySeconds)}s timeout=${num(probe.timeoutSeconds)}s period=${num(probe.periodSeconds)}s #success=${num(probe.successThreshold)} #failure=${num(probe.failureThreshold)}`;
  if (probe.exec !== undefined && probe.exec !== null) return `exec ${goList(at(probe.exec, 'command'))} ${attrs}`;
  if (probe.httpGet !== undefined && probe.httpGet !== null) return `http-get ${httpGetUrl(rec(probe.httpGet))} ${attrs}`;
  if (probe.tcpSocket !== undefined && probe.tcpSocket !== null) {
    const t = rec(probe.tcpSocket);
    return `tcp-socket ${str(t.host)}:${intOrString(t.port)} ${attrs}`;
  }
  if (probe.grpc !== undefined && probe.grpc !== null) {
    const g = rec(probe.grpc);
    return `grpc <pod>:${num(g.port)} ${str(g.service)} ${attrs}`;
  }
  return `unknown ${attrs}`;
}
