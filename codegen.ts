import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the admin console: one client generated from the composed schema
 * (`schema.graphql`, written by `pnpm --filter @aftercare/server schema:print`) and the documents of
 * the console, admin-kit and every plugin's admin folder. `pnpm codegen` runs both steps;
 * `pnpm codegen:check` fails when the committed files are stale. CODEGEN_SCHEMA and CODEGEN_OUT
 * redirect input and output (the check generates into a temporary folder).
 */
const config: CodegenConfig = {
  schema: process.env.CODEGEN_SCHEMA ?? 'schema.graphql',
  documents: ['apps/admin/src/**/*.{ts,vue}', 'packages/admin-kit/src/**/*.{ts,vue}', 'plugins/*/admin/**/*.{ts,vue}', '!**/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    [process.env.CODEGEN_OUT ?? 'packages/admin-kit/src/generated/graphql/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;
