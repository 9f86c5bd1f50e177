import { setSpanAttributes } from '@tracecart/tracing';
import { fixAttributes, problemAttributes, problemsHidden, type FlagValues } from '@tracecart/flags';

/**
 * Stamps the switches (lab.fix.*, lab.problem.*) on the active span, as the flags package's
 * middleware does on every server span: a consumer span is no HTTP request, so the handler
 * stamps its own. While a challenge runs no lab.problem.* is stamped, as there.
 */
export function stampSwitchAttributes(values: FlagValues): void {
  setSpanAttributes(problemsHidden(values) ? fixAttributes(values) : { ...fixAttributes(values), ...problemAttributes(values) });
}
