// cobra's ShellCompDirective bits and the names it prints on stderr after a completion.
export const Directive = {
  Default: 0,
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
} as const;

const NAMES: [number, string][] = [
  [Directive.Error, 'ShellCompDirectiveError'],
  [Directive.NoSpace, 'ShellCompDirectiveNoSpace'],
  [Directive.NoFileComp, 'ShellCompDirectiveNoFileComp'],
  [Directive.FilterFileExt, 'ShellCompDirectiveFilterFileExt'],
  [Directive.FilterDirs, 'ShellCompDirectiveFilterDirs'],
  [Directive.KeepOrder, 'ShellCompDirectiveKeepOrder'],
];

/** ShellCompDirective.string(). */
export function directiveString(d: number): string {
  if (d >= 64) return `ERROR: unexpected ShellCompDirective value: ${d}`;
  const names = NAMES.filter(([bit]) => (d & bit) !== 0).map(([, n]) => n);
  return names.length === 0 ? 'ShellCompDirectiveDefault' : names.join(', ');
}
