import { callDownstream } from '@tracecart/http-kit';
import type { LabelResponse } from './carrier-label';

/** The carrier's label API. */
export class CarrierClient {
  constructor(private readonly baseUrl: string) {}

  /** POST /labels: a shipping label for the order; the same order gets the same label. */
  async requestLabel(orderId: string, timeoutMs: number): Promise<LabelResponse> {
    const res = await callDownstream<LabelResponse>('carrier', this.baseUrl, { method: 'POST', path: '/labels', body: { orderId }, timeoutMs });
    return res.body;
  }
}
