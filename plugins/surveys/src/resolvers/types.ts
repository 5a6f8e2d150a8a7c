import { PageArgs } from '@aftercare/core';
import { IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { type SurveysItemStatus, SurveysItemStatusEnum } from '../domain.js';

@InputType('CreateSurveysItemInput', { description: 'A new Surveys item.' })
export class CreateItemInput {
  @Field({ description: 'What the item is about (1 to 200 characters).' })
  @MaxLength(200)
  title: string;

  @Field(() => ID, { nullable: true, description: 'The customer it is about, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string | null;
}

@InputType('MoveSurveysItemInput', { description: 'Move an item to another state.' })
export class MoveItemInput {
  @Field(() => ID)
  id: string;

  @Field(() => SurveysItemStatusEnum, { description: 'One of the item’s allowedTransitions.' })
  to: SurveysItemStatus;

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
  @Field(() => SurveysItemStatusEnum, { nullable: true })
  @IsOptional()
  status?: SurveysItemStatus | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string | null;
}
