// The image catalog (fixtures/images/catalog.yaml): which images the simulated registries hold,
// and the failures containerd reports for the ones they do not.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { fixturePath } from '../../api/fixtures.js';
import type { ImageRef } from './image-ref.js';

export type ShellDialect = 'busybox' | 'dash' | 'bash';

export interface Behaviour {
  kind: 'server' | 'command';
  program?: string[];
  shell?: ShellDialect;
  stopExitCode?: number;
  banner?: string[];
  stopLines?: string[];
  requireEnv?: { anyOf: string[] };
  missingEnv?: { exitCode: number; lines: string[] };
  /** The web server answering on the image's ports. */
  http?: 'nginx' | 'httpd';
  /** Network tools beyond the busybox applets (curl). */
  tools?: string[];
}

export interface CatalogImage {
  repository: string;
  tags: string[];
  digest: string;
  imageId: string;
  size: number;
  verified?: boolean;
  entrypoint?: string[];
  cmd?: string[];
  env?: string[];
  workingDir?: string;
  ports?: number[];
  behaviour: Behaviour;
}

/** A pull's outcome: the image, or containerd's error (gRPC code and description). */
export type Resolution = { image: CatalogImage } | { code: 'NotFound' | 'Unknown'; desc: string };

export class ImageCatalog {
  constructor(readonly images: CatalogImage[]) {}

  static load(file = fixturePath('fixtures/images/catalog.yaml', 'the image catalog', dirname(fileURLToPath(import.meta.url)))): ImageCatalog {
    const doc = parse(readFileSync(file, 'utf8')) as { images: CatalogImage[] };
    return new ImageCatalog(doc.images);
  }

  /** What a registry answers for ref, worded as containerd 2.0 reports a failed pull. */
  resolve(ref: ImageRef): Resolution {
    const sameRepo = this.images.filter((i) => i.repository === ref.repository);
    const hit = sameRepo.find((i) => (ref.digest ? i.digest === ref.digest : i.tags.includes(ref.tag ?? '')));
    if (hit) return { image: hit };
    const prefix = `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}"`;
    const host = ref.repository.split('/')[0] ?? '';
    if (sameRepo.length || (host !== 'docker.io' && KNOWN_REGISTRIES.has(host))) {
      return { code: 'NotFound', desc: `${prefix}: ${ref.full}: not found` };
    }
    if (host === 'docker.io') {
      return { code: 'Unknown', desc: `${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
    }
    const path = ref.repository.slice(host.length + 1);
    return { code: 'Unknown', desc: `${prefix}: failed to do request: Head "https://${host}/v2/${path}/manifests/${ref.tag ?? ref.digest}": dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host` };
  }
}

const KNOWN_REGISTRIES = new Set(['registry.k8s.io', 'quay.io', 'ghcr.io', 'gcr.io', 'public.ecr.aws', 'mcr.microsoft.com']);

let shared: ImageCatalog | undefined;
/** The catalog shipped in fixtures/, read once. */
export function defaultCatalog(): ImageCatalog {
  shared ??= ImageCatalog.load();
  return shared;
}
