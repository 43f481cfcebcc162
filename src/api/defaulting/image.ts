// The image tag as k8s.io/kubernetes/pkg/util/parsers.ParseImageName reads it: a reference
// without tag or digest is ":latest"; an unparseable one has no tag.

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`);

/** The tag of an image reference ("latest" when neither tag nor digest is given, "" when invalid). */
export function imageTag(image: string): string {
  const m = REFERENCE.exec(image);
  if (!m || image.length > 255) return '';
  if (m[1]) return m[1];
  return m[2] ? '' : 'latest';
}

/** SetDefaults_Container's pull policy: Always for :latest, IfNotPresent otherwise. */
export const defaultPullPolicy = (image: string): string => (imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent');
