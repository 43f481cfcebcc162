// Where cluster-info dump writes (setupOutputWriter): stdout when --output-directory is empty or
// `-`, else DIR/NAME.EXT (parents made 0755, the file created afresh); and how it prints a list
// (PrintFlags defaulting to json; one printer for the whole dump, so YAML documents after the
// first start with `---`).
import { withoutManagedFields } from '../../output/objects.js';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Obj } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import { goPathError } from '../cp/go-path-error.js';
import { mkdirAll } from '../cp/mkdir-all.js';
import type { Printer } from '../create/options.js';
import { renderObject } from '../create/print.js';
import { printable } from '../create/submit.js';

/** The file extension of the lists' files: .json, .yaml, else .txt. */
export function listExtension(p: Printer): string {
  const kind = p.format?.kind;
  return kind === 'json' ? '.json' : kind === 'yaml' ? '.yaml' : '.txt';
}

/** One output: stdout, or the file DIR/name+ext. */
export function outputFor(dir: string, stdout: OutStream, cwd: string, name: string, ext: string): OutStream {
  if (dir === '' || dir === '-') return stdout;
  const file = join(dir, name) + ext;
  mkdirAll(dirname(file), cwd);
  try {
    writeFileSync(resolve(cwd, file), '');
  } catch (err) {
    throw goPathError('open', file, err);
  }
  return { write: (c) => writeFileSync(resolve(cwd, file), c, { flag: 'a' }) };
}

export class ListPrinter {
  private printed = 0;

  constructor(private readonly printer: Printer, private readonly showManagedFields: boolean) {}

  /** The list as the typed printer writes it; `-o name` refuses lists. */
  text(list: Obj & { items?: Obj[] }): string {
    if (this.printer.format?.kind === 'name') throw new Error(`list types are not supported by name printing: *v1.${list.kind ?? ''}`);
    const items = this.showManagedFields ? list.items : list.items?.map((i) => withoutManagedFields(i));
    return renderObject(this.printer, printable({ ...list, ...(items ? { items } : {}) }), this.printed++);
  }
}

