import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseKind } from '../domain.js';

/** How mail reaches a mailbox: relayed to the built-in SMTP listener, or fetched from an IMAP mailbox. */
export type MailboxInbound = 'smtp' | 'imap';

/**
 * A support address of the service desk: mail sent to it opens cases (of `kind`, routed to `teamId`)
 * or adds to the case it answers; answers on those cases are sent from it.
 */
@Entity({ name: 'service_desk_mailbox' })
export class Mailbox {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased, unique. */
  @Column({ type: 'text', unique: true })
  address: string;

  /** Sender name of answers, e.g. "Acme Support". */
  @Column({ type: 'text' })
  senderName: string;

  @Column({ type: 'text' })
  inbound: MailboxInbound;

  @Column({ type: 'text', nullable: true })
  imapHost: string | null;

  @Column({ type: 'int', nullable: true })
  imapPort: number | null;

  /** TLS from the start (993); false: plain, upgraded by STARTTLS when offered. */
  @Column({ type: 'boolean', default: true })
  imapSecure: boolean;

  @Column({ type: 'text', nullable: true })
  imapUser: string | null;

  /** Sealed with the server's secret key; never returned. */
  @Column({ type: 'text', nullable: true })
  imapPasswordSealed: string | null;

  @Column({ type: 'text', default: 'INBOX' })
  imapFolder: string;

  /** Accept a self-signed certificate of an internal IMAP server. */
  @Column({ type: 'boolean', default: false })
  imapAllowSelfSigned: boolean;

  /** Team new cases go to; null: the default team of the settings. */
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  /** Kind of the cases mail opens. */
  @Column({ type: 'text', default: 'inquiry' })
  kind: CaseKind;

  /** A disabled mailbox receives nothing (SMTP refuses its address, IMAP is not polled). */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
