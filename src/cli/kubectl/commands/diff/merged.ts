// InfoObject.Merged: the object as it would be after apply, computed by the server with dry
// run — a server-side apply patch, a create when there is no live object, else apply's
// three-way patch (without the last-applied annotation, against the live resourceVersion).
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import { requestJson } from '../../resource/request.js';
import { createObject } from '../apply/force.js';
import { encodeUnstructured, modifiedConfiguration } from '../apply/last-applied.js';
import type { OpenApiV3 } from '../apply/openapi.js';
import { patchObject, type PatcherOptions } from '../apply/patcher.js';
import { objectPath, type Info } from '../mutate/info.js';

export interface MergeSettings {
  client: RestClient;
  openapi: OpenApiV3 | undefined;
  serverSide: boolean;
  forceConflicts: boolean;
  fieldManager: string;
  errOut: OutStream;
}

function patcher(s: MergeSettings, resourceVersion: string | undefined): PatcherOptions {
  return {
    client: s.client, ...(s.openapi ? { openapi: s.openapi } : {}), dryRunServer: true, fieldManager: s.fieldManager,
    fieldValidation: '', ...(resourceVersion === undefined ? {} : { resourceVersion }), errOut: s.errOut,
  };
}

export async function mergedObject(s: MergeSettings, info: Info, local: Obj, live: Obj | undefined, force: boolean): Promise<Obj> {
  if (s.serverSide) {
    const q = `?dryRun=All&fieldManager=${encodeURIComponent(s.fieldManager)}&force=${String(s.forceConflicts)}`;
    return requestJson<Obj>(s.client, 'PATCH', objectPath(info.mapping!, info.namespace || undefined, info.name) + q, {
      body: encodeUnstructured(local), contentType: 'application/apply-patch+yaml',
    });
  }
  if (!live) return createObject(patcher(s, undefined), info, structuredClone(local));
  const copy = structuredClone(local);
  const modified = modifiedConfiguration(copy, false);
  const rv = force ? undefined : (live.metadata?.resourceVersion ?? '');
  return (await patchObject(patcher(s, rv), info, live, modified)).object;
}
