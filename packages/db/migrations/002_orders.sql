-- Orders are written with their items in one transaction by the order service.
CREATE TABLE orders (
  id          uuid        PRIMARY KEY,
  customer_id text        NOT NULL,
  status      text        NOT NULL CHECK (status IN ('confirmed')),
  total_cents bigint      NOT NULL CHECK (total_cents >= 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE order_items (
  order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no          integer NOT NULL,
  sku              text    NOT NULL,
  name             text    NOT NULL,
  quantity         integer NOT NULL CHECK (quantity > 0),
  unit_price_cents integer NOT NULL CHECK (unit_price_cents > 0),
  PRIMARY KEY (order_id, line_no)
);

-- One row per Idempotency-Key, claimed first in the transaction that then writes the order
-- (hence the deferred foreign key), so a concurrent retry waits on the key until the first
-- attempt commits (and replays its stored response) or aborts (and takes over).
CREATE TABLE idempotency_keys (
  key          text        PRIMARY KEY,
  request_hash text        NOT NULL,
  order_id     uuid        NOT NULL REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now()
);
