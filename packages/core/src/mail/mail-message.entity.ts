import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What became of an inbound message. */
export type MailMessageStatus = 'processing' | 'processed' | 'ignored' | 'bounce' | 'quarantined';

/**
 * One inbound message per mailbox and Message-ID: the idempotency record that makes a message
 * delivered twice (an SMTP retry, an IMAP poll that crashed before flagging it) count once.
 */
@Entity({ name: 'mail_message' })
@Index('UQ_mail_message_mailbox_message', ['mailboxKey', 'messageId'], { unique: true })
export class MailMessageRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `<plugin>.<handler>:<mailbox id>`. */
  @Column({ type: 'text' })
  mailboxKey: string;

  /** The Message-ID header with its angle brackets, or a digest of the message when it has none. */
  @Column({ type: 'text' })
  messageId: string;

  @Column({ type: 'text' })
  status: MailMessageStatus;

  /** Why it was ignored or quarantined (a header name or a limit), never personal data. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
