import type { DataSource, EntityManager } from 'typeorm';
import { type Actor } from '../access/actor.js';
import { audit } from '../audit/audit.service.js';
import { CustomerConsentEvent, type ConsentKind } from '../entities/customer-consent-event.entity.js';
import { Customer, type CustomerAddress, type CustomerPhone } from '../entities/customer.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { Page } from '../graphql/pagination.js';
import { normalizeEmail } from '../identity/identity.service.js';
import { customerCreated } from './customer.events.js';
import { likeEscape } from './like.js';

/** The writable fields of a customer. Absent fields keep their value on update; null clears. */
export interface CustomerFields {
  name?: string;
  email?: string;
  emails?: string[];
  phones?: Array<{ number: string; label?: string | null }>;
  addresses?: Array<Partial<CustomerAddress> & { line1: string; city: string; country: string }>;
  locale?: string;
  timeZone?: string;
  birthday?: string | null;
  tags?: string[];
  companyName?: string | null;
  vatId?: string | null;
  tier?: string;
}

/** Consents given when the customer is created. */
export interface InitialConsents {
  marketingConsent?: boolean | null;
  surveyConsent?: boolean | null;
  /** Where the consents were given, e.g. `checkout`, `staff`, `import`. */
  consentSource?: string | null;
}

/** Filter of {@link CustomerService.search}. */
export interface CustomerSearch {
  /** Part of a name, e-mail, company or phone number (case-insensitive). */
  search?: string | null;
  tag?: string | null;
  skip: number;
  take: number;
}

const isUniqueViolation = (err: unknown, constraint?: string) =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (!constraint || (err as { constraint?: string }).constraint === constraint);

/** Digits of a phone number: "+34 600-12 34 56" → "34600123456". */
export const phoneDigits = (n: string) => n.replace(/\D/g, '');

/** What `customers(search)` matches against: lower-cased name, e-mails, company, VAT id and phone digits. */
export function customerSearchText(c: Pick<Customer, 'name' | 'email' | 'emails' | 'companyName' | 'vatId' | 'phones'>): string {
  return [c.name, c.email, ...c.emails, c.companyName ?? '', c.vatId ?? '', ...c.phones.map((p) => phoneDigits(p.number))]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** `%`, `_` and `\` match literally in a LIKE pattern. */

function normalizeFields(f: CustomerFields): Partial<Customer> {
  const out: Partial<Customer> = {};
  if (f.name !== undefined) out.name = f.name.trim();
  if (f.email !== undefined) out.email = normalizeEmail(f.email);
  if (f.emails !== undefined) out.emails = [...new Set(f.emails.map(normalizeEmail))];
  if (f.phones !== undefined)
    out.phones = f.phones.map((p): CustomerPhone => ({ number: p.number.trim(), label: p.label?.trim() || null }));
  if (f.addresses !== undefined)
    out.addresses = f.addresses.map((a): CustomerAddress => ({
      label: a.label?.trim() || null,
      line1: a.line1.trim(),
      line2: a.line2?.trim() || null,
      city: a.city.trim(),
      postalCode: a.postalCode?.trim() || null,
      region: a.region?.trim() || null,
      country: a.country.toUpperCase(),
    }));
  if (f.locale !== undefined) out.locale = f.locale;
  if (f.timeZone !== undefined) out.timeZone = f.timeZone;
  if (f.birthday !== undefined) out.birthday = f.birthday;
  if (f.tags !== undefined) out.tags = [...new Set(f.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (f.companyName !== undefined) out.companyName = f.companyName?.trim() || null;
  if (f.vatId !== undefined) out.vatId = f.vatId?.trim().toUpperCase() || null;
  if (f.tier !== undefined) out.tier = f.tier.trim().toLowerCase();
  return out;
}

function checkFields(c: Partial<Customer>): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (c.email && c.emails?.includes(c.email)) errors.push({ field: 'emails', message: 'must not repeat the primary e-mail' });
  if (c.birthday) {
    const d = new Date(`${c.birthday}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== c.birthday)
      errors.push({ field: 'birthday', message: 'must be a real date as YYYY-MM-DD' });
    else if (d.getTime() > Date.now()) errors.push({ field: 'birthday', message: 'must not be in the future' });
  }
  if (errors.length) throw new ValidationError(errors);
}

