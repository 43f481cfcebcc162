// The simple printer for users and roles (printer_simple.go).
import { text } from './format.js';
import type { RolePerm } from './printable.js';

const READ = 0;
const WRITE = 1;
const READWRITE = 2;

/** clientv3.GetPrefixRangeEnd */
export function prefixRangeEnd(key: Buffer): Buffer {
  const end = Buffer.from(key);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i] = end[i]! + 1;
      return end.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}

function permLine(p: RolePerm): string {
  const key = p.key ?? Buffer.alloc(0);
  const end = p.range_end ?? Buffer.alloc(0);
  if (end.length === 0) return `\t${text(key)}\n`;
  let line = end.equals(Buffer.from([0])) ? `\t[${text(key)}, <open ended>` : `\t[${text(key)}, ${text(end)})`;
  if (prefixRangeEnd(key).equals(end)) line += ` (prefix ${text(key)})`;
  return `${line}\n`;
}

export function roleText(name: string, perms: RolePerm[]): string {
  const type = (p: RolePerm) => p.permType ?? READ;
  const reads = perms.filter((p) => type(p) === READ || type(p) === READWRITE);
  const writes = perms.filter((p) => type(p) === WRITE || type(p) === READWRITE);
  return `Role ${name}\nKV Read:\n${reads.map(permLine).join('')}KV Write:\n${writes.map(permLine).join('')}`;
}

export function userText(name: string, roles: string[]): string {
  return `User: ${name}\nRoles:${roles.map((r) => ` ${r}`).join('')}\n`;
}
