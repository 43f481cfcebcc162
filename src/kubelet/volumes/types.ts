// The volume sources of a pod spec the simulated runtime mounts (core/v1 Volume, VolumeMount).
export interface KeyToPath { key: string; path: string; mode?: number }
export interface DownwardItem { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string; containerName?: string } }
export interface ConfigMapSource { name: string; items?: KeyToPath[]; optional?: boolean }
export interface SecretSource { secretName?: string; items?: KeyToPath[]; optional?: boolean }
export interface TokenSource { path: string; audience?: string; expirationSeconds?: number }

export interface ProjectedSource {
  configMap?: ConfigMapSource;
  secret?: { name: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: DownwardItem[] };
  serviceAccountToken?: TokenSource;
}

export interface Volume {
  name: string;
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path: string; type?: string };
  configMap?: ConfigMapSource;
  secret?: SecretSource;
  downwardAPI?: { items?: DownwardItem[] };
  projected?: { sources?: ProjectedSource[] };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
}

export interface VolumeMount { name: string; mountPath: string; subPath?: string; readOnly?: boolean }

/** A volume that could not be set up: the pod's `FailedMount` event says why. */
export class VolumeError extends Error {
  constructor(readonly volume: string, reason: string) {
    super(`MountVolume.SetUp failed for volume "${volume}" : ${reason}`);
  }
}
