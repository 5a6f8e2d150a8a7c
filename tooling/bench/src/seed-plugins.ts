// Data for the plugin workloads, on top of the core data set (src/seed.ts): the service desk's
// cases (12,000 over the seeded customers, with teams and agents) and the warranty plugin's
// registrations, extended contracts and claims. Set-based SQL, inserted once, after the platform
// has created the plugins' tables.
import type pg from 'pg';

export const SEED_CASES = 12_000;
const TEAMS = ['Bench Appliances', 'Bench Deliveries', 'Bench Refunds'];
const AGENTS = 8;

/** Whether the platform created a table (its plugin is enabled and migrated). */
async function hasTable(pool: pg.Pool, table: string): Promise<boolean> {
  const { rows } = await pool.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [table]);
  return rows[0].ok;
}

async function inTransaction(pool: pg.Pool, statements: Array<[string, unknown[]?]>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const [sql, values] of statements) await client.query(sql, values);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Service desk: three teams, eight agents (staff users that cannot sign in) and 12,000 cases of
 * every kind, channel, severity and state, three quarters assigned, nine in ten in a team, open
 * ones with SLA due dates spread over weeks. Returns true when it inserted.
 */
export async function seedServiceDesk(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'service_desk_case'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_desk_case WHERE created_by = 'bench'`);
  if (rows[0].n >= SEED_CASES) return false;
  await inTransaction(pool, [
    [`INSERT INTO service_desk_team (name, auto_assign) SELECT unnest($1::text[]), 'manual' ON CONFLICT (name) DO NOTHING`, [TEAMS]],
    [
      `INSERT INTO staff_user (email, name, password_hash)
       SELECT 'agent' || i || '@bench.invalid', 'Bench Agent ' || i, '!' FROM generate_series(1, $1) i
       ON CONFLICT (email) DO NOTHING`,
      [AGENTS],
    ],
    [
      `INSERT INTO service_desk_case (kind, channel, severity, status, subject, description, customer_id, team_id, assignee_id,
                                      sla_due_at, sla_warn_at, resolved_at, created_by, version, created_at, updated_at)
       SELECT (ARRAY['inquiry','complaint','claim'])[1 + g % 3],
              (ARRAY['email','portal','phone','chat','api'])[1 + g % 5],
              (ARRAY['serious','moderate','minor','general'])[1 + (g / 3) % 4],
              s.status,
              (ARRAY['Dishwasher leaks','Late delivery','Refund not received','Noisy fridge','Wrong spare part','Oven door cracked'])[1 + g % 6]
                || ' (' || lpad(g::text, 5, '0') || ')',
              'Seeded for the benchmark.',
              c.id, t.id, a.id,
              CASE WHEN s.open THEN timestamptz '2026-12-01 08:00:00Z' + (g % 4000) * interval '17 minutes' END,
              CASE WHEN s.open THEN timestamptz '2026-12-01 06:00:00Z' + (g % 4000) * interval '17 minutes' END,
              CASE WHEN NOT s.open THEN timestamptz '2026-06-01 00:00:00Z' + g * interval '11 minutes' END,
              'bench', 1,
              timestamptz '2026-01-01 00:00:00Z' + g * interval '23 minutes',
              timestamptz '2026-01-01 00:00:00Z' + g * interval '23 minutes'
       FROM generate_series(0, $1 - 1) g
       CROSS JOIN LATERAL (SELECT (ARRAY['new','open','open','waiting_on_customer','waiting_on_third_party','resolved','closed','closed'])[1 + (g / 7) % 8] AS status) s0
       CROSS JOIN LATERAL (SELECT s0.status, s0.status IN ('new','open','waiting_on_customer','waiting_on_third_party') AS open) s
       JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM customer WHERE email LIKE '%@bench.example') c ON c.n = (g * 7) % 10000
       LEFT JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM service_desk_team WHERE name = ANY($2)) t
         ON t.n = g % 3 AND g % 10 <> 0
       LEFT JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM staff_user WHERE email LIKE 'agent%@bench.invalid') a
         ON a.n = g % $3 AND g % 4 <> 0`,
      [SEED_CASES, TEAMS, AGENTS],
    ],
  ]);
  await pool.query('ANALYZE service_desk_case, service_desk_team, staff_user');
  return true;
}

/**
 * Warranty: a registration for two purchases in five (about 20,000, the model's warranty months from
 * delivery), an extended contract for one registration in four and a completed legal-guarantee
 * repair claim for one in eight. Returns true when it inserted.
 */
export async function seedWarranty(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'warranty_registration'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM warranty_registration WHERE created_by = 'bench'`);
  if (rows[0].n > 0) return false;
  await inTransaction(pool, [
    [
      `INSERT INTO warranty_registration (customer_id, purchase_id, model_id, serial_number, purchased_at, delivered_at, source, policy_name,
                                          months, start_from, coverage_types, exclusions, legal_basis, transferable, starts_at, ends_at, created_by)
       SELECT p.customer_id, p.id, p.model_id, p.serial_number, p.purchased_at, p.delivered_at, 'purchase',
              'Bench ' || m.warranty_months || '-month warranty', m.warranty_months, 'delivery', '{parts,labour}', '{accidental_damage}',
              'commercial_warranty', false, p.delivered_at, p.delivered_at + m.warranty_months * interval '1 month', 'bench'
       FROM purchase p JOIN product_model m ON m.id = p.model_id
       WHERE p.serial_number LIKE 'SN%' AND substr(p.serial_number, 3)::int % 5 < 2`,
    ],
    [
      `INSERT INTO warranty_contract (registration_id, customer_id, price_minor, currency, term_months, starts_at, ends_at, claim_cap_minor,
                                      coverage_types, exclusions, idempotency_key)
       SELECT r.id, r.customer_id, 9900, 'EUR', 24, r.ends_at, r.ends_at + interval '24 months', 50000, '{parts,labour,on_site}', '{}',
              'bench-' || r.id
       FROM warranty_registration r WHERE r.created_by = 'bench' AND substr(r.serial_number, 3)::int % 20 = 0`,
    ],
    [
      `INSERT INTO warranty_claim (customer_id, registration_id, purchase_id, model_id, serial_number, status, description, damage_type,
                                   legal_basis, consumer_remedy, entitled, entitlement, outcome, decided_at, decided_by, resolved_at,
                                   created_by, version, created_at, updated_at)
       SELECT r.customer_id, r.id, r.purchase_id, r.model_id, r.serial_number, 'closed', 'Stopped heating.', 'defect',
              'legal_guarantee', 'repair', true, '{}'::jsonb, 'repaired', r.starts_at + interval '100 days', 'bench',
              r.starts_at + interval '120 days', 'bench', 1, r.starts_at + interval '90 days', r.starts_at + interval '120 days'
       FROM warranty_registration r WHERE r.created_by = 'bench' AND substr(r.serial_number, 3)::int % 40 = 0`,
    ],
  ]);
  await pool.query('ANALYZE warranty_registration, warranty_contract, warranty_claim');
  return true;
}

