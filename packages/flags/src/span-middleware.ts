import { setSpanAttributes } from '@tracecart/tracing';
import { fixAttributes, problemAttributes, type FlagValues } from './definitions';
import { problemsHidden } from './problem-visibility';

type Next = (error?: unknown) => void;

/**
 * Middleware stamping the fix and problem switches on the request's server span (lab.fix.*,
 * lab.problem.*, withheld while a challenge runs), so a person can search traces from before and after a toggle. Typed loosely to stay free of express.
 */
export function flagSpanAttributes(flags: () => FlagValues): (req: unknown, res: unknown, next: Next) => void {
  return (_req, _res, next) => {
    const values = flags();
    // During a challenge no lab.problem.* is stamped at all: one missing name would give it away.
    setSpanAttributes(problemsHidden(values) ? fixAttributes(values) : { ...fixAttributes(values), ...problemAttributes(values) });
    next();
  };
}
