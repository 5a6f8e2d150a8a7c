import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SweepstakeStatusEnum, type SweepstakeStatus } from '../domain.js';

/** A sweepstake with its official rules, commitment and (after the draw) its proof. */
@Entity({ name: 'loyalty_sweepstake' })
@ObjectType('LoyaltySweepstake', { description: 'A sweepstake: rules, entries, commitment and draw.' })
export class LoyaltySweepstake {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_sweepstake' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text' })
  @Field({ description: 'Official rules.' })
  rulesText: string;

  @Column({ type: 'text', default: '' })
  @Field({ description: 'Who may take part.' })
  eligibility: string;

  @Column({ type: 'text' })
  @Field({ description: 'The prize (part of every winner’s derivation).' })
  prize: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  winnersCount: number;

  @Column({ type: 'timestamptz' })
  @Field()
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  endsAt: Date;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Event types that give an entry (e.g. surveys.response.submitted).' })
  entryEvents: string[];

  @Column({ type: 'text', default: 'open' })
  @Field(() => SweepstakeStatusEnum)
  status: SweepstakeStatus;

  @Column({ type: 'text', nullable: true })
  sealedSeed: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Commitment: SHA-256 of the secret seed, published before the draw.' })
  seedHash: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Commitment: SHA-256 of the sorted entry list, published before the draw.' })
  listHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  committedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The seed, published after the draw.' })
  seed: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  @Field(() => [String], { nullable: true, description: 'Winning entry ids, in order.' })
  winnerEntryIds: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  drawnAt: Date | null;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** One entry of a sweepstake. Its id is public (in the published list); the customer stays private. */
@Entity({ name: 'loyalty_sweepstake_entry' })
@Index('UQ_loyalty_sweepstake_entry_source', ['sweepstakeId', 'source', 'sourceId'], { unique: true })
@Index('IDX_loyalty_sweepstake_entry_customer', ['customerId'])
@ObjectType('LoyaltySweepstakeEntry', { description: 'An entry of a sweepstake.' })
export class LoyaltySweepstakeEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_loyalty_sweepstake_entry' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  sweepstakeId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text' })
  @Field({ description: 'The event type that gave it, or "free" (free entry route).' })
  source: string;

  @Column({ type: 'text' })
  sourceId: string;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
