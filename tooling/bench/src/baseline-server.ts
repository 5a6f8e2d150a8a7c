// The raw baseline: node:http + pg, no framework, no GraphQL. It answers each workload with the
// same SQL and the same JSON as the platform, which makes it the practical ceiling for this stack.
import http from 'node:http';
import pg from 'pg';
import { workloads } from './workloads.js';

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const byQuery = new Map(workloads.map((w) => [w.query, w]));

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      const workload = byQuery.get(body.query);
      if (!workload) {
        res.writeHead(400).end('{"errors":[{"message":"unknown workload"}]}');
        return;
      }
      const payload = JSON.stringify(await workload.baseline(pool, body.variables ?? {}));
      res.writeHead(200, { 'content-type': 'application/json' }).end(payload);
    } catch (err) {
      res.writeHead(500).end(JSON.stringify({ errors: [{ message: String(err) }] }));
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
