// An admission webhook for tests: HTTPS on a loopback port chosen at run time, with a certificate
// for 127.0.0.1 from a CA made for it (its PEM base64-encoded as a caBundle wants it). Each review
// it receives is kept; `answer` decides the response for a path.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, privateKeyPem } from '../../src/daemon/pki/keys.js';
import { certificatePem, createCaCertificate, signCertificate } from '../../src/daemon/pki/certs.js';

export interface Review {
  path: string;
  body: { apiVersion: string; kind: string; request: Record<string, unknown> & { uid: string } };
}

export interface WebhookServer {
  port: number;
  caBundle: string;
  url(path: string): string;
  reviews: Review[];
  close(): Promise<void>;
}

/** What the server answers for a review: the whole AdmissionReview body, or [status, raw text]. */
export type Answer = (r: Review) => unknown | [number, string];

export async function startWebhookServer(answer: Answer): Promise<WebhookServer> {
  const caKeys = await generateKeyPair();
  const caCert = await createCaCertificate('webhook-test-ca', caKeys);
  const keys = await generateKeyPair();
  const cert = await signCertificate({ cert: caCert, key: caKeys.privateKey }, { commonName: '127.0.0.1', usages: ['serverAuth'], altNames: { dnsNames: [], ips: ['127.0.0.1'] } }, keys.publicKey);
  const reviews: Review[] = [];
  const server: Server = createServer({ key: privateKeyPem(keys.privateKey), cert: certificatePem(cert) }, (req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const review: Review = { path: req.url ?? '', body: JSON.parse(text) as Review['body'] };
      reviews.push(review);
      const out = answer(review);
      const [code, body] = Array.isArray(out) ? (out as [number, string]) : [200, JSON.stringify(out)];
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    caBundle: Buffer.from(certificatePem(caCert)).toString('base64'),
    url: (path) => `https://127.0.0.1:${port}${path}`,
    reviews,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** An AdmissionReview v1 answer to a review. */
export function respond(r: Review, response: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: r.body.request.uid, ...response } };
}
