import type { LabInfo } from '../../src/api-types';

/** The switches as GET /api/flags reports them. */
export interface FlagState {
  flags: Record<string, unknown>;
  pending: Record<string, unknown>;
  index?: string;
  /** Switches withheld while a challenge runs (every problem switch). */
  hidden?: string[];
  /** Reported by a future flags API: which cache inventory really uses. */
  cache?: { backend?: string } | string;
}

/** What the panels share: the lab's facts and the few ways one panel drives another. */
export interface PageContext {
  lab: LabInfo;
  /** Shows a trace in the waterfall panel and scrolls to it. */
  openWaterfall(traceId: string): void;
  /** The trace in the Jaeger UI, or undefined when the lab has no Jaeger UI. */
  jaegerTraceUrl(traceId: string): string | undefined;
  /** A checkout just went out: the traces list should look again soon. */
  checkoutPlaced(): void;
  /** Sets one switch through the switches panel, so its display stays the truth. */
  setFlag(name: string, value: unknown): Promise<void>;
}
