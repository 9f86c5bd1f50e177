-- The asynchronous half of a checkout. Inventory marks a reservation shipped once fulfilment has
-- a carrier label for it; shipments and notifications are fulfilment's own tables, keyed by the
-- order so a redelivered order.placed message writes nothing twice.
ALTER TABLE reservations ADD COLUMN shipped_at timestamptz;

CREATE TABLE shipments (
  order_id      uuid        PRIMARY KEY,
  carrier_label text        NOT NULL,
  shipped_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notifications (
  order_id   uuid,
  kind       text,
  created_at timestamptz DEFAULT now(),
  PRIMARY KEY (order_id, kind)
);
