import { z } from 'zod';
import { orderIdSchema } from '@tracecart/contracts';

/** POST /labels: the order a label is asked for. */
export const labelRequestSchema = z.object({ orderId: orderIdSchema });

/** The carrier's answer: a label for the order. */
export interface LabelResponse {
  orderId: string;
  label: string;
}
