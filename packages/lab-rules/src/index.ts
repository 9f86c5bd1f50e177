/** The lab's switch table for trace-analysis' verdict: pass it as `rules`. */
export { LAB_SWITCH_RULES } from './switch-rules';
/** During a challenge: verdicts that name the finding and its general advice, never a fix switch. */
export { withoutFixSuggestion, withoutFixSuggestions } from './challenge-verdict';
