import type { Attributes } from '@opentelemetry/api';
import { MESSAGING } from '@tracecart/contracts';

/** The messaging attributes every span of the order.placed queue carries, for one operation type. */
export function messagingAttributes(operation: 'send' | 'process'): Attributes {
  return {
    [MESSAGING.ATTR_MESSAGING_SYSTEM]: MESSAGING.MESSAGING_SYSTEM,
    [MESSAGING.ATTR_MESSAGING_OPERATION_TYPE]: operation === 'send' ? MESSAGING.MESSAGING_OPERATION_SEND : MESSAGING.MESSAGING_OPERATION_PROCESS,
    [MESSAGING.ATTR_MESSAGING_OPERATION_NAME]: operation,
    [MESSAGING.ATTR_MESSAGING_DESTINATION_NAME]: MESSAGING.ORDER_PLACED_QUEUE,
  };
}
