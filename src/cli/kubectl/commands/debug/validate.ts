// DebugOptions.Validate: the flag combinations debug refuses, in upstream's order and wording;
// the note on --target and the legacy profile's deprecation warning.
import type { Ctx } from '../../context.js';
import { isValidImageReference } from '../run/image-ref.js';
import { checkCustomProfile } from './custom.js';
import type { DebugOptions } from './options.js';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never', ''];

const LEGACY_WARNING = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

function validateCopyTo(o: DebugOptions): void {
  if (o.copyTo !== '') {
    if (o.image === '' && o.setImages.size === 0 && o.args.length === 0) throw new Error('you must specify --image, --set-image or command arguments.');
    if (o.args.length > 0 && o.container === '' && o.image === '') throw new Error('you must specify an existing container or a new image when specifying args.');
    return;
  }
  if (o.replace) throw new Error('--replace may only be used with --copy-to.');
  if (o.sameNode) throw new Error('--same-node may only be used with --copy-to.');
  if (o.setImages.size > 0) throw new Error('--set-image may only be used with --copy-to.');
  if (o.image === '') throw new Error('you must specify --image when not using --copy-to.');
}

function validateImages(o: DebugOptions): void {
  if (o.image !== '' && !isValidImageReference(o.image)) throw new Error(`invalid image name ${JSON.stringify(o.image)}: invalid reference format`);
  if (o.targetNames.length === 0 && o.filenames.length === 0) throw new Error('NAME or filename is required for debug');
  if (!PULL_POLICIES.includes(o.pullPolicy)) throw new Error(`invalid image pull policy: ${o.pullPolicy}`);
  for (const [name, image] of o.setImages) {
    if (!isValidImageReference(image)) throw new Error(`invalid image name ${JSON.stringify(image)} for container ${JSON.stringify(name)}: invalid reference format`);
  }
}

/** Validate: throws the first problem; writes the --target note (stdout) and the legacy warning (stderr). */
export function validate(ctx: Ctx, o: DebugOptions): void {
  if (o.attach && o.attachChanged && o.image === '' && o.container === '') {
    throw new Error('you must specify --container or create a new container using --image in order to attach.');
  }
  validateCopyTo(o);
  validateImages(o);
  if (o.target !== '') {
    if (o.copyTo !== '') throw new Error('--target is incompatible with --copy-to. Use --share-processes instead.');
    if (!o.quiet) {
      ctx.io.stdout.write(`Targeting container ${JSON.stringify(o.target)}. If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`);
    }
  }
  if (o.tty && !o.interactive) throw new Error('-i/--stdin is required for containers with -t/--tty=true');
  if (o.custom) checkCustomProfile(o.custom);
  if (o.profile === 'legacy') ctx.io.stderr.write(LEGACY_WARNING);
}
