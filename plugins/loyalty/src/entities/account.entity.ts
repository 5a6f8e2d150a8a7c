import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EntryKindEnum, type EntryKind } from '../domain.js';

/**
 * A customer's loyalty account. It holds no balance: the balance is derived from the ledger. The row
 * is locked (`FOR UPDATE`) by every points movement, so concurrent movements run one after another.
 */
@Entity({ name: 'loyalty_account' })
@Index('UQ_loyalty_account_customer', ['customerId'], { unique: true })
@ObjectType('LoyaltyAccountRecord', { description: 'A loyalty account (tier state); balances are derived from the ledger.' })
export class LoyaltyAccount {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_account' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Code of the current tier, or null (no tier).' })
  tierCode: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  tierSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'The customer no longer qualifies: the tier drops at this time unless they qualify again.',
  })
  downgradeAt: Date | null;

  @Column({ type: 'timestamptz' })
  @Field()
  enrolledAt: Date;
}

/**
 * One entry of the append-only points ledger: never updated, never deleted. Positive entries are
 * lots (earn, positive adjust) that become spendable at `availableAt` and expire at `expiresAt`;
 * negative entries (redeem, expire, reverse, negative adjust) take points away, targeted ones from `lotId`.
 */
@Entity({ name: 'loyalty_ledger_entry' })
@Index('IDX_loyalty_ledger_entry_account', ['accountId', 'availableAt'])
@Index('IDX_loyalty_ledger_entry_source', ['sourceType', 'sourceId'])
@Index('IDX_loyalty_ledger_entry_customer', ['customerId', 'number'])
@ObjectType('LoyaltyLedgerEntry', { description: 'One movement of points; the ledger is the only truth about a balance.' })
export class LoyaltyLedgerEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_ledger_entry' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment' })
  @Field(() => Int, { description: 'Order of entries.' })
  number: number;

  @Column({ type: 'uuid' })
  accountId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text' })
  @Field(() => EntryKindEnum)
  kind: EntryKind;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Signed: positive adds, negative takes away.' })
  points: number;

  @Column({ type: 'timestamptz' })
  @Field({ description: 'When the points count in the balance (pending before).' })
  availableAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The earning an expiry or reversal takes from.' })
  lotId: string | null;

  @Column({ type: 'text' })
  @Field()
  reason: string;

  @Column({ type: 'text' })
  @Field({ description: 'What caused it: purchase, registration, survey, compensation, return, reward, manual, expiry, …' })
  sourceType: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  sourceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  ruleId: string | null;

  @Column({ type: 'text' })
  @Field({ description: 'staff, apiKey, customer or system.' })
  actorKind: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
