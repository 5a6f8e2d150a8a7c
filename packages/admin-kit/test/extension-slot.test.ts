import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import ExtensionSlot from '../src/components/ExtensionSlot.vue';
import { useAdminSession } from '../src/session.js';
import { registerSlotContributions } from '../src/slots.js';
import { flush, mountWithConsole } from './harness.js';

const Card = (label: string) =>
  defineComponent({
    props: { caseId: { type: String, default: '' } },
    emits: ['action'],
    setup(props, { emit }) {
      return () => h('button', { class: 'contribution', onClick: () => emit('action', { from: label }) }, `${label}:${props.caseId}`);
    },
  });

describe('ExtensionSlot', () => {
  it('renders the contributions to its slot in order, with the context as props, hiding those the user may not see', async () => {
    registerSlotContributions([
      { slot: 'desk.sidebar', id: 'b.second', component: async () => Card('second'), order: 20 },
      { slot: 'desk.sidebar', id: 'a.first', component: async () => Card('first'), order: 10 },
      { slot: 'desk.sidebar', id: 'c.secret', component: async () => Card('secret'), permission: 'c.read' },
      { slot: 'other.place', id: 'd.elsewhere', component: async () => Card('elsewhere') },
    ]);
    const { wrapper } = await mountWithConsole(ExtensionSlot, { name: 'desk.sidebar', context: { caseId: 'C-1' } });
    useAdminSession().set({ id: '1', name: 'A', email: 'a@example.com' }, []);
    await flush();
    await flush();
    expect(wrapper.findAll('.contribution').map((b) => b.text())).toEqual(['first:C-1', 'second:C-1']);
    await wrapper.find('.contribution').trigger('click');
    expect(wrapper.emitted('action')).toEqual([[{ from: 'first' }]]);
    wrapper.unmount();
    registerSlotContributions([]);
  });
});
