import {
  isPhoneNumber,
  validate,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsLocale,
  IsOptional,
  IsTimeZone,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Product } from '../entities/product.entity.js';
import { PURCHASE_CHANNELS } from '../entities/purchase.entity.js';
import { AftercareError, ValidationError } from '../errors.js';
import type { CatalogService } from './catalog.service.js';
import { normalizeSku } from './catalog.service.js';
import type { CustomerService } from './customer.service.js';
import type { PurchaseService } from './purchase.service.js';

/** What a CSV file holds. */
export type ImportKind = 'customers' | 'products' | 'purchases';
export const IMPORT_KINDS: ImportKind[] = ['customers', 'products', 'purchases'];

/** Largest CSV `importCsv` accepts through the API; the CLI has no limit. */
export const MAX_IMPORT_CSV_BYTES = 512 * 1024;

/** A column of an import file. */
export interface ImportColumn {
  name: string;
  required: boolean;
  description: string;
}

/** The columns of each kind of file; the README's tables are these. */
export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  customers: [
    { name: 'name', required: true, description: 'Full name (or the contact name of a business customer)' },
    { name: 'email', required: true, description: 'Primary e-mail; must not exist yet' },
    { name: 'emails', required: false, description: 'Further e-mails, separated by ;' },
    { name: 'phones', required: false, description: 'Phone numbers in international format, separated by ;' },
    { name: 'locale', required: false, description: 'Language tag, e.g. es or en-GB (default en)' },
    { name: 'time_zone', required: false, description: 'IANA time zone, e.g. Europe/Madrid (default UTC)' },
    { name: 'birthday', required: false, description: 'YYYY-MM-DD' },
    { name: 'tags', required: false, description: 'Tags separated by ;' },
    { name: 'tier', required: false, description: 'e.g. standard, gold, business (default standard)' },
    { name: 'company_name', required: false, description: 'For business customers' },
    { name: 'vat_id', required: false, description: 'VAT id starting with its country code' },
    { name: 'marketing_consent', required: false, description: 'yes/no (true/false, 1/0); empty when not asked' },
    { name: 'survey_consent', required: false, description: 'yes/no; empty when not asked' },
    { name: 'address_line1', required: false, description: 'Street and number; with it, city and country are required' },
    { name: 'address_line2', required: false, description: '' },
    { name: 'city', required: false, description: '' },
    { name: 'postal_code', required: false, description: '' },
    { name: 'region', required: false, description: '' },
    { name: 'country', required: false, description: 'ISO 3166-1 alpha-2, e.g. ES' },
  ],
  products: [
    { name: 'product_name', required: true, description: 'Product; created when it does not exist yet' },
    { name: 'category', required: true, description: 'Category of a new product' },
    { name: 'sku', required: true, description: 'Model SKU; must not exist yet' },
    { name: 'model_name', required: true, description: 'Model name' },
    { name: 'warranty_months', required: true, description: 'Default commercial warranty, 0 to 240' },
    { name: 'return_window_days', required: true, description: 'Return window after delivery, 0 to 365' },
    { name: 'attributes', required: false, description: 'Model attributes as a JSON object, e.g. {"color":"white"}' },
  ],
  purchases: [
    { name: 'customer_email', required: true, description: "The customer's primary e-mail" },
    { name: 'sku', required: true, description: 'The model sold' },
    { name: 'serial_number', required: false, description: 'Unique per model' },
    { name: 'purchased_at', required: true, description: 'YYYY-MM-DD or ISO 8601 date-time' },
    { name: 'delivered_at', required: false, description: 'YYYY-MM-DD or ISO 8601 date-time' },
    { name: 'channel', required: true, description: PURCHASE_CHANNELS.join(', ') },
    { name: 'order_reference', required: false, description: "The seller's order number" },
    { name: 'price_minor', required: true, description: 'Price in minor units (cents), e.g. 49900 for 499.00' },
    { name: 'currency', required: true, description: 'ISO 4217, e.g. EUR' },
  ],
};

/** One rejected row: its line in the file (the header is line 1) and what to fix. */
export interface RejectedRow {
  line: number;
  reasons: string[];
}

/** The outcome of an import: accepted rows are committed, rejected ones are listed. */
export interface ImportReport {
  kind: ImportKind;
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  rejected: RejectedRow[];
}

const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOL = /^(yes|no|true|false|1|0|y|n|si|sí)$/i;
const LIST_ITEM_EMAIL = /^([^;\s@]+@[^;\s@]+\.[^;\s@]+)(\s*;\s*[^;\s@]+@[^;\s@]+\.[^;\s@]+)*$/;

