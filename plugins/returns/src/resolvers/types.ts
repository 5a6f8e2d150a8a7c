import { PageArgs } from '@aftercare/core';
import { IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { type ReturnsItemStatus, ReturnsItemStatusEnum } from '../domain.js';

@InputType('CreateReturnsItemInput', { description: 'A new Returns item.' })
export class CreateItemInput {
  @Field({ description: 'What the item is about (1 to 200 characters).' })
  @MaxLength(200)
  title: string;

  @Field(() => ID, { nullable: true, description: 'The customer it is about, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string | null;
}

@InputType('MoveReturnsItemInput', { description: 'Move an item to another state.' })
export class MoveItemInput {
  @Field(() => ID)
  id: string;

  @Field(() => ReturnsItemStatusEnum, { description: 'One of the item’s allowedTransitions.' })
  to: ReturnsItemStatus;

  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT when the item changed since.' })
  @IsOptional()
  @Min(1)
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the history).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
export class ItemsArgs extends PageArgs {
  @Field(() => ReturnsItemStatusEnum, { nullable: true })
  @IsOptional()
  status?: ReturnsItemStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string | null;
}