export const SEED_ARTICLES = 100_000;
const KB_WORDS = [
  'battery',
  'charger',
  'cable',
  'screen',
  'display',
  'kettle',
  'boil',
  'water',
  'filter',
  'descale',
  'vinegar',
  'button',
  'power',
  'reset',
  'factory',
  'settings',
  'wifi',
  'router',
  'connection',
  'bluetooth',
  'pairing',
  'speaker',
  'sound',
  'volume',
  'firmware',
  'update',
  'install',
  'warranty',
  'register',
  'serial',
  'number',
  'receipt',
  'return',
  'refund',
  'delivery',
  'parcel',
  'damage',
  'broken',
  'crack',
  'leak',
  'noise',
  'vibration',
  'heat',
  'overheating',
  'fan',
  'motor',
  'blade',
  'lid',
  'handle',
  'door',
  'light',
  'blinking',
  'error',
  'code',
  'message',
  'app',
  'account',
  'password',
  'login',
  'email',
  'notification',
  'schedule',
  'timer',
  'clock',
  'temperature',
  'thermostat',
  'sensor',
  'calibration',
  'cleaning',
  'maintenance',
  'spare',
  'part',
  'replacement',
  'manual',
  'guide',
  'setup',
  'assembly',
  'mounting',
  'wall',
  'stand',
  'remote',
  'control',
  'batteries',
  'charging',
  'slow',
  'fast',
  'stops',
  'starts',
  'works',
  'problem',
  'solution',
  'check',
  'clean',
  'replace',
  'contact',
  'service',
  'repair',
  'technician',
  'visit',
  'appointment',
];

