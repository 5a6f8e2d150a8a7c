/** @aftercare/testing — boot the real platform against real PostgreSQL in tests. */
export { createTestServer, schemaDrift, type TestServer, type TestServerOptions, type TestSession } from './test-server.js';
export { GraphQLClient, errorCodes, type GraphQLResult } from './graphql-client.js';
export { eventually, type EventuallyOptions } from './eventually.js';
export type { Fixtures, TestApiKey } from './fixtures.js';
/** Typed GraphQL documents for tests: `graphql(\`query Name … \`)`, typed by `pnpm codegen`. */
export { graphql } from './generated/graphql/gql.js';
export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
export { createTestDatabase, templateKey, withDatabase } from './test-database.js';
export { listInputs, rootOperations, sampleArguments, type ListInput, type RootOperation, type ValueSource } from './schema-walk.js';
export { createTestClock, type TestClock } from './test-clock.js';
export type { Clock } from '@aftercare/core';
