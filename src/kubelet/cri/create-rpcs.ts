// RunPodSandbox and CreateContainer (crictl runp / create / run): entries made from the configs,
// with no process behind them; containerd's errors for a missing sandbox, image or metadata.
import type * as T from '../../client/cri/types.js';
import { CriError } from '../../client/cri/errors.js';
import type { CriBackend } from './backend.js';
import type { MemoryRuntime } from './memory-runtime.js';
import { findImage, findSandbox, lookupError, byPrefix } from './resolve.js';
import { sandboxRuntimeError } from './containerd.js';

type CreateRpcs = Pick<CriBackend, 'runPodSandbox' | 'createContainer'>;

export function createRpcs(rt: MemoryRuntime): CreateRpcs {
  let nextIp = 1;
  return {
    runPodSandbox: async (req: T.RunPodSandboxRequest) => {
      const cfg = req.config;
      const md = cfg?.metadata;
      if (!cfg || !md) throw new CriError('Unknown', 'sandbox config must include metadata');
      const id = rt.newId();
      const unknown = sandboxRuntimeError(req.runtimeHandler, id);
      if (unknown) throw unknown;
      const hostNetwork = cfg.linux?.securityContext?.namespaceOptions?.network === 'NODE';
      nextIp += 1;
      const s = rt.addSandbox({
        id,
        name: md.name, namespace: md.namespace, uid: md.uid, attempt: md.attempt, ip: hostNetwork ? '' : `10.88.0.${nextIp}`, hostNetwork,
        labels: { ...cfg.labels }, annotations: { ...cfg.annotations }, runtimeHandler: req.runtimeHandler,
      });
      return { podSandboxId: s.id };
    },
    createContainer: async (req: T.CreateContainerRequest) => {
      const r = byPrefix(rt.sandboxes.values(), req.podSandboxId);
      if (!('found' in r)) throw lookupError(`failed to find sandbox id "${req.podSandboxId}"`, r.error);
      const s = findSandbox(rt.sandboxes.values(), r.found.id);
      const cfg = req.config;
      if (!cfg?.metadata) throw new CriError('Unknown', 'container config must include metadata');
      const ref = cfg.image?.image ?? '';
      const image = findImage(rt.images.list(), ref);
      if (!image) throw new CriError('NotFound', `failed to resolve image "${ref}": not found`);
      const logDir = `/var/log/pods/${s.namespace}_${s.name}_${s.uid}`;
      const c = rt.addContainer({
        sandboxId: s.id, name: cfg.metadata.name, attempt: cfg.metadata.attempt, image: ref, userImage: cfg.image?.userSpecifiedImage ?? '', imageRef: image.id,
        labels: { ...cfg.labels }, annotations: { ...cfg.annotations }, logPath: cfg.logPath ? `${logDir}/${cfg.logPath}` : '',
        command: [...cfg.command], args: [...cfg.args], envs: cfg.envs.map((e) => ({ ...e })), workingDir: cfg.workingDir, mounts: cfg.mounts.map((m) => ({ ...m })),
      });
      return { containerId: c.id };
    },
  };
}
