// Kustomization trees for `kubectl kustomize`: file path → content, built in a temporary
// directory by the real kubectl and by ours.

export type Tree = Record<string, string>;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
        envFrom:
        - configMapRef:
            name: app-config
        volumeMounts:
        - name: cfg
          mountPath: /etc/cfg
      volumes:
      - name: cfg
        configMap:
          name: app-config
`;

const SERVICE = `# a comment
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const BASE: Tree = {
  'base/deployment.yaml': DEPLOYMENT,
  'base/service.yaml': SERVICE,
  'base/kustomization.yaml': `resources:
- deployment.yaml
- service.yaml
configMapGenerator:
- name: app-config
  literals:
  - MODE=prod
  - LEVEL=3
`,
};

export const OVERLAY: Tree = {
  ...BASE,
  'overlay/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: nginx
        resources:
          limits:
            memory: 128Mi
`,
  'overlay/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../base
namePrefix: dev-
nameSuffix: -v1
namespace: staging
commonLabels:
  env: dev
commonAnnotations:
  owner: team-a
images:
- name: nginx
  newTag: "1.27"
replicas:
- name: web
  count: 3
secretGenerator:
- name: creds
  literals:
  - user=admin
patches:
- patch: |-
    - op: replace
      path: /spec/ports/0/port
      value: 8080
  target:
    kind: Service
- path: patch.yaml
`,
};

const RBAC_AND_CRON = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: runner
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: ServiceAccount
  name: runner
- kind: ServiceAccount
  name: default
roleRef:
  kind: Role
  name: reader
  apiGroup: rbac.authorization.k8s.io
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          serviceAccountName: runner
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox
            env:
            - name: X
              valueFrom:
                secretKeyRef:
                  name: creds
                  key: pass
            - name: FLAG
              value: yes
`;

export const GENERATORS_AND_LABELS: Tree = {
  'k/res.yaml': RBAC_AND_CRON,
  'k/list.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: listed
  data:
    on: off
    n: "1"
`,
  'k/creds.env': 'USER=admin\n# comment\nPASS=s3cr3t\n',
  'k/greeting.txt': 'hello\nworld\n',
  'k/json.yaml': `- op: add
  path: /metadata/labels/patched
  value: "true"
- op: replace
  path: /spec/schedule
  value: "0 * * * *"
`,
  'k/smp.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: c
            args: ["--v=2"]
          - name: side
            image: nginx:1.0@sha256:abc
`,
  'k/kustomization.yaml': `resources:
- res.yaml
- list.yaml
namespace: prod
nameSuffix: -x
labels:
- pairs:
    team: blue
  includeTemplates: true
- pairs:
    sel: "on"
  includeSelectors: true
images:
- name: busybox
  newName: registry.io/busybox
  newTag: "1.36"
- name: nginx
  digest: sha256:def
secretGenerator:
- name: creds
  envs:
  - creds.env
configMapGenerator:
- name: files
  files:
  - greeting.txt
  - renamed=greeting.txt
generatorOptions:
  labels:
    gen: "yes"
patchesStrategicMerge:
- smp.yaml
patchesJson6902:
- target:
    group: batch
    version: v1
    kind: CronJob
    name: tick
  path: json.yaml
`,
};

export const ERRORS: Tree = {
  'empty/.keep': '',
  'missing/kustomization.yaml': 'resources:\n- nope.yaml\n',
  'unknown/kustomization.yaml': 'resourcez:\n- x\n',
  'syntax/kustomization.yaml': 'resources: [\n',
  'blank/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
};

/** `kubectl kustomize base` with the real kubectl v1.32.4 (kustomize v5.5.0), on BASE. */
export const BASE_OUTPUT = `apiVersion: v1
data:
  LEVEL: "3"
  MODE: prod
kind: ConfigMap
metadata:
  name: app-config-d2gtk79c7c
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
    targetPort: 80
  selector:
    app: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: app-config-d2gtk79c7c
        image: nginx:1.25
        name: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - mountPath: /etc/cfg
          name: cfg
      volumes:
      - configMap:
          name: app-config-d2gtk79c7c
        name: cfg
`;

/** targeted patches (label selector, name regex, `$patch: delete`), generator merge, namespace on bindings */
export const TARGETED: Tree = {
  "t/base/all.yaml": `apiVersion: v1
kind: Namespace
metadata:
  name: ignored
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    tier: backend
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: example/api
        ports:
        - containerPort: 8080
          name: http
      - name: sidecar
        image: envoy:1.0
      imagePullSecrets:
      - name: pull
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: crb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: default
  namespace: default
- kind: ServiceAccount
  name: api-sa
  namespace: other
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
spec:
  rules:
  - host: a.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 80
  tls:
  - secretName: tls
    hosts: [a.example.com]
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
  - port: 80
`,
  "t/base/kustomization.yaml": `resources:
- all.yaml
configMapGenerator:
- name: settings
  literals:
  - a=1
secretGenerator:
- name: tls
  type: kubernetes.io/tls
  literals:
  - tls.crt=CERT
  - tls.key=KEY
- name: pull
  literals:
  - x=y
`,
  "t/ov/kustomization.yaml": `resources:
- ../base
namespace: team
namePrefix: t-
configMapGenerator:
- name: settings
  behavior: merge
  literals:
  - b=2
images:
- name: example/api
  newName: registry.local/api
- name: envoy
  newTag: "2.0"
patches:
- target:
    kind: Deployment
    labelSelector: tier=backend
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: sidecar
            $patch: delete
          - name: api
            ports:
            - containerPort: 9090
              name: metrics
- target:
    name: "t-.*"
    kind: Service
  patch: |-
    - op: add
      path: /metadata/annotations
      value:
        patched: "yes"
`,
};
