import { describe, expect, it } from 'vitest';
import { nodeImages } from './node-images.js';

const img = (repository: string, tags: string[], size: number) => ({ repository, tags, digest: `sha256:${String(size).padStart(64, '0')}`, imageId: `sha256:${size}`, size });

describe('node status images', () => {
  it('lists the largest first, digest then tags as names', () => {
    const out = nodeImages([img('registry.k8s.io/pause', ['3.10'], 320_368), img('docker.io/library/nginx', ['latest', '1.27'], 72_099_501)]);
    expect(out).toEqual([
      { names: [`docker.io/library/nginx@sha256:${'0'.repeat(56)}72099501`, 'docker.io/library/nginx:latest', 'docker.io/library/nginx:1.27'], sizeBytes: 72_099_501 },
      { names: [`registry.k8s.io/pause@sha256:${'0'.repeat(58)}320368`, 'registry.k8s.io/pause:3.10'], sizeBytes: 320_368 },
    ]);
  });

  it('keeps at most 50 images and 5 names each', () => {
    const many = Array.from({ length: 60 }, (_, i) => img(`r/i${i}`, ['a', 'b', 'c', 'd', 'e', 'f'], 1000 + i));
    const out = nodeImages(many);
    expect(out).toHaveLength(50);
    expect(out[0]!.sizeBytes).toBe(1059);
    expect(out[0]!.names).toHaveLength(5);
  });
});
