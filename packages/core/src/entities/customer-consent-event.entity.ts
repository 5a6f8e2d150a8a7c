import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The consent kinds a customer can give or withdraw. */
export const CONSENT_KINDS = ['marketing', 'survey'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** One change of a customer's consent: the proof of when, how and through what it was given or withdrawn. */
@Entity({ name: 'customer_consent_event' })
@Index('IDX_customer_consent_event_customer', ['customerId', 'at'])
export class CustomerConsentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  kind: ConsentKind;

  @Column({ type: 'boolean' })
  granted: boolean;

  /** Where it was given: `portal`, `staff`, `import`, `checkout`, … */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
