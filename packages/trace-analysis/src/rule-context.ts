import { metricsOf } from './trace-metrics';
import type { CulpritChoice } from './choose-culprit';
import type { TraceFacts } from './trace-facts';
import type { Finding, TraceTree } from './types';

/** What rules can ask about a trace and one candidate culprit. */
export interface RuleContext {
  choice: CulpritChoice | undefined;
  /** What the evidence on the candidate's spans shows, most telling first. */
  findings: Finding[];
  /** Share of the culprit's critical time spent in spans (under the culprit) that carry this event. */
  culpritEventShare(name: string): number;
  hasTraceEvent(name: string): boolean;
}

/** The context rules are matched against for one candidate (or none). */
export function buildRuleContext(tree: TraceTree, facts: TraceFacts, choice: CulpritChoice | undefined, findings: Finding[] = []): RuleContext {
  return {
    choice,
    findings,
    culpritEventShare(name) {
      if (!choice || choice.criticalNs <= 0 || !facts.hasEvent(name)) return 0;
      // Measured like the culprit's own time: with descendants for runs, without for groups.
      const { criticalNs } = metricsOf(tree);
      const under = facts.subtreeEventNs(name);
      let sum = 0;
      for (const m of choice.members) {
        if (choice.withSubtrees) sum += under[m];
        else if (facts.spanHasEvent(m, name)) sum += criticalNs[m];
      }
      return sum / choice.criticalNs;
    },
    hasTraceEvent: (name) => facts.hasEvent(name),
  };
}
