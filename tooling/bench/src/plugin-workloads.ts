// Workloads of the plugins: the service desk's case list, the warranty entitlement check and the
// knowledge base search. Each
// baseline runs the statements the platform runs for the request (read from the plugin's resolver,
// service and DataLoaders) with pg and builds the same JSON; pure domain rules (the coverage
// arithmetic) are called from the plugin's public exports, so both sides compute the same answer
// and only the framework around it differs.
import { mean, nps as surveyNps, wilson } from '@aftercare/surveys';
import { computeCoverage, settingsSchema, type CoverageInput, type CoverageLayer } from '@aftercare/warranty';

type ContractTerms = CoverageInput['contracts'][number];
import type { Db } from './db.js';
import type { BaselineRequest, Workload } from './workloads.js';

/** GraphQL enum names: the stored value in upper case (as both plugins register their enums). */
const enumName = (v: string | null) => (v == null ? null : v.toUpperCase());
const iso = (d: Date | null) => (d == null ? null : d.toISOString());

/** The case list filter of the workload: the open complaints and claims of the inbox. */
const CASE_FILTER = { status: ['NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_THIRD_PARTY'], kind: ['COMPLAINT', 'CLAIM'] };

/** Customers of a case page and the platform's `customer.read` audit entries for them (one per customer, one statement). */
async function customersReadByCases(db: Db, ids: string[], req: BaselineRequest): Promise<Map<string, any>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query('SELECT * FROM customer WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  if (rows.length) {
    await db.query(
      `INSERT INTO audit_event (actor_kind, actor_id, actor_display, action, object_type, object_id, changes, metadata, request_id, ip)
       SELECT 'apiKey', $1, $2, 'customer.read', 'Customer', id, NULL, $3, $4, $5 FROM unnest($6::uuid[]) AS id`,
      [req.actor.keyId, req.actor.name, JSON.stringify({ via: 'service-desk.case' }), req.requestId, req.ip, rows.map((r) => r.id)],
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

async function namesByIds(db: Db, table: 'staff_user' | 'service_desk_team', ids: Array<string | null>): Promise<Map<string, any>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const { rows } = await db.query(`SELECT * FROM ${table} WHERE id = ANY($1::uuid[])`, [wanted]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** The entitlement check's moment in the workload: fixed, so both servers answer the same. */
const COVERAGE_AT = '2026-11-01T00:00:00.000Z';

function layerJson(l: CoverageLayer) {
  return {
    basis: enumName(l.basis),
    policyId: l.policyId,
    contractId: l.contractId,
    name: l.name,
    startsAt: iso(l.startsAt),
    endsAt: iso(l.endsAt),
    lastDay: l.lastDay,
    coverageTypes: l.coverageTypes.map(enumName),
    covered: l.covered,
    reason: enumName(l.reason),
  };
}

export const pluginWorkloads: Workload[] = [
  {
    id: 'W-SD',
    title: 'service desk case list: open complaints and claims, 20 by due date, with customer, assignee and team',
    plugins: ['service-desk'],
    query:
      'query WSD($filter: CaseFilter) { cases(take: 20, filter: $filter, sort: DUE_DATE) { totalCount items { id reference kind channel severity status subject slaDueAt createdAt customer { id name } assignee { id name } team { id name } } } }',
    permissions: ['service-desk.case.read', 'core.customer.read'],
    variables: async () => ({ filter: CASE_FILTER }),
    baseline: async (db, variables, req) => {
      const filter = variables.filter as typeof CASE_FILTER;
      const status = filter.status.map((s) => s.toLowerCase());
      const kind = filter.kind.map((k) => k.toLowerCase());
      const where = 'c.status = ANY($1::text[]) AND c.kind = ANY($2::text[])';
      const { rows: cases } = await db.query(
        `SELECT c.* FROM service_desk_case c WHERE ${where}
         ORDER BY c.sla_due_at ASC NULLS LAST, c.created_at ASC, c.id ASC LIMIT 20 OFFSET 0`,
        [status, kind],
      );
      const count = await db.query<{ n: number }>(`SELECT count(DISTINCT c.id)::int AS n FROM service_desk_case c WHERE ${where}`, [
        status,
        kind,
      ]);
      const customers = await customersReadByCases(
        db,
        cases.map((c) => c.customer_id),
        req,
      );
      const staff = await namesByIds(
        db,
        'staff_user',
        cases.map((c) => c.assignee_id),
      );
      const teams = await namesByIds(
        db,
        'service_desk_team',
        cases.map((c) => c.team_id),
      );
      const pick = (row: any) => (row ? { id: row.id, name: row.name } : null);
      return {
        data: {
          cases: {
            totalCount: count.rows[0].n,
            items: cases.map((c) => ({
              id: c.id,
              reference: `SD-${c.number}`,
              kind: enumName(c.kind),
              channel: enumName(c.channel),
              severity: enumName(c.severity),
              status: enumName(c.status),
              subject: c.subject,
              slaDueAt: iso(c.sla_due_at),
              createdAt: iso(c.created_at),
              customer: pick(customers.get(c.customer_id)),
              assignee: c.assignee_id ? pick(staff.get(c.assignee_id)) : null,
              team: c.team_id ? pick(teams.get(c.team_id)) : null,
            })),
          },
        },
      };
    },
  },
  {
    id: 'W-WC',
    title: 'warranty entitlement check by serial: registration, extended contract, legal-guarantee repair',
    plugins: ['warranty'],
    query:
      'query WWC($serial: String!, $at: DateTimeISO) { warrantyCoverage(serialNumber: $serial, at: $at) { covered basis policyId contractId registrationId purchaseId customerId modelId serialNumber at coveredUntil lastCoveredDay coverageTypes reason explanation timeZone jurisdiction layers { basis policyId contractId name startsAt endsAt lastDay coverageTypes covered reason } } }',
    permissions: ['warranty.coverage.read'],
    variables: async (pool) => {
      // A registered item with an extended contract and a completed legal-guarantee repair: every layer is evaluated.
      const { rows } = await pool.query<{ serial_number: string }>(
        `SELECT r.serial_number FROM warranty_registration r
         WHERE r.created_by = 'bench' AND substr(r.serial_number, 3)::int % 40 = 0
           AND EXISTS (SELECT 1 FROM warranty_contract c WHERE c.registration_id = r.id)
         ORDER BY r.serial_number LIMIT 1 OFFSET 17`,
      );
      return { serial: rows[0].serial_number.toLowerCase(), at: COVERAGE_AT };
    },
    baseline: async (db, variables) => {
      const serial = String(variables.serial).trim().toUpperCase();
      const at = new Date(String(variables.at));
      const one = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0] ?? null;
      const registration = await one('SELECT * FROM warranty_registration WHERE serial_number = $1 ORDER BY created_at DESC LIMIT 1', [
        serial,
      ]);
      if (!registration?.purchase_id) throw new Error('W-WC baseline: the workload expects a registered purchase');
      const purchase = await one('SELECT * FROM purchase WHERE id = $1 LIMIT 1', [registration.purchase_id]);
      const customer = await one('SELECT * FROM customer WHERE id = $1 LIMIT 1', [registration.customer_id]);
      const setting = await one('SELECT * FROM setting WHERE owner = $1 LIMIT 1', ['warranty']);
      const parsed = settingsSchema.safeParse(setting?.value ?? {});
      const settings = parsed.success ? parsed.data : settingsSchema.parse({});
      const zone = customer?.time_zone || 'UTC';
      const country: string = customer?.addresses?.[0]?.country ?? settings.defaultCountry;
      const jurisdiction = customer ? (settings.jurisdictions.find((j) => j.countries.includes(country.toUpperCase())) ?? null) : null;
      const { rows: contracts } = await db.query('SELECT * FROM warranty_contract WHERE registration_id = $1', [registration.id]);
      const repaired = await one(
        `SELECT 1 AS ok FROM warranty_claim
         WHERE (registration_id = $1 OR purchase_id = $2) AND outcome = 'repaired' AND legal_basis = 'legal_guarantee'
           AND consumer_remedy = 'repair' AND status IN ('resolved', 'closed') AND resolved_at <= $3 LIMIT 1`,
        [registration.id, purchase?.id ?? null, at],
      );
      const result = computeCoverage({
        at,
        timeZone: zone,
        item: { purchasedAt: registration.purchased_at, deliveredAt: registration.delivered_at },
        registration: {
          id: registration.id,
          policy: {
            id: registration.policy_id,
            name: registration.policy_name,
            months: registration.months,
            startFrom: registration.start_from,
            coverageTypes: registration.coverage_types,
            exclusions: registration.exclusions,
            legalBasis: registration.legal_basis,
            usDesignation: registration.us_designation,
            transferable: registration.transferable,
          },
        },
        unregisteredPolicy: null,
        contracts: contracts.map((c): ContractTerms => ({
          id: c.id,
          startsAt: c.starts_at,
          endsAt: c.ends_at,
          coverageTypes: c.coverage_types,
          exclusions: c.exclusions,
          claimCapMinor: c.claim_cap_minor,
          claimedMinor: c.claimed_minor,
        })),
        jurisdiction,
        legalRepairExtension: !!repaired,
        damageType: null,
      });
      return {
        data: {
          warrantyCoverage: {
            covered: result.covered,
            basis: enumName(result.basis),
            policyId: result.policyId,
            contractId: result.contractId,
            registrationId: registration.id,
            purchaseId: purchase?.id ?? null,
            customerId: registration.customer_id,
            modelId: registration.model_id,
            serialNumber: registration.serial_number,
            at: at.toISOString(),
            coveredUntil: iso(result.coveredUntil),
            lastCoveredDay: result.lastCoveredDay,
            coverageTypes: result.coverageTypes.map(enumName),
            reason: enumName(result.reason),
            explanation: result.explanation,
            timeZone: zone,
            jurisdiction: jurisdiction?.code ?? null,
            layers: result.layers.map(layerJson),
          },
        },
      };
    },
  },
  {
    id: 'W-KB',
    title: 'knowledge base search at 100,000 articles: two words, the last a prefix, 10 ranked hits with snippets and facets',
    plugins: ['knowledge-base'],
    query:
      'query WKB($q: String!) { searchKb(query: $q, filter: { locale: "en" }, take: 10) { total hits { articleId slug title snippet rank fallback } categories { value count } visibilities { value count } } }',
    permissions: ['knowledge-base.article.read'],
    variables: async () => ({ q: 'battery charg' }),
    baseline: async (db, variables) => {
      // The statements of KbReader.search for an API key holding the read permission (every visibility).
      const text = String(variables.q);
      const tokens =
        text
          .normalize('NFKC')
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? [];
      const tsquery = tokens.map((t, i) => (i === tokens.length - 1 ? `${t}:*` : t)).join(' & ');
      const now = new Date();
      const { rows: candidates } = await db.query(
        `WITH q AS (SELECT to_tsquery('kb_english', $1) AS en, to_tsquery('kb_spanish', $1) AS es, to_tsquery('kb_simple', $1) AS si)
         SELECT t.id AS tid, t.article_id, t.locale, a.category_id, a.visibility,
                ts_rank('{0.1,0.2,0.4,1.0}', t.search_vector,
                        CASE t.search_config WHEN 'kb_english' THEN q.en WHEN 'kb_spanish' THEN q.es ELSE q.si END) AS rank,
                (a.model_ids && $2::uuid[]) AS mine
           FROM q, knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
          WHERE ((t.search_config = 'kb_english' AND t.search_vector @@ q.en)
              OR (t.search_config = 'kb_spanish' AND t.search_vector @@ q.es)
              OR (t.search_config = 'kb_simple' AND t.search_vector @@ q.si))
            AND (t.locale = $3 OR (t.locale = a.default_locale AND NOT EXISTS (
                 SELECT 1 FROM knowledge_base_translation t2 WHERE t2.article_id = t.article_id AND t2.locale = $3)))
            AND ($4::uuid IS NULL OR a.category_id = $4) AND ($5::uuid IS NULL OR $5 = ANY(a.model_ids))
            AND ($6::text IS NULL OR a.visibility = $6)
            AND a.status = 'published' AND a.published_at <= $8 AND (a.unpublish_at IS NULL OR a.unpublish_at > $8)
            AND a.visibility = ANY($9::text[])
          LIMIT $7`,
        [tsquery, [], 'en', null, null, null, 500, now, ['public', 'customers', 'internal']],
      );
      if (candidates.length < 10) throw new Error('W-KB: the query must match at least a page (no typo-tolerance path in the baseline)');
      for (const c of candidates) c.rank = Number(c.rank);
      candidates.sort((a, b) => Number(b.mine) - Number(a.mine) || b.rank - a.rank || a.article_id.localeCompare(b.article_id));
      const page = candidates.slice(0, 10);
      const { rows: details } = await db.query(
        `SELECT t.id AS tid, t.slug, t.title, t.summary, a.default_locale,
                ts_headline(t.search_config::regconfig, t.body_text, to_tsquery(t.search_config::regconfig, $2), $3) AS snippet
           FROM knowledge_base_translation t JOIN knowledge_base_article a ON a.id = t.article_id
          WHERE t.id = ANY($1::uuid[])`,
        [
          page.map((c) => c.tid),
          tsquery,
          'StartSel="\uE000", StopSel="\uE001", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "',
        ],
      );
      await db.query(
        `INSERT INTO knowledge_base_search (query, locale, result_count, customer_id, searched_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [tokens.join(' ').slice(0, 200), 'en', candidates.length, null, now],
      );
      const escape = (v: string) =>
        v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const byId = new Map(details.map((d) => [d.tid, d]));
      const facet = (key: (c: any) => string | null) => {
        const counts = new Map<string, number>();
        for (const c of candidates) {
          const k = key(c);
          if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      };
      return {
        data: {
          searchKb: {
            total: candidates.length,
            hits: page.map((c) => {
              const d = byId.get(c.tid);
              return {
                articleId: c.article_id,
                slug: d.slug,
                title: d.title,
                snippet: d.snippet ? escape(d.snippet).replaceAll('\uE000', '<mark>').replaceAll('\uE001', '</mark>') : '',
                rank: c.rank,
                fallback: c.locale !== 'en',
              };
            }),
            categories: facet((c) => c.category_id),
            visibilities: facet((c) => c.visibility),
          },
        },
      };
    },
  },
  {
    id: 'W-RET',
    title: 'returns inbox: the "to approve" view, 20 newest of about 10,000 return requests',
    plugins: ['returns'],
    query:
      'query WRET { returnRequests(take: 20, view: "to_approve") { totalCount items { id reference status withdrawal keepItem refundDueAt sendBackBy createdAt } } }',
    permissions: ['returns.request.read'],
    baseline: async (db) => {
      const { rows } = await db.query(
        `SELECT * FROM returns_request WHERE status = 'requested' ORDER BY number DESC, id ASC LIMIT 20 OFFSET 0`,
      );
      const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM returns_request WHERE status = 'requested'`);
      return {
        data: {
          returnRequests: {
            totalCount: count.rows[0].n,
            items: rows.map((r) => ({
              id: r.id,
              reference: r.reference,
              status: enumName(r.status),
              withdrawal: r.withdrawal,
              keepItem: r.keep_item,
              refundDueAt: iso(r.refund_due_at),
              sendBackBy: r.send_back_by,
              createdAt: iso(r.created_at),
            })),
          },
        },
      };
    },
  },
  {
    id: 'W-SV',
    title: 'survey analytics over 100,000 responses: NPS, CSAT, CES, response rate, break-down by agent, weekly trend, distribution',
    plugins: ['surveys'],
    query:
      'query WSV($input: SurveyAnalyticsInput!) { surveyAnalytics(input: $input) { responses sent minPersonSample nps { value sampleSize low high } csat { value sampleSize low high } ces { value sampleSize low high } responseRate { value sampleSize low high } groups { key responses hidden nps { value sampleSize low high } csat { value sampleSize } ces { value sampleSize } } trend { bucket responses nps { value sampleSize } csat { value sampleSize } ces { value sampleSize } } distribution { kind score count } } }',
    permissions: ['surveys.analytics.read'],
    variables: async () => ({
      input: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', groupBy: 'AGENT', interval: 'week', timeZone: 'UTC' },
    }),
    baseline: async (db, variables) => {
      const input = variables.input as { from: string; to: string; timeZone: string };
      const params = [new Date(input.from), new Date(input.to)];
      const agg = `count(*) FILTER (WHERE r.kind = 'nps')::int AS nps_n, count(*) FILTER (WHERE r.kind = 'nps' AND r.score >= 9)::int AS nps_pro,
        count(*) FILTER (WHERE r.kind = 'nps' AND r.score <= 6)::int AS nps_det, count(*) FILTER (WHERE r.kind = 'csat')::int AS csat_n,
        count(*) FILTER (WHERE r.kind = 'csat' AND r.score >= 4)::int AS csat_sat, count(*) FILTER (WHERE r.kind = 'ces')::int AS ces_n,
        avg(r.score) FILTER (WHERE r.kind = 'ces')::float8 AS ces_avg, stddev_samp(r.score) FILTER (WHERE r.kind = 'ces')::float8 AS ces_sd, count(*)::int AS n`;
      const where = 'r.answered_at >= $1 AND r.answered_at < $2';
      const setting = (await db.query('SELECT * FROM setting WHERE owner = $1 LIMIT 1', ['surveys'])).rows[0];
      const minPersonSample = Number(setting?.value?.minPersonSample ?? 5);
      const scores = (r: any) => ({
        nps: surveyNps(r.nps_pro, r.nps_det, r.nps_n),
        csat: wilson(r.csat_sat, r.csat_n),
        ces: mean(r.ces_avg, r.ces_sd, r.ces_n),
      });
      const total = (await db.query(`SELECT ${agg} FROM surveys_response r WHERE ${where}`, params)).rows[0];
      const rate = (
        await db.query(
          `SELECT count(*)::int AS sent, count(r.id)::int AS answered FROM surveys_invitation i LEFT JOIN surveys_response r ON r.invitation_id = i.id
           WHERE i.sent_at >= $1 AND i.sent_at < $2`,
          params,
        )
      ).rows[0];
      const groups = (
        await db.query(
          `SELECT r.context ->> 'agentId' AS g, ${agg} FROM surveys_response r WHERE ${where} GROUP BY 1 ORDER BY n DESC, g NULLS LAST LIMIT 200`,
          params,
        )
      ).rows;
      const trend = (
        await db.query(
          `SELECT (date_trunc('week', r.answered_at AT TIME ZONE $3) AT TIME ZONE $3) AS g, ${agg} FROM surveys_response r WHERE ${where} GROUP BY 1 ORDER BY 1`,
          [...params, input.timeZone],
        )
      ).rows;
      const distribution = (
        await db.query(
          `SELECT r.kind, r.score, count(*)::int AS count FROM surveys_response r WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
          params,
        )
      ).rows;
      const t = scores(total);
      const short = (e: { value: number | null; sampleSize: number }) => ({ value: e.value, sampleSize: e.sampleSize });
      return {
        data: {
          surveyAnalytics: {
            responses: total.n,
            sent: rate.sent,
            minPersonSample,
            nps: t.nps,
            csat: t.csat,
            ces: t.ces,
            responseRate: wilson(rate.answered, rate.sent),
            groups: groups.map((g) => {
              const s = scores(g);
              const hidden = g.n < minPersonSample;
              const hide = (e: any) => (hidden ? { value: null, sampleSize: e.sampleSize, low: null, high: null } : e);
              return { key: g.g, responses: g.n, hidden, nps: hide(s.nps), csat: short(hide(s.csat)), ces: short(hide(s.ces)) };
            }),
            trend: trend.map((p) => {
              const s = scores(p);
              return { bucket: iso(p.g), responses: p.n, nps: short(s.nps), csat: short(s.csat), ces: short(s.ces) };
            }),
            distribution: distribution.map((d) => ({ kind: enumName(d.kind), score: d.score, count: d.count })),
          },
        },
      };
    },
  },
  {
    id: 'W-LB',
    title: 'loyalty balance read: spendable and pending points derived from a ledger of one million entries',
    plugins: ['loyalty'],
    query: 'query WLB($c: ID!) { loyaltyBalance(customerId: $c) { customerId balance pending } }',
    permissions: ['loyalty.account.read'],
    variables: async (pool) => {
      const { rows } = await pool.query<{ customer_id: string }>(
        `SELECT customer_id FROM loyalty_account ORDER BY customer_id LIMIT 1 OFFSET 4321`,
      );
      return { c: rows[0].customer_id };
    },
    baseline: async (db, variables) => {
      const customerId = String(variables.c);
      const { rows: accounts } = await db.query('SELECT id FROM loyalty_account WHERE customer_id = $1 LIMIT 1', [customerId]);
      let balance = 0;
      let pending = 0;
      if (accounts[0]) {
        const { rows } = await db.query(
          `SELECT COALESCE(SUM(points) FILTER (WHERE available_at <= $2), 0)::bigint AS balance,
                  COALESCE(SUM(points) FILTER (WHERE available_at > $2), 0)::bigint AS pending
             FROM loyalty_ledger_entry WHERE account_id = $1`,
          [accounts[0].id, new Date()],
        );
        balance = Number(rows[0].balance);
        pending = Number(rows[0].pending);
      }
      return { data: { loyaltyBalance: { customerId, balance, pending } } };
    },
  },
];
