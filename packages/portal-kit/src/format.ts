import { useI18n } from 'vue-i18n';
import { usePortalSession } from './session.js';

type DateInput = string | Date | null | undefined;

const toDate = (v: DateInput) => (v == null || v === '' ? null : v instanceof Date ? v : new Date(v));

/**
 * Dates and money in the customer's language and time zone (the time zone of their profile; the
 * browser's before sign-in). Returns '' for missing values so templates stay simple.
 */
export function useFormat() {
  const { locale } = useI18n();
  const session = usePortalSession();
  const timeZone = () => session.customer.value?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    /** 4 March 2026 / 4 de marzo de 2026 */
    date(v: DateInput): string {
      const d = toDate(v);
      return d ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'long', timeZone: timeZone() }).format(d) : '';
    },
    /** A calendar day given as YYYY-MM-DD (no time zone applies): 4 March 2026. */
    day(v: string | null | undefined): string {
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return '';
      return new Intl.DateTimeFormat(locale.value, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${v}T00:00:00Z`));
    },
    /** 4 Mar 2026, 14:05 */
    dateTime(v: DateInput): string {
      const d = toDate(v);
      return d ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone() }).format(d) : '';
    },
    /** Amount in minor units (cents) and an ISO currency: 12.50 € / €12.50 */
    money(minor: number | null | undefined, currency: string): string {
      if (minor == null) return '';
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
      return new Intl.NumberFormat(locale.value, { style: 'currency', currency }).format(minor / 10 ** digits);
    },
    /** Business minutes as hours or days of working time, e.g. "8 hours" / "3 days" (a working day counted as 8 hours). */
    workingTime(minutes: number | null | undefined): string {
      if (minutes == null) return '';
      const unit = (value: number, u: 'hour' | 'day' | 'minute') =>
        new Intl.NumberFormat(locale.value, { style: 'unit', unit: u, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
      if (minutes < 60) return unit(minutes, 'minute');
      if (minutes < 8 * 60 * 2) return unit(minutes / 60, 'hour');
      return unit(minutes / (8 * 60), 'day');
    },
  };
}
