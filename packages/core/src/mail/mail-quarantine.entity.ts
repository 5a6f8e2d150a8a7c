import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An inbound message held back instead of processed: over the size limit, over the per-sender rate,
 * or failed in its handler. Staff read the list and release (process it now) or discard it.
 */
@Entity({ name: 'mail_quarantine' })
@Index('IDX_mail_quarantine_received', ['receivedAt'])
@ObjectType('QuarantinedMail', {
  description: 'An inbound e-mail held back: too large, too many from one sender, or it could not be processed.',
})
export class MailQuarantineRecord {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'The mailbox it was sent to (`<plugin>.<handler>:<mailbox id>`).' })
  mailboxKey: string;

  @Column({ type: 'text' })
  @Field({ description: 'Mailbox address it arrived at.' })
  mailboxAddress: string;

  @Column({ type: 'text' })
  @Field()
  messageId: string;

  @Column({ type: 'text' })
  @Field({ description: 'Sender address (From).' })
  sender: string;

  @Column({ type: 'text' })
  @Field()
  subject: string;

  @Column({ type: 'text' })
  @Field({ description: 'too_large, rate_limited or failed.' })
  reason: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  sizeBytes: number;

  /** The message as received (RFC 822), processed again on release. */
  @Column({ type: 'bytea' })
  raw: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  receivedAt: Date;
}
