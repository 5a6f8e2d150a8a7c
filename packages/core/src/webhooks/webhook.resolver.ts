import { ArrayMaxSize, ArrayNotEmpty, IsBoolean, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/pagination.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = { message: 'must be an http:// or https:// URL' };

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookSubscriptionInput {
  @Field()
  @IsUrl(URL_OPTIONS, URL_MESSAGE)
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  url: string;

  @Field(() => [String], { description: "Event types to receive (see the eventTypes query), or ['*'] for all." })
  @ArrayNotEmpty({ message: "must list at least one event type, or '*'" })
  @ArrayMaxSize(200, { message: 'must list at most 200 event types' })
  @IsString({ each: true })
  eventTypes: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook endpoint; omitted fields stay as they are.' })
export class UpdateWebhookSubscriptionInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, URL_MESSAGE)
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty({ message: "must list at least one event type, or '*'" })
  @ArrayMaxSize(200, { message: 'must list at most 200 event types' })
  @IsString({ each: true })
  eventTypes?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  description?: string | null;

  @Field({ nullable: true, description: 'true re-enables a disabled subscription and clears its failure count; false pauses it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ObjectType({ description: 'A created webhook subscription and its signing secret, shown only this once.' })
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscription)
  subscription: WebhookSubscription;

  @Field({ description: 'Signing secret for x-aftercare-signature. Store it now: it is never shown again.' })
  secret: string;
}

@ObjectType()
export class WebhookSubscriptionPage {
  @Field(() => [WebhookSubscription])
  items: WebhookSubscription[];

  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
export class WebhookDeliveryPage {
  @Field(() => [WebhookDelivery])
  items: WebhookDelivery[];

  @Field(() => Int)
  totalCount: number;
}

/** Webhook administration. Thin: the rules live in WebhookService. */
@Resolver()
export class WebhookResolver {
  @Authorized('core.webhook.manage')
  @Query(() => WebhookSubscriptionPage, { description: 'Webhook endpoints, oldest first.' })
  webhookSubscriptions(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<WebhookSubscriptionPage> {
    return ctx.webhooks.list(page.skip, page.take);
  }

  @Authorized('core.webhook.manage')
  @Mutation(() => CreatedWebhookSubscription, { description: 'Add a webhook endpoint; the answer holds its signing secret, once.' })
  createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput) input: CreateWebhookSubscriptionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedWebhookSubscription> {
    return ctx.webhooks.create(input);
  }

  @Authorized('core.webhook.manage')
  @Mutation(() => WebhookSubscription, { description: 'Change, pause or re-enable a webhook endpoint.' })
  updateWebhookSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookSubscriptionInput) input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookSubscription> {
    return ctx.webhooks.update(id, input);
  }

  @Authorized('core.webhook.manage')
  @Mutation(() => Boolean, { description: 'Remove a webhook endpoint and its delivery log.' })
  deleteWebhookSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.webhooks.delete(id);
  }

  @Authorized('core.webhook.manage')
  @Query(() => WebhookDeliveryPage, { description: 'Delivery attempts to one endpoint, newest first.' })
  webhookDeliveries(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryPage> {
    return ctx.webhooks.deliveries(subscriptionId, page.skip, page.take);
  }
}
