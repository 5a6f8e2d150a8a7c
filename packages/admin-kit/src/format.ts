import { useI18n } from 'vue-i18n';

/**
 * Dates, numbers and money in the console's current language, so every page formats them the same way.
 *
 * @example
 * const { dateTime } = useFormat();
 * // {{ dateTime(row.createdAt) }}  → "5 Jan 2026, 09:30"
 */
export function useFormat() {
  const { locale } = useI18n();
  const dt = (opts: Intl.DateTimeFormatOptions) => (value: string | Date | null | undefined) =>
    value == null || value === '' ? '—' : new Intl.DateTimeFormat(locale.value, opts).format(new Date(value));
  return {
    dateTime: dt({ dateStyle: 'medium', timeStyle: 'short' }),
    date: dt({ dateStyle: 'medium' }),
    number: (n: number | null | undefined) => (n == null ? '—' : new Intl.NumberFormat(locale.value).format(n)),
    /** An amount in minor units (cents) of an ISO currency, e.g. `money(49900, 'EUR')` → "499,00 €". */
    money: (minor: number | null | undefined, currency: string | null | undefined) => {
      if (minor == null || !currency) return '—';
      try {
        return new Intl.NumberFormat(locale.value, { style: 'currency', currency: currency.trim() }).format(minor / 100);
      } catch {
        return `${(minor / 100).toFixed(2)} ${currency}`;
      }
    },
  };
}
