import { createCheckoutFactory } from './checkout-factory';
import type { LoadArgs } from './load-args';
import type { LoadOptions } from './types';

/** Turns a parsed `load` command line into runLoad options for the checkout factory; `extra` adds callbacks, a signal or caps. */
export function createLoadOptions(args: LoadArgs, extra: Partial<LoadOptions> = {}): LoadOptions {
  const factory = createCheckoutFactory({ mix: args.mix, items: args.items, catalogSize: args.catalogSize });
  const { target, rate, durationMs, slo, allowedHosts } = args;
  return { target, rate, durationMs, factory, slo, allowedHosts, ...extra };
}
