/** A problem preparing or starting the embedded PostgreSQL, worded for a person as one line. */
export class PostgresSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresSetupError';
  }
}
