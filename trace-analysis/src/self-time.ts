import type { TraceTree } from './trace-tree.js';

// Self time: the wall-clock time a span spent on its own work rather than waiting for a child.
//
// The trace's time line is cut at every span start and end. Each slice belongs to the spans open in
// it that have no open child of their own (the spans "at the front"): one such span gets the whole
// slice, and N concurrent ones share it equally. So every microsecond of the trace is counted exactly
// once, and the self times of all spans add up to the trace's duration, asynchronous work (a message
// consumer that outlives the request) included. A slice where no span is open, such as a message
// waiting in a queue with no span around it, is `idleUs`. For the usual synchronous call tree this is
// the textbook definition: a span's duration minus the time its children ran.
export interface SelfTimes {
  bySpanId: Map<string, number>;
  idleUs: number;
}

const START = 0;
const END = 1;

export function selfTimes(tree: TraceTree): SelfTimes {
  const spans = tree.spans;
  const count = spans.length;
  const indexOf = new Map(spans.map((span, i) => [span.spanId, i]));
  const parentIndex = new Int32Array(count).fill(-1);
  const depth = new Int32Array(count);
  spans.forEach((span, i) => {
    if (span.parentId !== undefined) parentIndex[i] = indexOf.get(span.parentId) ?? -1;
    depth[i] = span.depth;
  });

  // Events as indices into parallel arrays, sorted by time; at one instant starts come before ends,
  // parents start before their children and children end before their parents, so a zero-length
  // span and a child sharing its parent's boundary are both handled.
  const times = new Float64Array(2 * count);
  const types = new Uint8Array(2 * count);
  const owners = new Int32Array(2 * count);
  spans.forEach((span, i) => {
    times[2 * i] = span.startUs;
    types[2 * i] = START;
    owners[2 * i] = i;
    times[2 * i + 1] = span.endUs;
    types[2 * i + 1] = END;
    owners[2 * i + 1] = i;
  });
  const order = Array.from({ length: 2 * count }, (_, e) => e).sort((a, b) => {
    const byTime = (times[a] as number) - (times[b] as number);
    if (byTime !== 0) return byTime;
    const byType = (types[a] as number) - (types[b] as number);
    if (byType !== 0) return byType;
    const byDepth = (depth[owners[a] as number] as number) - (depth[owners[b] as number] as number);
    return types[a] === START ? byDepth : -byDepth;
  });

  // `share` is the time one front span has accumulated so far: each slice adds its length divided by
  // the size of the front. A span's self time is the growth of `share` while it is at the front, so
  // the sweep stays linear however many spans run concurrently.
  const self = new Float64Array(count);
  const enteredAt = new Float64Array(count);
  const openChildren = new Int32Array(count);
  const open = new Uint8Array(count);
  let share = 0;
  let frontSize = 0;
  let idleUs = 0;
  let lastTime = tree.startUs;

  const advanceTo = (time: number) => {
    const slice = time - lastTime;
    if (slice > 0) {
      if (frontSize > 0) share += slice / frontSize;
      else idleUs += slice;
    }
    lastTime = time;
  };
  const enterFront = (i: number) => {
    enteredAt[i] = share;
    frontSize++;
  };
  const leaveFront = (i: number) => {
    self[i] = (self[i] as number) + share - (enteredAt[i] as number);
    frontSize--;
  };

  for (const event of order) {
    const i = owners[event] as number;
    const parent = parentIndex[i] as number;
    advanceTo(times[event] as number);
    if (types[event] === START) {
      open[i] = 1;
      if (openChildren[i] === 0) enterFront(i);
      if (parent >= 0) {
        openChildren[parent] = (openChildren[parent] as number) + 1;
        if (openChildren[parent] === 1 && open[parent]) leaveFront(parent);
      }
    } else {
      if (openChildren[i] === 0) leaveFront(i);
      open[i] = 0;
      if (parent >= 0) {
        openChildren[parent] = (openChildren[parent] as number) - 1;
        if (openChildren[parent] === 0 && open[parent]) enterFront(parent);
      }
    }
  }

  return { bySpanId: new Map(spans.map((span, i) => [span.spanId, self[i] as number])), idleUs };
}
