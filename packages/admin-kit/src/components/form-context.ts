import type { InjectionKey } from 'vue';

/** Field messages of the enclosing AdminForm, by input path. */
export const FIELD_ERRORS: InjectionKey<Record<string, string>> = Symbol('aftercare-field-errors');
