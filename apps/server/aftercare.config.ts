import { defineConfig } from '@aftercare/core';

/**
 * Which plugins this installation runs. Short names mean `@aftercare/<name>`; any package or path
 * whose default export is made with `definePlugin` works. `AFTERCARE_PLUGINS=a,b` overrides this list.
 * Every other setting can be given here or as an environment variable (see the README).
 */
export default defineConfig({
  plugins: ['service-desk', 'warranty', 'returns', 'surveys', 'loyalty', 'knowledge-base'],
});
