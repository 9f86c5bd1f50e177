import { pbkdf2, pbkdf2Sync } from 'node:crypto';
import { promisify } from 'node:util';
import { recordEventLoopDelay, trackEventLoopDelay, withSpan } from '@tracecart/tracing';

const pbkdf2Async = promisify(pbkdf2);

// PBKDF2-SHA256 rounds per receipt: about 17 ms of one core on a current x86 machine (0.17 ms
// per 1,000 rounds, measured with Node 24). Real CPU work, the cost of deriving a key: enough
// that a burst of checkouts queues visibly behind it when it runs on the event loop.
export const RECEIPT_SIGNING_ITERATIONS = 100_000;
const KEY_BYTES = 32;
const DIGEST = 'sha256';
// The lab's receipts are not secret: the salt only makes the work real, not the signature safe.
const SALT = 'tracecart-receipt';

/** The INTERNAL span of the signing: its own time, with no child, is the derivation. */
export const SIGN_RECEIPT_SPAN = 'sign receipt';
/** The answer's header carrying the receipt's signature. */
export const RECEIPT_SIGNATURE_HEADER = 'receipt-signature';

/** Where the signing runs: on the event loop (the problem) or on libuv's thread pool (the fix). */
export type SigningMode = 'sync' | 'offload';

/**
 * Signs a checkout's receipt in a `sign receipt` span: with `sync`, `crypto.pbkdf2Sync` holds
 * the event loop for the whole derivation, so every other request on this process waits; with
 * `offload`, `crypto.pbkdf2` does the same work on libuv's pool and the loop stays free.
 */
export async function signReceipt(receipt: string, mode: SigningMode): Promise<string> {
  return withSpan(SIGN_RECEIPT_SPAN, {}, async (span) => {
    trackEventLoopDelay(span);
    try {
      const key =
        mode === 'sync'
          ? pbkdf2Sync(receipt, SALT, RECEIPT_SIGNING_ITERATIONS, KEY_BYTES, DIGEST)
          : await pbkdf2Async(receipt, SALT, RECEIPT_SIGNING_ITERATIONS, KEY_BYTES, DIGEST);
      return key.toString('base64url');
    } finally {
      recordEventLoopDelay(span);
    }
  });
}
