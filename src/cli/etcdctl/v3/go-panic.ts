// A Go panic etcdctl 3.4 would hit (kept: scripts may depend on the exit code 2).
import { ExitError } from '../../shared/exit.js';

export class GoPanic extends ExitError {
  constructor(what: string) {
    const signal = what.includes('nil pointer') ? '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n' : '';
    super(2, `panic: ${what}\n${signal}\ngoroutine 1 [running]:\nmain.main()\n\t(kubedojo etcdctl)\n`, true);
  }
}
