import { kitMessages } from '@aftercare/portal-kit';
import { createI18n } from 'vue-i18n';
import { en } from './locales/en.js';
import { es } from './locales/es.js';

/** Languages the portal has translations for; the company chooses which it offers (portal settings). */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'aftercare.portal.locale';

/** The visitor's choice, else their browser's language when offered, else the company's first language. */
export function preferredLocale(offered: readonly string[]): Locale {
  const usable = offered.filter((l): l is Locale => (LOCALES as readonly string[]).includes(l));
  const list = usable.length ? usable : [...LOCALES];
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (list as string[]).includes(saved)) return saved as Locale;
  for (const lang of navigator.languages ?? [navigator.language]) {
    const short = lang.toLowerCase().slice(0, 2);
    if ((list as string[]).includes(short)) return short as Locale;
  }
  return list[0]!;
}

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en: { ...en, ...kitMessages.en }, es: { ...es, ...kitMessages.es } },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

/** Switch the language (remembered on this device); `remember: false` applies a default without storing it. */
export function setLocale(locale: Locale, remember = true) {
  i18n.global.locale.value = locale;
  if (remember) localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
