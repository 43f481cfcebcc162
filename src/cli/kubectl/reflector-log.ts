// The lines client-go's Reflector logs for the informer watchtools.UntilWithSync runs (rollout
// status, wait, run/debug attach): started and listing at V(3), the first list in at V(2), stopped
// at V(3). The informer holds *unstructured.Unstructured, with no resync, from informerwatcher.go.
import type { Klog } from './klog.js';

const WHAT = '*unstructured.Unstructured';
const FROM = 'k8s.io/client-go/tools/watch/informerwatcher.go:146';

export interface ReflectorLog {
  started(): void;
  populated(): void;
  stopped(): void;
}

export function reflectorLog(klog: Klog | undefined): ReflectorLog {
  let populated = false;
  return {
    started() {
      klog?.info(3, 'reflector.go:313', `Starting reflector ${WHAT} (0s) from ${FROM}`);
      klog?.info(3, 'reflector.go:349', `Listing and watching ${WHAT} from ${FROM}`);
    },
    populated() {
      if (populated) return;
      populated = true;
      klog?.info(2, 'reflector.go:376', `Caches populated for ${WHAT} from ${FROM}`);
    },
    stopped() {
      klog?.info(3, 'reflector.go:319', `Stopping reflector ${WHAT} (0s) from ${FROM}`);
    },
  };
}
