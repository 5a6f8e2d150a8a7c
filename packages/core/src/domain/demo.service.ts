import type { Faker } from '@faker-js/faker';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { BusinessCalendarRecord } from '../entities/business-calendar.entity.js';
import { CustomerConsentEvent } from '../entities/customer-consent-event.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Product } from '../entities/product.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { SlaPolicyRecord } from '../entities/sla-policy.entity.js';
import type { DemoContribution, DemoCustomer, DemoPurchase, DemoRandom } from '../plugin/contributions.js';
import type { Registry } from '../plugin/registry.js';
import { customerSearchText } from './customer.service.js';

/** Options of {@link seedDemoData}. */
export interface DemoOptions {
  /** The moment the data is built around (default: now). Same seed and moment, same data. */
  now?: Date;
  /** Seed of the random numbers (default `aftercare-demo`). */
  seed?: string;
  /** How many customers (default 300). */
  customers?: number;
  logger?: Logger;
}

/** What {@link seedDemoData} did. */
export interface DemoResult {
  seeded: boolean;
  /** Why nothing was seeded. */
  reason?: string;
  customers: number;
  products: number;
  models: number;
  purchases: number;
  /** Plugin contributions that ran, `<plugin>.<name>`, in order. */
  contributions: string[];
}

const DAY = 86_400_000;

function seedNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A {@link DemoRandom} over a seeded faker instance. */
function demoRandom(f: Faker): DemoRandom {
  const r: DemoRandom = {
    next: () => f.number.float({ min: 0, max: 1, multipleOf: 1e-9 }) % 1,
    int: (min, max) => f.number.int({ min, max }),
    chance: (p) => r.next() < p,
    pick: (items) => items[r.int(0, items.length - 1)]!,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let x = r.next() * total;
      for (const [item, w] of items) if ((x -= w) < 0) return item;
      return items[items.length - 1]![0];
    },
    shuffle: (items) => f.helpers.shuffle([...items]),
    date: (from, to) => new Date(from.getTime() + Math.floor(r.next() * Math.max(0, to.getTime() - from.getTime()))),
  };
  return r;
}