/**
 * Knowledge base: 100,000 published English articles (a third each public, for customers and internal)
 * with titles of three words and bodies of thirty from a 100-word vocabulary, and their search vectors
 * built as the plugin builds them. Returns true when it inserted.
 */
export async function seedKnowledgeBase(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'knowledge_base_translation'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM knowledge_base_translation WHERE slug LIKE 'bench-%'`);
  if (rows[0].n >= SEED_ARTICLES) return false;
  const words = `ARRAY[${KB_WORDS.map((w) => `'${w}'`).join(',')}]`;
  const n = KB_WORDS.length;
  const word = (mul: number, add: number) => `(${words})[1 + ((i * ${mul} + ${add}) % ${n})]`;
  const body = Array.from({ length: 30 }, (_, k) => word(17 + k * 7, k * 11)).join(` || ' ' || `);
  await inTransaction(pool, [
    [
      `INSERT INTO knowledge_base_article (id, status, visibility, category_id, default_locale, model_ids, tags, related_ids,
         published_at, unpublish_at, last_reviewed_at, owner_id, version, created_at, updated_at)
       SELECT md5('kb-bench-' || i)::uuid, 'published', (ARRAY['public','customers','internal'])[1 + i % 3], NULL, 'en', '{}', '{}', '{}',
              '2026-01-01T00:00:00Z', NULL, '2026-01-01T00:00:00Z', NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
         FROM generate_series(1, ${SEED_ARTICLES}) AS i`,
    ],
    [
      `INSERT INTO knowledge_base_translation (article_id, locale, slug, title, summary, body, html, body_text, title_norm, search_config,
         revision, source_revision, updated_at)
       SELECT md5('kb-bench-' || i)::uuid, 'en', 'bench-' || i, t, s, b, '<p>' || b || '</p>', b, t, 'kb_english', 1, NULL, '2026-01-01T00:00:00Z'
         FROM (SELECT i, initcap(${word(7, 1)} || ' ' || ${word(13, 3)} || ' ' || ${word(31, 5)}) AS t,
                      ${word(3, 2)} || ' ' || ${word(5, 9)} || ' ' || ${word(11, 4)} AS s, ${body} AS b
                 FROM generate_series(1, ${SEED_ARTICLES}) AS i) x`,
    ],
    [
      `UPDATE knowledge_base_translation
          SET search_vector = setweight(to_tsvector(search_config::regconfig, title), 'A')
                           || setweight(to_tsvector(search_config::regconfig, summary || ' ' || ''), 'B')
                           || setweight(to_tsvector(search_config::regconfig, body_text), 'C'),
              title_norm = lower(unaccent(title))
        WHERE slug LIKE 'bench-%'`,
    ],
  ]);
  await pool.query('ANALYZE knowledge_base_article');
  await pool.query('ANALYZE knowledge_base_translation');
  return true;
}

/**
 * Returns: a return request with one line for one purchase in five (about 10,000), in every state
 * of the machine, a third of them withdrawals with a refund due date. Returns true when it inserted.
 */
export async function seedReturns(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'returns_request'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM returns_request WHERE created_by = 'bench'`);
  if (rows[0]!.n > 0) return false;
  const states = `ARRAY['requested','approved','awaiting_item','received','inspected','refunded','credited','closed','declined','cancelled']`;
  await inTransaction(pool, [
    [
      `INSERT INTO returns_request (id, reference, customer_id, status, channel, withdrawal, refund_due_at, currency, created_by, version, created_at, updated_at)
       SELECT gen_random_uuid(), '', p.customer_id, (${states})[1 + (row_number() OVER (ORDER BY p.id))::int % 10],
              CASE WHEN row_number() OVER (ORDER BY p.id) % 3 = 0 THEN 'withdrawal_function' ELSE 'portal' END,
              row_number() OVER (ORDER BY p.id) % 3 = 0,
              CASE WHEN row_number() OVER (ORDER BY p.id) % 3 = 0 THEN coalesce(p.delivered_at, p.purchased_at) + interval '20 days' END,
              p.currency, 'bench:' || p.id, 1, coalesce(p.delivered_at, p.purchased_at) + interval '6 days', coalesce(p.delivered_at, p.purchased_at) + interval '6 days'
         FROM purchase p WHERE abs(hashtext(p.id::text)) % 5 = 0`,
    ],
    [`UPDATE returns_request SET reference = 'RET-' || number WHERE created_by LIKE 'bench:%'`],
    [
      `INSERT INTO returns_line (request_id, purchase_id, model_id, serial_number, quantity, reason_code, requested_resolution, legal_basis, basis_explanation, price_minor, version)
       SELECT r.id, p.id, p.model_id, p.serial_number, 1, CASE WHEN r.withdrawal THEN NULL ELSE 'changed_mind' END, 'refund',
              CASE WHEN r.withdrawal THEN 'withdrawal' ELSE 'commercial' END, 'Bench data', p.price_minor, 1
         FROM returns_request r JOIN purchase p ON p.id = substr(r.created_by, 7)::uuid WHERE r.created_by LIKE 'bench:%'`,
    ],
    [`UPDATE returns_request SET created_by = 'bench' WHERE created_by LIKE 'bench:%'`],
  ]);
  await pool.query('ANALYZE returns_request, returns_line');
  return true;
}

