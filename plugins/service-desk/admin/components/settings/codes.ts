/**
 * Helpers shared by the service desk settings pages: how codes read to people, and money in minor
 * units shown in major units of its currency.
 */

/** `product_defect` → `Product defect`; a code typed as a phrase stays as it is. */
export function codeLabel(code: string): string {
  const words = code.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY); 2 when the code is not known. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units (cents) as a number of major units (euros). */
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/** Major units back to whole minor units, rounded. */
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));

/** Money formatted in the console's language, e.g. "€100.00"; falls back to "100.00 XYZ" for unknown codes. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const major = toMajor(minor, currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toFixed(2)} ${currency}`;
  }
}
