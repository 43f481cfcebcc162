// A gRPC server that does nothing: node:http2 answering every unary call with an empty message
// and status OK. The bench measures the etcd client against it to show how many calls per second
// any server on node:http2 can answer that client (our etcd's ceiling), apart from what our etcd
// does per call. Run as its own process: node bench/null-grpc.mjs <port>.
import http2 from 'node:http2';

const EMPTY = Buffer.from([0, 0, 0, 0, 0]); // uncompressed, length 0
const server = http2.createServer();
server.on('stream', (stream) => {
  stream.resume();
  stream.on('end', () => {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
    stream.end(EMPTY);
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
