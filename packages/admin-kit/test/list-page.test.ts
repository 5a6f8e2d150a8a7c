import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import ListPage from '../src/components/ListPage.vue';
import { useListState } from '../src/list-state.js';
import { flush, mountWithConsole, probe } from './harness.js';

const rows = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, name: `Row ${i}` }));
const columns = [{ key: 'name', title: 'Name', sorter: true }];

async function mountList(url: string, extra: Record<string, unknown> = {}) {
  // The list state needs the router, so it is made inside the mounted tree, as a page would.
  const Page = defineComponent({
    setup() {
      const state = useListState({ filters: { status: '' }, pageSize: 10 });
      return () => h(ListPage, { columns, rows, total: 35, state, rowKey: (r: Record<string, unknown>) => String(r.id), ...extra });
    },
  });
  return mountWithConsole(Page, {}, url);
}

describe('useListState', () => {
  it('reads page, size, sort and filters from the URL and writes changes back, leaving defaults out', async () => {
    let state!: ReturnType<typeof useListState<{ status: string; q: string }>>;
    const { component } = probe(() => (state = useListState({ filters: { status: '', q: '' } })));
    const { router } = await mountWithConsole(component, {}, '/claims?page=3&size=50&sort=createdAt:desc&status=open');
    expect(state.page.value).toBe(3);
    expect(state.skip.value).toBe(100);
    expect(state.take.value).toBe(50);
    expect(state.sort.value).toEqual({ key: 'createdAt', order: 'desc' });
    expect(state.filters.value).toEqual({ status: 'open', q: '' });

    state.setFilters({ q: 'kettle' });
    await flush();
    expect(router.currentRoute.value.query).toEqual({ size: '50', sort: 'createdAt:desc', status: 'open', q: 'kettle' });

    state.reset();
    await flush();
    expect(router.currentRoute.value.query).toEqual({});
    expect(state.page.value).toBe(1);
  });

  it('ignores nonsense in the URL and caps the page size at the server limit', async () => {
    let state!: ReturnType<typeof useListState>;
    const { component } = probe(() => (state = useListState()));
    await mountWithConsole(component, {}, '/x?page=-2&size=5000&sort=drop table');
    expect(state.page.value).toBe(1);
    expect(state.take.value).toBe(100);
    expect(state.sort.value).toBeNull();
  });
});

describe('ListPage', () => {
  it('shows the rows of the page and the total, and moving to the next page updates the URL', async () => {
    const { wrapper, router } = await mountList('/list');
    expect(wrapper.findAll('tbody tr')).toHaveLength(10);
    expect(wrapper.text()).toContain('Row 3');
    expect(wrapper.text()).toContain('35 in total');
    const pageTwo = wrapper.findAll('.n-pagination-item').find((i) => i.text() === '2');
    await pageTwo!.trigger('click');
    await flush();
    expect(router.currentRoute.value.query.page).toBe('2');
    wrapper.unmount();
  });

  it('sorting a column writes the order to the URL', async () => {
    const { wrapper, router } = await mountList('/list');
    await wrapper.find('th .n-data-table-th__title').trigger('click');
    await flush();
    expect(router.currentRoute.value.query.sort).toMatch(/^name:(asc|desc)$/);
    wrapper.unmount();
  });

  it('has a designed empty state that offers to clear filters when some are set', async () => {
    const { wrapper, router } = await mountList('/list?status=open', { rows: [], total: 0, filtered: true, emptyText: 'No claims match.' });
    expect(wrapper.text()).toContain('No claims match.');
    const clear = wrapper.findAll('button').find((b) => b.text() === 'Clear filters');
    expect(clear).toBeDefined();
    await clear!.trigger('click');
    await flush();
    expect(router.currentRoute.value.query).toEqual({});
    wrapper.unmount();
  });

  it('shows the error of a failed load with a retry button', async () => {
    const error = { graphQLErrors: [{ message: 'boom', extensions: { code: 'FORBIDDEN' } }], networkError: undefined };
    const { wrapper } = await mountList('/list', { rows: undefined, error });
    await nextTick();
    expect(wrapper.text()).toContain('You do not have permission to do this.');
    expect(wrapper.find('table').exists()).toBe(false);
    wrapper.unmount();
  });

  it('selects rows for bulk actions without opening them; a click elsewhere on the row opens it', async () => {
    const selected: string[][] = [];
    const opened: string[] = [];
    const { wrapper } = await mountList('/list', {
      columns: [{ type: 'selection' }, ...columns],
      checkedRowKeys: [],
      'onUpdate:checkedRowKeys': (keys: string[]) => selected.push(keys),
      onRowClick: (row: { id: string }) => opened.push(row.id),
    });
    await wrapper.findAll('tbody tr')[2]!.find('.n-data-table-td--selection .n-checkbox').trigger('click');
    await flush();
    expect(selected).toEqual([['r2']]);
    expect(opened).toEqual([]);
    await wrapper.findAll('tbody tr')[4]!.findAll('td')[1]!.trigger('click');
    expect(opened).toEqual(['r4']);
    wrapper.unmount();
  });
});
