import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { type Component, defineComponent, h } from 'vue';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import { kitMessages } from '../src/i18n.js';

/** Mount a component the way the console runs it: router at `url`, pinia, i18n with admin-kit's strings. */
export async function mountWithConsole(component: Component, props: Record<string, unknown> = {}, url = '/list', slots = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
  });
  await router.push(url);
  await router.isReady();
  const pinia = createPinia();
  setActivePinia(pinia);
  const i18n = createI18n({
    legacy: false,
    locale: 'en',
    messages: { en: { ...kitMessages.en, test: { open: 'Open', closed: 'Closed' } }, es: { ...kitMessages.es } },
  });
  const wrapper = mount(component, { props, slots, global: { plugins: [router, pinia, i18n] }, attachTo: document.body });
  return { wrapper, router, pinia };
}

/** A component that runs `setup` inside the console's plugins and renders nothing. */
export function probe<T>(setup: () => T): { component: Component; result: () => T } {
  let value: T;
  return {
    component: defineComponent({
      setup() {
        value = setup();
        return () => h('div');
      },
    }),
    result: () => value,
  };
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
