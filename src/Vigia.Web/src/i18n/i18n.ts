import { en, es, type Key } from './dictionaries';

export type Lang = 'es' | 'en';
export const dictionaries: Record<Lang, Record<Key, string>> = { es, en };
export type { Key };

const storageKey = 'vigia.lang';
let current: Lang = 'es';
const listeners = new Set<(lang: Lang) => void>();

/** Spanish when the browser's first language that we have is Spanish (or none is English); English otherwise. */
export function preferredLanguage(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'es';
}

export function initLanguage(stored: string | null, languages: readonly string[]): Lang {
  current = stored === 'es' || stored === 'en' ? stored : preferredLanguage(languages);
  return current;
}

export function language(): Lang {
  return current;
}

export function setLanguage(lang: Lang, storage?: Pick<Storage, 'setItem'>): void {
  current = lang;
  storage?.setItem(storageKey, lang);
  for (const l of listeners) l(lang);
}

export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const languageStorageKey = storageKey;

/** The text of `key` in the current language, with `{name}` placeholders filled. */
export function t(key: Key, values?: Record<string, string | number>): string {
  const text = dictionaries[current][key] ?? en[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Numbers in the current language's format (es-MX or en-GB). */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function num(value: number, digits = 0): string {
  // One formatter per language and precision (toLocaleString builds a new one on every call).
  const key = `${current}/${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(current === 'es' ? 'es-MX' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return t('value.none');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return t('value.none');
  return d.toLocaleString(current === 'es' ? 'es-MX' : 'en-GB', { hour12: false });
}
