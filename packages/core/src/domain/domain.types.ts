import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsLocale,
  IsOptional,
  IsPhoneNumber,
  IsTimeZone,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Customer } from '../entities/customer.entity.js';
import { PURCHASE_CHANNELS, Purchase } from '../entities/purchase.entity.js';
import { Product } from '../entities/product.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { PageArgs, PageOf } from '../graphql/pagination.js';

export enum ConsentKindEnum {
  MARKETING = 'marketing',
  SURVEY = 'survey',
}
registerEnumType(ConsentKindEnum, { name: 'ConsentKind', description: 'marketing: offers and news; survey: satisfaction surveys.' });

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;
const PHONE_MESSAGE = 'must be a phone number in international format, e.g. +34 600 123 456';

@ObjectType({ description: 'A consent and when and where it was last given or withdrawn.' })
export class Consent {
  @Field()
  granted: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was last given or withdrawn; null if never asked.' })
  at: Date | null;

  @Field(() => String, { nullable: true, description: 'Where: portal, staff, import, checkout, …' })
  source: string | null;
}

@InputType()
export class CustomerPhoneInput {
  @Field()
  @IsPhoneNumber(undefined, { message: PHONE_MESSAGE })
  number: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  label?: string | null;
}

@InputType()
export class CustomerAddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  label?: string | null;

  @Field()
  @Length(1, 200)
  line1: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line2?: string | null;

  @Field()
  @Length(1, 100)
  city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. ES.' })
  @IsISO31661Alpha2({ message: 'must be a two-letter country code such as ES' })
  country: string;
}

/** Fields shared by create and update; on update every field is optional (absent: unchanged). */
@InputType()
export class UpdateCustomerInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: 'Primary e-mail, used to sign in to the portal.' })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsEmail({}, { each: true, message: 'must be email addresses' })
  @ArrayMaxSize(10)
  emails?: string[];

  @Field(() => [CustomerPhoneInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  phones?: CustomerPhoneInput[];

  @Field(() => [CustomerAddressInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  addresses?: CustomerAddressInput[];

  @Field({ nullable: true, description: 'BCP 47, e.g. es or en-GB.' })
  @IsOptional()
  @IsLocale({ message: 'must be a language tag such as es or en-GB' })
  locale?: string;

  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Madrid.' })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Madrid' })
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null clears it.' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'must be a date as YYYY-MM-DD' })
  birthday?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Matches(TAG, { each: true, message: 'must be tags of letters, digits, spaces, _ or -, at most 40 characters' })
  @ArrayMaxSize(30)
  tags?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  companyName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z]{2}[A-Za-z0-9+*.\- ]{2,16}$/, { message: 'must be a VAT id starting with its country code, e.g. ESB12345678' })
  vatId?: string | null;

  @Field({ nullable: true, description: 'e.g. standard, gold, business.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,29}$/i, { message: 'must be a short word such as standard or gold' })
  tier?: string;
}

@InputType()
export class CreateCustomerInput extends UpdateCustomerInput {
  @Field()
  @Length(1, 200)
  override name: string;

  @Field({ description: 'Primary e-mail, used to sign in to the portal.' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  override email: string;

  @Field(() => Boolean, { nullable: true, description: 'Given (true) or refused (false) at creation; leave out if not asked.' })
  @IsOptional()
  @IsBoolean()
  marketingConsent?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  surveyConsent?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the consents were given, e.g. checkout; default staff.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,29}$/, { message: 'must be a short lower-case word such as checkout' })
  consentSource?: string | null;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name, e-mail, company, VAT id or phone number.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  tag?: string | null;
}

@ArgsType()
export class SetConsentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id' })
  customerId: string;

  @Field(() => ConsentKindEnum)
  kind: ConsentKindEnum;

  @Field()
  granted: boolean;

  @Field(() => String, { nullable: true, description: 'Where it was given or withdrawn; default staff (portal for customers).' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_-]{0,29}$/, { message: 'must be a short lower-case word such as phone' })
  source?: string | null;
}

// ------------------------------------------------------------------ catalog

@InputType()
export class UpdateProductInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  category?: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  attributes?: Record<string, unknown>;
}

@InputType()
export class CreateProductInput extends UpdateProductInput {
  @Field()
  @Length(1, 200)
  override name: string;

  @Field()
  @Length(1, 100)
  override category: string;
}

@InputType()
export class UpdateProductModelInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'must be letters, digits, . _ - or /, at most 64 characters' })
  sku?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @IsOptional()
  attributes?: Record<string, unknown>;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  warrantyMonths?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  returnWindowDays?: number;
}

@InputType()
export class CreateProductModelInput extends UpdateProductModelInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a product id' })
  override productId: string;

  @Field()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'must be letters, digits, . _ - or /, at most 64 characters' })
  override sku: string;

  @Field()
  @Length(1, 200)
  override name: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(240)
  override warrantyMonths: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(365)
  override returnWindowDays: number;
}

@ArgsType()
export class ProductsArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  category?: string | null;
}

@ArgsType()
export class ProductModelsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product id' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of a SKU or model name.' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

// ------------------------------------------------------------------ purchases

@InputType()
export class CreatePurchaseInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a customer id' })
  customerId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a product model id' })
  modelId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  serialNumber?: string | null;

  @Field()
  purchasedAt: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  deliveredAt?: Date | null;

  @Field({ description: `One of: ${PURCHASE_CHANNELS.join(', ')}.` })
  @IsIn([...PURCHASE_CHANNELS], { message: `must be one of ${PURCHASE_CHANNELS.join(', ')}` })
  channel: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  orderReference?: string | null;

  @Field(() => Int, { description: 'In minor units (cents).' })
  @IsInt()
  @Min(0)
  priceMinor: number;

  @Field({ description: 'ISO 4217, e.g. EUR.' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as EUR' })
  currency: string;
}

@InputType()
export class PurchaseFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a product model id' })
  modelId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  serialNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn([...PURCHASE_CHANNELS], { message: `must be one of ${PURCHASE_CHANNELS.join(', ')}` })
  channel?: string | null;

  @Field(() => Date, { nullable: true, description: 'Purchased at or after.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Purchased before.' })
  @IsOptional()
  to?: Date | null;
}

export const CustomerPage = PageOf(Customer, 'CustomerPage');
export const ProductPage = PageOf(Product, 'ProductPage');
export const ProductModelPage = PageOf(ProductModel, 'ProductModelPage');
export const PurchasePage = PageOf(Purchase, 'PurchasePage');
