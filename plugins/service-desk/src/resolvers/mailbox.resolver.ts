import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { validId } from '@aftercare/core';
import { Arg, Authorized, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { CASE_KINDS, type CaseKind, CaseKindEnum } from '../domain.js';
import type { Mailbox, MailboxInbound } from '../entities/mailbox.entity.js';
import { P } from '../permissions.js';
import type { ServiceDesk } from '../runtime.js';

export const MailboxInboundEnum = { SMTP: 'smtp', IMAP: 'imap' } as const;
registerEnumType(MailboxInboundEnum, {
  name: 'MailboxInbound',
  description: 'SMTP: relayed to the built-in SMTP listener; IMAP: fetched from a mailbox every minute.',
});

@ObjectType('ServiceDeskMailbox', { description: 'A support address: its mail opens cases, answers on them are sent from it.' })
export class MailboxType {
  @Field(() => ID) id: string;
  @Field({ description: 'The address customers write to, lower-cased.' }) address: string;
  @Field({ description: 'Sender name of answers, e.g. "Acme Support".' }) senderName: string;
  @Field(() => MailboxInboundEnum) inbound: MailboxInbound;
  @Field(() => String, { nullable: true }) imapHost: string | null;
  @Field(() => Int, { nullable: true }) imapPort: number | null;
  @Field({ description: 'TLS from the start (993); false: STARTTLS when the server offers it.' }) imapSecure: boolean;
  @Field(() => String, { nullable: true }) imapUser: string | null;
  @Field() imapFolder: string;
  @Field({ description: 'Accept a self-signed certificate of an internal IMAP server.' }) imapAllowSelfSigned: boolean;
  @Field({ description: 'Whether an IMAP password is stored (it is never returned).' }) imapPasswordSet: boolean;
  @Field(() => ID, { nullable: true, description: 'Team of new cases; empty: the default team.' }) teamId: string | null;
  @Field(() => CaseKindEnum, { description: 'Kind of the cases mail opens.' }) kind: CaseKind;
  @Field({ description: 'A disabled mailbox receives nothing.' }) enabled: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@InputType({ description: 'A mailbox to create (no id) or change (with id).' })
export class ServiceDeskMailboxInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a mailbox id' }) id?: string | null;
  @Field() @Length(3, 254, { message: 'must be an e-mail address' }) address: string;
  @Field() @Length(1, 100, { message: 'must be 1 to 100 characters' }) senderName: string;
  @Field(() => MailboxInboundEnum) @IsIn(['smtp', 'imap'], { message: 'must be SMTP or IMAP' }) inbound: MailboxInbound;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(253, { message: 'must be at most 253 characters' }) imapHost?:
    string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  imapPort?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() imapSecure?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(254, { message: 'must be at most 254 characters' }) imapUser?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Leave empty to keep the stored password.' })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  imapPassword?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200, { message: 'must be at most 200 characters' }) imapFolder?:
    string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() imapAllowSelfSigned?: boolean | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a team id' }) teamId?: string | null;
  @Field(() => CaseKindEnum) @IsIn([...CASE_KINDS], { message: `must be one of ${CASE_KINDS.join(', ')}` }) kind: CaseKind;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean | null;
}

function view(b: Mailbox): MailboxType {
  const { imapPasswordSealed, ...rest } = b;
  return Object.assign(new MailboxType(), rest, { imapPasswordSet: !!imapPasswordSealed });
}

/** The service desk's mailboxes (the e-mail channel). */
@Resolver(() => MailboxType)
export class MailboxResolver {
  constructor(private readonly desk: ServiceDesk) {}

  @Authorized(P.settingsManage)
  @Query(() => [MailboxType], { description: 'Mailboxes of the service desk, by address.' })
  async serviceDeskMailboxes(): Promise<MailboxType[]> {
    return (await this.desk.mail.list()).map(view);
  }

  @Authorized(P.settingsManage)
  @Mutation(() => MailboxType, { description: 'Create a mailbox, or change one (with id).' })
  async saveServiceDeskMailbox(@Arg('input', () => ServiceDeskMailboxInput) input: ServiceDeskMailboxInput): Promise<MailboxType> {
    return view(await this.desk.mail.save(input));
  }

  @Authorized(P.settingsManage)
  @Mutation(() => Boolean, { description: 'Delete a mailbox; its cases keep their conversation.' })
  deleteServiceDeskMailbox(@Arg('id', () => ID) id: string): Promise<boolean> {
    return this.desk.mail.delete(validId('Mailbox', id));
  }
}
