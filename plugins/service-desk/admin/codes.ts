import { useI18n } from 'vue-i18n';
import { humanize } from './states.js';

/**
 * Labels of configured codes (categories, root causes): the translation when the console has one
 * for a default code, else the code in words, so codes an administrator adds still read well.
 */
export function useCodeLabels() {
  const { t, te } = useI18n();
  const label = (prefix: 'categories' | 'rootCauses', code: string | null | undefined) =>
    !code ? t('serviceDesk.none') : te(`serviceDesk.${prefix}.${code}`) ? t(`serviceDesk.${prefix}.${code}`) : humanize(code);
  return {
    category: (code: string | null | undefined) => label('categories', code),
    rootCause: (code: string | null | undefined) => label('rootCauses', code),
    options: (prefix: 'categories' | 'rootCauses', codes: readonly string[] | undefined) =>
      (codes ?? []).map((value) => ({ value, label: label(prefix, value) })),
  };
}
