// The bytes etcd's v2 HTTP API writes for a result or an error: Go's encoding/json output
// (fields in struct order, empty fields omitted, <, >, & and U+2028/9 escaped, a final newline).
import type { V2Error } from './errors.js';
import { ROOT } from './keys.js';
import type { V2Node, V2Result } from './types.js';

/** A JSON string as Go's encoder writes it. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += unicodeEscape(c);
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

function unicodeEscape(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

function nodeJson(n: V2Node): string {
  const parts: string[] = [];
  if (n.key !== ROOT && n.key !== '') parts.push(`"key":${goJsonString(n.key)}`);
  if (n.value !== undefined) parts.push(`"value":${goJsonString(n.value)}`);
  if (n.dir) parts.push('"dir":true');
  if (n.expiration !== undefined) parts.push(`"expiration":${goJsonString(n.expiration)}`);
  if (n.ttl !== undefined && n.ttl !== 0) parts.push(`"ttl":${n.ttl}`);
  if (n.nodes !== undefined && n.nodes.length > 0) parts.push(`"nodes":[${n.nodes.map(nodeJson).join(',')}]`);
  if (n.modifiedIndex !== 0) parts.push(`"modifiedIndex":${n.modifiedIndex}`);
  if (n.createdIndex !== 0) parts.push(`"createdIndex":${n.createdIndex}`);
  return `{${parts.join(',')}}`;
}

/** The body of a keys-API answer (the index goes in the X-Etcd-Index header, not here). */
export function encodeV2Result(r: V2Result): string {
  const prev = r.prevNode ? `,"prevNode":${nodeJson(r.prevNode)}` : '';
  return `{"action":${goJsonString(r.action)},"node":${nodeJson(r.node)}${prev}}\n`;
}

/** The body of an error answer. */
export function encodeV2Error(e: V2Error): string {
  const cause = e.cause === '' ? '' : `,"cause":${goJsonString(e.cause)}`;
  return `{"errorCode":${e.errorCode},"message":${goJsonString(e.message)}${cause},"index":${e.index}}\n`;
}

/** etcd answers 201 Created for a create, and for a set that made a new key; else 200. */
export function v2ResultStatus(r: V2Result): 200 | 201 {
  return r.action === 'create' || (r.action === 'set' && !r.prevNode) ? 201 : 200;
}
