/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CreateApiKeyInput = {
  name: string;
  roleIds: Array<string | number>;
};

export type CreateCustomerInput = {
  addresses?: Array<CustomerAddressInput> | null | undefined;
  /** YYYY-MM-DD; null clears it. */
  birthday?: string | null | undefined;
  companyName?: string | null | undefined;
  /** Where the consents were given, e.g. checkout; default staff. */
  consentSource?: string | null | undefined;
  /** Primary e-mail, used to sign in to the portal. */
  email: string;
  emails?: Array<string> | null | undefined;
  /** BCP 47, e.g. es or en-GB. */
  locale?: string | null | undefined;
  /** Given (true) or refused (false) at creation; leave out if not asked. */
  marketingConsent?: boolean | null | undefined;
  name: string;
  phones?: Array<CustomerPhoneInput> | null | undefined;
  surveyConsent?: boolean | null | undefined;
  tags?: Array<string> | null | undefined;
  /** e.g. standard, gold, business. */
  tier?: string | null | undefined;
  /** IANA time zone, e.g. Europe/Madrid. */
  timeZone?: string | null | undefined;
  vatId?: string | null | undefined;
};

export type CreateProductInput = {
  attributes?: Record<string, unknown> | null | undefined;
  category: string;
  name: string;
};

export type CreateProductModelInput = {
  attributes?: Record<string, unknown> | null | undefined;
  name: string;
  productId: string | number;
  returnWindowDays: number;
  sku: string;
  warrantyMonths: number;
};

export type CreatePurchaseInput = {
  /** One of: online, store, phone, marketplace, other. */
  channel: string;
  /** ISO 4217, e.g. EUR. */
  currency: string;
  customerId: string | number;
  deliveredAt?: string | null | undefined;
  modelId: string | number;
  orderReference?: string | null | undefined;
  /** In minor units (cents). */
  priceMinor: number;
  purchasedAt: string;
  serialNumber?: string | null | undefined;
};

export type CustomerAddressInput = {
  city: string;
  /** ISO 3166-1 alpha-2, e.g. ES. */
  country: string;
  label?: string | null | undefined;
  line1: string;
  line2?: string | null | undefined;
  postalCode?: string | null | undefined;
  region?: string | null | undefined;
};

export type CustomerPhoneInput = {
  label?: string | null | undefined;
  number: string;
};

export type FixtureCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type FixtureCreateCustomerMutation = { createCustomer: { id: string, name: string, email: string } };

export type FixtureCreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type FixtureCreateProductMutation = { createProduct: { id: string } };

export type FixtureCreateProductModelMutationVariables = Exact<{
  input: CreateProductModelInput;
}>;


export type FixtureCreateProductModelMutation = { createProductModel: { id: string, sku: string, name: string, productId: string } };

export type FixtureCreatePurchaseMutationVariables = Exact<{
  input: CreatePurchaseInput;
}>;


export type FixtureCreatePurchaseMutation = { createPurchase: { id: string, serialNumber: string | null, customerId: string, modelId: string, purchasedAt: string } };

export type FixtureRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type FixtureRolesQuery = { roles: { items: Array<{ id: string, name: string }> } };

export type FixtureCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type FixtureCreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };


export const FixtureCreateCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FixtureCreateCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<FixtureCreateCustomerMutation, FixtureCreateCustomerMutationVariables>;
export const FixtureCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FixtureCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FixtureCreateProductMutation, FixtureCreateProductMutationVariables>;
export const FixtureCreateProductModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FixtureCreateProductModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProductModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"productId"}}]}}]}}]} as unknown as DocumentNode<FixtureCreateProductModelMutation, FixtureCreateProductModelMutationVariables>;
export const FixtureCreatePurchaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FixtureCreatePurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAt"}}]}}]}}]} as unknown as DocumentNode<FixtureCreatePurchaseMutation, FixtureCreatePurchaseMutationVariables>;
export const FixtureRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FixtureRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<FixtureRolesQuery, FixtureRolesQueryVariables>;
export const FixtureCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FixtureCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<FixtureCreateApiKeyMutation, FixtureCreateApiKeyMutationVariables>;