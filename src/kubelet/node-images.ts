// The node's status.images as the kubelet reports them (setters.go Images): the images in the
// runtime, largest first, at most 50 (nodeStatusMaxImages), each with its repo digests then repo
// tags as names, at most 5 (MaxNamesPerImageInNodeStatus), and its size in bytes.
import type { StoredImage } from './runtime/image-store.js';

export interface ContainerImage {
  names: string[];
  sizeBytes: number;
}

const MAX_IMAGES = 50;
const MAX_NAMES = 5;

export function nodeImages(images: StoredImage[]): ContainerImage[] {
  return [...images]
    .sort((a, b) => b.size - a.size)
    .slice(0, MAX_IMAGES)
    .map((i) => ({ names: [`${i.repository}@${i.digest}`, ...i.tags.map((t) => `${i.repository}:${t}`)].slice(0, MAX_NAMES), sizeBytes: i.size }));
}