// A home-appliance and electronics retailer: products, their models, list prices in cents.
const CATALOG: Array<{
  name: string;
  category: string;
  brand: string;
  models: Array<{
    sku: string;
    name: string;
    priceMinor: number;
    warrantyMonths: number;
    returnWindowDays: number;
    serial: boolean;
    color?: string;
  }>;
}> = [
  {
    name: 'Aqua 500 dishwasher',
    category: 'Dishwashers',
    brand: 'Aqua',
    models: [
      {
        sku: 'AQ-500-W',
        name: 'Aqua 500 white',
        priceMinor: 49900,
        warrantyMonths: 24,
        returnWindowDays: 30,
        serial: true,
        color: 'white',
      },
      {
        sku: 'AQ-500-S',
        name: 'Aqua 500 steel',
        priceMinor: 54900,
        warrantyMonths: 36,
        returnWindowDays: 30,
        serial: true,
        color: 'steel',
      },
    ],
  },
  {
    name: 'Frost XL fridge',
    category: 'Refrigerators',
    brand: 'Frost',
    models: [
      { sku: 'FR-XL-200', name: 'Frost XL 200 l', priceMinor: 69900, warrantyMonths: 36, returnWindowDays: 30, serial: true },
      { sku: 'FR-XL-350', name: 'Frost XL 350 l No Frost', priceMinor: 99900, warrantyMonths: 60, returnWindowDays: 30, serial: true },
    ],
  },
  {
    name: 'Vento washing machine',
    category: 'Washing machines',
    brand: 'Vento',
    models: [
      { sku: 'VT-8KG', name: 'Vento 8 kg', priceMinor: 44900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
      { sku: 'VT-10KG-I', name: 'Vento 10 kg inverter', priceMinor: 62900, warrantyMonths: 60, returnWindowDays: 30, serial: true },
    ],
  },
  {
    name: 'Brisa air conditioner',
    category: 'Climate',
    brand: 'Brisa',
    models: [
      { sku: 'BR-2500', name: 'Brisa 2500 frigorías', priceMinor: 59900, warrantyMonths: 36, returnWindowDays: 14, serial: true },
      { sku: 'BR-3500', name: 'Brisa 3500 frigorías', priceMinor: 74900, warrantyMonths: 36, returnWindowDays: 14, serial: true },
    ],
  },
  {
    name: 'Lumo 4K television',
    category: 'Televisions',
    brand: 'Lumo',
    models: [
      { sku: 'LM-43UHD', name: 'Lumo 43" 4K', priceMinor: 37900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
      { sku: 'LM-55UHD', name: 'Lumo 55" 4K', priceMinor: 54900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
      { sku: 'LM-65OLED', name: 'Lumo 65" OLED', priceMinor: 149900, warrantyMonths: 36, returnWindowDays: 30, serial: true },
    ],
  },
  {
    name: 'Cafetto espresso machine',
    category: 'Small appliances',
    brand: 'Cafetto',
    models: [
      { sku: 'CF-ONE', name: 'Cafetto One', priceMinor: 19900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
      { sku: 'CF-DUO-M', name: 'Cafetto Duo with milk frother', priceMinor: 34900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
    ],
  },
  {
    name: 'Robi robot vacuum',
    category: 'Small appliances',
    brand: 'Robi',
    models: [
      { sku: 'RB-S1', name: 'Robi S1', priceMinor: 24900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
      { sku: 'RB-S2-MOP', name: 'Robi S2 with mop', priceMinor: 39900, warrantyMonths: 24, returnWindowDays: 30, serial: true },
    ],
  },
  {
    name: 'Accessories',
    category: 'Accessories',
    brand: 'Aftercare Home',
    models: [
      { sku: 'AC-FILTER-3', name: 'Water filter, pack of 3', priceMinor: 2490, warrantyMonths: 0, returnWindowDays: 30, serial: false },
      { sku: 'AC-HDMI-2M', name: 'HDMI 2.1 cable, 2 m', priceMinor: 1990, warrantyMonths: 0, returnWindowDays: 30, serial: false },
    ],
  },
];

// Spanish national holidays (yearly), and Good Friday for the two years around now.
const HOLIDAYS = [
  { date: '2025-01-01', yearly: true, name: 'Año Nuevo' },
  { date: '2025-01-06', yearly: true, name: 'Epifanía del Señor' },
  { date: '2025-04-18', name: 'Viernes Santo' },
  { date: '2026-04-03', name: 'Viernes Santo' },
  { date: '2027-03-26', name: 'Viernes Santo' },
  { date: '2025-05-01', yearly: true, name: 'Fiesta del Trabajo' },
  { date: '2025-08-15', yearly: true, name: 'Asunción de la Virgen' },
  { date: '2025-10-12', yearly: true, name: 'Fiesta Nacional de España' },
  { date: '2025-11-01', yearly: true, name: 'Todos los Santos' },
  { date: '2025-12-06', yearly: true, name: 'Día de la Constitución' },
  { date: '2025-12-08', yearly: true, name: 'Inmaculada Concepción' },
  { date: '2025-12-25', yearly: true, name: 'Navidad' },
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/**
 * Seed the demo company in one transaction: a business calendar (Madrid office hours, Spanish
 * holidays) and SLA policies by tier and kind, products with models, a few hundred customers (es
 * and en), purchases with serial numbers over the last two years; then every plugin's
 * {@link DemoContribution} in boot order. Deterministic for a given seed and `now`. Skipped when
 * the database has customers already, so running it again changes nothing.
 */
export async function seedDemoData(
  dataSource: DataSource,
  contributions: Registry<DemoContribution>,
  options: DemoOptions = {},
): Promise<DemoResult> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 'aftercare-demo';
  const [{ faker: fakerEs }, { faker: fakerEn }] = await Promise.all([
    import('@faker-js/faker/locale/es'),
    import('@faker-js/faker/locale/en'),
  ]);
  const FakerClass = fakerEn.constructor as new (o: { locale: Faker['rawDefinitions']; seed?: number }) => Faker;
  const fakerFor = (name: string, base: Faker = fakerEn) =>
    new FakerClass({ locale: base.rawDefinitions, seed: seedNumber(`${seed}:${name}`) });

  return dataSource.transaction(async (m) => {
    // Several processes starting at once: one seeds, the others then see its customers.
    await m.query('SELECT pg_advisory_xact_lock(7401355103)');
    const empty: DemoResult = { seeded: false, customers: 0, products: 0, models: 0, purchases: 0, contributions: [] };
    if (await m.getRepository(Customer).exists()) return { ...empty, reason: 'the database already has customers' };

    const calendarId = await seedCalendarAndPolicies(m);
    const { models, productsCount } = await seedCatalog(m, fakerFor('catalog'));
    const customers = await seedCustomers(
      m,
      fakerFor('customers'),
      fakerFor('customers.es', fakerEs),
      fakerFor('customers.en'),
      now,
      options.customers ?? 300,
    );
    const purchases = await seedPurchases(m, demoRandom(fakerFor('purchases')), fakerFor('purchases'), customers, models, now);

    const ran: string[] = [];
    for (const { key, value } of contributions.entries()) {
      options.logger?.info({ contribution: key }, 'seeding plugin demo data');
      await value.seed({ manager: m, random: demoRandom(fakerFor(`plugin:${key}`)), now, customers, purchases, calendarId });
      ran.push(key);
    }
    await audit.record(m, {
      action: 'demo.seed',
      objectType: 'Demo',
      metadata: { customers: customers.length, purchases: purchases.length, contributions: ran },
    });
    return {
      seeded: true,
      customers: customers.length,
      products: productsCount,
      models: models.length,
      purchases: purchases.length,
      contributions: ran,
    };
  });
}

async function seedCalendarAndPolicies(m: EntityManager): Promise<string> {
  const office = [
    { start: '09:00', end: '14:00' },
    { start: '15:00', end: '18:00' },
  ];
  const calendar = await m.save(
    BusinessCalendarRecord,
    m.create(BusinessCalendarRecord, {
      name: 'Madrid office',
      timeZone: 'Europe/Madrid',
      week: { 1: office, 2: office, 3: office, 4: office, 5: office, 6: [{ start: '10:00', end: '14:00' }] },
      holidays: HOLIDAYS,
    }),
  );
  const policies: Array<Partial<SlaPolicyRecord>> = [
    {
      name: 'Business customers',
      priority: 10,
      conditions: { customerTiers: ['business'] },
      firstResponseMinutes: 60,
      nextResponseMinutes: 120,
      resolutionMinutes: 960,
    },
    {
      name: 'Gold customers',
      priority: 20,
      conditions: { customerTiers: ['gold'] },
      firstResponseMinutes: 120,
      nextResponseMinutes: 240,
      resolutionMinutes: 1440,
    },
    {
      name: 'Complaints and claims',
      priority: 30,
      conditions: { kinds: ['complaint', 'claim'] },
      firstResponseMinutes: 240,
      nextResponseMinutes: 480,
      resolutionMinutes: 2400,
    },
  ];
  for (const p of policies) {
    if (await m.existsBy(SlaPolicyRecord, { name: p.name! })) continue;
    await m.save(
      SlaPolicyRecord,
      m.create(SlaPolicyRecord, { ...p, active: true, isDefault: false, warningLeadMinutes: null, calendarId: calendar.id }),
    );
  }
  // The default policy of a fresh installation moves to the demo office's calendar.
  await m.update(SlaPolicyRecord, { isDefault: true, name: 'Standard' }, { calendarId: calendar.id });
  return calendar.id;
}

type SeededModel = ProductModel & { productName: string; category: string; priceMinor: number; serial: boolean };

async function seedCatalog(m: EntityManager, f: Faker): Promise<{ models: SeededModel[]; productsCount: number }> {
  const models: SeededModel[] = [];
  for (const p of CATALOG) {
    const product = m.create(Product, { id: f.string.uuid(), name: p.name, category: p.category, attributes: { brand: p.brand } });
    await m.save(Product, product);
    for (const mo of p.models) {
      const model = m.create(ProductModel, {
        id: f.string.uuid(),
        productId: product.id,
        sku: mo.sku,
        name: mo.name,
        attributes: { listPriceMinor: mo.priceMinor, currency: 'EUR', ...(mo.color ? { color: mo.color } : {}) },
        warrantyMonths: mo.warrantyMonths,
        returnWindowDays: mo.returnWindowDays,
      });
      await m.save(ProductModel, model);
      models.push(Object.assign(model, { productName: p.name, category: p.category, priceMinor: mo.priceMinor, serial: mo.serial }));
    }
  }
  return { models, productsCount: CATALOG.length };
}

async function seedCustomers(m: EntityManager, f: Faker, es: Faker, en: Faker, now: Date, count: number): Promise<DemoCustomer[]> {
  const r = demoRandom(f);
  const rows: Customer[] = [];
  const consents: Array<Partial<CustomerConsentEvent>> = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) {
    const spanish = r.chance(0.6);
    const lf = spanish ? es : en;
    const first = lf.person.firstName();
    const family = lf.person.lastName();
    // Spanish names carry two family names; faker's Spanish list already has some compound ones.
    const last = spanish && !family.includes(' ') ? `${family} ${lf.person.lastName().split(' ')[0]}` : family;
    const tier = r.weighted([
      ['standard', 80],
      ['gold', 12],
      ['business', 8],
    ] as const);
    let email = `${ascii(first)}.${ascii(last.split(' ')[0]!)}@${r.pick(spanish ? ['example.es', 'correo.example', 'example.com'] : ['example.com', 'mail.example', 'example.co.uk'])}`;
    for (let n = 2; usedEmails.has(email); n++) email = email.replace(/(\d*)@/, `${n}@`);
    usedEmails.add(email);
    const createdAt = r.date(new Date(now.getTime() - 760 * DAY), new Date(now.getTime() - 30 * DAY));
    const phone = spanish
      ? `+34 6${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}`
      : `+44 7${r.int(100, 999)} ${r.int(100000, 999999)}`;
    const companyName = tier === 'business' ? lf.company.name() : null;
    const marketing = r.chance(0.45);
    const survey = r.chance(0.7);
    const row = m.create(Customer, {
      id: f.string.uuid(),
      name: `${first} ${last}`,
      email,
      emails: r.chance(0.15) ? [`${ascii(first)}${r.int(1, 99)}@work.example`] : [],
      phones: [{ number: phone, label: 'mobile' }],
      addresses: [
        {
          label: 'home',
          line1: lf.location.streetAddress(),
          line2: null,
          city: spanish
            ? r.pick(['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Zaragoza', 'Málaga', 'Bilbao'])
            : r.pick(['London', 'Manchester', 'Bristol', 'Leeds', 'Dublin']),
          postalCode: spanish ? String(r.int(1000, 52999)).padStart(5, '0') : lf.location.zipCode(),
          region: null,
          country: spanish ? 'ES' : r.chance(0.8) ? 'GB' : 'IE',
        },
      ],
      locale: spanish ? 'es' : 'en',
      timeZone: spanish ? 'Europe/Madrid' : 'Europe/London',
      birthday: r.chance(0.5)
        ? r.date(new Date('1950-01-01T00:00:00Z'), new Date('2004-12-31T00:00:00Z')).toISOString().slice(0, 10)
        : null,
      marketingConsent: marketing,
      marketingConsentAt: createdAt,
      marketingConsentSource: 'checkout',
      surveyConsent: survey,
      surveyConsentAt: createdAt,
      surveyConsentSource: 'checkout',
      tags: r.chance(0.1) ? ['newsletter'] : [],
      companyName,
      vatId: companyName ? (spanish ? `ESB${r.int(10000000, 99999999)}` : `GB${r.int(100000000, 999999999)}`) : null,
      tier,
      anonymizedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    row.searchText = customerSearchText(row);
    rows.push(row);
    consents.push(
      { id: f.string.uuid(), customerId: row.id, kind: 'marketing', granted: marketing, source: 'checkout', at: createdAt },
      { id: f.string.uuid(), customerId: row.id, kind: 'survey', granted: survey, source: 'checkout', at: createdAt },
    );
  }
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (let i = 0; i < rows.length; i += 100) await m.insert(Customer, rows.slice(i, i + 100));
  for (let i = 0; i < consents.length; i += 200) await m.insert(CustomerConsentEvent, consents.slice(i, i + 200));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    locale: c.locale,
    tier: c.tier,
    companyName: c.companyName,
    createdAt: c.createdAt,
  }));
}

async function seedPurchases(
  m: EntityManager,
  r: DemoRandom,
  f: Faker,
  customers: DemoCustomer[],
  models: SeededModel[],
  now: Date,
): Promise<DemoPurchase[]> {
  const out: DemoPurchase[] = [];
  const rows: Array<Partial<Purchase>> = [];
  let serialSeq = 0;
  for (const c of customers) {
    const n = r.weighted([
      [1, 50],
      [2, 30],
      [3, 14],
      [4, 6],
    ] as const);
    for (let i = 0; i < n; i++) {
      const model = r.pick(models);
      const purchasedAt = r.date(c.createdAt, new Date(now.getTime() - DAY));
      purchasedAt.setUTCHours(r.int(8, 19), r.int(0, 59), r.int(0, 59), 0); // shops and web orders by day
      const channel = r.weighted([
        ['online', 50],
        ['store', 35],
        ['phone', 5],
        ['marketplace', 10],
      ] as const);
      const deliveredAt = channel === 'store' ? purchasedAt : new Date(purchasedAt.getTime() + r.int(1, 5) * DAY);
      const delivered = deliveredAt.getTime() < now.getTime() ? deliveredAt : null;
      serialSeq++;
      const yymm = purchasedAt.toISOString().slice(2, 7).replace('-', '');
      const serialNumber = model.serial ? `${model.sku.split('-')[0]}${yymm}${String(serialSeq).padStart(5, '0')}` : null;
      const priceMinor = Math.round(model.priceMinor * r.pick([1, 1, 1, 0.9, 0.85]));
      const id = f.string.uuid();
      rows.push({
        id,
        customerId: c.id,
        modelId: model.id,
        serialNumber,
        purchasedAt,
        deliveredAt: delivered,
        channel,
        orderReference: channel === 'store' ? null : `${channel === 'marketplace' ? 'MK' : 'WEB'}-${100000 + serialSeq}`,
        priceMinor,
        currency: 'EUR',
        createdAt: purchasedAt,
      });
      out.push({
        id,
        customerId: c.id,
        productId: model.productId,
        productName: model.productName,
        category: model.category,
        modelId: model.id,
        sku: model.sku,
        modelName: model.name,
        serialNumber,
        purchasedAt,
        deliveredAt: delivered,
        channel,
        priceMinor,
        currency: 'EUR',
        warrantyMonths: model.warrantyMonths,
        returnWindowDays: model.returnWindowDays,
      });
    }
  }
  const order = (a: { purchasedAt?: Date }, b: { purchasedAt?: Date }) => a.purchasedAt!.getTime() - b.purchasedAt!.getTime();
  rows.sort(order);
  out.sort(order);
  for (let i = 0; i < rows.length; i += 200) await m.insert(Purchase, rows.slice(i, i + 200) as never); // plain rows: no relations to cascade
  return out;
}
