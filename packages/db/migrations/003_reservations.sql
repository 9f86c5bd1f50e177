-- Stock held for an order, owned by inventory. Keyed by the order id so a retried reservation
-- never holds twice, and a release that arrives first leaves a 'released' tombstone that a late
-- reservation sees and refuses.
CREATE TABLE reservations (
  order_id    uuid        PRIMARY KEY,
  status      text        NOT NULL CHECK (status IN ('held', 'released')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz
);

CREATE TABLE reservation_lines (
  order_id uuid    NOT NULL REFERENCES reservations (order_id),
  sku      text    NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, sku)
);
