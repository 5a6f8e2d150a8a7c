import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL documents for the admin console and the customer portal: one client each,
 * generated from the composed schema (`schema.graphql`, written by
 * `pnpm --filter @aftercare/server schema:print`). The console's client holds the documents of
 * apps/admin, admin-kit and every plugin's `admin/` folder; the portal's those of apps/portal,
 * portal-kit and every plugin's `portal/` folder, so neither bundle carries the other's documents.
 * `pnpm codegen` runs both steps; `pnpm codegen:check` fails when the committed files are stale.
 * CODEGEN_SCHEMA and CODEGEN_OUT redirect input and output (the check generates into a temporary
 * folder, `<CODEGEN_OUT>admin/` and `<CODEGEN_OUT>portal/`).
 */
const clientConfig = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    skipTypename: true,
    avoidOptionals: { field: true, inputValue: false, object: true },
    scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
  },
} as const;

const out = process.env.CODEGEN_OUT;

const config: CodegenConfig = {
  schema: process.env.CODEGEN_SCHEMA ?? 'schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    [out ? `${out}admin/` : 'packages/admin-kit/src/generated/graphql/']: {
      ...clientConfig,
      documents: [
        'apps/admin/src/**/*.{ts,vue}',
        'packages/admin-kit/src/**/*.{ts,vue}',
        'plugins/*/admin/**/*.{ts,vue}',
        '!**/generated/**',
      ],
    },
    [out ? `${out}portal/` : 'packages/portal-kit/src/generated/graphql/']: {
      ...clientConfig,
      documents: [
        'apps/portal/src/**/*.{ts,vue}',
        'packages/portal-kit/src/**/*.{ts,vue}',
        'plugins/*/portal/**/*.{ts,vue}',
        '!**/generated/**',
      ],
    },
  },
};
export default config;
