// printResponseKey and friends: -o simple | extended | json.
import type { V2Node, V2Response } from './keys.js';

function nodeJson(n: V2Node): string {
  const parts = [`"key":${JSON.stringify(n.key ?? '')}`];
  if (n.dir === true) parts.push('"dir":true');
  parts.push(`"value":${JSON.stringify(n.value ?? '')}`);
  parts.push(`"nodes":${n.nodes === undefined ? 'null' : `[${n.nodes.map(nodeJson).join(',')}]`}`);
  parts.push(`"createdIndex":${n.createdIndex ?? 0}`, `"modifiedIndex":${n.modifiedIndex ?? 0}`);
  if (n.expiration !== undefined) parts.push(`"expiration":${JSON.stringify(n.expiration)}`);
  if (n.ttl !== undefined && n.ttl !== 0) parts.push(`"ttl":${n.ttl}`);
  return `{${parts.join(',')}}`;
}

export function responseJson(r: V2Response): string {
  return `{"action":${JSON.stringify(r.action)},"node":${nodeJson(r.node)},"prevNode":${r.prevNode ? nodeJson(r.prevNode) : 'null'}}`;
}

/** null for an unknown -o (printResponseKey then complains on stderr). */
export function responseText(r: V2Response, format: string): string | null {
  switch (format) {
    case 'simple':
      return r.action !== 'delete' ? `${r.node.value ?? ''}\n` : `PrevNode.Value: ${r.prevNode?.value ?? ''}\n`;
    case 'extended': {
      let out = `Key: ${r.node.key ?? ''}\nCreated-Index: ${r.node.createdIndex ?? 0}\nModified-Index: ${r.node.modifiedIndex ?? 0}\n`;
      if (r.prevNode) out += `PrevNode.Value: ${r.prevNode.value ?? ''}\n`;
      out += `TTL: ${r.node.ttl ?? 0}\nIndex: ${r.index}\n`;
      return r.action !== 'delete' ? `${out}\n${r.node.value ?? ''}\n` : out;
    }
    case 'json':
      return `${responseJson(r)}\n`;
    default:
      return null;
  }
}

/** ls in simple format: the key itself when a file, then every child (recursively). */
export function lsText(r: V2Response, slashDirs: boolean): string {
  const walk = (n: V2Node): string => `${n.dir === true && slashDirs ? `${n.key}/` : n.key}\n${(n.nodes ?? []).map(walk).join('')}`;
  return `${r.node.dir === true ? '' : `${r.node.key}\n`}${(r.node.nodes ?? []).map(walk).join('')}`;
}
