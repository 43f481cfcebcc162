// ImageStatus and the image-identity helpers crictl uses (cmd/crictl/util.go matchesImage,
// getRepoImage).
import type { CriClient } from '../../../client/cri/client.js';
import type { ImageStatusResponse } from '../../../client/cri/types.js';

export function imageStatus(client: CriClient, image: string, verbose: boolean): Promise<ImageStatusResponse> {
  return client.imageStatus({ image: { image }, verbose });
}

/** True when `image` and the container's image are the same image (by ID); absent never matches. */
export async function matchesImage(client: CriClient, image: string, containerImage: string): Promise<boolean> {
  if (image === '') return true;
  const r1 = await imageStatus(client, image, false);
  const r2 = await imageStatus(client, containerImage, false);
  if (!r1.image || !r2.image) return false;
  return r1.image.id === r2.image.id;
}

/** The first repo tag of an image, or the name as given. */
export async function repoImage(client: CriClient, image: string): Promise<string> {
  const r = await imageStatus(client, image, false);
  return r.image?.repoTags[0] ?? image;
}
