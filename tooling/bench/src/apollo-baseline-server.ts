// The second baseline, for W1 only: a bare Apollo Server 5 on Fastify with a one-resolver schema
// (`{ platform { version } }`), default options, no context, plugins, validation rules or database.
// It measures what Apollo and Fastify cost by themselves, which bounds the platform's trivial query.
import { ApolloServer } from '@apollo/server';
import fastifyApollo from '@as-integrations/fastify';
import Fastify from 'fastify';
import { buildSchema } from 'graphql';

const port = Number(process.env.PORT);
const schema = buildSchema('type Platform { version: String! } type Query { platform: Platform! }');
const apollo = new ApolloServer({ schema, rootValue: { platform: () => ({ version: '0.1.0' }) } });
await apollo.start();
const app = Fastify();
await app.register(fastifyApollo(apollo), { path: '/graphql' });
app.get('/', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port });
process.on('SIGTERM', () => process.exit(0));
