/** A service that exited or stayed silent before it reported ready; the message names it and its last output. */
export class LaunchError extends Error {
  constructor(
    readonly service: string,
    readonly reason: string,
    readonly lastLines: readonly string[],
  ) {
    super(`${service} ${reason}: ${lastLines.length ? lastLines.join(' | ') : 'no output'}`);
    this.name = 'LaunchError';
  }
}
