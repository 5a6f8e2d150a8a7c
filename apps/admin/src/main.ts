import urql from '@urql/vue';
import { graphql } from '@aftercare/admin-kit/gql';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { enabledPlugins, loadExtensions, registerExtensions } from './extensions.js';
import { i18n } from './i18n.js';
import { createAppRouter } from './router.js';
import { createGraphQLClient } from './urql.js';

const PlatformQuery = graphql(`
  query Platform {
    platform {
      version
      plugins {
        name
        version
        description
      }
    }
  }
`);

async function start() {
  const app = createApp(App);
  app.use(createPinia());
  app.use(i18n);
  // The client sends an expired session to the login page; the router checks the session with the client.
  const client = createGraphQLClient(() => {
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  });
  const router = createAppRouter(client);
  app.use(urql, client);

  // Which plugins run on this server decides which plugin UIs exist in this console.
  const platform = await client.query(PlatformQuery, {}).toPromise();
  enabledPlugins.value = platform.data?.platform.plugins ?? [];
  const enabled = enabledPlugins.value.map((p) => p.name);
  registerExtensions(router, await loadExtensions(enabled));
  app.provide('platformVersion', platform.data?.platform.version ?? '');
  app.provide('platformError', platform.error ?? null);

  app.use(router);
  await router.isReady();
  app.mount('#app');
}

void start();
