import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import FormDialog from '../src/components/FormDialog.vue';
import FormField from '../src/components/FormField.vue';
import { useFormDialog } from '../src/form-dialog.js';
import { flush, mountWithConsole } from './harness.js';

const nameTaken = {
  graphQLErrors: [{ message: 'A product named Kettle already exists.', extensions: { code: 'CONFLICT', field: 'name' } }],
  networkError: undefined,
};

/** A page with a create/edit dialog, as list pages use it; `submit` stands in for the mutation. */
function page(submit: (form: { name: string; tags: string[] }, target: { id: string } | null) => Promise<unknown>, withDone = false) {
  let dialog!: ReturnType<typeof useFormDialog<{ name: string; tags: string[] }, { id: string }>>;
  const component = defineComponent({
    emits: ['saved'],
    setup(_, { emit }) {
      dialog = useFormDialog({ values: () => ({ name: '', tags: [] as string[] }), submit: submit as never });
      return () =>
        h(
          FormDialog,
          { dialog, title: 'Product', onSuccess: () => emit('saved') },
          {
            default: () =>
              h(FormField, { label: 'Name', path: 'name' }, () =>
                h('input', {
                  id: 'name',
                  value: dialog.form.name,
                  onInput: (e: Event) => (dialog.form.name = (e.target as HTMLInputElement).value),
                }),
              ),
            ...(withDone ? { done: ({ result }: { result: { secret: string } }) => h('p', { class: 'secret' }, result.secret) } : {}),
          },
        );
    },
  });
  return { component, dialog: () => dialog };
}
const form = () => document.body.querySelector('form')!;
const submitForm = async () => {
  form().dispatchEvent(new Event('submit', { cancelable: true }));
  await flush();
  await nextTick();
};

describe('FormDialog + useFormDialog', () => {
  it('creates from a blank form, closes on success and tells the page', async () => {
    const submit = vi.fn(async () => ({ data: { createProduct: { id: 'p1' } } }));
    const p = page(submit);
    const { wrapper } = await mountWithConsole(p.component);
    p.dialog().open();
    await flush();
    expect(document.body.textContent).toContain('Product');
    p.dialog().form.name = 'Kettle';
    await submitForm();
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Kettle' }), null);
    expect(p.dialog().show.value).toBe(false);
    expect(wrapper.emitted('saved')).toHaveLength(1);
    wrapper.unmount();
  });

  it('keeps the dialog open with the server’s message under the field when the mutation fails', async () => {
    const p = page(async () => ({ error: nameTaken }));
    const { wrapper } = await mountWithConsole(p.component);
    p.dialog().open({ name: 'Kettle' }, { id: 'p1' });
    await flush();
    await submitForm();
    expect(p.dialog().show.value).toBe(true);
    expect(document.body.querySelector('[data-field="name"]')!.textContent).toContain('A product named Kettle already exists.');
    expect(wrapper.emitted('saved')).toBeUndefined();
    wrapper.unmount();
  });

  it('edits the given object, and every opening starts from fresh values', async () => {
    const submit = vi.fn(async () => ({ data: {} }));
    const p = page(submit);
    const { wrapper } = await mountWithConsole(p.component);
    p.dialog().open({ name: 'Kettle', tags: ['kitchen'] }, { id: 'p1' });
    p.dialog().form.tags.push('sale');
    await flush();
    await submitForm();
    expect(submit).toHaveBeenLastCalledWith({ name: 'Kettle', tags: ['kitchen', 'sale'] }, { id: 'p1' });
    // A create after an edit must not inherit the edited values or the edited object.
    p.dialog().open();
    expect(p.dialog().form).toEqual({ name: '', tags: [] });
    expect(p.dialog().target.value).toBeNull();
    wrapper.unmount();
  });

  it('with a done slot, stays open after success and shows the result (a secret shown once)', async () => {
    const p = page(async () => ({ data: { secret: 'ak_live_123' } }), true);
    const { wrapper } = await mountWithConsole(p.component);
    p.dialog().open({ name: 'Integration' });
    await flush();
    await submitForm();
    expect(p.dialog().show.value).toBe(true);
    expect(document.body.querySelector('.secret')!.textContent).toBe('ak_live_123');
    expect(document.body.querySelector('form')).toBeNull();
    wrapper.unmount();
  });
});
