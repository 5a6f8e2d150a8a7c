import { useI18n } from 'vue-i18n';

/** Money in minor units as the console's language writes it (`€1,234.50`). */
export function useMoney() {
  const { locale } = useI18n();
  return (minor: number | null | undefined, currency: string | null | undefined) => {
    if (minor == null || !currency) return '—';
    try {
      return new Intl.NumberFormat(locale.value, { style: 'currency', currency }).format(minor / 100);
    } catch {
      return `${(minor / 100).toFixed(2)} ${currency}`;
    }
  };
}
