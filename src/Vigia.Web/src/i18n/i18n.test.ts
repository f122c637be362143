import { describe, expect, it } from 'vitest';
import { en, es } from './dictionaries';
import { initLanguage, preferredLanguage, setLanguage, t } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Spanish and English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(es[key].trim(), `es ${key}`).not.toBe('');
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('every key used in the source exists in the dictionaries', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('dictionaries.ts')) files.push(p);
      }
    };
    walk(fileURLToPath(new URL('..', import.meta.url)));
    // Any quoted 'namespace.name' whose namespace is one of the dictionaries' must be a key.
    const namespaces = new Set(Object.keys(en).map((k) => k.split('.')[0]));
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/'([a-zA-Z]+)\.([a-zA-Z.]+)'/g)) if (namespaces.has(m[1])) used.add(`${m[1]}.${m[2]}`);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !(k in en));
    expect(missing).toEqual([]);
  });
});

describe('language choice', () => {
  it('prefers Spanish when the browser asks for it first, English when it asks for English first', () => {
    expect(preferredLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(preferredLanguage(['en-GB', 'es'])).toBe('en');
    expect(preferredLanguage(['fr-FR', 'es'])).toBe('es');
    expect(preferredLanguage(['de'])).toBe('es');
  });

  it('a stored choice wins over the browser', () => {
    expect(initLanguage('en', ['es-MX'])).toBe('en');
    expect(initLanguage('xx', ['es-MX'])).toBe('es');
  });

  it('switches and fills placeholders', () => {
    setLanguage('en');
    expect(t('tracks.count', { n: 3 })).toBe('3 tracks');
    setLanguage('es');
    expect(t('tracks.count', { n: 3 })).toBe('3 trazas');
    expect(t('replay.banner')).toContain('REPETICIÓN');
  });
});
