// Go's sort.Sort / sort.Slice (pdqsort, Go 1.23) and sort.Stable (insertion sort + SymMerge).
// kubectl sorts events by LastTimestamp with the unstable sort, so equal keys end up in the
// order Go's algorithm leaves them; reproducing it step for step keeps describe byte-identical.

type Less<T> = (a: T, b: T) => boolean;

const MASK64 = (1n << 64n) - 1n;

class Data<T> {
  constructor(readonly a: T[], readonly lessFn: Less<T>) {}
  less(i: number, j: number): boolean {
    return this.lessFn(this.a[i]!, this.a[j]!);
  }
  swap(i: number, j: number): void {
    const t = this.a[i]!;
    this.a[i] = this.a[j]!;
    this.a[j] = t;
  }
}

function bitsLen(n: number): number {
  return n <= 0 ? 0 : 32 - Math.clz32(n);
}

function insertionSort<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
  }
}

function siftDown<T>(d: Data<T>, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort<T>(d: Data<T>, a: number, b: number): void {
  const hi = b - a;
  for (let i = Math.trunc((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(a, a + i);
    siftDown(d, 0, i, a);
  }
}

function partition<T>(d: Data<T>, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function partitionEqual<T>(d: Data<T>, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function shiftAround<T>(d: Data<T>, a: number, b: number, i: number): void {
  d.swap(i, i - 1);
  if (i - a >= 2) {
    for (let j = i - 1; j >= 1; j--) {
      if (!d.less(j, j - 1)) break;
      d.swap(j, j - 1);
    }
  }
  if (b - i >= 2) {
    for (let j = i + 1; j < b; j++) {
      if (!d.less(j, j - 1)) break;
      d.swap(j, j - 1);
    }
  }
}

function partialInsertionSort<T>(d: Data<T>, a: number, b: number): boolean {
  let i = a + 1;
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < 50) return false;
    shiftAround(d, a, b, i);
  }
  return false;
}

function breakPatterns<T>(d: Data<T>, a: number, b: number): void {
  const length = b - a;
  if (length < 8) return;
  let random = BigInt(length);
  const modulus = BigInt(1 << bitsLen(length));
  for (let idx = a + Math.trunc(length / 4) * 2 - 1; idx <= a + Math.trunc(length / 4) * 2 + 1; idx++) {
    random ^= (random << 13n) & MASK64;
    random ^= random >> 17n;
    random ^= (random << 5n) & MASK64;
    let other = Number(random & (modulus - 1n));
    if (other >= length) other -= length;
    d.swap(idx, a + other);
  }
}

const INCREASING = 1;
const DECREASING = 2;

function choosePivot<T>(d: Data<T>, a: number, b: number): [number, number] {
  const l = b - a;
  const swaps = { n: 0 };
  const q = Math.trunc(l / 4);
  let i = a + q;
  let j = a + q * 2;
  let k = a + q * 3;
  const order2 = (x: number, y: number): [number, number] => (d.less(y, x) ? (swaps.n++, [y, x]) : [x, y]);
  const median = (x: number, y: number, z: number): number => {
    [x, y] = order2(x, y);
    [y, z] = order2(y, z);
    [x, y] = order2(x, y);
    return y;
  };
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1);
      j = median(j - 1, j, j + 1);
      k = median(k - 1, k, k + 1);
    }
    j = median(i, j, k);
  }
  if (swaps.n === 0) return [j, INCREASING];
  return [j, swaps.n === 12 ? DECREASING : 0];
}

function reverseRange<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j);
}

function pdqsort<T>(d: Data<T>, a: number, b: number, limit: number): void {
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= 12) return insertionSort(d, a, b);
    if (limit === 0) return heapSort(d, a, b);
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === DECREASING) {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING && partialInsertionSort(d, a, b)) return;
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, already] = partition(d, a, b, pivot);
    wasPartitioned = already;
    const threshold = Math.trunc(length / 8);
    if (mid - a < b - mid) {
      wasBalanced = mid - a >= threshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = b - mid >= threshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** sort.Sort / sort.Slice: in place, not stable, exactly as Go leaves equal elements. */
export function goSort<T>(items: T[], less: Less<T>): T[] {
  if (items.length > 1) pdqsort(new Data(items, less), 0, items.length, bitsLen(items.length));
  return items;
}

/** sort.Stable: any stable sort leaves equal elements in the same order as Go's. */
export function goStable<T>(items: T[], less: Less<T>): T[] {
  return items.sort((x, y) => (less(x, y) ? -1 : less(y, x) ? 1 : 0));
}
