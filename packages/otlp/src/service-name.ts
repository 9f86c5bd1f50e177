import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { KeyValue } from './types';

/** The `service.name` of a resource's attributes; '' when it has none or it is not a string. */
export function serviceNameOf(attributes: readonly KeyValue[] | undefined): string {
  const value = attributes?.find((kv) => kv.key === ATTR_SERVICE_NAME)?.value?.stringValue;
  return typeof value === 'string' ? value : '';
}
