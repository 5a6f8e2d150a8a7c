import type { DataSource } from 'typeorm';
import { audit } from '../audit/audit.service.js';
import { CustomerConsentEvent } from '../entities/customer-consent-event.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import { NotFoundError } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { PrivacyContributor } from '../plugin/contributions.js';
import type { Registry } from '../plugin/registry.js';
import { customerAnonymized } from './customer.events.js';
import { customerSearchText } from './customer.service.js';

/** Dates as ISO strings, everything else as is: the export is plain JSON. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** Name shown for an anonymised customer. */
export const ANONYMIZED_NAME = 'Anonymised customer';

/**
 * Right of access and right to erasure across core and every plugin's {@link PrivacyContributor}.
 * Both write an audit entry in their transaction; neither puts personal values into it.
 */
export class PrivacyService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: EventBus,
    private readonly contributors: Registry<PrivacyContributor>,
  ) {}

  /** Everything held about the customer as JSON: core's data, then one section per contributor. */
  async export(customerId: string): Promise<Record<string, unknown>> {
    return this.ds.transaction('REPEATABLE READ', async (m) => {
      const customer = await m.findOneBy(Customer, { id: customerId });
      if (!customer) throw new NotFoundError('Customer', customerId);
      const { searchText: _searchText, ...fields } = customer;
      const consents = await m.find(CustomerConsentEvent, { where: { customerId }, order: { at: 'ASC' } });
      const purchases = await m
        .getRepository(Purchase)
        .createQueryBuilder('p')
        .leftJoinAndMapOne('p.model', ProductModel, 'm', 'm.id = p.model_id')
        .where('p.customer_id = :customerId', { customerId })
        .orderBy('p.purchased_at', 'ASC')
        .getMany();
      const addresses = [customer.email, ...customer.emails].map((e) => e.toLowerCase());
      // Messages sent to the customer (bodies of sensitive ones, such as sign-in codes, are gone already).
      const messages: Array<Record<string, unknown>> = await m.query(
        `SELECT recipient, subject, body, template, locale, status, created_at AS "createdAt", sent_at AS "sentAt"
           FROM notification WHERE recipient = ANY($1) ORDER BY created_at`,
        [addresses],
      );
      const heldMail: Array<Record<string, unknown>> = await m.query(
        `SELECT mailbox_address AS "mailboxAddress", subject, reason, received_at AS "receivedAt"
           FROM mail_quarantine WHERE sender = ANY($1) ORDER BY received_at`,
        [addresses],
      );
      const bounces: Array<Record<string, unknown>> = await m.query(
        `SELECT address, bounced_at AS "bouncedAt" FROM mail_bounce WHERE address = ANY($1)`,
        [addresses],
      );
      const plugins: Record<string, unknown> = {};
      for (const { key, value } of this.contributors.entries()) plugins[key] = plain(await value.export({ manager: m, customerId }));
      await audit.record(m, {
        action: 'customer.export',
        objectType: 'Customer',
        objectId: customerId,
        metadata: { sections: Object.keys(plugins) },
      });
      return plain({
        exportedAt: new Date(),
        customer: fields,
        consents: consents.map(({ customerId: _c, ...c }) => c),
        purchases: purchases.map((p) => ({
          id: p.id,
          sku: p.model?.sku,
          model: p.model?.name,
          serialNumber: p.serialNumber,
          purchasedAt: p.purchasedAt,
          deliveredAt: p.deliveredAt,
          channel: p.channel,
          orderReference: p.orderReference,
          priceMinor: p.priceMinor,
          currency: p.currency,
        })),
        messages,
        heldMail,
        bounces,
        plugins,
      }) as Record<string, unknown>;
    });
  }

  /**
   * Replace the customer's personal values everywhere, in one transaction: each contributor first
   * (they may still need the old values to find their rows), then core. Counts, dates, prices,
   * tiers, states and scores stay, so statistics do not change. The customer's sessions and
   * sign-in codes end; the audit trail keeps its entries but shows the customer as anonymised.
   */
  async anonymize(customerId: string): Promise<Customer> {
    return this.ds.transaction(async (m) => {
      const c = await m.findOne(Customer, { where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundError('Customer', customerId);
      if (c.anonymizedAt) return c;
      const oldEmails = [c.email, ...c.emails];
      const oldValues = [c.name, ...oldEmails, ...c.phones.map((p) => p.number), c.companyName, c.vatId].filter(
        (v): v is string => !!v && v.length >= 3,
      );
      for (const { value } of this.contributors.entries()) await value.anonymize({ manager: m, customerId });

      Object.assign(c, {
        name: ANONYMIZED_NAME,
        email: `anonymized-${c.id}@invalid`,
        emails: [],
        phones: [],
        addresses: [],
        birthday: null,
        tags: [],
        companyName: null,
        vatId: null,
        marketingConsent: false,
        surveyConsent: false,
        anonymizedAt: new Date(),
        version: c.version + 1,
      });
      c.searchText = customerSearchText(c);
      const saved = await m.save(Customer, c);
      // Rows stay (counts do not change); what could identify the person goes.
      await m.query(`UPDATE auth_session SET revoked_at = coalesce(revoked_at, now()), ip = NULL WHERE customer_id = $1`, [customerId]);
      await m.query(`UPDATE customer_login_code SET consumed_at = coalesce(consumed_at, now()) WHERE customer_id = $1`, [customerId]);
      for (const [i, email] of oldEmails.entries()) {
        await m.query(`UPDATE rate_limit SET key = replace(key, $1, $2) WHERE strpos(key, $1) > 0`, [
          email,
          `anonymized-${customerId}-${i}`,
        ]);
      }
      await m.query(`SELECT audit_event_anonymize_actor($1, $2)`, [customerId, ANONYMIZED_NAME]);
      // Messages to the customer stay in the log (counts) without address, body or names; unsent ones are cancelled.
      await m.query(
        `UPDATE notification SET recipient = $2, body = NULL,
           status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END,
           last_error = CASE WHEN status = 'queued' THEN 'recipient anonymised' ELSE last_error END
         WHERE lower(recipient) = ANY($1::text[])`,
        [oldEmails, saved.email],
      );
      for (const v of oldValues) {
        await m.query(`UPDATE notification SET subject = replace(subject, $1, '[anonymised]') WHERE strpos(subject, $1) > 0`, [v]);
      }
      // Inbound mail held back from the customer, and the bounce mark of their addresses, go entirely.
      await m.query(`DELETE FROM mail_quarantine WHERE sender = ANY($1::text[])`, [oldEmails]);
      await m.query(`DELETE FROM mail_bounce WHERE address = ANY($1::text[])`, [oldEmails]);
      // Safety net for event payloads that carried a personal value (core's carry ids only).
      for (const v of oldValues) {
        await m.query(
          `UPDATE event_outbox SET payload = replace(payload::text, $1, '[anonymised]')::jsonb WHERE strpos(payload::text, $1) > 0`,
          [JSON.stringify(v).slice(1, -1)],
        );
      }
      // Carrying out the erasure answers the customer's pending request, if they made one in the portal.
      await m.query(
        `UPDATE customer_erasure_request SET status = 'completed', handled_at = now(), handled_by = $2 WHERE customer_id = $1 AND status = 'pending'`,
        [customerId, 'anonymizeCustomer'],
      );
      await audit.record(m, { action: 'customer.anonymize', objectType: 'Customer', objectId: customerId });
      await this.events.publish(m, customerAnonymized, { customerId }, { aggregateId: customerId });
      return saved;
    });
  }
}
