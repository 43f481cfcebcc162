// A daemon process whose cluster is a stand-in: an HTTPS /readyz (client certificates required)
// on the cluster's apiserver port, served with the fake PKI. FAKE_RUN=fail fails to start,
// FAKE_RUN=unready answers 500 forever. A clean stop leaves <cluster>/stopped-cleanly.
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import { processStopSignal, runDaemon, type RunFn } from '../../src/daemon/daemon-main.js';
import { createDaemonLogger } from '../../src/daemon/logger.js';
import { clusterPaths, kubedojoHome, nodePaths } from '../../src/daemon/paths.js';

const fakeRun: RunFn = async (paths, config, opts) => {
  opts.log(`fake cluster starting on port ${config.apiserverPort}`);
  if (process.env.FAKE_RUN === 'fail') throw new Error('the fake cluster was told to fail');
  const pki = nodePaths(paths, 'controlplane').pki;
  const read = (f: string): Buffer => readFileSync(join(pki, f));
  const status = process.env.FAKE_RUN === 'unready' ? 500 : 200;
  const server = https.createServer({ ca: read('ca.crt'), cert: read('apiserver.crt'), key: read('apiserver.key'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
    res.writeHead(req.url === '/readyz' ? status : 404).end(status === 200 ? 'ok' : '[-]etcd failed');
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.apiserverPort, '127.0.0.1', resolve));
  return {
    apiserverUrl: `https://127.0.0.1:${config.apiserverPort}`,
    stop: async () => {
      await new Promise((r) => { server.close(r); server.closeAllConnections(); });
      writeFileSync(join(paths.dir, 'stopped-cleanly'), `${process.pid}\n`);
    },
  };
};

const name = process.argv[process.argv.indexOf('--name') + 1] ?? 'kubedojo';
const paths = clusterPaths(kubedojoHome(), name);
const log = createDaemonLogger((line) => void process.stderr.write(line));
const code = await runDaemon(paths, { log, stopSignal: processStopSignal(), run: fakeRun });
process.exit(code);
