import { setSpanAttributes } from '@tracecart/tracing';
import { fixAttributes, type FlagValues } from './definitions';

type Next = (error?: unknown) => void;

/**
 * Middleware stamping the fix switches on the request's server span (lab.fix.*), so a person
 * can search traces from before and after a toggle. Typed loosely to stay free of express.
 */
export function flagSpanAttributes(flags: () => FlagValues): (req: unknown, res: unknown, next: Next) => void {
  return (_req, _res, next) => {
    setSpanAttributes(fixAttributes(flags()));
    next();
  };
}
