import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
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
    include: ['{packages,plugins,apps}/*/{src,test}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'apps/admin/**'],
    globalSetup: ['./packages/testing/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
