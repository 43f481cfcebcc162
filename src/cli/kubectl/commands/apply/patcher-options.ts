// How apply's patcher talks to the server: the client and OpenAPI cache, dry run, field manager
// and validation, the resourceVersion diff pins, and what --force allows.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import type { OpenApiV3 } from './openapi.js';

export const STRATEGIC = 'application/strategic-merge-patch+json';
export const MERGE = 'application/merge-patch+json';

export interface PatcherOptions {
  client: RestClient;
  openapi?: OpenApiV3;
  dryRunServer: boolean;
  fieldManager: string;
  fieldValidation: string;
  /** patch against this resourceVersion (diff without --force) */
  resourceVersion?: string;
  force?: { gracePeriod: number; cascade: string; timeoutMs: number };
  errOut: OutStream;
}

export interface PatchResult {
  /** the patch as sent (`{}` when there was nothing to send) */
  patch: string;
  object: Obj;
}
