import { createTestDatabase, type TestDatabase } from './test-database';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';
import { startStack, type Stack, type StackFulfilmentOptions } from './stack';

/** A throwaway database, an OTLP receiver and the three services (and fulfilment, if asked) wired to both. */
export interface Lab {
  db: TestDatabase;
  receiver: OtlpReceiver;
  stack: Stack;
  stop(): Promise<void>;
}

/** Starts a whole lab for one test file; stop() undoes every part, even after a partial start. */
export async function startLab(options: { catalogSize?: number; env?: Record<string, string>; fulfilment?: StackFulfilmentOptions } = {}): Promise<Lab> {
  const db = await createTestDatabase({ catalogSize: options.catalogSize });
  const receiver = await startOtlpReceiver().catch(async (error) => {
    await db.drop();
    throw error;
  });
  const stack = await startStack({ databaseUrl: db.url, otlpEndpoint: receiver.endpoint, env: options.env, fulfilment: options.fulfilment }).catch(async (error) => {
    await receiver.close();
    await db.drop();
    throw error;
  });
  return {
    db,
    receiver,
    stack,
    async stop() {
      await stack.stop();
      await receiver.close();
      await db.drop();
    },
  };
}
