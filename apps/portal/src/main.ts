import urql from '@urql/vue';
import { graphql } from '@aftercare/portal-kit/gql';
import { createApp } from 'vue';
import App from './App.vue';
import { branding } from './branding.js';
import { loadExtensions, registerExtensions } from './extensions.js';
import { i18n, preferredLocale, setLocale } from './i18n.js';
import { createPortalRouter } from './router.js';
import { createGraphQLClient } from './urql.js';
import './styles.css';

const StartQuery = graphql(`
  query PortalStart {
    platform {
      plugins {
        name
      }
    }
    portalConfiguration {
      companyName
      logoUrl
      primaryColor
      accentColor
      languages
    }
  }
`);

async function start() {
  const app = createApp(App);
  app.use(i18n);
  const client = createGraphQLClient(() => {
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.replace({ name: 'sign-in', query: { redirect: current.fullPath, expired: '1' } });
  });
  const router = createPortalRouter(client, () => branding.companyName);
  app.use(urql, client);

  const { data, error } = await client.query(StartQuery, {}).toPromise();
  const config = data?.portalConfiguration;
  Object.assign(branding, {
    companyName: config?.companyName ?? '',
    logoUrl: config?.logoUrl ?? null,
    languages: config?.languages.length ? config.languages : ['en', 'es'],
  });
  if (config) {
    document.documentElement.style.setProperty('--pk-primary', config.primaryColor);
    document.documentElement.style.setProperty('--pk-accent', config.accentColor);
  }
  setLocale(preferredLocale(branding.languages), false);
  registerExtensions(router, await loadExtensions(data?.platform.plugins.map((p) => p.name) ?? []));
  app.provide('startError', error ?? null);

  app.use(router);
  await router.isReady();
  app.mount('#app');
}

void start();
