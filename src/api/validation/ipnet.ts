// IP and CIDR parsing as k8s.io/utils/net's "sloppy" parsers accept them (IPv4 octets may
// carry leading zeros), and the checks built on them.
import { isIP } from 'node:net';
import { invalid, type Path } from './field.js';
import type { FieldError } from '../types.js';

/** Normalises an IPv4 literal with leading-zero octets; returns the family (4, 6) or 0. */
export function ipFamily(value: string): 4 | 6 | 0 {
  if (isIP(value) === 6) return 6;
  const parts = value.split('.');
  if (parts.length !== 4) return 0;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255) ? 4 : 0;
}

export function ipv4Octets(value: string): number[] {
  return value.split('.').map(Number);
}

export function parseCIDR(value: string): { ip: string; bits: number; family: 4 | 6 } | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = value.slice(0, slash);
  const bitsText = value.slice(slash + 1);
  const family = ipFamily(ip);
  if (!family || !/^[0-9]{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > (family === 4 ? 32 : 128)) return undefined;
  return { ip, bits, family };
}

export function isValidIP(field: Path, value: string): FieldError[] {
  return ipFamily(value) ? [] : [invalid(field, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function isValidCIDR(field: Path, value: string): FieldError[] {
  return parseCIDR(value) ? [] : [invalid(field, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

function specialIPv4(value: string): string[] {
  const [a = 0, b = 0, c = 0] = ipv4Octets(value);
  const msgs: string[] = [];
  if (a === 0 && ipv4Octets(value).every((o) => o === 0)) msgs.push(`may not be unspecified (${value})`);
  if (a === 127) msgs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (a === 169 && b === 254) msgs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (a === 224 && b === 0 && c === 0) msgs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return msgs;
}

function specialIPv6(value: string): string[] {
  const v = value.toLowerCase();
  const msgs: string[] = [];
  if (v === '::') msgs.push(`may not be unspecified (${value})`);
  if (v === '::1') msgs.push('may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (/^fe[89ab]/.test(v)) msgs.push('may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (/^ff02:/.test(v)) msgs.push('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
  return msgs;
}

/** core validation's ValidateNonSpecialIP (endpoints, external IPs). */
export function validateNonSpecialIP(value: string, field: Path): FieldError[] {
  const family = ipFamily(value);
  if (!family) return [invalid(field, value, 'must be a valid IP address')];
  const msgs = family === 4 ? specialIPv4(value) : specialIPv6(value);
  return msgs.map((m) => invalid(field, value, m));
}

/** Whether an IPv4 address falls inside the network of a parsed IPv4 CIDR (other families: true). */
export function cidrContains(outer: { ip: string; bits: number; family: 4 | 6 }, ip: string): boolean {
  if (outer.family !== 4 || ipFamily(ip) !== 4) return true;
  const toInt = (s: string): number => ipv4Octets(s).reduce((a, o) => a * 256 + o, 0);
  const shift = 32 - outer.bits;
  return Math.floor(toInt(outer.ip) / 2 ** shift) === Math.floor(toInt(ip) / 2 ** shift);
}