class CustomerRow {
  @Length(1, 200) name: string;
  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254) email: string;
  @IsOptional() @Matches(LIST_ITEM_EMAIL, { message: 'must be e-mail addresses separated by ;' }) emails?: string;
  @IsOptional() @MaxLength(400) phones?: string;
  @IsOptional() @IsLocale({ message: 'must be a language tag such as es or en-GB' }) locale?: string;
  @IsOptional() @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Madrid' }) time_zone?: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }) birthday?: string;
  @IsOptional() @MaxLength(600) tags?: string;
  @IsOptional() @Matches(/^[a-z][a-z0-9_-]{0,29}$/i, { message: 'must be a short word such as standard or gold' }) tier?: string;
  @IsOptional() @Length(1, 200) company_name?: string;
  @IsOptional()
  @Matches(/^[A-Za-z]{2}[A-Za-z0-9+*.\- ]{2,16}$/, { message: 'must be a VAT id starting with its country code' })
  vat_id?: string;
  @IsOptional() @Matches(BOOL, { message: 'must be yes or no' }) marketing_consent?: string;
  @IsOptional() @Matches(BOOL, { message: 'must be yes or no' }) survey_consent?: string;
  @IsOptional() @Length(1, 200) address_line1?: string;
  @IsOptional() @MaxLength(200) address_line2?: string;
  @IsOptional() @Length(1, 100) city?: string;
  @IsOptional() @Length(1, 20) postal_code?: string;
  @IsOptional() @Length(1, 100) region?: string;
  @IsOptional() @IsISO31661Alpha2({ message: 'must be a two-letter country code such as ES' }) country?: string;
}

class ProductRow {
  @Length(1, 200) product_name: string;
  @Length(1, 100) category: string;
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'must be letters, digits, . _ - or /, at most 64 characters' }) sku: string;
  @Length(1, 200) model_name: string;
  @Matches(/^(\d|[1-9]\d|1\d\d|2[0-3]\d|240)$/, { message: 'must be a whole number from 0 to 240' }) warranty_months: string;
  @Matches(/^(\d|[1-9]\d|[12]\d\d|3[0-5]\d|36[0-5])$/, { message: 'must be a whole number from 0 to 365' }) return_window_days: string;
  @IsOptional() @MaxLength(4000) attributes?: string;
}

