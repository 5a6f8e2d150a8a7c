/**
 * The typed GraphQL client, generated from the composed schema (`pnpm codegen`). Write documents
 * with `graphql(\`…\`)`: results and variables are typed, and the documents of core, admin-kit and
 * every plugin's `admin/` folder are generated together.
 */
export * from './generated/graphql/index.js';
export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
// The schema's enums and input types (e.g. `WarrantyClaimStatus`), so pages can name them.
export type * from './generated/graphql/graphql.js';
