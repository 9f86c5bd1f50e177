import { h, replaceChildren } from './dom';
import { setAdminToken, whenUnauthorized } from './api';

/** The admin-token field: shown when the console requires a token or refuses a write. */
export function mountTokenBar(bar: HTMLElement, required: boolean): void {
  const input = h('input', { type: 'password', placeholder: 'LAB_ADMIN_TOKEN', 'aria-label': 'admin token', size: 24 });
  const save = () => {
    setAdminToken(input.value);
    replaceChildren(bar, h('span', { class: 'muted', text: 'admin token set for this tab' }));
  };
  replaceChildren(
    bar,
    h('label', { text: 'Changes need the admin token ' }),
    input,
    h('button', { type: 'button', onclick: save, text: 'Use token' }),
  );
  bar.hidden = !required;
  whenUnauthorized(() => {
    bar.hidden = false;
    input.focus();
  });
}
