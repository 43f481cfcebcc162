// An iptables table as iptables-save prints it: its built-in chains with their policies, the
// user-defined chains (listed sorted by name, as iptables-save lists them), and each chain's
// rules in the order they were appended (kube-proxy's iptables-restore input order).
export interface Table {
  name: string;
  builtins: string[];
  chains: Set<string>;
  rules: Map<string, string[]>;
}

export function newTable(name: string, builtins: string[]): Table {
  return { name, builtins, chains: new Set(), rules: new Map() };
}

/** Declares a user-defined chain (`:NAME - [0:0]`), empty until rules are appended. */
export function addChain(t: Table, chain: string): void {
  if (!t.builtins.includes(chain)) t.chains.add(chain);
}

/** Appends `-A chain spec` (the rule as iptables-save prints it, without `-A chain`). */
export function append(t: Table, chain: string, spec: string): void {
  addChain(t, chain);
  const list = t.rules.get(chain) ?? [];
  list.push(spec);
  t.rules.set(chain, list);
}

/** Inserts a rule at the head of a chain (iptables -I, kube-proxy's EnsureRule(Prepend, …)). */
export function prepend(t: Table, chain: string, spec: string): void {
  addChain(t, chain);
  t.rules.set(chain, [spec, ...(t.rules.get(chain) ?? [])]);
}

/** iptables-save's quoting of a --comment value (always in double quotes). */
export const comment = (text: string): string => `-m comment --comment "${text}"`;

/** The table's text between `*name` and `COMMIT`. */
export function formatTable(t: Table): string[] {
  const user = [...t.chains].sort();
  const heads = [...t.builtins.map((c) => `:${c} ACCEPT [0:0]`), ...user.map((c) => `:${c} - [0:0]`)];
  const rules = [...t.builtins, ...user].flatMap((c) => (t.rules.get(c) ?? []).map((r) => `-A ${c} ${r}`));
  return [...heads, ...rules];
}
