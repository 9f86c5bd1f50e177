/** The lab's switch table for trace-analysis' verdict: pass it as `rules`. */
export { LAB_SWITCH_RULES } from './switch-rules';
