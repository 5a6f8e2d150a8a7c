// The benchmark's data set: 10,000 customers, 20 products with 100 models, 50,000 purchases (five per
// customer). Inserted once with set-based SQL (a few seconds) and skipped when already present.
import type pg from 'pg';

export const SEED_CUSTOMERS = 10_000;
export const SEED_PURCHASES = 50_000;
const PRODUCTS = 20;
const MODELS_PER_PRODUCT = 5;

/** E-mail of the n-th seeded customer (0-based), e.g. to pick a customer for a workload. */
export const seededEmail = (n: number) => `customer${String(n).padStart(5, '0')}@bench.example`;

/** Insert the data set unless it is there. Returns true when it inserted. */
export async function seed(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer WHERE email LIKE '%@bench.example'`);
  if (rows[0].n >= SEED_CUSTOMERS) return false;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO product (name, category, attributes)
       SELECT 'Bench ' || (ARRAY['Aqua','Nordic','Volta','Brisa','Terra'])[1 + p % 5] || ' ' || (100 * (p + 1))::text,
              (ARRAY['Dishwashers','Washing machines','Fridges','Ovens'])[1 + p % 4],
              jsonb_build_object('brand', (ARRAY['Aqua','Nordic','Volta','Brisa','Terra'])[1 + p % 5], 'energyClass', (ARRAY['A','B','C'])[1 + p % 3])
       FROM generate_series(0, $1 - 1) p`,
      [PRODUCTS],
    );
    await client.query(
      `INSERT INTO product_model (product_id, sku, name, attributes, warranty_months, return_window_days)
       SELECT p.id, 'BENCH-' || lpad(p.n::text, 2, '0') || '-' || m, p.name || ' model ' || m,
              jsonb_build_object('colour', (ARRAY['white','black','steel'])[1 + m % 3]), (ARRAY[12, 24, 36])[1 + m % 3], 14 + 16 * (m % 2)
       FROM (SELECT id, name, row_number() OVER (ORDER BY name) - 1 AS n FROM product WHERE name LIKE 'Bench %') p,
            generate_series(1, $1) m`,
      [MODELS_PER_PRODUCT],
    );
    await client.query(
      `INSERT INTO customer (name, email, phones, addresses, locale, time_zone, tags, tier, search_text, created_at, updated_at)
       SELECT c.name, c.email,
              jsonb_build_array(jsonb_build_object('number', '+34 600 ' || lpad(i::text, 6, '0'), 'label', 'mobile')),
              jsonb_build_array(jsonb_build_object('label', 'home', 'line1', 'Calle Mayor ' || (1 + i % 200), 'line2', null,
                                                   'city', (ARRAY['Madrid','Sevilla','Valencia','Bilbao'])[1 + i % 4],
                                                   'postalCode', lpad((1000 + i % 50000)::text, 5, '0'), 'region', null, 'country', 'ES')),
              (ARRAY['es','en','de-AT'])[1 + i % 3], 'Europe/Madrid',
              CASE WHEN i % 10 = 0 THEN ARRAY['vip'] ELSE '{}'::text[] END,
              (ARRAY['standard','standard','standard','gold','business'])[1 + i % 5],
              lower(c.name || ' ' || c.email || ' 34600' || lpad(i::text, 6, '0')),
              timestamptz '2025-01-01 00:00:00Z' + i * interval '37 minutes', timestamptz '2025-01-01 00:00:00Z' + i * interval '37 minutes'
       FROM generate_series(0, $1 - 1) i,
            LATERAL (SELECT (ARRAY['Ana','Bruno','Carla','David','Elena','Felix','Greta','Hugo','Irene','Jonas','Karin','Luis','Marta','Nils','Olga','Pablo','Rosa','Sven','Teresa','Victor'])[1 + i % 20]
                            || ' ' || (ARRAY['Garcia','Muller','Rossi','Novak','Jensen','Silva','Dubois','Kowalski','Moreno','Schmid','Lindqvist','Romero','Weber','Costa','Horvat','Navarro','Bauer','Ortiz','Fischer','Castro','Wagner','Ruiz','Keller','Vidal','Berg'])[1 + (i / 20) % 25]
                            || ' ' || lpad(i::text, 5, '0') AS name,
                            'customer' || lpad(i::text, 5, '0') || '@bench.example' AS email) c`,
      [SEED_CUSTOMERS],
    );
    await client.query(
      `INSERT INTO purchase (customer_id, model_id, serial_number, purchased_at, delivered_at, channel, order_reference, price_minor, currency)
       SELECT c.id, m.id, 'SN' || lpad(g::text, 8, '0'),
              timestamptz '2026-06-01 00:00:00Z' - (g % 700) * interval '1 day' - (g % 1440) * interval '1 minute',
              timestamptz '2026-06-03 00:00:00Z' - (g % 700) * interval '1 day',
              (ARRAY['online','store','phone','marketplace'])[1 + g % 4], 'ORD-' || lpad(g::text, 7, '0'),
              19900 + (g * 7919) % 150000, 'EUR'
       FROM generate_series(0, $1 - 1) g
       JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM customer WHERE email LIKE '%@bench.example') c ON c.n = g % $2
       JOIN (SELECT id, row_number() OVER (ORDER BY sku) - 1 AS n FROM product_model WHERE sku LIKE 'BENCH-%') m ON m.n = (g * 7 + (g / $2) * 13) % $3`,
      [SEED_PURCHASES, SEED_CUSTOMERS, PRODUCTS * MODELS_PER_PRODUCT],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
  await pool.query('ANALYZE customer, purchase, product, product_model');
  return true;
}
