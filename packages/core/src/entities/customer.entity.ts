import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A phone number of a customer. */
@ObjectType({ description: 'A phone number of a customer.' })
export class CustomerPhone {
  @Field({ description: 'As given, e.g. "+34 600 123 456".' })
  number: string;

  @Field(() => String, { nullable: true, description: 'e.g. mobile, work, home.' })
  label: string | null;
}

/** A postal address of a customer. */
@ObjectType({ description: 'A postal address of a customer.' })
export class CustomerAddress {
  @Field(() => String, { nullable: true, description: 'e.g. home, billing, delivery.' })
  label: string | null;

  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field()
  city: string;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. "ES".' })
  country: string;
}

/**
 * A customer: a person, or a company for business customers (company name and VAT id on the same
 * record). `email` is the primary e-mail, used to sign in to the portal; it is stored lower-cased
 * and unique. Consent columns hold the current state; `customer_consent_event` keeps the history.
 */
@Entity({ name: 'customer' })
@Index('IDX_customer_created_at', ['createdAt'])
// Trigram index for substring search; declared in a hand-written migration (operator class).
@Index('IDX_customer_search_trgm', { synchronize: false })
@ObjectType({ description: 'A person or company that bought something.' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text', unique: true })
  @Field({ description: 'Primary e-mail, lower-cased; the customer signs in to the portal with it.' })
  email: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Further e-mail addresses, lower-cased.' })
  emails: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [CustomerPhone])
  phones: CustomerPhone[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [CustomerAddress])
  addresses: CustomerAddress[];

  @Column({ type: 'text', default: 'en' })
  @Field({ description: 'BCP 47 language tag for messages to this customer, e.g. "de-AT".' })
  locale: string;

  @Column({ type: 'text', default: 'UTC' })
  @Field({ description: 'IANA time zone, e.g. "Europe/Madrid".' })
  timeZone: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  birthday: string | null;

  @Column({ type: 'boolean', default: false })
  marketingConsent: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  marketingConsentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  marketingConsentSource: string | null;

  @Column({ type: 'boolean', default: false })
  surveyConsent: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  surveyConsentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  surveyConsentSource: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  tags: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Set for business (B2B) customers.' })
  companyName: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'VAT identification number of a business customer.' })
  vatId: string | null;

  @Column({ type: 'text', default: 'standard' })
  @Field({ description: 'Service tier, e.g. standard, gold, business; SLA policies and plugins choose by it.' })
  tier: string;

  /** Lower-cased name, e-mails, company and phone digits: what `customers(search)` matches. */
  @Column({ type: 'text', default: '' })
  searchText: string;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Set when the personal data was anonymised on request.' })
  anonymizedAt: Date | null;

  @Column({ type: 'int', default: 1 })
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion when updating.' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
