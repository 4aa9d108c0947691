import { currentTraceId } from './browser-tracing.js';
import { type Notification, type Order, type Product, type ShopSettings, shopApi, type User } from './shop-api.js';

// The order form and what follows a click: the trace id with its links at once, then the order's
// outcome, then its notification once the notifier has recorded one. Everything shown is built with
// textContent: product and user names come from the database.

// How long to wait for the notifier: the order.created event normally arrives within a second.
const NOTIFICATION_POLL_MS = 500;
const NOTIFICATION_TIMEOUT_MS = 20_000;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function element(tag: string, text: string, attributes: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;

export function showOrderForm(products: Product[], users: User[], settings: ShopSettings): void {
  const productSelect = byId<HTMLSelectElement>('product');
  const userSelect = byId<HTMLSelectElement>('user');
  const button = byId<HTMLButtonElement>('place-order');
  productSelect.replaceChildren(...products.map((p) => new Option(`${p.name} (${dollars(p.priceCents)})`, String(p.id))));
  // The user's id is what the order and its spans carry; the name is for the person choosing.
  userSelect.replaceChildren(...users.map((u) => new Option(u.name, String(u.id))));
  for (const control of [productSelect, userSelect, button]) control.disabled = false;
  byId('result').replaceChildren(element('p', 'Choose a product and a customer, then place the order.', { class: 'muted' }));

  button.addEventListener('click', () => {
    // Inside the listener the click's span is active: this is the trace the order joins.
    const traceId = currentTraceId();
    const order = {
      productId: Number(productSelect.value),
      userId: Number(userSelect.value),
      quantity: Number(byId<HTMLInputElement>('quantity').value),
    };
    const placing = shopApi.placeOrder(order);
    button.disabled = true;
    const status = element('p', 'Placing the order…', { id: 'order-status' });
    byId('result').replaceChildren(traceLinks(traceId, settings), status);
    placing
      .then(async (placed) => {
        status.textContent = orderSummary(placed, products);
        button.disabled = false;
        const notification = element('p', 'Waiting for its notification…', { id: 'notification-status', class: 'muted' });
        byId('result').append(notification);
        const sent = await waitForNotification(placed.id);
        notification.className = sent ? '' : 'failure';
        notification.textContent = sent
          ? `Notification sent by ${sent.channel} at ${new Date(sent.createdAt).toLocaleTimeString()}.`
          : `No notification after ${NOTIFICATION_TIMEOUT_MS / 1000} s: is the notifier running? The trace shows where the order.created message went.`;
      })
      .catch((error: unknown) => {
        button.disabled = false;
        status.className = 'failure';
        status.setAttribute('role', 'alert');
        status.textContent = `Order not placed: ${error instanceof Error ? error.message : String(error)}`;
      });
  });
}

function orderSummary(order: Order, products: Product[]): string {
  const product = products.find((p) => p.id === order.productId)?.name ?? `product ${order.productId}`;
  return `Order ${order.id} placed: ${order.quantity} × ${product}, ${dollars(order.totalCents)}.`;
}

function traceLinks(traceId: string | undefined, settings: ShopSettings): HTMLElement {
  const line = element('p', 'Trace ', { class: 'trace' });
  if (!traceId) {
    line.textContent = 'This click was not traced: the page could not start OpenTelemetry.';
    return line;
  }
  line.append(
    element('code', traceId, { id: 'trace-id' }),
    element('a', 'open in Jaeger UI', { id: 'jaeger-link', href: `${settings.jaegerUiUrl}/trace/${traceId}`, target: '_blank' }),
    element('a', 'open in the trace explorer', { id: 'explorer-link', href: `${settings.traceExplorerUrl}/#/trace/${traceId}`, target: '_blank' }),
  );
  return line;
}

async function waitForNotification(orderId: number): Promise<Notification | undefined> {
  const deadline = Date.now() + NOTIFICATION_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // A failed poll is asked again until the deadline: the frontend may be restarting.
    const found = await shopApi.notifications(orderId).catch((): Notification[] => []);
    if (found[0]) return found[0];
    await new Promise((resolve) => setTimeout(resolve, NOTIFICATION_POLL_MS));
  }
  return undefined;
}
