// What /version reports: a kube-apiserver v1.32.4 (the real kubectl here is v1.32).
export const SERVER_VERSION: Record<string, string> = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T15:56:41Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};
