// Image references as containerd normalises them (docker/distribution's reference package):
// `nginx` → docker.io/library/nginx:latest, `me/app:v1` → docker.io/me/app:v1, a registry host is
// a first component with a dot, a colon or `localhost`; a digest (`@sha256:…`) wins over a tag.

export interface ImageRef {
  /** docker.io/library/nginx */
  repository: string;
  tag?: string;
  digest?: string;
  /** What containerd reports as the image: docker.io/library/nginx:latest (or @digest). */
  full: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** Parses and normalises an image reference; an error message for one that does not parse. */
export function parseImageRef(ref: string): ImageRef | { error: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { error: 'invalid reference format' };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { error: 'invalid reference format' };
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : 'docker.io';
  const path = hasHost ? parts.slice(1) : parts;
  if (!path.length || path.some((p) => !COMPONENT.test(p))) {
    return { error: ref !== ref.toLowerCase() ? 'invalid reference format: repository name must be lowercase' : 'invalid reference format' };
  }
  if (host === 'docker.io' && path.length === 1) path.unshift('library');
  const repository = `${host}/${path.join('/')}`;
  if (!tag && !digest) tag = 'latest';
  const full = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { repository, full, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}
