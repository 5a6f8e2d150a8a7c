import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The e-mail conversation of a case: the mailbox it came through (answers are sent from it) and
 * the customer's latest message (answers reply to it), so mail programs thread our answers.
 */
@Entity({ name: 'service_desk_case_mail_thread' })
export class CaseMailThread {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  mailboxId: string;

  /** Message-ID of the customer's latest message. */
  @Column({ type: 'text' })
  lastMessageId: string;

  /** Message-IDs of the conversation, oldest first (at most the last 20). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];
}
