// -w table (olekukonko/tablewriter as etcdctl configures it): only for member list, endpoint
// health/status/hashkv and snapshot status.
import type { Printable } from './printable.js';
import { dbStatusRows, hashRows, healthRows, memberRows, statusRows } from './rows.js';

function width(s: string): number {
  return [...s].length;
}

function center(s: string, w: number): string {
  const gap = w - width(s);
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + s + ' '.repeat(gap - left);
}

export function renderTable(header: string[], rows: string[][]): string {
  const hdr = header.map((h) => h.toUpperCase());
  const widths = hdr.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (cells: string[]) => `|${cells.map((c) => ` ${c} `).join('|')}|\n`;
  let out = rule + line(hdr.map((h, i) => center(h, widths[i]!))) + rule;
  for (const r of rows) out += line(r.map((c, i) => c.padStart(widths[i]! + c.length - width(c))));
  return out + rule;
}

export function tableText(p: Printable): string | undefined {
  switch (p.kind) {
    case 'memberList': return renderTable(...memberRows(p.resp));
    case 'endpointHealth': return renderTable(...healthRows(p.list));
    case 'endpointStatus': return renderTable(...statusRows(p.list));
    case 'endpointHashKV': return renderTable(...hashRows(p.list));
    case 'dbStatus': return renderTable(...dbStatusRows(p.status));
    default: return undefined;
  }
}
