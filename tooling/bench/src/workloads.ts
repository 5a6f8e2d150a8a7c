import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BaselineActor } from './auth.js';
import type { Db } from './db.js';
import { pluginWorkloads } from './plugin-workloads.js';
import { seededEmail } from './seed.js';

/** What the baseline knows about the request it answers, as the platform does. */
export interface BaselineRequest {
  actor: BaselineActor;
  requestId: string;
  ip: string;
}

/** One benchmark workload: the same operation as a GraphQL request and as raw SQL + JSON. */
export interface Workload {
  id: string;
  title: string;
  /** Plugins the platform must enable for it (short names); the runner enables those of the selected workloads. */
  plugins?: string[];
  /** The GraphQL request the platform receives. */
  query: string;
  /** Permissions the operation needs; the baseline checks them after resolving the API key. */
  permissions?: string[];
  /** Variables for every request; called once per run after seeding (e.g. picks an id). */
  variables?: (pool: pg.Pool) => Promise<Record<string, unknown>>;
  /** Variables that must differ per request (e.g. a new customer's e-mail): called for every request. */
  next?: () => Record<string, unknown>;
  /**
   * Also measure a bare Apollo Server on Fastify (`src/apollo-baseline-server.ts`) answering the same
   * query, as a second baseline: what the GraphQL server costs by itself, without the platform.
   */
  bareApollo?: boolean;
  /** What the baseline does for the same request: the same SQL, the same JSON answer. */
  baseline: (db: Db, variables: Record<string, unknown>, req: BaselineRequest) => Promise<unknown>;
}

