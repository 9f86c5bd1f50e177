-- The catalog. `sku` deliberately has no index and no unique constraint (which would build one):
-- the missing index is the lab's first lesson. The fix.index switch creates it at runtime.
-- `description` pads rows to a realistic width so a sequential scan costs what it would.
CREATE TABLE products (
  id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku         text    NOT NULL,
  name        text    NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents > 0),
  on_hand     integer NOT NULL CHECK (on_hand >= 0),
  description text    NOT NULL DEFAULT ''
);
