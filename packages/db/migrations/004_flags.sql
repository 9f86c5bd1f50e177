-- The lab's switches. Services keep a snapshot and re-read it when notified on channel
-- 'lab_flags', so a toggle reaches every service within about a second, no restart.
CREATE TABLE lab_flags (
  name       text        PRIMARY KEY,
  value      jsonb       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO lab_flags (name, value) VALUES
  ('fix.index', 'false'),
  ('fix.cache', 'false'),
  ('fix.batch', 'false'),
  ('chaos.latency', '{"ms": 0, "rate": 0}'),
  ('chaos.errors', '{"rate": 0}');

CREATE FUNCTION notify_lab_flags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lab_flags', NEW.name);
  RETURN NEW;
END;
$$;

CREATE TRIGGER lab_flags_changed
  AFTER INSERT OR UPDATE ON lab_flags
  FOR EACH ROW EXECUTE FUNCTION notify_lab_flags();
