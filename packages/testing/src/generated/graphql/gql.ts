/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation FixtureCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      email\n    }\n  }\n": typeof types.FixtureCreateCustomerDocument,
    "\n  mutation FixtureCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n": typeof types.FixtureCreateProductDocument,
    "\n  mutation FixtureCreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n      sku\n      name\n      productId\n    }\n  }\n": typeof types.FixtureCreateProductModelDocument,
    "\n  mutation FixtureCreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n      serialNumber\n      customerId\n      modelId\n      purchasedAt\n    }\n  }\n": typeof types.FixtureCreatePurchaseDocument,
    "\n  query FixtureRoles {\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.FixtureRolesDocument,
    "\n  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.FixtureCreateApiKeyDocument,
};
const documents: Documents = {
    "\n  mutation FixtureCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      email\n    }\n  }\n": types.FixtureCreateCustomerDocument,
    "\n  mutation FixtureCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n": types.FixtureCreateProductDocument,
    "\n  mutation FixtureCreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n      sku\n      name\n      productId\n    }\n  }\n": types.FixtureCreateProductModelDocument,
    "\n  mutation FixtureCreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n      serialNumber\n      customerId\n      modelId\n      purchasedAt\n    }\n  }\n": types.FixtureCreatePurchaseDocument,
    "\n  query FixtureRoles {\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.FixtureRolesDocument,
    "\n  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.FixtureCreateApiKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n      sku\n      name\n      productId\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n      sku\n      name\n      productId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n      serialNumber\n      customerId\n      modelId\n      purchasedAt\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n      serialNumber\n      customerId\n      modelId\n      purchasedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FixtureRoles {\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query FixtureRoles {\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;