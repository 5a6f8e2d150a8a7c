import { Client, fetchExchange } from '@urql/core';
import { provideClient } from '@urql/vue';
import type { VueWrapper } from '@vue/test-utils';
import { NSelect } from 'naive-ui';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Component, defineComponent, h, nextTick, ref } from 'vue';
import DetailHeader from '../src/components/DetailHeader.vue';
import SlaDue from '../src/components/SlaDue.vue';
import CustomerPicker from '../src/components/pickers/CustomerPicker.vue';
import ProductModelPicker from '../src/components/pickers/ProductModelPicker.vue';
import PurchasePicker from '../src/components/pickers/PurchasePicker.vue';
import StaffPicker from '../src/components/pickers/StaffPicker.vue';
import { flush, mountWithConsole } from './harness.js';

const NOW = Date.parse('2026-11-16T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

/**
 * A urql client whose "server" is `answer`: every request is recorded, and its data is what
 * `answer` returns for the operation's name and variables (a component test has no server).
 */
function fakeServer(answer: (name: string, variables: Record<string, unknown>) => unknown) {
  const seen: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const fetch = async (_: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName?: string; query: string; variables?: Record<string, unknown> };
    const name = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    seen.push({ name, variables: body.variables ?? {} });
    return new Response(JSON.stringify({ data: answer(name, body.variables ?? {}) }), { headers: { 'content-type': 'application/json' } });
  };
  return { client: new Client({ url: 'http://fake/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false }), seen };
}

/** Mount `component` with a fake server provided to it, the way the console provides its client. */
function mountWithServer(component: Component, client: Client, props: Record<string, unknown> = {}) {
  const host = defineComponent({
    setup() {
      provideClient(client);
      return () => h(component, props);
    },
  });
  return mountWithConsole(host);
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('SlaDue', () => {
  const tag = () => document.body.querySelector('[data-sla]')!;

  it('says how long is left, turns to a warning near the due date, and counts a passed due date as breached', async () => {
    const { wrapper } = await mountWithConsole(SlaDue, { dueAt: at(135), now: NOW });
    expect(tag().getAttribute('data-sla')).toBe('dueIn');
    expect(tag().textContent).toBe('due in 2h 15m');
    expect(tag().getAttribute('data-tone')).toBe('info');
    await wrapper.setProps({ dueAt: at(30) });
    expect(tag().textContent).toBe('due in 30m');
    expect(tag().getAttribute('data-tone')).toBe('warning');
    await wrapper.setProps({ dueAt: at(-125) });
    expect(tag().getAttribute('data-sla')).toBe('overdue');
    expect(tag().textContent).toBe('breached 2h 5m ago');
  });

  it('shows the server’s at-risk verdict, pauses, breaches and met targets from plain values', async () => {
    const { wrapper } = await mountWithConsole(SlaDue, { dueAt: at(600), atRisk: true, now: NOW });
    expect(tag().getAttribute('data-tone')).toBe('warning');
    await wrapper.setProps({ paused: true });
    expect(tag().textContent).toBe('paused');
    await wrapper.setProps({ paused: false, breached: true, dueAt: at(60) });
    expect(tag().textContent).toBe('breached');
    await wrapper.setProps({ metAt: at(-5), breached: false });
    expect(tag().getAttribute('data-sla')).toBe('met');
    await wrapper.setProps({ metAt: null, dueAt: null, atRisk: false });
    expect(tag().getAttribute('data-sla')).toBe('none');
    expect(tag().textContent).toBe('—');
  });

  it('ticks on its own every second when no `now` is given', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    await mountWithConsole(SlaDue, { dueAt: at(10) });
    expect(tag().textContent).toBe('due in 10m');
    vi.advanceTimersByTime(1_000);
    await nextTick();
    expect(tag().textContent).toBe('due in 9m 59s');
  });
});

describe('DetailHeader', () => {
  it('shows reference and title as the heading, the status, and each key fact with a dash when empty', async () => {
    await mountWithConsole(
      DetailHeader,
      {
        reference: 'WC-1042',
        title: 'Washer W-900',
        facts: [
          { key: 'customer', label: 'Customer', value: 'Ana' },
          { key: 'serial', label: 'Serial', value: null },
          { key: 'due', label: 'Due' },
        ],
      },
      '/list',
      { status: () => h('span', { class: 'status' }, 'Approved'), 'fact-due': () => h('em', 'in 2 days') },
    );
    // The heading's text is also its accessible name, so tests and screen readers find "WC-1042 · Washer W-900".
    expect(document.body.querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('WC-1042 · Washer W-900');
    expect(document.body.querySelector('h1 [aria-hidden]')).toBeNull();
    expect(document.body.querySelector('.status')!.textContent).toBe('Approved');
    const fact = (key: string) => document.body.querySelector(`[data-fact="${key}"] dd`)!.textContent!.trim();
    expect(fact('customer')).toBe('Ana');
    expect(fact('serial')).toBe('—');
    expect(fact('due')).toBe('in 2 days');
  });
});

describe('pickers', () => {
  // What the select offers, as labels (the menu itself is a virtual list happy-dom cannot lay out).
  const labels = (wrapper: VueWrapper) => (wrapper.findComponent(NSelect).props('options') as Array<{ label: string }>).map((o) => o.label);

  it('StaffPicker asks only for staff with the permission, leaves out excluded people and lists extra choices first', async () => {
    const server = fakeServer((name) =>
      name === 'KitStaffPicker'
        ? {
            staffDirectory: [
              { id: 's1', name: 'Ana Tech' },
              { id: 's2', name: 'Bo Tech' },
            ],
          }
        : null,
    );
    const { wrapper } = await mountWithServer(StaffPicker, server.client, {
      permission: 'warranty.repair.write',
      exclude: ['s2'],
      extra: [{ value: 'none', label: 'Nobody' }],
    });
    await flush();
    expect(server.seen[0]).toMatchObject({ name: 'KitStaffPicker', variables: { permission: 'warranty.repair.write' } });
    await flush();
    expect(labels(wrapper)).toEqual(['Nobody', 'Ana Tech']);
  });

  it('ProductModelPicker looks up a preselected model by id so it shows its label, not its id', async () => {
    const server = fakeServer((_, v) => ({
      productModels: { items: [{ id: 'm2', sku: 'KT-2', name: 'Kettle 2' }] },
      ...(v.lookup ? { productModel: { id: v.id, sku: 'WM-8KG', name: 'Washer 8 kg' } } : {}),
    }));
    const { wrapper } = await mountWithServer(ProductModelPicker, server.client, { value: 'm1' });
    await flush();
    await flush();
    expect(server.seen[0]).toMatchObject({ name: 'KitProductModelPicker', variables: { lookup: true, id: 'm1' } });
    expect([...labels(wrapper)].sort()).toEqual(['KT-2 · Kettle 2', 'WM-8KG · Washer 8 kg']);
  });

  it('CustomerPicker does not search before two characters are typed', async () => {
    const server = fakeServer(() => ({ customers: { items: [{ id: 'c1', name: 'Carmen', email: 'c@example.com' }] } }));
    await mountWithServer(CustomerPicker, server.client);
    await flush();
    expect(server.seen).toEqual([]);
  });

  it('PurchasePicker is disabled until a customer is chosen and forgets the purchase when the customer changes', async () => {
    const server = fakeServer((_, v) => ({
      purchases: {
        items: [
          {
            id: `p-${String(v.customerId)}`,
            serialNumber: 'SN-1',
            purchasedAt: '2026-01-05T10:00:00Z',
            model: { sku: 'W-900', name: 'Washer 900', product: { name: 'Washer' } },
          },
        ],
      },
    }));
    const customerId = ref<string | null>(null);
    const value = ref<string | null>(null);
    const host = defineComponent({
      setup: () => () =>
        h(PurchasePicker, { customerId: customerId.value, value: value.value, 'onUpdate:value': (v: string | null) => (value.value = v) }),
    });
    const { wrapper } = await mountWithServer(host, server.client);
    expect(document.body.querySelector('.n-base-selection--disabled')).not.toBeNull();
    expect(server.seen).toEqual([]);
    customerId.value = 'c1';
    await flush();
    await nextTick();
    expect(document.body.querySelector('.n-base-selection--disabled')).toBeNull();
    await flush();
    expect(labels(wrapper)).toEqual(['Washer · W-900 · Washer 900 · SN-1 · Jan 5, 2026']);
    value.value = 'p-c1';
    customerId.value = 'c2';
    await flush();
    expect(value.value).toBeNull();
  });
});
