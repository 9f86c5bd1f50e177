-- The lab's challenge: one problem switched on hidden, for a person to diagnose and answer with a
-- fix. At most one challenge is active (ended_at IS NULL). Changes are announced on channel
-- 'lab_flags', like a switch, because every service hides the active challenge's problem from its
-- spans and must re-read its snapshot.
CREATE TABLE lab_challenge (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  problem    text        NOT NULL,
  seed       bigint      NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at   timestamptz,
  outcome    text        CHECK (outcome IN ('solved', 'gave_up')),
  -- Every answer given: {fix, right, recovered, at}.
  answers    jsonb       NOT NULL DEFAULT '[]',
  CHECK ((ended_at IS NULL) = (outcome IS NULL))
);

CREATE UNIQUE INDEX lab_challenge_one_active ON lab_challenge ((true)) WHERE ended_at IS NULL;

CREATE FUNCTION notify_lab_challenge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('lab_flags', 'challenge');
  RETURN NEW;
END;
$$;

CREATE TRIGGER lab_challenge_changed
  AFTER INSERT OR UPDATE ON lab_challenge
  FOR EACH ROW EXECUTE FUNCTION notify_lab_challenge();
