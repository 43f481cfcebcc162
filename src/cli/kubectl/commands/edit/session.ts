// EditOptions.Run's editFn: write the objects (one, or a List) with the header to a temporary
// file, open the editor, and act on what was saved — cancel when nothing changed, reopen with
// the reasons when the file does not parse or the server finds it invalid, keep the file and
// say where when it cannot be applied.
import { rmSync } from 'node:fs';
import type { Obj } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { visitManifests } from '../apply/objects/visit.js';
import { builderEnv } from '../mutate/env.js';
import { setObjectNamespace, type Info } from '../mutate/info.js';
import { defaultEditor, launchTempFile, type Editor } from './editor.js';
import { printForEdit } from './print.js';
import { EditResults, preserved } from './results.js';
import { applyEdits, type EditSettings } from './visit.js';
import { crlf, hasLines, headerText, manualStrip, stripComments } from './text.js';
import { validateEdited, validationCause } from './validation.js';

function asEditable(infos: Info[]): Obj {
  if (infos.length === 1) return infos[0]!.object!;
  return { apiVersion: 'v1', items: infos.map((i) => i.object), kind: 'List', metadata: {} } as unknown as Obj;
}

type ManagedFields = Map<string, unknown>;

function extractManagedFields(infos: Info[]): ManagedFields {
  const saved: ManagedFields = new Map();
  for (const info of infos) {
    const meta = info.object?.metadata as Record<string, unknown> | undefined;
    if (!meta) continue;
    saved.set(String(meta.uid ?? ''), meta.managedFields);
    delete meta.managedFields;
  }
  return saved;
}

function restoreManagedFields(infos: Info[], saved: ManagedFields): void {
  for (const info of infos) {
    const meta = info.object?.metadata as Record<string, unknown> | undefined;
    if (!meta) continue;
    const mf = saved.get(String(meta.uid ?? ''));
    if (mf === undefined) delete meta.managedFields;
    else meta.managedFields = mf;
  }
}

export async function parseEdited(ctx: Ctx, content: string): Promise<Info[]> {
  const infos: Info[] = [];
  const err = await visitManifests(builderEnv(ctx), {
    files: { filenames: [], recursive: false, kustomize: '' }, namespace: '', enforceNamespace: false, validate: false,
    text: { content, source: 'edited-file' }, noDefaultNamespace: true,
  }, async (info) => {
    infos.push(info);
  });
  if (err) throw err;
  return infos;
}

/** RequireNamespace(cmdNamespace) on the edited objects. */
function requireNamespace(infos: Info[], ns: string): void {
  for (const info of infos) {
    if (!info.mapping?.namespaced) continue;
    if (info.namespace === '') {
      info.namespace = ns;
      setObjectNamespace(info);
    } else if (info.namespace !== ns) {
      throw new Error(`the namespace from the provided object ${JSON.stringify(info.namespace)} does not match the namespace ${JSON.stringify(ns)}. You must pass '--namespace=${info.namespace}' to perform this operation.`);
    }
  }
}

const remove = (file: string): void => rmSync(file, { force: true });

type Outcome = 'done' | 'again';

/** One edit session: the loop of editFn, its state kept between rounds. */
class EditSession {
  private results = new EditResults();
  private original = '';
  private edited = '';
  private containsError = false;
  private saved: ManagedFields = new Map();
  private readonly editor: Editor;

  constructor(private readonly ctx: Ctx, private readonly s: EditSettings, private readonly infos: Info[]) {
    this.editor = defaultEditor(ctx.io.env);
  }

  private get stderr(): OutStream {
    return this.ctx.io.stderr;
  }

  /** The file's text: the header, then the objects (or, after an error, what was saved). */
  private render(): string {
    let buf = this.s.format === 'json' ? '' : headerText(this.s.mode, this.results.reasons);
    if (!this.containsError) {
      this.saved = extractManagedFields(this.infos);
      buf += printForEdit(asEditable(this.infos), this.s.format);
    } else {
      buf += manualStrip(this.edited);
    }
    if (this.s.windowsLineEndings) buf = crlf(buf);
    if (!this.containsError) this.original = buf;
    return buf;
  }

  private async launch(buf: string): Promise<string> {
    const before = this.edited;
    let file: string;
    try {
      ({ edited: this.edited, file } = await launchTempFile(this.editor, this.s.format === 'json' ? '.json' : '.yaml', buf, this.ctx.io));
    } catch (err) {
      throw preserved(err, this.results.file, this.stderr);
    }
    if (this.containsError && stripComments(before) === stripComments(this.edited)) {
      throw preserved(new Error('Edit cancelled, no valid changes were saved.'), file, this.stderr);
    }
    if (this.results.file !== '') remove(this.results.file);
    return file;
  }

  /** Validation, then the two ways to cancel; 'again' to reopen, 'done' to stop, undefined to go on. */
  private check(file: string): Outcome | undefined {
    const invalid = this.s.validate ? validateEdited(stripComments(this.edited)) : undefined;
    if (invalid !== undefined) {
      this.results = new EditResults(file);
      this.containsError = true;
      this.stderr.write(`${this.results.addError(validationCause(invalid), this.infos[0]!)}\n`);
      return 'again';
    }
    if (stripComments(this.original) === stripComments(this.edited)) {
      remove(file);
      this.stderr.write('Edit cancelled, no changes made.\n');
      return 'done';
    }
    if (!hasLines(this.edited)) {
      remove(file);
      this.stderr.write('Edit cancelled, saved file was empty.\n');
      return 'done';
    }
    return undefined;
  }

  /** Parse the saved file and act on it. */
  private async apply(file: string): Promise<Outcome> {
    this.results = new EditResults(file);
    let updated: Info[];
    try {
      updated = await parseEdited(this.ctx, this.edited);
    } catch (err) {
      this.containsError = true;
      this.results.reasons.push({ head: `The edited file had a syntax error: ${(err as Error).message}`, other: [] });
      return 'again';
    }
    this.containsError = false;
    restoreManagedFields(updated, this.saved);
    restoreManagedFields(this.infos, this.saved);
    try {
      requireNamespace(updated, this.s.namespace);
    } catch (err) {
      throw preserved(err, file, this.stderr);
    }
    try {
      await applyEdits(this.ctx, this.s, this.infos, updated, this.results);
    } catch (err) {
      throw preserved(err, this.results.file, this.stderr);
    }
    return this.conclude(file);
  }

  private conclude(file: string): Outcome {
    const r = this.results;
    if (r.retryable > 0) {
      this.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      throw new PrintedError('', 1);
    }
    if (r.notfound > 0) {
      this.stderr.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      throw new PrintedError('', 1);
    }
    if (r.edit.length === 0) {
      remove(file);
      return 'done';
    }
    if (r.reasons.length > 0) this.containsError = true;
    return 'again';
  }

  async run(): Promise<void> {
    for (;;) {
      const file = await this.launch(this.render());
      const outcome = this.check(file) ?? (await this.apply(file));
      if (outcome === 'done') return;
    }
  }
}

/** One edit session over these objects. */
export async function editObjects(ctx: Ctx, s: EditSettings, infos: Info[]): Promise<void> {
  await new EditSession(ctx, s, infos).run();
}
