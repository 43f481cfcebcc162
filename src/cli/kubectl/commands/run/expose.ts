// run --expose: the service/v2 generator with run's parameters — selector from --labels (or
// run=<name>), one TCP port (--port) targeting the same port, the labels copied when given.
import type { Obj } from '../../../../client/types.js';
import { parseLabels } from './pod.js';

export function generateService(name: string, labels: string, port: string): Obj {
  const selector = parseLabels(labels !== '' ? labels : `run=${name}`);
  const ports = port === '' ? [] : port.split(',').map((p, i, all) => {
    if (!/^[+-]?\d+$/.test(p)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
    const n = Number(p) | 0;
    return { name: all.length > 1 ? `port-${i + 1}` : '', port: n, protocol: 'TCP', targetPort: n };
  });
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, ...(labels !== '' ? { labels: parseLabels(labels) } : {}) },
    spec: { selector, ports },
  };
}
