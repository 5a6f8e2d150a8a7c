import type { CombinedError } from '@urql/core';
import { reactive, ref, type Ref, type UnwrapRef } from 'vue';

/** What a form dialog's `submit` returns: urql's mutation result (or anything with `data` / `error`). */
export interface FormDialogResult<D = unknown> {
  data?: D | null;
  error?: CombinedError | null;
}

/** Options of {@link useFormDialog}. */
export interface FormDialogOptions<F extends object, T> {
  /** The blank form, called on every `open()`: a create dialog starts from it. */
  values: () => F;
  /**
   * Run the mutation with the form's values. `target` is what `open(…, target)` was given (the row
   * being edited, for its id and version), null for a create dialog.
   */
  submit: (form: UnwrapRef<F>, target: T | null) => Promise<FormDialogResult<unknown> | void>;
}

/** A create/edit dialog's state, passed to `<FormDialog :dialog>`. */
export interface FormDialogState<F extends object, T = unknown, D = unknown> {
  /** Whether the dialog is open. */
  show: Ref<boolean>;
  /** The form's values, reset on every `open()`; bind fields to it (`v-model:value="dialog.form.name"`). */
  form: UnwrapRef<F>;
  /** The object being edited, or null when creating. */
  target: Ref<T | null>;
  /** The data of the last successful submit (e.g. a secret shown once); null until then and after `open()`. */
  result: Ref<D | null>;
  /** Open with the blank values, overridden by `values` (an edit passes the row's current values and the row). */
  open(values?: Partial<UnwrapRef<F>>, target?: T | null): void;
  close(): void;
  /** Submit through the dialog's AdminForm (what `<FormDialog>` calls). */
  run(): Promise<FormDialogResult<unknown> | void>;
}

/**
 * State of a create or edit dialog on a list or detail page: a form reset on each opening, the
 * object being edited, and the mutation. Render it with `<FormDialog :dialog>`, which shows the
 * server's error codes and field messages (AdminForm) and closes on success.
 *
 * @example
 * const dialog = useFormDialog({
 *   values: () => ({ name: '', category: '' }),
 *   submit: (form, product) =>
 *     product ? update.executeMutation({ id: product.id, input: form }) : create.executeMutation({ input: form }),
 * });
 * // <n-button @click="dialog.open()">New</n-button>   <n-button @click="dialog.open(row, row)">Edit</n-button>
 */
export function useFormDialog<F extends object, T = unknown, D = unknown>(options: FormDialogOptions<F, T>): FormDialogState<F, T, D> {
  const form = reactive(options.values()) as UnwrapRef<F>;
  const show = ref(false);
  const target = ref(null) as Ref<T | null>;
  const result = ref(null) as Ref<D | null>;
  return {
    show,
    form,
    target,
    result,
    open(values, editing = null) {
      // Replace every key: arrays and nested objects must not leak from the previous opening.
      const blank = options.values() as Record<string, unknown>;
      const current = form as Record<string, unknown>;
      for (const k of Object.keys(current)) if (!(k in blank)) delete current[k];
      Object.assign(current, structuredClone(blank), values ? structuredClone({ ...(values as object) }) : {});
      target.value = editing;
      result.value = null;
      show.value = true;
    },
    close() {
      show.value = false;
    },
    async run() {
      const res = await options.submit(form, target.value);
      if (res && !res.error) result.value = (res.data ?? null) as D | null;
      return res;
    },
  };
}
