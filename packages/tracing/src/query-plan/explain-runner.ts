import { stampOf, type CatalogSnapshot } from './catalog-snapshot';
import type { PlanOutcome } from './plan-cache';
import { ATTR_PLAN_ERROR_MESSAGE, PLAN_ERROR_EVENT, PLAN_EVENT } from './plan-names';
import { relationsRead } from './plan-relations';
import { planRoot, summarizePlan } from './plan-summary';
import type { PlanConnection, SidePools } from './side-pools';

/**
 * Runs `EXPLAIN (FORMAT JSON)` on side pools, never with ANALYZE (nothing executes twice), and
 * stamps the plan with the catalog it was made under.
 */
export class ExplainRunner {
  constructor(private readonly pools: SidePools) {}

  /**
   * The plan event for this statement, or the plan error event; never rejects. `snapshot` is
   * awaited before the EXPLAIN starts, so an index created or dropped in between shows up as
   * a change at the next check rather than hiding behind a stamp read too late.
   */
  async explain(connection: PlanConnection, text: string, values: unknown[] | undefined, snapshot: () => Promise<CatalogSnapshot | undefined>): Promise<PlanOutcome> {
    const before = await snapshot();
    try {
      const rows = await this.pools.query(connection, `EXPLAIN (FORMAT JSON) ${text}`, values);
      const relations = relationsRead(planRoot(rows));
      // A plan reading no table (or a failed EXPLAIN) has no index to go stale with.
      return { event: PLAN_EVENT, attributes: summarizePlan(rows), ...(relations.length > 0 && { catalog: stampOf(before, relations) }) };
    } catch (error) {
      return { event: PLAN_ERROR_EVENT, attributes: { [ATTR_PLAN_ERROR_MESSAGE]: (error as Error).message } };
    }
  }

  /** Closes the side pools. */
  close(): Promise<void> {
    return this.pools.close();
  }
}
