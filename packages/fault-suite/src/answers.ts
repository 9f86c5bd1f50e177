import type { CheckoutAnswer } from './checkout-load';

/** What a load's answers add up to. */
export interface AnswerSummary {
  sent: number;
  /** Answers by status, with the error code for failures: `201`, `503 dependency_unavailable`. */
  byStatus: Record<string, number>;
  /** 500s (target 0). */
  serverErrors: number;
  /** Failures that are not a 503 `{error:{code,message,traceId}}` (a few, described). */
  malformed: string[];
  /** Order id → line count of every 201. */
  accepted: Map<string, number>;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; traceId?: unknown };
}

const errorCode = (body: unknown) => String((body as ErrorBody | undefined)?.error?.code ?? 'no-code');

/** Whether a failure is the one an outage may give: 503 with the error shape and a trace id. */
export function isUnavailableAnswer(answer: CheckoutAnswer): boolean {
  const error = (answer.body as ErrorBody | undefined)?.error;
  return (
    answer.status === 503 &&
    typeof error?.code === 'string' &&
    typeof error.message === 'string' &&
    typeof error.traceId === 'string' &&
    /^[0-9a-f]{32}$/.test(error.traceId)
  );
}

const MALFORMED_KEPT = 5;

/** Counts answers by status, picks out 500s and malformed failures, and collects the accepted orders. */
export function summarizeAnswers(answers: readonly CheckoutAnswer[]): AnswerSummary {
  const summary: AnswerSummary = { sent: answers.length, byStatus: {}, serverErrors: 0, malformed: [], accepted: new Map() };
  for (const answer of answers) {
    const key = answer.status === 201 ? '201' : `${answer.status} ${errorCode(answer.body)}`;
    summary.byStatus[key] = (summary.byStatus[key] ?? 0) + 1;
    if (answer.status === 500) summary.serverErrors++;
    if (answer.status === 201) summary.accepted.set((answer.body as { orderId: string }).orderId, answer.lines);
    else if (!isUnavailableAnswer(answer) && summary.malformed.length < MALFORMED_KEPT) {
      summary.malformed.push(`${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
  }
  return summary;
}

/** Answers that are not a 201 nor a well-formed 503, counted (malformed keeps only a few). */
export function countMalformed(answers: readonly CheckoutAnswer[]): number {
  return answers.filter((a) => a.status !== 201 && !isUnavailableAnswer(a)).length;
}
