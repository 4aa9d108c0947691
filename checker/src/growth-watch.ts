// Tells when a trace has stopped growing. Spans reach Jaeger within a second or two (the lab exports
// every 500 ms; the SDK's default is 5 s), so once nothing new has come for QUIET_MS the missing spans
// are missing for good: waiting out the whole --timeout would only keep the learner waiting.

export const QUIET_MS = 10_000;

export class GrowthWatch {
  private size = -1;
  private changedAt = Date.now();

  constructor(private readonly quietMs = QUIET_MS) {}

  // Records the current size; true once it has not changed for quietMs.
  stalled(size: number, now = Date.now()): boolean {
    if (size !== this.size) {
      this.size = size;
      this.changedAt = now;
      return false;
    }
    return now - this.changedAt >= this.quietMs;
  }
}
