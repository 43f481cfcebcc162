// The builder's checks on what `get` was asked for, before anything is fetched.
import type { Ctx } from '../../context.js';
import type { ResourceRequest } from '../../resource/args.js';

/** `subresource`: whether the builder was given --subresource (the watch's is not). */
export function validate(ctx: Ctx, requests: ResourceRequest[], subresource = true): void {
  const named = requests.some((r) => r.names.length > 0);
  // LabelSelectorParam/FieldSelectorParam: a blank selector is no selector
  const bySelector = ctx.str('selector').trim() !== '' || ctx.str('field-selector').trim() !== '';
  if (bySelector && requests.some((r) => r.tuples)) throw new Error('selectors and the all flag cannot be used when passing resource/name arguments');
  if (named && bySelector) throw new Error('name cannot be provided when a selector is specified');
  if (named && ctx.bool('all-namespaces')) throw new Error('a resource cannot be retrieved by name across all namespaces');
  // the builder visits anything but names by selector, which refuses a subresource
  if (subresource && ctx.str('subresource') !== '' && requests.some((r) => r.names.length === 0)) throw new Error('subresource cannot be used when bulk resources are specified');
}

/**
 * How often get's builder asks for discovery when it cannot load: once per comma-separated type
 * (category expansion), once in the shortcut expander, three times in the deferred mapper;
 * TYPE/NAME arguments skip the category expansion.
 */
export function discoveryAttempts(args: string[]): number {
  const first = args[0] ?? '';
  return first.includes('/') ? 4 : 4 + first.split(',').length;
}

/** -f or -k: the objects come from files, through the resource builder. */
export const usesFiles = (ctx: Ctx): boolean => ctx.list('filename').length > 0 || ctx.str('kustomize') !== '';
