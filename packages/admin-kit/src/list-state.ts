import { computed, type ComputedRef } from 'vue';
import { type LocationQuery, useRoute, useRouter } from 'vue-router';

/** Sort order of a list: a column key and a direction. */
export interface ListSort {
  key: string;
  order: 'asc' | 'desc';
}

/** Options of {@link useListState}. */
export interface ListStateOptions<F extends Record<string, string>> {
  /** Filter keys and their defaults ('' = no filter). Only these keys are read from the URL. */
  filters?: F;
  /** Rows per page (default 20; the server caps at 100). */
  pageSize?: number;
  /** Default sort. */
  sort?: ListSort | null;
}

/** The state of a list page, read from and written to the URL query. */
export interface ListState<F extends Record<string, string>> {
  /** 1-based page number. */
  page: ComputedRef<number>;
  pageSize: ComputedRef<number>;
  sort: ComputedRef<ListSort | null>;
  /** Current filter values (defaults filled in). */
  filters: ComputedRef<F>;
  /** `skip` and `take` for the query's variables. */
  skip: ComputedRef<number>;
  take: ComputedRef<number>;
  setPage(page: number): void;
  setPageSize(size: number): void;
  setSort(sort: ListSort | null): void;
  /** Change filters; goes back to page 1. */
  setFilters(patch: Partial<F>): void;
  reset(): void;
}

const int = (v: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
};
const str = (v: unknown) => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');

/**
 * Paging, sorting and filters of a list, kept in the URL query (`?page=2&sort=name:asc&status=open`)
 * so a list can be bookmarked, shared and restored with the back button. Defaults stay out of the URL.
 *
 * @example
 * const list = useListState({ filters: { status: '', q: '' } });
 * const { data } = useQuery({ query: ClaimsQuery, variables: computed(() => ({ skip: list.skip.value, take: list.take.value, ...list.filters.value })) });
 */
export function useListState<F extends Record<string, string> = Record<string, never>>(options: ListStateOptions<F> = {}): ListState<F> {
  const route = useRoute();
  const router = useRouter();
  const defaults = (options.filters ?? {}) as F;
  const defaultSize = options.pageSize ?? 20;
  const defaultSort = options.sort ?? null;

  const page = computed(() => int(route.query.page, 1));
  const pageSize = computed(() => int(route.query.size, defaultSize, 100));
  const sort = computed<ListSort | null>(() => {
    const m = /^([\w.-]+):(asc|desc)$/.exec(str(route.query.sort));
    return m ? { key: m[1]!, order: m[2] as 'asc' | 'desc' } : defaultSort;
  });
  const filters = computed(() => {
    const out = { ...defaults } as Record<string, string>;
    for (const key of Object.keys(defaults)) if (route.query[key] !== undefined) out[key] = str(route.query[key]);
    return out as F;
  });

  const write = (patch: Record<string, string | number | null>) => {
    const query: LocationQuery = { ...route.query };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') delete query[k];
      else query[k] = String(v);
    }
    return router.replace({ query });
  };

  return {
    page,
    pageSize,
    sort,
    filters,
    skip: computed(() => (page.value - 1) * pageSize.value),
    take: pageSize,
    setPage: (p) => void write({ page: p <= 1 ? null : p }),
    setPageSize: (s) => void write({ size: s === defaultSize ? null : s, page: null }),
    setSort: (s) =>
      void write({
        sort: s && !(defaultSort && s.key === defaultSort.key && s.order === defaultSort.order) ? `${s.key}:${s.order}` : null,
      }),
    setFilters: (patch) => {
      const values: Record<string, string | null> = { page: null };
      for (const [k, v] of Object.entries(patch)) values[k] = v === defaults[k] ? null : (v as string);
      void write(values);
    },
    reset: () => {
      const clear: Record<string, null> = { page: null, size: null, sort: null };
      for (const k of Object.keys(defaults)) clear[k] = null;
      void write(clear);
    },
  };
}
