// genericclioptions.PrintFlags for the mutating verbs: no -o prints `kind.group/name <operation>`,
// -o name just `kind.group/name`, -o json/yaml/jsonpath/… the object. One printer instance counts
// what it printed: the YAML printer separates documents with `---`.
import type { Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { resolveObjectOutput, type OutputFormat } from '../../output/format.js';
import { allowMissingKeys } from '../../output/template-errors.js';

/** NamePrinter: `pod/web labeled`, or `pod/web` for -o name. */
export function nameLine(obj: Obj, operation: string, short: boolean): string {
  const apiVersion = obj.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = (obj.kind ?? '').toLowerCase();
  if (kind === '') throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const name = obj.metadata?.name || '<unknown>';
  const head = `${group ? `${kind}.${group}` : kind}/${name}`;
  return !short && operation !== '' ? `${head} ${operation}\n` : `${head}\n`;
}

export class ObjectPrinter {
  private printed = 0;

  constructor(readonly format: OutputFormat, private readonly showManagedFields: boolean,
    private readonly templates: { cwd?: string; allowMissingKeys?: boolean } = {}) {}

  /** The printer -o (or --template) asks for; throws kubectl's error for an unknown format. */
  static from(ctx: Ctx): ObjectPrinter {
    const format = resolveObjectOutput(ctx.str('output'), ctx.str('template'), ctx.changed('output'));
    return new ObjectPrinter(format, ctx.bool('show-managed-fields'), { cwd: ctx.io.cwd, allowMissingKeys: allowMissingKeys(ctx) });
  }

  get isName(): boolean {
    return this.format.kind === 'name' || this.format.kind === 'table';
  }

  async print(obj: Obj, operation: string): Promise<string> {
    if (this.isName) return nameLine(obj, operation, this.format.kind === 'name');
    const { printObjects } = await import('../../output/objects.js');
    const text = printObjects([obj], this.format, { single: true, showManagedFields: this.showManagedFields, ...this.templates });
    const sep = this.format.kind === 'yaml' && this.printed > 0 ? '---\n' : '';
    this.printed++;
    return sep + text;
  }
}
