/** Undo steps collected while a lab starts, run last first, so a partial start is undone too. */
export function createCleanup() {
  const steps: (() => Promise<void>)[] = [];
  return {
    add(step: () => Promise<void>): void {
      steps.push(step);
    },
    async run(): Promise<void> {
      while (steps.length > 0) await steps.pop()!();
    },
  };
}
