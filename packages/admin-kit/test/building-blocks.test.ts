import { describe, expect, it, vi } from 'vitest';
import { h, nextTick } from 'vue';
import AdminForm from '../src/components/AdminForm.vue';
import ConfirmButton from '../src/components/ConfirmButton.vue';
import FormField from '../src/components/FormField.vue';
import StateView from '../src/components/StateView.vue';
import StatusTag from '../src/components/StatusTag.vue';
import { errorMessageKey, mapGraphQLError } from '../src/errors.js';
import { useFormat } from '../src/format.js';
import { lineIcon } from '../src/icon.js';
import { defineAdminExtension } from '../src/extension.js';
import { useAdminSession, usePermission } from '../src/session.js';
import { defineStatusMachine } from '../src/state-machine.js';
import { flush, mountWithConsole, probe } from './harness.js';

const validationError = {
  graphQLErrors: [
    {
      message: 'name: must be 1 to 100 characters',
      extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'input.name', message: 'must be 1 to 100 characters' }] },
    },
  ],
  networkError: undefined,
};

describe('mapGraphQLError', () => {
  it('maps codes to messages and field errors to input paths', () => {
    const m = mapGraphQLError(validationError as never)!;
    expect(m.code).toBe('VALIDATION_FAILED');
    expect(m.messageKey).toBe('kit.errors.VALIDATION_FAILED');
    expect(m.fields).toEqual({ name: 'must be 1 to 100 characters' });
    expect(mapGraphQLError({ graphQLErrors: [], networkError: new Error('offline') } as never)!.code).toBe('NETWORK');
    expect(mapGraphQLError([{ message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }])!.retryAfterSeconds).toBe(30);
    expect(mapGraphQLError([{ message: 'x', extensions: { code: 'SOMETHING_ELSE' } }])!.code).toBe('INTERNAL');
    expect(mapGraphQLError(null)).toBeNull();
  });

  it('names the rule that refused an operation, so a page can explain it in its own words', () => {
    const m = mapGraphQLError([{ message: 'You proposed this yourself.', extensions: { code: 'FORBIDDEN', rule: 'separationOfDuties' } }])!;
    expect(m.rule).toBe('separationOfDuties');
    expect(errorMessageKey(m, { 'FORBIDDEN.separationOfDuties': 'desk.own', FORBIDDEN: 'desk.forbidden' })).toBe('desk.own');
    expect(errorMessageKey(m, { FORBIDDEN: 'desk.forbidden' })).toBe('desk.forbidden');
    const plain = mapGraphQLError([{ message: 'no', extensions: { code: 'FORBIDDEN' } }])!;
    expect(errorMessageKey(plain, { 'FORBIDDEN.separationOfDuties': 'desk.own' })).toBe('kit.errors.FORBIDDEN');
  });
});

describe('AdminForm', () => {
  const mountForm = (submit: () => Promise<unknown>) =>
    mountWithConsole(AdminForm, { submit }, '/form', {
      default: () => [h(FormField, { label: 'Name', path: 'name' }, () => h('input', { id: 'name' }))],
    });

  it('shows the operation message and the server’s message under the invalid field', async () => {
    const { wrapper } = await mountForm(async () => ({ error: validationError }));
    await wrapper.find('form').trigger('submit');
    await flush();
    expect(wrapper.find('[role="alert"]').text()).toContain('Some values need fixing.');
    expect(wrapper.find('[data-field="name"]').text()).toContain('must be 1 to 100 characters');
    wrapper.unmount();
  });

  it('emits success and shows no error when the mutation succeeds; a second submit clears old errors', async () => {
    let fail = true;
    const submit = vi.fn(async () => (fail ? { error: validationError } : { data: {} }));
    const { wrapper } = await mountForm(submit);
    await wrapper.find('form').trigger('submit');
    await flush();
    fail = false;
    await wrapper.find('form').trigger('submit');
    await flush();
    expect(submit).toHaveBeenCalledTimes(2);
    expect(wrapper.emitted('success')).toHaveLength(1);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.find('[data-field="name"]').text()).not.toContain('must be');
    wrapper.unmount();
  });
});

