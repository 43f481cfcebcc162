/* Import direction of ../shared/STYLE.md, checked by `npm run lint`.
 * cli → client; daemon → controllers/scheduler/kubelet/proxy → client|api → store.
 * Only the apiserver (src/api) and the etcd server (src/etcd) touch src/store. */
module.exports = {
  forbidden: [
    {
      name: 'store-is-the-bottom',
      comment: 'The store depends on no other layer.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(?!store/)' },
    },
    {
      name: 'only-servers-touch-the-store',
      comment: 'Only the apiserver and the etcd server read or write the store.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(store|etcd|api)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'cli-is-a-client',
      comment: 'Command-line tools reach the cluster through the client (and the etcd server for offline data-dir work).',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(api|controllers|scheduler|kubelet|proxy)/' },
    },
    {
      name: 'no-upward-imports',
      comment: 'Lower layers never import the layers that use them.',
      severity: 'error',
      from: { path: '^src/(api|client|etcd|printers)/' },
      to: { path: '^src/(cli|daemon|controllers|scheduler|kubelet|proxy)/' },
    },
    {
      name: 'loops-do-not-import-the-host',
      severity: 'error',
      from: { path: '^src/(controllers|scheduler|kubelet|proxy)/' },
      to: { path: '^src/(cli|daemon)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
