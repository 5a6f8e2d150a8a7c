import { graphql, type ResultOf } from '@aftercare/admin-kit/gql';

/**
 * One customer with everything core's tabs show. The page header and each core tab run this same
 * query: urql answers all of them from one request and its cache.
 */
export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    customer(id: $id) {
      id
      version
      name
      email
      emails
      companyName
      vatId
      tier
      tags
      locale
      timeZone
      birthday
      anonymizedAt
      createdAt
      phones {
        number
        label
      }
      addresses {
        label
        line1
        line2
        postalCode
        city
        region
        country
      }
      marketingConsent {
        granted
        at
        source
      }
      surveyConsent {
        granted
        at
        source
      }
      purchases {
        id
        purchasedAt
        deliveredAt
        channel
        currency
        priceMinor
        serialNumber
        orderReference
        model {
          id
          sku
          name
          product {
            id
            name
          }
        }
      }
    }
  }
`);

export type CustomerDetail = ResultOf<typeof CustomerDetailQuery>['customer'];

/** Tiers the console offers (SLA policies choose by them); other values typed in are kept. */
export const CUSTOMER_TIERS = ['standard', 'gold', 'business'] as const;

/** Sales channels of a purchase, as the server accepts them. */
export const PURCHASE_CHANNELS = ['online', 'store', 'phone', 'marketplace', 'other'] as const;

/** Right to erasure: the customer page and the erasure requests page run it. */
export const AnonymizeCustomer = graphql(`
  mutation AnonymizeCustomer($customerId: ID!) {
    anonymizeCustomer(customerId: $customerId) {
      id
      name
      email
      anonymizedAt
    }
  }
`);
