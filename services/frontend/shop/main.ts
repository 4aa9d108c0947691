import { startBrowserTracing } from './browser-tracing.js';
import { showOrderForm } from './order-form.js';
import { shopApi } from './shop-api.js';

// The shop page's script (bundled by esbuild into dist/shop/shop.js): tracing first, so that the
// user-interaction instrumentation wraps the form's click listener, then the form.
async function main(): Promise<void> {
  const settings = await shopApi.settings();
  startBrowserTracing(settings.otlpTracesUrl);
  const [products, users] = await Promise.all([shopApi.products(), shopApi.users()]);
  showOrderForm(products, users, settings);
}

main().catch((error: unknown) => {
  const message = document.createElement('p');
  message.className = 'failure';
  message.setAttribute('role', 'alert');
  message.textContent = `The shop could not load: ${error instanceof Error ? error.message : String(error)}`;
  document.getElementById('result')?.replaceChildren(message);
});
