import { t, type Key } from '../i18n/i18n';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

/** Creates an element; `on…` attributes become listeners, `i18n` binds the text to a dictionary key. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'i18n') el.dataset['i18n'] = String(value);
    else if (name === 'i18nTitle') el.dataset['i18nTitle'] = String(value);
    else if (name === 'i18nPlaceholder') el.dataset['i18nPlaceholder'] = String(value);
    else if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  translate(el);
  return el;
}

/** Re-applies the dictionary texts of every bound element under `root` (after a language switch). */
export function translate(root: ParentNode & { dataset?: DOMStringMap }): void {
  const apply = (el: HTMLElement) => {
    const text = el.dataset['i18n'];
    if (text) el.textContent = t(text as Key);
    const title = el.dataset['i18nTitle'];
    if (title) {
      el.title = t(title as Key);
      el.setAttribute('aria-label', t(title as Key));
    }
    const placeholder = el.dataset['i18nPlaceholder'];
    if (placeholder && el instanceof HTMLInputElement) el.placeholder = t(placeholder as Key);
  };
  if (root instanceof HTMLElement) apply(root);
  root.querySelectorAll<HTMLElement>('[data-i18n],[data-i18n-title],[data-i18n-placeholder]').forEach(apply);
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