export const SEED_SURVEY_RESPONSES = 100_000;

/**
 * Surveys: three surveys (NPS, CSAT, CES) and 110,000 sends over 2026, 100,000 of them answered,
 * spread over eight agents, five channels and three request kinds. Returns true when it inserted.
 */
export async function seedSurveys(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'surveys_response'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM surveys_response`);
  if (rows[0].n >= SEED_SURVEY_RESPONSES) return false;
  const content = JSON.stringify({
    defaultLocale: 'en',
    question: [{ locale: 'en', text: 'Bench question' }],
    thankYou: [],
    followUps: [],
  });
  await inTransaction(pool, [
    [
      `INSERT INTO surveys_survey (name, kind, active, current_version, content, version, created_at, updated_at)
       SELECT 'Bench ' || k, k, true, 1, $1::jsonb, 1, now(), now() FROM unnest(ARRAY['nps','csat','ces']) k
       ON CONFLICT (name) DO NOTHING`,
      [content],
    ],
    [
      `INSERT INTO surveys_survey_version (survey_id, version, content, created_at)
       SELECT id, 1, content, now() FROM surveys_survey WHERE name LIKE 'Bench %' ON CONFLICT DO NOTHING`,
    ],
    [
      `INSERT INTO surveys_invitation (survey_id, customer_id, trigger_event, context, status, send_at, sent_at, last_contact_at, expires_at, created_at)
       SELECT s.id, c.id, 'service-desk.case.resolved',
              jsonb_build_object('agentId', '00000000-0000-4000-8000-' || lpad((g % 8)::text, 12, '0'),
                                 'channel', (ARRAY['email','portal','phone','chat','api'])[1 + g % 5],
                                 'kind', (ARRAY['inquiry','complaint','claim'])[1 + g % 3]),
              CASE WHEN g % 11 = 10 THEN 'sent' ELSE 'answered' END,
              timestamptz '2026-01-01 00:00:00Z' + g * interval '4 minutes',
              timestamptz '2026-01-01 00:00:00Z' + g * interval '4 minutes',
              timestamptz '2026-01-01 00:00:00Z' + g * interval '4 minutes',
              timestamptz '2026-01-15 00:00:00Z' + g * interval '4 minutes',
              timestamptz '2026-01-01 00:00:00Z' + g * interval '4 minutes'
       FROM generate_series(0, $1 - 1) g
       JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM surveys_survey WHERE name LIKE 'Bench %') s ON s.n = g % 3
       JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM customer WHERE email LIKE '%@bench.example') c ON c.n = (g * 7) % 10000`,
      [Math.ceil((SEED_SURVEY_RESPONSES * 11) / 10)],
    ],
    [
      `INSERT INTO surveys_response (invitation_id, survey_id, survey_version, customer_id, kind, score, detractor, answers, comment, tags,
                                     status, context, completed, answered_at, updated_at, version)
       SELECT i.id, i.survey_id, 1, i.customer_id, s.kind, sc.score,
              CASE s.kind WHEN 'nps' THEN sc.score <= 6 WHEN 'csat' THEN sc.score <= 2 ELSE sc.score >= 6 END,
              '{}', NULL, '{}', 'new', i.context, true, i.sent_at + interval '3 hours', i.sent_at + interval '3 hours', 1
       FROM surveys_invitation i JOIN surveys_survey s ON s.id = i.survey_id
       CROSS JOIN LATERAL (SELECT CASE s.kind WHEN 'nps' THEN (hashtext(i.id::text) & 1023) % 11
                                              WHEN 'csat' THEN 1 + (hashtext(i.id::text) & 1023) % 5
                                              ELSE 1 + (hashtext(i.id::text) & 1023) % 7 END AS score) sc
       WHERE i.status = 'answered'`,
    ],
  ]);
  await pool.query('ANALYZE surveys_invitation, surveys_response, surveys_survey');
  return true;
}

/** Ledger entries of the loyalty workload: 100 per seeded customer, one million in all. */
export const SEED_LEDGER_ENTRIES = 1_000_000;

/**
 * Loyalty: an account per seeded customer and 100 ledger entries each (earnings over two years, a
 * redemption in every fifth entry), one million entries in all. Returns true when it inserted.
 */
export async function seedLoyalty(pool: pg.Pool): Promise<boolean> {
  if (!(await hasTable(pool, 'loyalty_ledger_entry'))) return false;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM loyalty_ledger_entry WHERE source_type = 'bench'`);
  if (rows[0].n > 0) return false;
  await inTransaction(pool, [
    [
      `INSERT INTO loyalty_account (customer_id, enrolled_at)
       SELECT id, '2025-01-01T00:00:00Z' FROM customer ORDER BY id LIMIT $1 ON CONFLICT (customer_id) DO NOTHING`,
      [SEED_LEDGER_ENTRIES / 100],
    ],
    [
      `INSERT INTO loyalty_ledger_entry (account_id, customer_id, kind, points, available_at, expires_at, reason, source_type, actor_kind, created_at)
       SELECT a.id, a.customer_id,
              CASE WHEN g % 5 = 0 THEN 'redeem' ELSE 'earn' END,
              CASE WHEN g % 5 = 0 THEN -40 ELSE 25 END,
              '2025-01-01T00:00:00Z'::timestamptz + g * interval '7 days',
              CASE WHEN g % 5 = 0 THEN NULL ELSE '2027-06-01T00:00:00Z'::timestamptz + g * interval '7 days' END,
              'Bench', 'bench', 'system', '2025-01-01T00:00:00Z'::timestamptz + g * interval '7 days'
       FROM loyalty_account a CROSS JOIN generate_series(1, 100) AS g`,
    ],
  ]);
  return true;
}
