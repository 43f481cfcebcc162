// -w simple (the default).
import { hex, hex16, hexSpace16 } from './format.js';
import type { PrintEnv, Printable } from './printable.js';
import { dbStatusRows, hashRows, memberRows, statusRows } from './rows.js';
import { roleText, userText } from './simple-auth.js';
import { delText, getText, putText, txnText, watchText } from './simple-kv.js';

function lines(rows: string[][]): string {
  return rows.map((r) => `${r.join(', ')}\n`).join('');
}

function leaseText(p: Printable): string | undefined {
  switch (p.kind) {
    case 'grant': return `lease ${hex16(p.resp.ID)} granted with TTL(${p.resp.TTL ?? 0}s)\n`;
    case 'revoke': return `lease ${hex16(p.id)} revoked\n`;
    case 'keepAlive': return `lease ${hex16(p.resp.ID)} keepalived with TTL(${p.resp.TTL ?? 0})\n`;
    case 'leases': return `found ${(p.resp.leases ?? []).length} leases\n${(p.resp.leases ?? []).map((l) => `${hex16(l.ID)}\n`).join('')}`;
    case 'timeToLive': {
      const r = p.resp;
      if (String(r.grantedTTL ?? 0) === '0' && String(r.TTL) === '-1') return `lease ${hex16(r.ID)} already expired\n`;
      const keys = p.keys ? `, attached keys([${(r.keys ?? []).map((k) => k.toString()).join(' ')}])` : '';
      return `lease ${hex16(r.ID)} granted with TTL(${r.grantedTTL ?? 0}s), remaining(${r.TTL ?? 0}s)${keys}\n`;
    }
    default: return undefined;
  }
}

function clusterText(p: Printable, env: PrintEnv): string | undefined {
  switch (p.kind) {
    case 'memberList': return lines(memberRows(p.resp)[1]);
    case 'member': return `Member ${hexSpace16(p.id)} ${p.verb} cluster ${hexSpace16(p.resp.header?.cluster_id)}\n`;
    case 'endpointStatus': return lines(statusRows(p.list)[1]);
    case 'endpointHashKV': return lines(hashRows(p.list)[1]);
    case 'dbStatus': return lines(dbStatusRows(p.status)[1]);
    case 'moveLeader': return `Leadership transferred from ${hex(p.from)} to ${hex(p.to)}\n`;
    case 'alarm': return (p.resp.alarms ?? []).map((a) => `memberID:${a.memberID ?? 0} alarm:${a.alarm === 1 ? 'NOSPACE' : a.alarm === 2 ? 'CORRUPT' : 'NONE'} \n`).join('');
    case 'endpointHealth':
      for (const h of p.list) {
        env.err(h.error === '' ? `${h.ep} is healthy: successfully committed proposal: took = ${h.took}\n`
          : `${h.ep} is unhealthy: failed to commit proposal: ${h.error}\n`);
      }
      return '';
    default: return undefined;
  }
}

export function simpleText(p: Printable, env: PrintEnv): string {
  switch (p.kind) {
    case 'get': return getText(env, p.resp);
    case 'put': return putText(env, p.resp);
    case 'del': return delText(env, p.resp);
    case 'txn': return txnText(env, p.resp);
    case 'watch': return watchText(env, p.resp);
    case 'compact': return `compacted revision ${p.rev}\n`;
    case 'message': return p.text;
    case 'userGet': return userText(p.name, p.resp.roles ?? []);
    case 'names': return [...(p.resp.users ?? p.resp.roles ?? [])].map((n) => `${n}\n`).join('');
    case 'roleGet': return roleText(p.name, p.resp.perm ?? []);
    default: return leaseText(p) ?? clusterText(p, env) ?? '';
  }
}
