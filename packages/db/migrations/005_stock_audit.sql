-- Inventory's audit of reserved stock: one row per reserved line, with the SKU's demand over the
-- last hour at the time (from reservation_lines). Written inside the reservation's transaction,
-- so a rolled-back reservation leaves no audit row.
CREATE TABLE stock_audit (
  id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id      uuid        NOT NULL,
  sku           text        NOT NULL,
  quantity      integer     NOT NULL CHECK (quantity > 0),
  recent_demand bigint      NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
