import type { LabServiceStatus, LabServices } from '../../src/api-types';
import { api } from './api';
import { h, replaceChildren } from './dom';

// As often as a person glances at it; a restart takes about a second.
const POLL_MS = 2000;

const TONE: Record<LabServiceStatus['state'], string> = { up: 'good', starting: 'warn', restarting: 'warn', stopped: 'bad', failed: 'bad' };

function serviceChip(service: LabServiceStatus): HTMLElement {
  const restarts = service.restarts ? ` · ${service.restarts} restart${service.restarts === 1 ? '' : 's'}` : '';
  const details = [service.pid === null ? null : `pid ${service.pid}`, service.lastExit === null ? null : `last exit: ${service.lastExit}`];
  return h(
    'span',
    { class: `service-state ${TONE[service.state]}`, 'data-service': service.name, title: details.filter(Boolean).join(', ') || null },
    h('span', { class: 'dot' }),
    `${service.name} ${service.state}${restarts}`,
  );
}

/** One line in the page's top bar: each service's state and, under `lab demo`, its restarts. */
export function mountServiceStates(root: HTMLElement): void {
  const tick = async () => {
    try {
      const answer = await api<LabServices>('/api/lab/services');
      replaceChildren(root, ...answer.services.map(serviceChip));
    } catch (error) {
      replaceChildren(root, h('span', { class: 'service-state bad', text: `services unknown: ${(error as Error).message}` }));
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}
