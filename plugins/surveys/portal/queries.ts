import { graphql } from '@aftercare/portal-kit/gql';

/** The signed-in customer's surveys (home card and list page). */
export const MySurveysQuery = graphql(`
  query PortalMySurveys {
    mySurveys {
      id
      kind
      question
      sentAt
      expiresAt
      answered
      score
      token
    }
  }
`);
