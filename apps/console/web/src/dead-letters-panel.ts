import type { DeadLetterView, LabDeadLetters } from '../../src/api-types';
import { api } from './api';
import { h, panelHeader, replaceChildren } from './dom';

// Dead letters arrive only after every retry of a message has failed: no need to ask often.
const POLL_MS = 5000;
const SHOWN = 20;

const HINT = 'Orders whose order.placed message failed every delivery: fulfilment gave up on them and they wait here, oldest first.';

function row(letter: DeadLetterView): HTMLElement {
  // retryCount counts the retries after the first delivery.
  const attempts = letter.retryCount === null ? '–' : String(letter.retryCount + 1);
  return h(
    'tr',
    { 'data-dead-letter': letter.id },
    h('td', {}, h('code', { text: letter.orderId ?? '(no order id)' })),
    h('td', { class: 'dead-letter-error', title: letter.error ?? '', text: letter.error ?? '–' }),
    h('td', { text: attempts }),
    h('td', { text: new Date(letter.createdOn).toLocaleString([], { hour12: false }) }),
  );
}

function body(answer: LabDeadLetters): HTMLElement {
  if (answer.unavailable !== null) return h('p', { class: 'problem', text: `No dead letters to show: ${answer.unavailable}` });
  if (answer.deadLetters.length === 0) return h('p', { class: 'muted', text: 'None: every order.placed message was fulfilled or is still being tried.' });
  return h(
    'table',
    { class: 'table compact fixed' },
    h('thead', {}, h('tr', {}, ...['order', 'error', 'attempts', 'dead-lettered'].map((title) => h('th', { text: title })))),
    h('tbody', {}, ...answer.deadLetters.map(row)),
  );
}

/** The dead letters panel: fulfilment's dead-letter queue, refreshed every 5 s. */
export function mountDeadLetters(root: HTMLElement): void {
  const content = h('div', { id: 'dead-letter-list' });
  replaceChildren(root, panelHeader('8', 'Dead letters', HINT), content);
  const tick = async () => {
    try {
      replaceChildren(content, body(await api<LabDeadLetters>(`/api/lab/dead-letters?limit=${SHOWN}`)));
    } catch (error) {
      replaceChildren(content, h('p', { class: 'problem', text: `No dead letters to show: ${(error as Error).message}` }));
    }
    setTimeout(() => void tick(), POLL_MS);
  };
  void tick();
}
