import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents, generated from the composed schema (`schema.graphql`, written by
 * `pnpm --filter @aftercare/server schema:print`): one client for the admin console (the documents
 * of the console, admin-kit and every plugin's admin folder), one for the customer portal (apps/portal,
 * portal-kit and every plugin's `portal/` folder, so neither bundle carries the other's documents)
 * and one for tests (documents written
 * with `graphql()` from `@aftercare/testing` in the testing package and in every package's and
 * plugin's `test/` and `src/**\/*.test.ts`). `pnpm codegen` runs both steps; `pnpm codegen:check`
 * fails when the committed files are stale. CODEGEN_SCHEMA and CODEGEN_OUT redirect input and
 * output (the check generates into a temporary folder, one subfolder per client).
 */
const client = {
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    skipTypename: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
  },
};
const out = process.env.CODEGEN_OUT;

const config: CodegenConfig = {
  schema: process.env.CODEGEN_SCHEMA ?? 'schema.graphql',
  // The testing package is Node ESM (NodeNext): relative imports need their .js suffix.
  emitLegacyCommonJSImports: false,
  ignoreNoDocuments: true,
  generates: {
    [out ? `${out}/admin/` : 'packages/admin-kit/src/generated/graphql/']: {
      ...client,
      documents: [
        'apps/admin/src/**/*.{ts,vue}',
        'packages/admin-kit/src/**/*.{ts,vue}',
        'plugins/*/admin/**/*.{ts,vue}',
        '!**/generated/**',
      ],
    },
    [out ? `${out}/portal/` : 'packages/portal-kit/src/generated/graphql/']: {
      ...client,
      documents: [
        'apps/portal/src/**/*.{ts,vue}',
        'packages/portal-kit/src/**/*.{ts,vue}',
        'plugins/*/portal/**/*.{ts,vue}',
        '!**/generated/**',
      ],
    },
    [out ? `${out}/testing/` : 'packages/testing/src/generated/graphql/']: {
      ...client,
      documents: [
        'packages/testing/src/**/*.ts',
        '{packages,plugins}/*/test/**/*.ts',
        '{packages,plugins,apps}/*/src/**/*.test.ts',
        '!**/generated/**',
        '!packages/admin-kit/**',
        '!packages/portal-kit/**',
      ],
    },
  },
};
export default config;
