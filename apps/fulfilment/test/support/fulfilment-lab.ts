import {
  createTestDatabase,
  startOtlpReceiver,
  startStack,
  type OtlpReceiver,
  type Stack,
  type StackFulfilmentOptions,
  type TestDatabase,
} from '@tracecart/testkit';

/** A test database, a real OTLP receiver and the lab's services with fulfilment: what most fulfilment tests start from. */
export interface FulfilmentLab {
  db: TestDatabase;
  receiver: OtlpReceiver;
  stack: Stack;
  /** Stops the services, then the receiver, then drops the database. */
  stop(): Promise<void>;
}

/** Starts a fulfilment lab on a small catalog; `fulfilment` sets the worker's carrier and environment. */
export async function startFulfilmentLab(fulfilment: StackFulfilmentOptions = {}): Promise<FulfilmentLab> {
  const db = await createTestDatabase({ catalogSize: 100 });
  const receiver = await startOtlpReceiver();
  let stack: Stack;
  try {
    stack = await startStack({ databaseUrl: db.url, otlpEndpoint: receiver.endpoint, fulfilment });
  } catch (error) {
    await receiver.close();
    await db.drop();
    throw error;
  }
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
