import { useI18n } from 'vue-i18n';

/**
 * Dates, numbers and money in the console's current language, so every page formats them the same way.
 *
 * @example
 * const { dateTime } = useFormat();
 * // {{ dateTime(row.createdAt) }}  → "5 Jan 2026, 09:30"
 * // {{ money(row.priceMinor, row.currency) }}  → "€49.00"
 */
export function useFormat() {
  const { locale } = useI18n();
  const dt = (opts: Intl.DateTimeFormatOptions) => (value: string | Date | null | undefined) =>
    value == null || value === '' ? '—' : new Intl.DateTimeFormat(locale.value, opts).format(new Date(value));
  return {
    dateTime: dt({ dateStyle: 'medium', timeStyle: 'short' }),
    date: dt({ dateStyle: 'medium' }),
    number: (n: number | null | undefined) => (n == null ? '—' : new Intl.NumberFormat(locale.value).format(n)),
    /** An amount in minor units of an ISO currency, in that currency's own decimals: `money(49900, 'EUR')` → "499,00 €". */
    money: (minor: number | null | undefined, currency: string | null | undefined) => {
      if (minor == null || !currency) return '—';
      const f = new Intl.NumberFormat(locale.value, { style: 'currency', currency });
      const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
      return f.format(minor / 10 ** digits);
    },
  };
}
