import type { Cause } from './causes.js';
import type { Fault } from './faults.js';
import * as symptoms from './symptoms.js';
import type { Symptom } from './symptoms.js';

// The incidents: real mechanisms that break the mesh the way production breaks, each reported only by
// its symptom. Nothing here reaches a span, a log line, /health, an environment value or a process
// argument: the faults are settings with plain values, SQL objects with plain names, and processes
// with plain names (faults.ts). `seed` picks the variant (which product is the slow one).

export type Level = 1 | 2 | 3;

export interface Answer {
  // Any of these is the right service (a hop has two ends).
  services: string[];
  // Span names as Jaeger shows them; any of these is the right operation.
  operations: string[];
  cause: Cause;
}

export interface Incident {
  id: string;
  level: Level;
  // What a user reports, with the time it started.
  symptom: (since: string) => string;
  // The traffic that shows it: `npm run load -- --scenario <traffic>`.
  traffic: 'order' | 'browse' | 'mixed';
  answer: Answer;
  // What the evidence trace must show.
  evidence: Symptom;
  faults: Fault[];
  hints: [string, string, string];
  // How it works and which views expose it.
  reveal: string;
}

export const LEVELS: Record<Level, string> = {
  1: 'on the critical path of every request of its kind',
  2: 'on the critical path of some requests, or of one kind only',
  3: 'intermittent, off the critical path, or visible only by comparing traces',
};

const ORDER_INSERT = 'pg.query:INSERT lab';
const STOCK_UPDATE = 'pg.query:UPDATE lab';
const DB_HOP = ['POST', 'GET', 'POST /db/orders', 'GET /db/orders', 'GET /db/orders/:id', 'GET /db/users'];
const CONSUMER = 'notifier.order-created process';

