// The lab's tables and seed data, created at start and safe to run again.
// Stock is large so that long load-generator runs never exhaust it.
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS users (
  id    integer PRIMARY KEY,
  name  text NOT NULL,
  email text NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  stock       integer NOT NULL CHECK (stock >= 0)
);
CREATE TABLE IF NOT EXISTS orders (
  id          serial PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id),
  product_id  integer NOT NULL REFERENCES products (id),
  quantity    integer NOT NULL CHECK (quantity > 0),
  total_cents integer NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS notifications (
  id         serial PRIMARY KEY,
  order_id   integer NOT NULL REFERENCES orders (id),
  channel    text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One notification per order and channel, so a redelivered order.created never notifies twice. A
-- database from before this rule may hold duplicates: the first of each is kept.
DELETE FROM notifications a USING notifications b
  WHERE a.id > b.id AND a.order_id = b.order_id AND a.channel = b.channel;
CREATE UNIQUE INDEX IF NOT EXISTS notifications_once_per_order ON notifications (order_id, channel);
-- The transactional outbox: an order's order.created event is written in the order's own transaction,
-- with the trace context of the request that created it, and published from here by this service's
-- outbox relay (outbox-relay.ts). Nothing is lost while RabbitMQ is down, and the message continues the
-- original trace whenever it is published.
CREATE TABLE IF NOT EXISTS outbox (
  id            bigserial PRIMARY KEY,
  routing_key   text NOT NULL,
  payload       jsonb NOT NULL,
  trace_context jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_at  timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE published_at IS NULL;
INSERT INTO users (id, name, email) VALUES
  (1, 'Ada Lovelace', 'ada@example.com'),
  (2, 'Grace Hopper', 'grace@example.com'),
  (3, 'Alan Turing', 'alan@example.com'),
  (4, 'Barbara Liskov', 'barbara@example.com'),
  (5, 'Leslie Lamport', 'leslie@example.com')
ON CONFLICT (id) DO NOTHING;
INSERT INTO products (id, name, price_cents, stock) VALUES
  (1, 'Mechanical keyboard', 12900, 1000000),
  (2, 'Trackball', 5900, 1000000),
  (3, 'USB-C hub', 3900, 1000000),
  (4, '4K monitor', 39900, 1000000),
  (5, 'Desk lamp', 2900, 1000000)
ON CONFLICT (id) DO NOTHING;
`;
