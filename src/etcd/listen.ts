// The client and peer listeners. As etcd multiplexes gRPC and HTTP/1.1 on one port, each
// connection is sniffed: the HTTP/2 preface goes to the gRPC server, anything else to the HTTP
// handler. TLS is terminated here (with client-certificate checks when asked), then the same split
// happens on the decrypted stream, by ALPN.
import net from 'node:net';
import tls from 'node:tls';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import type { TlsFiles } from './config.js';
import { withAuthorityFix } from './grpc/authority.js';
import { cheapDefaultStore } from '../client/startup-env.js';

export interface Listener {
  close(): Promise<void>;
  address: string;
}

export interface Sinks {
  grpc: (socket: Duplex) => void;
  http: http.Server;
}

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n');
/** the whole client connection preface, then the SETTINGS frame's header that must follow it */
const FULL_PREFACE = 24;
const SETTINGS_HEADER = 9;

/**
 * grpc-go's client (etcd's clientv3, the real etcdctl) opens with an empty SETTINGS frame; it is
 * the client that may send a target's scheme in :authority (grpc/authority.ts). Its connections go
 * through the rewriter; others (grpc-js: our etcdctl, the bench) keep node:http2's direct path, on
 * which a call costs ~20% less.
 */
function goClient(seen: Buffer): boolean {
  return seen[FULL_PREFACE + 3] === 0x4 && seen.readUIntBE(FULL_PREFACE, 3) === 0;
}

function sniff(socket: net.Socket | tls.TLSSocket, sinks: Sinks): void {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk]);
    const n = Math.min(seen.length, PREFACE.length);
    const isH2 = seen.subarray(0, n).equals(PREFACE.subarray(0, n));
    // need more bytes to decide: a client sends its SETTINGS frame with the preface (RFC 9113 3.4)
    if (isH2 && seen.length < FULL_PREFACE + SETTINGS_HEADER) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(seen);
    // The HTTP/2 stream reads what was unshifted itself; resuming the socket here would lose it.
    if (isH2) sinks.grpc(goClient(seen) ? withAuthorityFix(socket) : socket);
    else {
      sinks.http.emit('connection', socket);
      socket.resume();
    }
  };
  socket.on('data', onData);
  socket.on('error', () => socket.destroy());
}

export function listen(url: URL, tlsFiles: TlsFiles | undefined, sinks: Sinks): Promise<Listener> {
  const secure = url.protocol === 'https:';
  const server = secure ? tlsServer(tlsFiles, sinks) : net.createServer((s) => sniff(s, sinks));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
    server.listen({ host, port: Number(url.port), exclusive: true }, () => {
      server.off('error', reject);
      resolve({
        address: `${host}:${url.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function tlsServer(files: TlsFiles | undefined, sinks: Sinks): tls.Server {
  if (!files?.certFile || !files.keyFile) throw new Error('https listener needs --cert-file and --key-file');
  cheapDefaultStore();
  const server = tls.createServer({
    cert: readFileSync(files.certFile),
    key: readFileSync(files.keyFile),
    ...(files.trustedCaFile ? { ca: readFileSync(files.trustedCaFile) } : {}),
    requestCert: files.clientCertAuth,
    rejectUnauthorized: files.clientCertAuth,
    // gRPC clients offer only h2. A client that also offers http/1.1 (curl, browsers) gets
    // HTTP/1.1, so /health, /version and the v2 API answer it: our gRPC server owns h2 sessions.
    ALPNCallback: ({ protocols }) => (protocols.includes('http/1.1') ? 'http/1.1' : protocols.includes('h2') ? 'h2' : undefined),
  });
  server.on('secureConnection', (socket) => {
    if (socket.alpnProtocol === 'h2') sinks.grpc(socket);
    else sniff(socket, sinks);
  });
  server.on('tlsClientError', () => undefined);
  return server;
}
