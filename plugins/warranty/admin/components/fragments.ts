import { graphql, type ResultOf } from '@aftercare/admin-kit/gql';

/** What {@link CoverageSummary} shows; spread `...WarrantyCoverageSummary` into a `warrantyCoverage` selection. */
export const CoverageSummaryFields = graphql(`
  fragment WarrantyCoverageSummary on WarrantyCoverage {
    covered
    basis
    lastCoveredDay
    coverageTypes
    reason
    explanation
    timeZone
    jurisdiction
    customerId
    purchaseId
    registrationId
    serialNumber
    layers {
      basis
      name
      covered
      reason
      lastDay
    }
  }
`);
export type CoverageSummaryData = ResultOf<typeof CoverageSummaryFields>;

/** What {@link ServiceHistoryList} shows; spread `...WarrantyServiceHistory` into a `serviceHistory` selection. */
export const ServiceHistoryFields = graphql(`
  fragment WarrantyServiceHistory on ServiceHistory {
    serialNumber
    replacedBy
    claims {
      id
      reference
      status
      createdAt
      outcome
      damageType
    }
    repairOrders {
      id
      reference
      status
      outcome
      createdAt
      completedAt
      replacementSerial
      parts {
        id
        sku
        quantity
      }
    }
  }
`);
export type ServiceHistoryData = ResultOf<typeof ServiceHistoryFields>;

/** The recorded changes of a claim or repair order, for the page's timeline. */
export const HistoryEntryFields = graphql(`
  fragment WarrantyHistoryEntryFields on StatusChange {
    id
    at
    actorKind
    actor
    fromStatus
    toStatus
    reason
  }
`);
export type HistoryEntryData = ResultOf<typeof HistoryEntryFields>;

/** A repair order as a card of the repair board shows it. */
export const RepairCardFields = graphql(`
  fragment WarrantyRepairCard on RepairOrder {
    id
    reference
    status
    paid
    serialNumber
    dueAt
    overdue
    labourMinutes
    model {
      id
      sku
      name
    }
    technician {
      id
      name
    }
  }
`);
export type RepairCardData = ResultOf<typeof RepairCardFields>;
