import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Customer } from '../entities/customer.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { byKey, defineLoader } from '../graphql/loaders.js';
import { PageArgs, PageOf } from '../graphql/pagination.js';
import { In } from 'typeorm';
import { MailBounceRecord } from './mail-bounce.entity.js';
import { MailQuarantineRecord } from './mail-quarantine.entity.js';

const QuarantinedMailPage = PageOf(MailQuarantineRecord, 'QuarantinedMailPage');

@ObjectType({ description: 'What became of a released message.' })
export class ReleasedMail {
  @Field({ description: 'processed, duplicate, ignored, bounce or quarantined (it failed again).' })
  outcome: string;
}

/** Inbound mail administration: the quarantine. Thin: the rules live in MailIntake. */
@Resolver()
export class MailResolver {
  @Authorized('core.mail.manage')
  @Query(() => QuarantinedMailPage, {
    description: 'Inbound e-mail held back (too large, too many from one sender, failed), newest first.',
  })
  quarantinedMails(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.mail.quarantined(page.skip, page.take);
  }

  @Authorized('core.mail.manage')
  @Mutation(() => ReleasedMail, { description: 'Process a quarantined message now, without the size and rate limits.' })
  async releaseQuarantinedMail(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReleasedMail> {
    return { outcome: await ctx.mail.release(id) };
  }

  @Authorized('core.mail.manage')
  @Mutation(() => Boolean, { description: 'Delete a quarantined message for good.' })
  async discardQuarantinedMail(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.mail.discard(id);
    return true;
  }
}

const bounceOf = defineLoader<string, MailBounceRecord | null, GraphQLContext>(async (addresses, ctx) =>
  byKey(addresses, await ctx.db.getRepository(MailBounceRecord).findBy({ address: In([...addresses]) }), (r) => r.address),
);

/** The bounce mark on a customer's primary address. */
@Resolver(() => Customer)
export class CustomerMailResolver {
  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When mail to the primary e-mail last bounced; messages to it are not sent until mail arrives from it again.',
  })
  async emailBouncedAt(@Root() customer: Customer, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    return (await bounceOf(ctx).load(customer.email))?.bouncedAt ?? null;
  }
}
