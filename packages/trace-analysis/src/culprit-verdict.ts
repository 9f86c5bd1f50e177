import type { CulpritChoice } from './choose-culprit';
import type { Finding, SwitchRule, Verdict } from './types';

/** What a culprit verdict is made of, however the culprit was found. */
export interface CulpritVerdictParts {
  choice: CulpritChoice;
  share: number;
  related: Verdict['related'];
  finding: Finding | undefined;
  findings: Finding[];
  rule: SwitchRule | undefined;
  notes: string[];
}

/** The structured fields of a culprit verdict: the rule's diagnosis and switch, else the finding's title and advice. */
export function culpritVerdictFields({ choice, share, related, finding, findings, rule, notes }: CulpritVerdictParts): Omit<Verdict, 'line'> {
  return {
    kind: 'culprit',
    culprit: choice.culprit,
    pattern: choice.pattern,
    share,
    related,
    finding,
    findings,
    diagnosis: rule?.diagnosis ?? finding?.title,
    suggestion: rule?.suggestion ?? finding?.advice,
    switchName: rule?.switchName,
    ruleId: rule?.id,
    notes,
  };
}
