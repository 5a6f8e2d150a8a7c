import returns from '@aftercare/returns';
import serviceDesk from '@aftercare/service-desk';
import surveys from '@aftercare/surveys';
import { createTestServer, type GraphQLClient, type TestServer } from '@aftercare/testing';
import warranty from '@aftercare/warranty';

/**
 * A server with every plugin of this installation (the composed schema the tests walk) and a
 * signed-in Administrator; `seedCustomers` adds that many demo customers with their plugin data.
 */
export async function composedServer(options: { seedCustomers?: number } = {}): Promise<{ server: TestServer; admin: GraphQLClient }> {
  const server = await createTestServer({ plugins: [serviceDesk, warranty, returns, surveys], config: { logLevel: 'fatal' } });
  if (options.seedCustomers) await server.app.seedDemoData({ customers: options.seedCustomers });
  const admin = (await server.signInStaff()).client;
  return { server, admin };
}
