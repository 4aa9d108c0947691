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
