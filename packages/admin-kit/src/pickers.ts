/**
 * What the pickers (`CustomerPicker`, `PurchasePicker`, `ProductModelPicker`, `StaffPicker`) share:
 * a debounced search term and options that keep the label of every chosen value while the search
 * shows other rows.
 */
import type { SelectOption } from 'naive-ui';
import { computed, onBeforeUnmount, reactive, ref, watch, type ComputedRef, type Ref } from 'vue';

/** A picker's value: one id, several ids (`multiple`), or nothing. */
export type PickerValue = string | string[] | null;

/** One choice of a picker. */
export type PickerOption = SelectOption & { value: string; label: string };

/**
 * The text typed into a remote select, and the same text trimmed once typing pauses for `delayMs`:
 * query with `term`, bind `onSearch` to the select's `@search`.
 */
export function useDebouncedSearch(delayMs = 250): { term: Ref<string>; onSearch: (text: string) => void } {
  const term = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onBeforeUnmount(() => clearTimeout(timer));
  return {
    term,
    onSearch(text: string) {
      clearTimeout(timer);
      timer = setTimeout(() => (term.value = text.trim()), delayMs);
    },
  };
}

/**
 * Options of a picker: the rows found, plus the current value(s) with the label they had when they
 * were found (or from `known`), so a chosen row keeps its name after the search changes.
 */
export function usePickerOptions<T extends { id: string }>(
  found: () => readonly T[] | undefined,
  value: () => PickerValue,
  label: (row: T) => string,
  known: () => readonly T[] | undefined = () => undefined,
): { options: ComputedRef<PickerOption[]>; unknownIds: ComputedRef<string[]> } {
  const labels = reactive(new Map<string, string>());
  watch(
    () => [found(), known()] as const,
    ([rows, extra]) => {
      for (const r of [...(extra ?? []), ...(rows ?? [])]) labels.set(r.id, label(r));
    },
    { immediate: true },
  );
  const chosen = () => {
    const v = value();
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return {
    options: computed(() => {
      const ids = new Set([...(found() ?? []).map((r) => r.id), ...chosen()]);
      return [...ids].map((id) => ({ value: id, label: labels.get(id) ?? id }));
    }),
    unknownIds: computed(() => chosen().filter((id) => !labels.has(id))),
  };
}
