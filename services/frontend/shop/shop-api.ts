// The frontend's JSON API as the page calls it (same origin). Every failure becomes a ShopError
// whose message the page can show as it is: the service's own `error` (a 400 names the bad field),
// or what went wrong on the way.

export interface Product {
  id: number;
  name: string;
  priceCents: number;
}

// Names only: no endpoint returns a user's e-mail address.
export interface User {
  id: number;
  name: string;
}

export interface Order {
  id: number;
  userId: number;
  productId: number;
  quantity: number;
  totalCents: number;
}

export interface Notification {
  id: number;
  orderId: number;
  channel: string;
  createdAt: string;
}

// Where the page's browser reaches Jaeger and the Tracing API (frontend GET /shop-settings.json).
export interface ShopSettings {
  otlpTracesUrl: string;
  jaegerUiUrl: string;
  traceExplorerUrl: string;
}

export class ShopError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

// fetch() is called before the first await, so a call made inside a click listener is traced as
// that click's child (see browser-tracing.ts).
async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ShopError(`The frontend does not answer (${path}): is it running?`);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: unknown; field?: unknown } | undefined;
  if (!response.ok) {
    const message = typeof body?.error === 'string' ? body.error : `the frontend answered ${response.status}`;
    throw new ShopError(message, typeof body?.field === 'string' ? body.field : undefined);
  }
  return body as T;
}

export const shopApi = {
  settings: () => call<ShopSettings>('/shop-settings.json'),
  products: () => call<Product[]>('/api/products'),
  users: () => call<User[]>('/api/users'),
  placeOrder: (order: { userId: number; productId: number; quantity: number }) =>
    call<Order>('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) }),
  notifications: (orderId: number) => call<Notification[]>(`/api/orders/${orderId}/notifications`),
};
