import { useI18n } from 'vue-i18n';

/**
 * Labels for the plugin's codes (states, reasons, outcomes, damage kinds, audit actions): the
 * translation under `prefix.<code>` when there is one, else the code in words. Rejection reasons
 * and damage kinds are configurable, so unknown codes must still read well.
 */
export function useCodeLabel() {
  const { t, te } = useI18n();
  return (prefix: string, code: string | null | undefined): string => {
    if (!code) return '—';
    const key = `${prefix}.${code}`;
    return te(key) ? t(key) : code.toLowerCase().replace(/[_.]/g, ' ');
  };
}