/** Insert an audit entry as the platform's audit service does (actor, request id and IP of the request). */
async function auditEntry(
  db: Db,
  req: BaselineRequest,
  entry: { action: string; objectId: string | null; changes?: unknown; metadata?: unknown },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_event (actor_kind, actor_id, actor_display, action, object_type, object_id, changes, metadata, request_id, ip)
     VALUES ('apiKey', $1, $2, $3, 'Customer', $4, $5, $6, $7, $8)`,
    [
      req.actor.keyId,
      req.actor.name,
      entry.action,
      entry.objectId,
      entry.changes == null ? null : JSON.stringify(entry.changes),
      entry.metadata == null ? null : JSON.stringify(entry.metadata),
      req.requestId,
      req.ip,
    ],
  );
}

/** The platform's `Customer.purchases`: the newest 100 per customer, one statement for all customers. */
async function purchasesOf(db: Db, customerIds: string[]): Promise<Map<string, any[]>> {
  const { rows } = await db.query(
    `SELECT p.* FROM purchase p WHERE p.id IN (SELECT id FROM (
       SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY purchased_at DESC, id DESC) AS n
       FROM purchase WHERE customer_id = ANY($1::uuid[])) t WHERE n <= 100)
     ORDER BY p.purchased_at DESC, p.id DESC`,
    [customerIds],
  );
  const out = new Map<string, any[]>(customerIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.customer_id)!.push(r);
  return out;
}

/** Rows of `table` by id, one statement (the platform's DataLoaders). */
async function byIds(db: Db, table: 'product_model' | 'product', ids: string[]): Promise<Map<string, any>> {
  const { rows } = await db.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Distinct per-request e-mails for W4: a run tag and a counter. */
const runTag = Date.now().toString(36);
let created = 0;

/**
 * The workloads, in report order. Each later core feature or plugin adds its own here (see the
 * README of this package). Every request carries the benchmark's API key (Administrator); the
 * baseline resolves it with the same lookup before running the workload.
 */
export const workloads: Workload[] = [
  {
    id: 'W1',
    title: 'trivial query: platform { version }',
    query: '{ platform { version } }',
    bareApollo: true,
    baseline: async () => ({ data: { platform: { version: '0.1.0' } } }),
  },
  {
    id: 'W2',
    title: 'one customer by id with purchases, their models and products',
    query:
      'query W2($id: ID!) { customer(id: $id) { id name email tier tags purchases { id serialNumber purchasedAt channel priceMinor currency model { id sku name warrantyMonths product { id name category } } } } }',
    permissions: ['core.customer.read', 'core.purchase.read'],
    variables: async (pool) => {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM customer WHERE email = $1', [seededEmail(4242)]);
      return { id: rows[0].id };
    },
    baseline: async (db, { id }, req) => {
      const customer = await db.transaction(async (tx) => {
        const { rows } = await tx.query('SELECT * FROM customer WHERE id = $1 LIMIT 1', [id]);
        if (rows[0]) await auditEntry(tx, req, { action: 'customer.read', objectId: rows[0].id });
        return rows[0];
      });
      if (!customer) return { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] };
      const purchases = (await purchasesOf(db, [customer.id])).get(customer.id)!;
      const models = await byIds(
        db,
        'product_model',
        purchases.map((p) => p.model_id),
      );
      const products = await byIds(
        db,
        'product',
        [...models.values()].map((m) => m.product_id),
      );
      return {
        data: {
          customer: {
            id: customer.id,
            name: customer.name,
            email: customer.email,
            tier: customer.tier,
            tags: customer.tags,
            purchases: purchases.map((p) => {
              const m = models.get(p.model_id);
              const pr = products.get(m.product_id);
              return {
                id: p.id,
                serialNumber: p.serial_number,
                purchasedAt: p.purchased_at.toISOString(),
                channel: p.channel,
                priceMinor: p.price_minor,
                currency: p.currency,
                model: {
                  id: m.id,
                  sku: m.sku,
                  name: m.name,
                  warrantyMonths: m.warranty_months,
                  product: { id: pr.id, name: pr.name, category: pr.category },
                },
              };
            }),
          },
        },
      };
    },
  },
  {
    id: 'W3',
    title: 'list of 50 customers with purchases and their models',
    query:
      '{ customers(take: 50) { totalCount items { id name email tier purchases { id serialNumber purchasedAt model { id sku name } } } } }',
    permissions: ['core.customer.read', 'core.purchase.read'],
    baseline: async (db, _variables, req) => {
      const [customers, totalCount] = await db.transaction(async (tx) => {
        const { rows } = await tx.query('SELECT * FROM customer ORDER BY name ASC, id ASC LIMIT 50 OFFSET 0');
        const count = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM customer');
        const ids = rows.map((r) => r.id as string);
        if (ids.length === 1)
          await auditEntry(tx, req, { action: 'customer.read', objectId: ids[0], metadata: { via: 'customers', customerIds: ids } });
        else if (ids.length > 1)
          await auditEntry(tx, req, { action: 'customer.list', objectId: null, metadata: { via: 'customers', customerIds: ids } });
        return [rows, count.rows[0].n] as const;
      });
      const purchases = await purchasesOf(
        db,
        customers.map((c) => c.id),
      );
      const models = await byIds(
        db,
        'product_model',
        [...purchases.values()].flat().map((p) => p.model_id),
      );
      return {
        data: {
          customers: {
            totalCount,
            items: customers.map((c) => ({
              id: c.id,
              name: c.name,
              email: c.email,
              tier: c.tier,
              purchases: purchases.get(c.id)!.map((p) => {
                const m = models.get(p.model_id);
                return {
                  id: p.id,
                  serialNumber: p.serial_number,
                  purchasedAt: p.purchased_at.toISOString(),
                  model: { id: m.id, sku: m.sku, name: m.name },
                };
              }),
            })),
          },
        },
      };
    },
  },
  {
    id: 'W4',
    title: 'mutation with an event: createCustomer (row, audit entry, outbox event, dispatch job)',
    // No e-mail or id in the selection: every request creates a different customer.
    query:
      'mutation W4($input: CreateCustomerInput!) { createCustomer(input: $input) { name tier tags locale timeZone version marketingConsent { granted } } }',
    permissions: ['core.customer.manage'],
    next: () => {
      created++;
      return { input: { name: 'Load Customer', email: `load-${runTag}-${created}@bench.example`, tier: 'gold', tags: ['load'] } };
    },
    baseline: async (db, variables, req) => {
      const input = variables.input as { name: string; email: string; tier: string; tags: string[] };
      const name = input.name.trim();
      const email = input.email.trim().toLowerCase();
      const tier = input.tier.trim().toLowerCase();
      const tags = [...new Set(input.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
      if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        return { data: null, errors: [{ message: 'invalid input', extensions: { code: 'VALIDATION_FAILED' } }] };
      }
      const row = await db.transaction(async (tx) => {
        const exists = await tx.query('SELECT 1 FROM customer WHERE email = $1 LIMIT 1', [email]);
        if (exists.rowCount) throw new Error(`A customer with the e-mail ${email} already exists.`);
        const {
          rows: [c],
        } = await tx.query(
          `INSERT INTO customer (name, email, tags, tier, search_text) VALUES ($1, $2, $3, $4, $5)
           RETURNING id, name, email, emails, phones, addresses, locale, time_zone, tags, tier, version, marketing_consent`,
          [name, email, tags, tier, `${name} ${email}`.toLowerCase()],
        );
        const masked = (s: string) => (s.includes('@') ? `${s[0]}***${s.slice(s.indexOf('@'))}` : `${s[0]}***`);
        const changes = {
          name: { before: null, after: masked(c.name) },
          email: { before: null, after: masked(c.email) },
          emails: { before: null, after: `${c.emails.length} item(s)` },
          phones: { before: null, after: `${c.phones.length} item(s)` },
          addresses: { before: null, after: `${c.addresses.length} item(s)` },
          locale: { before: null, after: c.locale },
          timeZone: { before: null, after: c.time_zone },
          tags: { before: null, after: c.tags },
          tier: { before: null, after: c.tier },
        };
        await auditEntry(tx, req, { action: 'customer.create', objectId: c.id, changes, metadata: { source: 'staff' } });
        const eventId = randomUUID();
        await tx.query('INSERT INTO event_outbox (id, type, payload, aggregate_id, request_id) VALUES ($1, $2, $3::jsonb, $4, $5)', [
          eventId,
          'core.customer.created',
          JSON.stringify({ customerId: c.id, source: 'staff' }),
          c.id,
          req.requestId,
        ]);
        // The platform's dispatch job (pg-boss), so that both servers leave the same work behind.
        await tx.query(
          `INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, expire_in) VALUES ('core.events.dispatch', $1::jsonb, 10, 5, interval '120 seconds')`,
          [JSON.stringify({ eventId })],
        );
        return c;
      });
      return {
        data: {
          createCustomer: {
            name: row.name,
            tier: row.tier,
            tags: row.tags,
            locale: row.locale,
            timeZone: row.time_zone,
            version: row.version,
            marketingConsent: { granted: row.marketing_consent },
          },
        },
      };
    },
  },
  {
    id: 'W-SLA',
    title: 'SLA policies (page of 20) with their calendars',
    query: '{ slaPolicies(take: 20) { totalCount items { id name priority firstResponseMinutes resolutionMinutes calendarId } } }',
    permissions: ['core.sla.read'],
    baseline: async (db) => {
      const [rows, count] = await Promise.all([
        db.query(
          'SELECT id, name, priority, first_response_minutes, resolution_minutes, calendar_id FROM sla_policy ORDER BY priority ASC, created_at ASC LIMIT 20',
        ),
        db.query('SELECT count(*)::int AS n FROM sla_policy'),
      ]);
      return {
        data: {
          slaPolicies: {
            totalCount: count.rows[0].n,
            items: rows.rows.map((r) => ({
              id: r.id,
              name: r.name,
              priority: r.priority,
              firstResponseMinutes: r.first_response_minutes,
              resolutionMinutes: r.resolution_minutes,
              calendarId: r.calendar_id,
            })),
          },
        },
      };
    },
  },
  ...pluginWorkloads,
];
