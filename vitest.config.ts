import vue from '@vitejs/plugin-vue';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests of the server side, against a real PostgreSQL.
        resolve: {
          // Workspace packages resolve to their TypeScript sources, so tests need no build first.
          conditions: ['aftercare-source'],
          // One graphql instance: Vite would load index.mjs while type-graphql and Apollo load index.js.
          alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
        },
        ssr: { resolve: { conditions: ['aftercare-source'] } },
        // Global setup runs in vitest's own environment, which needs the condition too.
        environments: { __vitest__: { resolve: { conditions: ['aftercare-source', 'node', 'import', 'module', 'default'] } } },
        test: {
          name: 'server',
          include: ['{packages,plugins,apps}/*/{src,test}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'apps/admin/**', 'packages/admin-kit/**', 'plugins/*/admin/**'],
          globalSetup: ['./packages/testing/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        // Component tests of the admin console and admin-kit: Vue in happy-dom, no server.
        plugins: [vue()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['packages/admin-kit/test/**/*.test.ts', 'apps/admin/test/**/*.test.ts', 'plugins/*/admin/**/*.test.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
