import { graphql } from '@aftercare/admin-kit/gql';

export const ArticlesQuery = graphql(`
  query KbArticles($status: KbArticleStatus, $visibility: KbVisibility, $text: String, $skip: Int!, $take: Int!) {
    kbArticles(status: $status, visibility: $visibility, text: $text, skip: $skip, take: $take) {
      totalCount
      items {
        id
        number
        title
        status
        visibility
        defaultLocale
        updatedAt
        publishedAt
        translations {
          locale
          outdated
        }
        votes {
          helpful
          notHelpful
        }
      }
    }
  }
`);

export const ArticleQuery = graphql(`
  query KbEditableArticle($id: ID!) {
    kbEditableArticle(id: $id) {
      id
      number
      status
      visibility
      defaultLocale
      tags
      modelIds
      categoryId
      version
      publishedAt
      unpublishAt
      lastReviewedAt
      allowedTransitions
      translations {
        locale
        slug
        title
        summary
        body
        html
        revision
        outdated
        updatedAt
      }
      votes {
        helpful
        notHelpful
      }
      feedback {
        helpful
        reason
        createdAt
      }
    }
  }
`);

export const SaveArticle = graphql(`
  mutation KbSaveArticle($input: SaveKbArticleInput!) {
    saveKbArticle(input: $input) {
      id
      version
    }
  }
`);

export const TransitionArticle = graphql(`
  mutation KbTransitionArticle($input: TransitionKbArticleInput!) {
    transitionKbArticle(input: $input) {
      id
      status
      version
    }
  }
`);

export const PreviewQuery = graphql(`
  query KbPreview($markdown: String!) {
    kbPreview(markdown: $markdown)
  }
`);

export const RevisionsQuery = graphql(`
  query KbRevisions($id: ID!, $locale: String) {
    kbArticleRevisions(articleId: $id, locale: $locale) {
      id
      number
      locale
      title
      body
      note
      author
      createdAt
    }
  }
`);

export const RestoreRevision = graphql(`
  mutation KbRestoreRevision($revisionId: ID!, $expectedVersion: Int) {
    restoreKbArticleRevision(revisionId: $revisionId, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

export const AnalyticsQuery = graphql(`
  query KbAnalytics($from: DateTimeISO!, $to: DateTimeISO!) {
    kbDeflection(from: $from, to: $to) {
      shown
      opened
      helpful
      notHelpful
      withCase
      matured
      deflected
      pending
      deflectionRate
      helpfulness
      definition
    }
    kbSearchAnalytics(from: $from, to: $to) {
      searches
      withoutResults
      clickThroughRate
      topQueries {
        query
        count
        clickThroughRate
      }
      noResultQueries {
        query
        count
      }
    }
    kbStaleArticles {
      articleId
      title
      reasons
      lastReviewedAt
    }
  }
`);

export const CaseSuggestions = graphql(`
  query KbCaseSuggestions($text: String!, $modelId: ID) {
    suggestArticles(text: $text, modelId: $modelId) {
      articles {
        articleId
        slug
        locale
        title
        summary
      }
    }
  }
`);

export const FromCase = graphql(`
  mutation KbFromCase($input: CreateKbArticleFromCaseInput!) {
    createKbArticleFromCase(input: $input) {
      id
    }
  }
`);
