/** The Postgres the demo runs on, embedded or external, with its database ready to migrate. */
export interface ProvidedPostgres {
  /** DATABASE_URL for the services. */
  url: string;
  /** For the ready banner: "embedded PostgreSQL 17.10, port 5433, data in ...". */
  description: string;
  /** The embedded server's port, when the demo started one. */
  embeddedPort?: number;
  /** The embedded server's pid, when the demo started one. */
  embeddedPid?: number;
  /** Resolves with a message if the server dies under the demo; never for an external one. */
  crashed: Promise<string>;
  /** Stops what the demo started (and removes embedded data unless kept). */
  stop(): Promise<void>;
}

/** The database the demo creates and migrates. */
export const DEMO_DATABASE = 'tracecart';
