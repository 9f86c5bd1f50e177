// A few lines instead of a framework: elements built from tag, properties and children.

type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;

/** Properties of h(): `class`, `text`, `on*` handlers, `style` text, and any attribute. */
export type Props = Record<string, string | number | boolean | Handler | null | undefined>;

/** Creates an element; `onclick: fn` adds a listener, false/null attributes are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children, skipping empty ones. */
export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces everything inside an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** The element with this id; a missing one is a bug in index.html. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** A panel's heading: a numbered title and one line saying what the panel is for. */
export function panelHeader(step: string, title: string, hint: string, ...extra: Child[]): HTMLElement {
  return h('header', { class: 'panel-head' }, h('h2', {}, h('span', { class: 'step', text: step }), title), h('p', { class: 'hint', text: hint }), ...extra);
}
