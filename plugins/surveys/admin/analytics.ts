import { graphql } from '@aftercare/admin-kit/gql';

/** The analytics query shared by the analytics page and the dashboard widget. */
export const SurveyAnalyticsQuery = graphql(`
  query SurveysAnalytics($input: SurveyAnalyticsInput!) {
    surveyAnalytics(input: $input) {
      responses
      sent
      minPersonSample
      nps {
        value
        sampleSize
        low
        high
      }
      csat {
        value
        sampleSize
        low
        high
      }
      ces {
        value
        sampleSize
        low
        high
      }
      responseRate {
        value
        sampleSize
        low
        high
      }
      groups {
        key
        label
        responses
        hidden
        nps {
          value
          sampleSize
          low
          high
        }
        csat {
          value
          sampleSize
          low
          high
        }
        ces {
          value
          sampleSize
        }
      }
      trend {
        bucket
        responses
        nps {
          value
          sampleSize
        }
        csat {
          value
          sampleSize
        }
      }
      distribution {
        kind
        score
        count
      }
    }
  }
`);

/** The last `days` days up to the next midnight (UTC), as the analytics input wants it. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}
