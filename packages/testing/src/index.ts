/** @aftercare/testing — boot the real platform against real PostgreSQL in tests. */
export { createTestServer, schemaDrift, type TestServer, type TestServerOptions, type TestSession } from './test-server.js';
export { GraphQLClient, errorCodes, type GraphQLResult } from './graphql-client.js';
export { createTestDatabase, templateKey, withDatabase } from './test-database.js';
export { createTestClock, type TestClock } from './test-clock.js';
export type { Clock } from '@aftercare/core';