class PurchaseRow {
  @IsEmail({}, { message: 'must be an email address' }) customer_email: string;
  @Length(1, 64) sku: string;
  @IsOptional() @Length(1, 100) serial_number?: string;
  @Matches(DATE_OR_DATETIME, { message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' }) purchased_at: string;
  @IsOptional() @Matches(DATE_OR_DATETIME, { message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' }) delivered_at?: string;
  @IsIn([...PURCHASE_CHANNELS], { message: `must be one of ${PURCHASE_CHANNELS.join(', ')}` }) channel: string;
  @IsOptional() @Length(1, 100) order_reference?: string;
  @Matches(/^\d{1,9}$/, { message: 'must be a whole number of minor units (cents), e.g. 49900' }) price_minor: string;
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as EUR' }) currency: string;
}

const ROW_CLASSES = { customers: CustomerRow, products: ProductRow, purchases: PurchaseRow } as const;

const list = (v: string | undefined) =>
  v
    ? v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const bool = (v: string | undefined) => (v ? /^(yes|true|1|y|si|sí)$/i.test(v) : undefined);
const date = (v: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v.replace(' ', 'T'));

/** Reasons a person can act on, from an error a row's write raised. Unexpected errors are not swallowed. */
function reasonsOf(err: unknown): string[] {
  if (err instanceof ValidationError) return err.fields.map((f) => `${f.field}: ${f.message}`);
  if (err instanceof AftercareError) return [err.message];
  throw err;
}

/**
 * CSV import of customers, products/models and purchases. Each row is checked (columns, formats,
 * references), then written in its own savepoint: a rejected row leaves nothing behind (no
 * customer without its consents, no event), accepted rows commit together at the end, with the
 * same audit entries and events as the API would write plus one `import.run` entry.
 */
export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly services: { customers: CustomerService; catalog: CatalogService; purchases: PurchaseService },
  ) {}

  async run(kind: ImportKind, csv: string): Promise<ImportReport> {
    let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
    try {
      records = parse(csv, {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        bom: true,
        trim: true,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }) as unknown as typeof records;
    } catch (err) {
      throw new ValidationError([{ field: 'csv', message: `is not valid CSV: ${(err as Error).message}` }]);
    }
    const header = records.length
      ? Object.keys(records[0]!.record)
      : (csv.split(/\r?\n/, 1)[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
    const columns = IMPORT_COLUMNS[kind];
    const known = new Set(columns.map((c) => c.name));
    const unknown = header.filter((h) => h && !known.has(h));
    const missing = columns.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
    if (unknown.length || missing.length) {
      throw new ValidationError([
        ...(missing.length ? [{ field: 'csv', message: `misses the required column(s) ${missing.join(', ')}` }] : []),
        ...(unknown.length
          ? [{ field: 'csv', message: `has unknown column(s) ${unknown.join(', ')}; known: ${[...known].join(', ')}` }]
          : []),
      ]);
    }

    const rejected: RejectedRow[] = [];
    let accepted = 0;
    await this.ds.transaction(async (m) => {
      for (const { record, info } of records) {
        const line = info.lines;
        const values = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '' && v != null));
        const row = Object.assign(new ROW_CLASSES[kind](), values);
        const errors = await validate(row, { forbidUnknownValues: false });
        if (errors.length) {
          rejected.push({ line, reasons: errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`) });
          continue;
        }
        try {
          // A savepoint per row: a failure in the middle of a row undoes that row only.
          await m.transaction((sp) => this.importRow(sp, kind, row as never));
          accepted++;
        } catch (err) {
          rejected.push({ line, reasons: reasonsOf(err) });
        }
      }
      await audit.record(m, {
        action: 'import.run',
        objectType: 'Import',
        metadata: { kind, totalRows: records.length, acceptedRows: accepted, rejectedRows: rejected.length },
      });
    });
    return { kind, totalRows: records.length, acceptedRows: accepted, rejectedRows: rejected.length, rejected };
  }

  private async importRow(m: EntityManager, kind: ImportKind, row: CustomerRow & ProductRow & PurchaseRow): Promise<void> {
    if (kind === 'customers') {
      if (row.address_line1 && (!row.city || !row.country))
        throw new ValidationError([{ field: 'address_line1', message: 'needs city and country too' }]);
      const phones = list(row.phones)?.map((number) => ({ number }));
      const bad = phones?.find((p) => !isPhoneNumber(p.number));
      if (bad)
        throw new ValidationError([{ field: 'phones', message: `'${bad.number}' must be in international format, e.g. +34 600 123 456` }]);
      await this.services.customers.create(
        m,
        {
          name: row.name,
          email: row.email,
          emails: list(row.emails),
          phones,
          locale: row.locale,
          timeZone: row.time_zone,
          birthday: row.birthday,
          tags: list(row.tags),
          tier: row.tier,
          companyName: row.company_name,
          vatId: row.vat_id,
          addresses: row.address_line1
            ? [
                {
                  line1: row.address_line1,
                  line2: row.address_line2,
                  city: row.city!,
                  postalCode: row.postal_code,
                  region: row.region,
                  country: row.country!,
                },
              ]
            : undefined,
          marketingConsent: bool(row.marketing_consent),
          surveyConsent: bool(row.survey_consent),
          consentSource: 'import',
        },
        'import',
      );
    } else if (kind === 'products') {
      let attributes: Record<string, unknown> | undefined;
      if (row.attributes) {
        try {
          attributes = JSON.parse(row.attributes);
        } catch {
          attributes = undefined;
        }
        if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes))
          throw new ValidationError([{ field: 'attributes', message: 'must be a JSON object such as {"color":"white"}' }]);
      }
      const product =
        (await m.findOneBy(Product, { name: row.product_name.trim() })) ??
        (await this.services.catalog.createProduct(m, { name: row.product_name, category: row.category }));
      await this.services.catalog.createModel(m, {
        productId: product.id,
        sku: row.sku,
        name: row.model_name,
        warrantyMonths: Number(row.warranty_months),
        returnWindowDays: Number(row.return_window_days),
        attributes,
      });
    } else {
      const customer = await m.findOne(Customer, { where: { email: row.customer_email.trim().toLowerCase() }, select: { id: true } });
      const model = await m.findOne(ProductModel, { where: { sku: normalizeSku(row.sku) }, select: { id: true } });
      const errors = [
        ...(customer ? [] : [{ field: 'customer_email', message: 'no customer has this e-mail' }]),
        ...(model ? [] : [{ field: 'sku', message: 'no model has this SKU' }]),
      ];
      const purchasedAt = date(row.purchased_at);
      const deliveredAt = row.delivered_at ? date(row.delivered_at) : null;
      if (Number.isNaN(purchasedAt.getTime())) errors.push({ field: 'purchased_at', message: 'is not a real date' });
      if (deliveredAt && Number.isNaN(deliveredAt.getTime())) errors.push({ field: 'delivered_at', message: 'is not a real date' });
      if (errors.length) throw new ValidationError(errors);
      await this.services.purchases.create(
        m,
        {
          customerId: customer!.id,
          modelId: model!.id,
          serialNumber: row.serial_number,
          purchasedAt,
          deliveredAt,
          channel: row.channel,
          orderReference: row.order_reference,
          priceMinor: Number(row.price_minor),
          currency: row.currency,
        },
        'import',
      );
    }
  }
}