export function catalogue(seed: number): Incident[] {
  const hotProduct = 1 + (seed % 5);
  return [
    {
      id: 'pool-of-one',
      level: 1,
      symptom: (since) => `Since ${since} every order takes longer, and the more customers order at once, the longer it takes.`,
      traffic: 'order',
      answer: { services: ['database'], operations: ['pg-pool.connect', 'POST /db/orders'], cause: 'pool-exhaustion' },
      evidence: symptoms.waitsForConnection,
      faults: [{ kind: 'settings', service: 'database', env: { DATABASE_POOL_MAX: '1' } }],
      hints: [
        'Open a slow order trace and find the span where the time goes: it is in one service, before any SQL runs.',
        'Under the database service, look at the spans before the first pg.query: what is the request waiting for?',
        'pg-pool.connect is the wait for a free connection. Compare it at low and high concurrency (npm run load -- --concurrency 1 / 20).',
      ],
      reveal:
        'The database service had a connection pool of one (DATABASE_POOL_MAX=1): every request queued in pg-pool.connect for the one connection, ' +
        'so latency grew with concurrency while each SQL statement stayed fast. Seen as a long pg-pool.connect span before the first pg.query ' +
        '(Jaeger UI: any slow order trace; Tracing API: GET /traces/<id>/analyze lists it on the critical path with the largest self time).',
    },
    {
      id: 'slow-order-insert',
      level: 1,
      symptom: (since) => `Since ${since} placing an order takes about a quarter of a second longer, every time. Browsing is as fast as ever.`,
      traffic: 'order',
      answer: { services: ['database'], operations: [ORDER_INSERT, 'POST /db/orders'], cause: 'slow-statement' },
      evidence: symptoms.slowInsert,
      faults: [
        {
          kind: 'sql',
          apply: `CREATE OR REPLACE FUNCTION orders_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN PERFORM pg_sleep(0.25); RETURN NEW; END $$;
                  CREATE OR REPLACE TRIGGER orders_before_insert BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_before_insert();`,
          restore: 'DROP TRIGGER IF EXISTS orders_before_insert ON orders; DROP FUNCTION IF EXISTS orders_before_insert();',
        },
      ],
      hints: [
        'The critical path of an order trace ends deep in the database service.',
        'Among the pg.query spans of an order, one is far longer than the others, in every order trace.',
        'Which statement is it (db.query.text)? A statement slow every time, whatever the data, is a slow statement.',
      ],
      reveal:
        'A BEFORE INSERT trigger on orders spent 250 ms per row: the INSERT INTO orders span was slow in every order, nothing else was. ' +
        'Seen in any order trace as the longest pg.query span (Tracing API: GET /traces/<id>/analyze, bottlenecks; compare with an order from before).',
    },
    {
      id: 'order-list-per-item',
      level: 1,
      symptom: (since) => `Since ${since} the order history is slow, and slower the more orders it shows.`,
      traffic: 'browse',
      answer: { services: ['backend'], operations: ['GET /orders', 'GET'], cause: 'n-plus-one' },
      evidence: symptoms.callPerItem,
      faults: [{ kind: 'settings', service: 'backend', env: { ORDER_LIST_STRATEGY: 'per-item' } }],
      hints: [
        'Find a slow GET /api/orders trace (Jaeger: operation GET /api/orders, longest first).',
        'Count the backend\'s client spans under GET /orders. How does their number relate to ?limit=?',
        'One call for the list, then one call per order: the classic pattern named after its call count.',
      ],
      reveal:
        'The backend read the order list, then read every order again on its own (ORDER_LIST_STRATEGY=per-item): N+1 calls to the database ' +
        'service, one after the other. Seen as a staircase of GET spans under GET /orders (Tracing API: GET /traces/<id>/visualize).',
    },
    {
      id: 'header-stripping-hop',
      level: 1,
      symptom: (since) => `Since ${since} the traces of orders stop at the backend, and the database service shows traces that begin with nothing before them.`,
      traffic: 'mixed',
      answer: { services: ['backend', 'database'], operations: DB_HOP, cause: 'dropped-context' },
      evidence: symptoms.startsAtDatabase,
      faults: [{ kind: 'relay', service: 'backend', urlVariable: 'DATABASE_SERVICE_URL', to: 'database' }],
      hints: [
        'Search Jaeger for traces of the database service alone: where do they start?',
        'The backend\'s client span to the database is still there; the database\'s server span is not under it. What should link them?',
        'Something between the backend and the database service drops the traceparent header: the hop loses the context.',
      ],
      reveal:
        'The backend reached the database service through a relay that forwarded every request without its traceparent, tracestate and baggage ' +
        'headers (as some proxies do with headers they do not know). The database service started a new trace per request. Seen as traces rooted ' +
        'at the database service (Jaeger: service database, the root span is a server span) and order traces that end at the backend\'s client span.',
    },
    {
      id: 'one-slow-product',
      level: 2,
      symptom: (since) => `Since ${since} some customers say ordering is slow; others see nothing wrong.`,
      traffic: 'order',
      answer: { services: ['database'], operations: [STOCK_UPDATE, 'inventory.reserve'], cause: 'hot-key' },
      evidence: symptoms.slowStockUpdateOf(hotProduct),
      faults: [
        {
          kind: 'sql',
          apply: `CREATE OR REPLACE FUNCTION products_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF NEW.id = ${hotProduct} THEN PERFORM pg_sleep(0.3); END IF; RETURN NEW; END $$;
                  CREATE OR REPLACE TRIGGER products_before_update BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION products_before_update();`,
          restore: 'DROP TRIGGER IF EXISTS products_before_update ON products; DROP FUNCTION IF EXISTS products_before_update();',
        },
      ],
      hints: [
        'Order latency has two groups: most orders are fast, some are slow. Compare one of each (Tracing API: /traces/<a>/compare/<b>).',
        'The slow ones spend their time in the same span. What do the slow ones have in common that the fast ones do not?',
        'Look at the attributes of inventory.reserve in slow and fast traces (Jaeger search by tag: app.product.id=...).',
      ],
      reveal:
        `Product ${hotProduct} had a trigger that made every stock update of its row take 300 ms; the other products were fast. Seen by ` +
        'comparing slow and fast order traces: the slow ones all carry the same app.product.id on inventory.reserve (Jaeger: search by tag; ' +
        'Tracing API: GET /traces/<slow>/compare/<fast>).',
    },
    {
      id: 'read-retries-at-once',
      level: 2,
      symptom: (since) => `Since ${since} the database service is far busier than the traffic explains, and browsing is slow and sometimes fails.`,
      traffic: 'browse',
      answer: { services: ['backend'], operations: ['GET', 'GET /orders', 'GET /users', 'GET /orders/:id'], cause: 'retry-storm' },
      evidence: symptoms.repeatedFailingCall,
      faults: [{ kind: 'settings', service: 'backend', env: { DATABASE_TIMEOUT_MS: '4', DATABASE_READ_RETRIES: '4' } }],
      hints: [
        'Count the database service\'s server spans per browse request: more than one each?',
        'Under one backend request, look at its client spans to the database: the same URL, several times, some failed.',
        'A client that gives up very early and asks again at once, without waiting: every slow answer turns into more load.',
      ],
      reveal:
        'The backend gave the database service 4 ms to answer a read, then asked again at once, up to 4 more times (DATABASE_TIMEOUT_MS=4, ' +
        'DATABASE_READ_RETRIES=4): every slow read became up to five reads. Seen as repeated GET client spans with the same url.full under one ' +
        'backend server span, the first ones failed with a timeout (Tracing API: GET /traces/<id>/visualize; GET /dependencies shows the call count).',
    },
    {
      id: 'impatient-frontend',
      level: 2,
      symptom: (since) => `Since ${since} some customers get an error when they place an order, and then receive the confirmation e-mail anyway.`,
      traffic: 'order',
      answer: { services: ['frontend'], operations: ['POST /api/orders', 'POST'], cause: 'caller-timeout' },
      evidence: symptoms.callerGaveUp,
      faults: [{ kind: 'settings', service: 'frontend', env: { BACKEND_TIMEOUT_MS: '12' } }],
      hints: [
        'Find an order trace with an error (Jaeger: service frontend, tag error=true). Which span failed first?',
        'In that trace, compare when the frontend\'s span ends with when the backend\'s span ends.',
        'The frontend stops waiting before the backend is done; the order is stored and notified all the same.',
      ],
      reveal:
        'The frontend waited only 12 ms for the backend (BACKEND_TIMEOUT_MS=12): slower orders got a 502 from the frontend while the backend went ' +
        'on to store the order and publish its event. Seen in the waterfall as a frontend server span that ends, in error, before the backend ' +
        'server span under it (Tracing API: GET /traces/<id>/waterfall).',
    },
    {
      id: 'held-stock-rows',
      level: 3,
      symptom: (since) => `Since ${since} orders are slow now and then, for every product, then fast again for a while.`,
      traffic: 'order',
      answer: { services: ['database'], operations: [STOCK_UPDATE, 'inventory.reserve'], cause: 'lock-wait' },
      evidence: symptoms.slowStockUpdate,
      faults: [{ kind: 'background', service: 'database', script: 'row-holder' }],
      hints: [
        'Slow orders come in bursts. Compare a slow order trace with a fast one.',
        'The time goes to one statement, an UPDATE, for every product alike, only some of the time.',
        'An UPDATE that is fast most of the time and slow in bursts is waiting for something another transaction holds.',
      ],
      reveal:
        'A background transaction (outside the mesh, so in no trace) locked every product row for 800 ms every 2 s: stock updates waited for ' +
        'the lock. Seen as UPDATE products spans that are slow in bursts, for every product (Jaeger: operation inventory.reserve, min duration ' +
        '150ms; Tracing API: GET /anomalies).',
    },
    {
      id: 'rare-order-failure',
      level: 3,
      symptom: (since) => `Since ${since} a few orders in a hundred fail with a server error; trying again works.`,
      traffic: 'order',
      answer: { services: ['database'], operations: [ORDER_INSERT, 'POST /db/orders'], cause: 'intermittent-error' },
      evidence: symptoms.failedInsert,
      faults: [
        {
          kind: 'sql',
          apply: `CREATE OR REPLACE FUNCTION orders_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN IF random() < 0.04 THEN RAISE EXCEPTION 'could not serialize access due to concurrent update' USING ERRCODE = '40001'; END IF;
                  RETURN NEW; END $$;
                  CREATE OR REPLACE TRIGGER orders_before_insert BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_before_insert();`,
          restore: 'DROP TRIGGER IF EXISTS orders_before_insert ON orders; DROP FUNCTION IF EXISTS orders_before_insert();',
        },
      ],
      hints: [
        'Search for order traces with an error (Jaeger: tag error=true). How many are there, out of how many orders?',
        'Follow the error down the trace to the first span that failed (Tracing API: GET /traces/<id>/analyze names the root cause).',
        'The same statement fails now and then and works on a retry: the failure is intermittent, not the input.',
      ],
      reveal:
        'About 4% of INSERT INTO orders failed with a serialization error (raised by a trigger): the order answered 500 and a retry worked. Seen ' +
        'by searching error traces and following the error to the pg.query INSERT span with its exception event (Tracing API: ' +
        'GET /traces/<id>/analyze, errorRootCause).',
    },
    {
      id: 'backlogged-notifier',
      level: 3,
      symptom: (since) => `Since ${since} order confirmations arrive later and later; the orders themselves are as fast as ever.`,
      traffic: 'order',
      answer: { services: ['notifier'], operations: [CONSUMER, 'notification.send'], cause: 'slow-consumer' },
      evidence: symptoms.waitedInQueue,
      faults: [{ kind: 'settings', service: 'notifier', env: { ORDER_PREFETCH: '1', MAIL_SEND_MS: '300' } }],
      hints: [
        'The order request is fast: look at what happens after the publish in an order trace.',
        'Measure the gap between the end of "publish orders" and the start of the notifier\'s process span, in an early and a late trace.',
        'The gap grows: messages wait in the queue because they are processed one at a time, slowly.',
      ],
      reveal:
        'The notifier took one message at a time (ORDER_PREFETCH=1) and each send took 300 ms (MAIL_SEND_MS=300): at more than three orders a ' +
        'second the queue grew. Seen as a growing gap between the publish span and the consumer span (Jaeger waterfall; RabbitMQ management UI ' +
        'on :15672 shows the queue depth).',
    },
    {
      id: 'notifier-samples-alone',
      level: 3,
      symptom: (since) => `Since ${since} about half of the order traces end at the publish: the notifier's part is missing, yet every customer gets the e-mail.`,
      traffic: 'order',
      answer: { services: ['notifier'], operations: [CONSUMER], cause: 'unsampled-parent' },
      evidence: symptoms.consumerMissing(),
      faults: [{ kind: 'settings', service: 'notifier', env: { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5' } }],
      hints: [
        'Compare two order traces: one with the notifier\'s spans and one without. Did the message arrive in both?',
        'The notifier is healthy and no span is dropped before export (its /health). Does the notifier have traces of its own instead?',
        'A service that decides alone whether to record a trace, whatever its caller decided, records only part of each trace.',
      ],
      reveal:
        'The notifier sampled by trace id ratio (OTEL_TRACES_SAMPLER=traceidratio, 0.5) instead of following its parent: it recorded its part of ' +
        'half of the traces. Seen by comparing order traces with and without notifier spans while every order gets its notification, and no ' +
        'notifier trace of its own (Tracing API: GET /traces/<a>/compare/<b>).',
    },
    {
      id: 'notification-lookup-scan',
      level: 3,
      symptom: (since) => `Since ${since} confirmation e-mails take noticeably longer to go out after an order.`,
      traffic: 'order',
      answer: { services: ['database'], operations: ['pg.query:SELECT lab', 'GET /db/notifications'], cause: 'sequential-scan' },
      evidence: symptoms.scansNotifications,
      faults: [
        {
          kind: 'sql',
          apply: `DROP INDEX IF EXISTS notifications_once_per_order;
                  CREATE UNIQUE INDEX IF NOT EXISTS notifications_by_channel ON notifications (channel, order_id);
                  INSERT INTO orders (user_id, product_id, quantity, total_cents, created_at)
                    SELECT 1 + g % 5, 1 + g % 5, 1, 100, timestamptz '2001-01-01' FROM generate_series(1, 1000000) g;
                  INSERT INTO notifications (order_id, channel, created_at)
                    SELECT id, 'email', timestamptz '2001-01-01' FROM orders WHERE created_at = timestamptz '2001-01-01';
                  ANALYZE notifications;`,
          // The index first: deleting an order checks notifications for rows that refer to it, a scan
          // per order without it.
          restore: `CREATE UNIQUE INDEX IF NOT EXISTS notifications_once_per_order ON notifications (order_id, channel);
                    DROP INDEX IF EXISTS notifications_by_channel;
                    DELETE FROM notifications WHERE created_at = timestamptz '2001-01-01';
                    DELETE FROM orders WHERE created_at = timestamptz '2001-01-01';
                    ANALYZE notifications;`,
        },
      ],
      hints: [
        'The order answer is fast; the notifier\'s part of the trace is slower than it was. Where in it does the time go?',
        'One pg.query SELECT in the notifier\'s lookup is far slower than the others. Which table does it read (db.query.text)?',
        'The notifications table is large now, and the index that served "by order" was replaced by one that starts with another column.',
      ],
      reveal:
        'The notifications table held a million old rows and its index on (order_id, channel) was replaced by one on (channel, order_id), which cannot ' +
        'find one order\'s notifications: every lookup read the table. Seen as a slow SELECT ... FROM notifications under GET /db/notifications in ' +
        'the notifier\'s part of each order trace (Tracing API: GET /traces/<id>/analyze, self time).',
    },
  ];
}

export function findIncident(id: string, seed: number): Incident | undefined {
  return catalogue(seed).find((i) => i.id === id);
}
