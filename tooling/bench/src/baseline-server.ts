// The raw baseline: node:http + pg, no framework, no GraphQL. It answers each workload with the
// same SQL and the same JSON as the platform, after the same API key lookup, which makes it the
// practical ceiling for this stack.
import http from 'node:http';
import pg from 'pg';
import { API_KEY_HEADER } from './auth.js';
import { answer } from './baseline.js';
import { poolDb } from './db.js';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const db = poolDb(pool);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      const key = req.headers[API_KEY_HEADER];
      const { status, json } = await answer(db, body, typeof key === 'string' ? key : undefined, req.socket.remoteAddress);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    } catch (err) {
      res.writeHead(500).end(JSON.stringify({ errors: [{ message: String(err) }] }));
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
