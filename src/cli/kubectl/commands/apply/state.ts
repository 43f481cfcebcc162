// What one apply run carries from object to object: the options, the client and OpenAPI cache,
// the streams, and what was visited (for --prune).
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { Io } from '../../../shared/io.js';
import { withDryRun } from '../mutate/dry-run.js';
import type { Info } from '../mutate/info.js';
import type { OpenApiV3 } from './openapi.js';
import type { ApplyOptions } from './options.js';
import type { PatcherOptions } from './patcher.js';

export class ApplyRun {
  readonly visitedUids = new Set<string>();
  readonly visitedNamespaces = new Set<string>();

  constructor(readonly o: ApplyOptions, readonly io: Io, readonly client: RestClient, readonly openapi: OpenApiV3 | undefined) {}

  /** shouldPrintObject: -o other than name prints everything at the end instead. */
  get printsAtEnd(): boolean {
    return this.o.output !== '' && this.o.output !== 'name';
  }

  markNamespace(info: Info): void {
    if (info.mapping?.namespaced) this.visitedNamespaces.add(info.namespace);
  }

  markObject(info: Info): void {
    this.visitedUids.add(info.object?.metadata?.uid ?? '');
  }

  /** The per-object line (`deployment.apps/web configured`), unless -o asks for objects. */
  async printLine(obj: Obj, operation: string): Promise<void> {
    if (this.printsAtEnd) return;
    this.io.stdout.write(await this.o.printer().print(obj, withDryRun(operation, this.o.dryRun)));
  }

  patcher(): PatcherOptions {
    const o = this.o;
    return {
      client: this.client, ...(this.openapi ? { openapi: this.openapi } : {}),
      dryRunServer: o.dryRun === 'server', fieldManager: o.fieldManager, fieldValidation: o.validation,
      ...(o.force ? { force: { gracePeriod: o.gracePeriod, cascade: o.cascade, timeoutMs: o.timeoutMs } } : {}),
      errOut: this.io.stderr,
    };
  }
}

/** Info.String(): how apply names an object in its long error messages. */
export function infoString(info: Info): string {
  const basic = `Name: ${JSON.stringify(info.name)}, Namespace: ${JSON.stringify(info.namespace)}`;
  const m = info.mapping;
  if (!m) return basic;
  return `Resource: ${JSON.stringify(`${m.group}/${m.version}, Resource=${m.resource}`)}, GroupVersionKind: ${JSON.stringify(`${m.group}/${m.version}, Kind=${m.kind}`)}\n${basic}`;
}

/** WarnIfDeleting */
export function warnIfDeleting(obj: Obj | undefined, io: Io): void {
  if (obj?.metadata?.deletionTimestamp) io.stderr.write(`Warning: Detected changes to resource ${obj.metadata.name ?? ''} which is currently being deleted.\n`);
}
