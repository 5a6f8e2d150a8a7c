import { kitMessages } from '@aftercare/admin-kit';
import { createI18n } from 'vue-i18n';
import { en } from './locales/en.js';
import { es } from './locales/es.js';

/** Languages of the console. Every string exists in each (a test compares the key sets). */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'aftercare.locale';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  return navigator.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en: { ...en, ...kitMessages.en }, es: { ...es, ...kitMessages.es } },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
document.documentElement.lang = i18n.global.locale.value;