/** Fields compared in audit entries (personal ones are masked by the audit service). */
const AUDITED: Array<keyof Customer> = [
  'name',
  'email',
  'emails',
  'phones',
  'addresses',
  'locale',
  'timeZone',
  'birthday',
  'tags',
  'companyName',
  'vatId',
  'tier',
];
const auditView = (c: Partial<Customer>) =>
  Object.fromEntries(
    AUDITED.filter((k) => k in c).map((k) => {
      const v = c[k];
      // Lists of personal values are audited as counts: the trail keeps that they changed, not what they were.
      if (k === 'emails' || k === 'phones' || k === 'addresses') return [k, Array.isArray(v) ? `${v.length} item(s)` : v];
      return [k, v];
    }),
  );

/**
 * Customers: create, change, consents, search. Every write records its audit entry (and event) in
 * its transaction; staff reads of personal data are audited by the resolvers through {@link auditCustomerReads}.
 */
export class CustomerService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventBus,
  ) {}

  /** Create a customer in `manager`'s transaction, with its consents, audit entry and `core.customer.created`. */
  async create(manager: EntityManager, fields: CustomerFields & InitialConsents, source = 'staff'): Promise<Customer> {
    const values = normalizeFields(fields);
    if (!values.name || !values.email) throw new ValidationError([{ field: values.name ? 'email' : 'name', message: 'is required' }]);
    checkFields(values);
    if (await manager.existsBy(Customer, { email: values.email }))
      throw new ConflictError(`A customer with the e-mail ${values.email} already exists: open that customer instead.`, { field: 'email' });
    const now = new Date();
    const consentSource = fields.consentSource?.trim() || source;
    const row = manager.create(Customer, {
      emails: [],
      phones: [],
      addresses: [],
      tags: [],
      companyName: null,
      vatId: null,
      ...values,
      marketingConsent: fields.marketingConsent ?? false,
      marketingConsentAt: fields.marketingConsent != null ? now : null,
      marketingConsentSource: fields.marketingConsent != null ? consentSource : null,
      surveyConsent: fields.surveyConsent ?? false,
      surveyConsentAt: fields.surveyConsent != null ? now : null,
      surveyConsentSource: fields.surveyConsent != null ? consentSource : null,
    });
    row.searchText = customerSearchText(row);
    let saved: Customer;
    try {
      saved = await manager.save(Customer, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`A customer with the e-mail ${values.email} already exists.`, { field: 'email' });
      throw err;
    }
    const consents: Array<Partial<CustomerConsentEvent>> = [];
    if (fields.marketingConsent != null)
      consents.push({ customerId: saved.id, kind: 'marketing', granted: fields.marketingConsent, source: consentSource, at: now });
    if (fields.surveyConsent != null)
      consents.push({ customerId: saved.id, kind: 'survey', granted: fields.surveyConsent, source: consentSource, at: now });
    if (consents.length) await manager.insert(CustomerConsentEvent, consents);
    await audit.record(manager, {
      action: 'customer.create',
      objectType: 'Customer',
      objectId: saved.id,
      after: auditView(saved),
      metadata: { source },
    });
    await this.events.publish(manager, customerCreated, { customerId: saved.id, source }, { aggregateId: saved.id });
    return saved;
  }

  /**
   * Change a customer. With `expectedVersion`, fails with CONFLICT when someone saved in between;
   * the row is locked, so concurrent updates never overwrite each other silently.
   */
  async update(id: string, fields: CustomerFields, expectedVersion: number | null): Promise<Customer> {
    const values = normalizeFields(fields);
    return this.ds.transaction(async (m) => {
      const row = await m.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Customer', id);
      if (row.anonymizedAt) throw new ConflictError('This customer was anonymised: their data can no longer be changed.');
      if (expectedVersion != null && row.version !== expectedVersion) {
        throw new ConflictError(
          `This customer was changed by someone else (version ${row.version}, you had ${expectedVersion}). Reload and apply your change again.`,
          { currentVersion: row.version },
        );
      }
      const before = auditView(row);
      const next = Object.assign(m.create(Customer, row), values);
      checkFields(next);
      if (values.email && values.email !== row.email && (await m.existsBy(Customer, { email: values.email })))
        throw new ConflictError(`A customer with the e-mail ${values.email} already exists.`, { field: 'email' });
      next.searchText = customerSearchText(next);
      next.version = row.version + 1;
      const saved = await m.save(Customer, next);
      await audit.record(m, { action: 'customer.update', objectType: 'Customer', objectId: id, before, after: auditView(saved) });
      return saved;
    });
  }

  /** Give or withdraw a consent; keeps the history (when, source) and audits the change. */
  async setConsent(id: string, kind: ConsentKind, granted: boolean, source: string): Promise<Customer> {
    return this.ds.transaction(async (m) => {
      const row = await m.findOne(Customer, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Customer', id);
      if (row.anonymizedAt) throw new ConflictError('This customer was anonymised: consents can no longer be recorded.');
      const now = new Date();
      const before = { [`${kind}Consent`]: kind === 'marketing' ? row.marketingConsent : row.surveyConsent };
      if (kind === 'marketing') Object.assign(row, { marketingConsent: granted, marketingConsentAt: now, marketingConsentSource: source });
      else Object.assign(row, { surveyConsent: granted, surveyConsentAt: now, surveyConsentSource: source });
      row.version += 1;
      const saved = await m.save(Customer, row);
      await m.insert(CustomerConsentEvent, { customerId: id, kind, granted, source, at: now });
      await audit.record(m, {
        action: 'customer.consent',
        objectType: 'Customer',
        objectId: id,
        before,
        after: { [`${kind}Consent`]: granted },
        metadata: { kind, source },
      });
      return saved;
    });
  }

  /**
   * Customers matching `search` (part of a name, e-mail, company, VAT id or phone number) and `tag`,
   * by name. The search uses the trigram index on `search_text`.
   */
  async search(manager: EntityManager, filter: CustomerSearch): Promise<Page<Customer>> {
    const qb = manager.getRepository(Customer).createQueryBuilder('c');
    const term = filter.search?.trim().toLowerCase();
    if (term) {
      const digits = phoneDigits(term);
      const phoneLike = /^[+\d\s().-]+$/.test(term) && digits.length >= 3;
      qb.andWhere(`c.search_text LIKE :term ESCAPE '\\'`, { term: `%${likeEscape(phoneLike ? digits : term)}%` });
    }
    if (filter.tag) qb.andWhere(':tag = ANY(c.tags)', { tag: filter.tag.trim().toLowerCase() });
    const [items, totalCount] = await qb
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take)
      .getManyAndCount();
    return { items, totalCount };
  }
}

/**
 * Audit that a staff user or API key read these customers' personal data: one entry per read
 * (`customer.read` for one customer, `customer.list` with the ids for several). Customers reading
 * their own data are not audited.
 */
export async function auditCustomerReads(manager: EntityManager, actor: Actor, customerIds: string[], via: string): Promise<void> {
  if (actor.kind === 'customer' || customerIds.length === 0) return;
  if (customerIds.length === 1) {
    await audit.record(manager, {
      action: 'customer.read',
      objectType: 'Customer',
      objectId: customerIds[0],
      metadata: { via, customerIds },
    });
  } else {
    await audit.record(manager, { action: 'customer.list', objectType: 'Customer', objectId: null, metadata: { via, customerIds } });
  }
}
