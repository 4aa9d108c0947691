// Order ids the mesh has shown in its answers, so `GET /api/orders/<id>` asks for orders that exist
// instead of guessing ids into a stream of 404s. Learnt from the order list and from created orders.
export class KnownOrderIds {
  private readonly ids: number[] = [];

  constructor(private readonly capacity = 100) {}

  // Reads the ids out of a response body: an order, or a list of them. Users have ids too, so only
  // objects shaped like an order count.
  learnFrom(body: string): void {
    if (!body.startsWith('{') && !body.startsWith('[')) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (isOrder(item) && !this.ids.includes(item.id)) this.ids.push(item.id);
    }
    // The newest ids are kept: they are the orders a learner just created.
    if (this.ids.length > this.capacity) this.ids.splice(0, this.ids.length - this.capacity);
  }

  // One of the known ids, or undefined while none is known.
  pick(random: () => number): number | undefined {
    return this.ids.length === 0 ? undefined : this.ids[Math.floor(random() * this.ids.length)];
  }

  get size(): number {
    return this.ids.length;
  }
}

function isOrder(item: unknown): item is { id: number } {
  if (typeof item !== 'object' || item === null) return false;
  const { id, productId } = item as Record<string, unknown>;
  return Number.isSafeInteger(id) && (id as number) > 0 && productId !== undefined;
}
