// Manifests the manifest-command tests apply, create, replace, diff and edit, per namespace.

export const deployV1 = (ns: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
  labels:
    app: web
spec:
  replicas: 0
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
        env:
        - name: A
          value: "1"
        - name: B
          value: "2"
      - name: side
        image: busybox
        command: ["sleep", "3600"]
`;

/** v1 with B removed from env, C added, side container removed, image bumped, a label added. */
export const deployV2 = (ns: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${ns}
  labels:
    app: web
    tier: front
spec:
  replicas: 0
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
        image: nginx:1.26
        env:
        - name: A
          value: "1"
        - name: C
          value: "3"
        ports:
        - containerPort: 80
`;

/** v1 with a changed selector: the server refuses the patch (the selector is immutable). */
export const deploySelector = (ns: string): string => deployV1(ns).replace(/app: web\n  template/, 'app: other\n  template').replace(/labels:\n        app: web/, 'labels:\n        app: other');

export const serviceAndConfig = (ns: string, v: 1 | 2): string => `apiVersion: v1
kind: Service
metadata:
  name: svc
  namespace: ${ns}
spec:
  selector:
    app: web${v === 2 ? '\n    tier: front' : ''}
  ports:
${v === 1 ? '  - name: http\n    port: 80\n    targetPort: 8080\n  - name: https\n    port: 443\n' : '  - name: https\n    port: 443\n    targetPort: 8443\n  - name: metrics\n    port: 9090\n'}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: ${ns}
data:
  a: "1"
${v === 1 ? '  b: "2"\n' : '  c: "3"\n'}`;

export const configMaps = (ns: string, names: string[], labels = 'app: pr'): string => names.map((n) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${n}
  namespace: ${ns}
  labels:
    ${labels}
data:
  k: ${n}
`).join('---\n');

/** three documents: a ConfigMap, one that will already exist, a Secret */
export const multiDoc = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: m1
  namespace: ${ns}
data:
  k: v
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: m2
  namespace: ${ns}
---
apiVersion: v1
kind: Secret
metadata:
  name: m3
  namespace: ${ns}
stringData:
  p: q
`;

/** a good document, then one YAML cannot parse (line 5 of its document) */
export const badYaml = (ns: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ok1
  namespace: ${ns}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c3
  bad: [
`;

export const noKind = 'apiVersion: v1\nmetadata:\n  name: x\n';
