import { graphql, type ResultOf } from '@aftercare/admin-kit/gql';

/** Everything the case page shows, in one request (relations are batched on the server). */
export const CaseDetailQuery = graphql(`
  query ServiceDeskCaseDetail($id: ID!) {
    case(id: $id) {
      id
      reference
      subject
      description
      kind
      channel
      severity
      status
      category
      rootCause
      outcome
      resolutionNote
      createdAt
      resolvedAt
      reopenCount
      mergedIntoId
      staffReplyCount
      allowedTransitions
      atRisk
      breached
      customerId
      purchaseId
      team {
        id
        name
      }
      assignee {
        id
        name
      }
      purchase {
        id
        serialNumber
        purchasedAt
        currency
        model {
          id
          name
          product {
            name
          }
        }
      }
      customer {
        id
        name
        email
        tier
        phones {
          number
          label
        }
      }
      messages {
        id
        kind
        body
        authorKind
        authorDisplay
        createdAt
      }
      attachments {
        id
        fileName
        contentType
        sizeBytes
        public
        createdAt
      }
      compensations {
        id
        type
        valueMinor
        currency
        description
        status
        proposedById
        proposedByDisplay
        decidedByDisplay
        decidedAt
        decisionReason
        createdAt
      }
      sla {
        policyName
        paused
        closed
        firstResponse {
          status
          dueAt
          metAt
          breachedAt
          atRisk
        }
        nextResponse {
          status
          dueAt
          metAt
          breachedAt
          atRisk
        }
        resolution {
          status
          dueAt
          metAt
          breachedAt
          atRisk
        }
      }
      possibleDuplicates {
        id
        reference
        subject
        status
        createdAt
      }
    }
  }
`);

/** The configured lists the case page offers (categories, root causes) and the approval threshold. */
export const DeskSettingsQuery = graphql(`
  query ServiceDeskCaseSettings {
    serviceDeskSettings {
      categories
      rootCauses
      compensationApprovalThresholdMinor
      attachmentMaxBytes
      attachmentTypes
    }
  }
`);

export type CaseDetail = ResultOf<typeof CaseDetailQuery>['case'];
export type DeskSettings = ResultOf<typeof DeskSettingsQuery>['serviceDeskSettings'];
