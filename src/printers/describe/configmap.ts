// ConfigMapDescriber and SecretDescriber. Go ranges over the data maps in random order; keys
// are printed sorted here (the real output agrees whenever there is one key).
import type { Obj } from '../../client/types.js';
import { rec, str } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { describeEvents, refOf, searchEvents } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, tabbed } from './writer.js';

function sortedKeys(map: unknown): string[] {
  return Object.keys(rec(map)).sort();
}

/** Length in bytes of base64 data. */
function decodedLength(b64: unknown): number {
  return Buffer.from(str(b64), 'base64').length;
}

export async function describeConfigMap(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const cm = await getObject(env, apiPath('v1', 'configmaps', namespace, name));
  let events: Obj[] | undefined;
  if (env.settings.showEvents) {
    const found = await searchEvents(env, refOf(cm, 'ConfigMap'));
    if (found.error !== undefined) throw found.error;
    events = found.items;
  }
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', cm.metadata.labels);
    printAnnotations(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = rec(cm.data);
    for (const k of sortedKeys(data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${str(data[k])}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const binary = rec(cm.binaryData);
    for (const k of sortedKeys(binary)) w.write(LEVEL_0, `${k}: ${decodedLength(binary[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events !== undefined) describeEvents(events, w, env.now);
  });
}

export async function describeSecret(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const secret = await getObject(env, apiPath('v1', 'secrets', namespace, name));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', secret.metadata.labels);
    printAnnotations(w, 'Annotations', secret.metadata.annotations);
    const type = str(secret.type);
    w.write(LEVEL_0, `\nType:\t${type}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = rec(secret.data);
    for (const k of sortedKeys(data)) {
      if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${Buffer.from(str(data[k]), 'base64').toString('utf8')}\n`);
      else w.write(LEVEL_0, `${k}:\t${decodedLength(data[k])} bytes\n`);
    }
  });
}
