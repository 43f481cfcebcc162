// endpointMemoryMetrics (ctlv3/command/util.go): process_resident_memory_bytes from
// <endpoint>/metrics, fetched as Go's http.Get does — http:// unless the endpoint says https://;
// over https with the --cert/--key pair and --insecure-skip-tls-verify but NOT --cacert (the
// system roots verify the server). Any failure prints one line on stdout and reads as 0.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { GlobalOptions } from '../context.js';
import { goQuote } from '../printers/format.js';

const KEY = 'process_resident_memory_bytes';

export interface MetricsDeps {
  cwd: string;
  /** etcdctl prints its complaints on stdout */
  out(text: string): void;
}

/** tls.LoadX509KeyPair's errors, as Go words them. */
function keyPair(g: GlobalOptions, cwd: string): { cert: Buffer; key: Buffer } {
  const open = (file: string): Buffer => {
    try {
      return readFileSync(resolve(cwd, file));
    } catch {
      throw new Error(`open ${file}: no such file or directory`);
    }
  };
  const cert = open(g.cert);
  const key = open(g.key);
  let matches = false;
  try {
    matches = new X509Certificate(cert).checkPrivateKey(createPrivateKey(key));
  } catch {
    throw new Error('tls: failed to find any PEM data in certificate input');
  }
  if (!matches) throw new Error('tls: private key does not match public key');
  return { cert, key };
}

/** Node's error as Go's net/http and crypto/x509 would report it. */
export function goNetError(err: NodeJS.ErrnoException, host: string): string {
  switch (err.code) {
    case 'ECONNREFUSED': return `dial tcp ${host}: connect: connection refused`;
    case 'ECONNRESET': return 'EOF';
    case 'ENOTFOUND': return `dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host`;
    case 'ETIMEDOUT': return `dial tcp ${host}: connect: connection timed out`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return `x509: certificate is not valid for ${host.replace(/:\d+$/, '')}`;
    case 'CERT_HAS_EXPIRED': return 'x509: certificate has expired or is not yet valid';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': return 'x509: certificate signed by unknown authority';
    default: return err.message;
  }
}

function get(url: URL, tls: https.RequestOptions | undefined): Promise<string> {
  return new Promise((done, fail) => {
    const onResponse = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(Buffer.concat(chunks).toString()));
      res.on('error', fail);
    };
    const req = tls === undefined ? http.get(url, { agent: false }, onResponse) : https.get(url, { ...tls, agent: false }, onResponse);
    req.on('error', fail);
  });
}

/** strconv.ParseFloat's syntax (decimal, exponent, inf, nan); undefined when it is not a number. */
export function goParseFloat(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

function residentBytes(body: string): string {
  for (const line of body.split('\n')) if (line.startsWith(KEY)) return line.slice(KEY.length).trim();
  return '';
}

/** The resident memory of the endpoint's process in bytes; 0 (after a line on stdout) on failure. */
export async function endpointMemoryMetrics(endpoint: string, g: GlobalOptions, deps: MetricsDeps): Promise<number> {
  const host = /^https?:\/\//.test(endpoint) ? endpoint : `http://${endpoint}`;
  const url = `${host}/metrics`;
  let tls: https.RequestOptions | undefined;
  if (host.startsWith('https://')) {
    try {
      tls = { ...keyPair(g, deps.cwd), rejectUnauthorized: !g.insecureSkipVerify };
    } catch (err) {
      deps.out(`client certificate error: ${(err as Error).message}\n`);
      return 0;
    }
  }
  let body: string;
  try {
    body = await get(new URL(url), tls);
  } catch (err) {
    deps.out(`fetch error: Get ${goQuote(url)}: ${goNetError(err as NodeJS.ErrnoException, new URL(url).host)}\n`);
    return 0;
  }
  const value = residentBytes(body);
  if (value === '') {
    deps.out(`could not find: ${KEY}\n`);
    return 0;
  }
  const bytes = goParseFloat(value);
  if (bytes === undefined) {
    deps.out(`parse error: strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax\n`);
    return 0;
  }
  return bytes;
}
