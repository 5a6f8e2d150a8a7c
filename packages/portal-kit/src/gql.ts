/**
 * The portal's typed GraphQL client, generated from the composed schema (`pnpm codegen`). Write
 * documents with `graphql(\`…\`)`: results and variables are typed. The documents of the portal app,
 * portal-kit and every plugin's `portal/` folder are generated together, apart from the console's.
 */
export * from './generated/graphql/index.js';
export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
export type * from './generated/graphql/graphql.js';