describe('ConfirmButton', () => {
  it('runs the destructive action only after the user confirms', async () => {
    const action = vi.fn(async () => ({}));
    const { wrapper } = await mountWithConsole(ConfirmButton, {
      label: 'Revoke',
      title: 'Revoke key?',
      content: 'Integrations stop working.',
      action,
    });
    await wrapper.find('button').trigger('click');
    await flush();
    expect(document.body.textContent).toContain('Integrations stop working.');
    expect(action).not.toHaveBeenCalled();
    const confirm = [...document.querySelectorAll('.n-dialog__action button')].find((b) => b.textContent?.includes('Revoke'));
    (confirm as HTMLButtonElement).click();
    await flush();
    expect(action).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('done')).toHaveLength(1);
    wrapper.unmount();
  });

  it('keeps the dialog open with the reason when the action fails', async () => {
    const action = vi.fn(async () => ({ error: { graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] } }));
    const { wrapper } = await mountWithConsole(ConfirmButton, { label: 'Delete', title: 'Delete?', content: 'Gone for good.', action });
    await wrapper.find('button').trigger('click');
    await flush();
    const confirm = [...document.querySelectorAll('.n-dialog__action button')].find((b) => b.textContent?.includes('Delete'));
    (confirm as HTMLButtonElement).click();
    await flush();
    expect(document.body.textContent).toContain('Someone else changed this');
    expect(wrapper.emitted('done')).toBeUndefined();
    wrapper.unmount();
  });
});

describe('StatusTag and state machines', () => {
  const machine = defineStatusMachine({
    states: { open: { label: 'test.open', tone: 'info' }, closed: { label: 'test.closed', tone: 'success', final: true } },
  });

  it('shows the translated label in the state’s tone', async () => {
    const { wrapper } = await mountWithConsole(StatusTag, { machine, state: 'closed' });
    expect(wrapper.text()).toBe('Closed');
    expect(wrapper.classes().join(' ')).toContain('ak-status--final');
    expect(wrapper.attributes('data-state')).toBe('closed');
    wrapper.unmount();
  });
});

describe('StateView', () => {
  it('shows loading, then the empty state with its text', async () => {
    const { wrapper } = await mountWithConsole(StateView, { loading: true }, '/s', { default: () => 'CONTENT' });
    expect(wrapper.text()).toContain('Loading…');
    await wrapper.setProps({ loading: false, empty: true, emptyText: 'No keys yet.' });
    expect(wrapper.text()).toContain('No keys yet.');
    expect(wrapper.text()).not.toContain('CONTENT');
    await wrapper.setProps({ empty: false });
    expect(wrapper.text()).toContain('CONTENT');
    wrapper.unmount();
  });
});

describe('usePermission and defineAdminExtension', () => {
  it('follows the signed-in user’s permissions (any of a list)', async () => {
    const { component, result } = probe(() => ({
      read: usePermission('core.audit.read'),
      any: usePermission(['x.y.z', 'core.role.manage']),
    }));
    await mountWithConsole(component);
    const session = useAdminSession();
    expect(result().read.value).toBe(false);
    session.set({ id: '1', name: 'A', email: 'a@example.com' }, ['core.role.manage']);
    await nextTick();
    expect(result().read.value).toBe(false);
    expect(result().any.value).toBe(true);
    session.clear();
    expect(result().any.value).toBe(false);
  });

  it('catches nav items pointing at unknown routes and duplicate route names', () => {
    const page = async () => ({ render: () => null });
    expect(() =>
      defineAdminExtension({
        id: 'warranty',
        label: 'w',
        routes: [{ path: '/w', name: 'w.list', component: page }],
        nav: [{ to: 'w.other', label: 'x' }],
      }),
    ).toThrow(/unknown route 'w.other'/);
    expect(() =>
      defineAdminExtension({
        id: 'warranty',
        label: 'w',
        routes: [
          { path: '/a', name: 'dup', component: page },
          { path: '/b', name: 'dup', component: page },
        ],
      }),
    ).toThrow(/used twice/);
    expect(() => defineAdminExtension({ id: 'Bad Name', label: 'x' })).toThrow(/kebab-case/);
  });
});

describe('useFormat money and lineIcon', () => {
  it('formats minor units in the currency’s own decimals and the console language', async () => {
    const p = probe(() => useFormat());
    await mountWithConsole(p.component);
    const { money } = p.result();
    expect(money(4990, 'EUR')).toBe('€49.90');
    expect(money(4990, 'JPY')).toBe('¥4,990');
    expect(money(null, 'EUR')).toBe('—');
  });

  it('draws an inline SVG with the given paths in the current colour', async () => {
    const Icon = lineIcon('M3 3h18', 'M3 9h18');
    const { wrapper } = await mountWithConsole(Icon);
    const svg = wrapper.find('svg');
    expect(svg.attributes('stroke')).toBe('currentColor');
    expect(svg.findAll('path').map((p) => p.attributes('d'))).toEqual(['M3 3h18', 'M3 9h18']);
  });
});
