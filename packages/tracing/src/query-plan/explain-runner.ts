import type { PlanOutcome } from './plan-cache';
import { ATTR_PLAN_ERROR_MESSAGE, PLAN_ERROR_EVENT, PLAN_EVENT } from './plan-names';
import { summarizePlan } from './plan-summary';
import { SidePools, type PlanConnection, type PoolConstructor } from './side-pools';

/**
 * Runs `EXPLAIN (FORMAT JSON)` on side pools of its own, never with ANALYZE (nothing executes
 * twice).
 */
export class ExplainRunner {
  private readonly pools: SidePools;

  constructor(Pool: PoolConstructor) {
    this.pools = new SidePools(Pool, 'tracing-explain');
  }

  /** The plan event for this statement, or the plan error event; never rejects. */
  async explain(connection: PlanConnection, text: string, values: unknown[] | undefined): Promise<PlanOutcome> {
    try {
      const rows = await this.pools.query(connection, `EXPLAIN (FORMAT JSON) ${text}`, values);
      return { event: PLAN_EVENT, attributes: summarizePlan(rows) };
    } catch (error) {
      return { event: PLAN_ERROR_EVENT, attributes: { [ATTR_PLAN_ERROR_MESSAGE]: (error as Error).message } };
    }
  }

  /** Closes the side pools. */
  close(): Promise<void> {
    return this.pools.close();
  }
}
