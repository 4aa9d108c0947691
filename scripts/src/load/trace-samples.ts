// A few trace ids of the run to open in Jaeger: some answered fine, some answered with an error.
// Each kind is a reservoir sample (algorithm R), so the ids are spread over the whole run rather than
// all from its first second, and memory stays the same however long the run.

export interface TraceSample {
  traceId: string;
  status: number;
  method: string;
  path: string;
}

export class TraceSamples {
  private readonly fine: Reservoir<TraceSample>;
  private readonly failed: Reservoir<TraceSample>;

  constructor(size = 5, random: () => number = Math.random) {
    this.fine = new Reservoir(size, random);
    this.failed = new Reservoir(size, random);
  }

  offer(sample: TraceSample): void {
    (sample.status >= 400 ? this.failed : this.fine).offer(sample);
  }

  get ok(): TraceSample[] {
    return this.fine.items();
  }

  get errors(): TraceSample[] {
    return this.failed.items();
  }
}

class Reservoir<T> {
  private readonly kept: { seen: number; item: T }[] = [];
  private seen = 0;

  constructor(
    private readonly size: number,
    private readonly random: () => number,
  ) {}

  offer(item: T): void {
    this.seen += 1;
    if (this.kept.length < this.size) {
      this.kept.push({ seen: this.seen, item });
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.kept[slot] = { seen: this.seen, item };
  }

  // In the order the responses arrived.
  items(): T[] {
    return [...this.kept].sort((a, b) => a.seen - b.seen).map((entry) => entry.item);
  }
}
