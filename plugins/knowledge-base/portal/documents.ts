import { graphql } from '@aftercare/portal-kit/gql';

export const SearchKb = graphql(`
  query PortalSearchKb($query: String!, $filter: KbSearchFilter) {
    searchKb(query: $query, filter: $filter, take: 10) {
      searchId
      total
      hits {
        articleId
        slug
        locale
        title
        summary
        snippet
        forYourProducts
      }
    }
  }
`);

export const KbHome = graphql(`
  query PortalKbHome($locale: String) {
    kbHome(locale: $locale) {
      popular {
        articleId
        slug
        locale
        title
        summary
      }
      forYourProducts {
        articleId
        slug
        locale
        title
        summary
      }
    }
  }
`);

export const KbArticle = graphql(`
  query PortalKbArticle($slug: String!, $locale: String, $suggestionId: ID, $searchId: ID) {
    kbArticle(slug: $slug, locale: $locale, suggestionId: $suggestionId, searchId: $searchId) {
      articleId
      locale
      fallback
      outdated
      title
      summary
      html
      updatedAt
      related {
        articleId
        slug
        locale
        title
      }
    }
  }
`);

export const VoteKb = graphql(`
  mutation PortalVoteKb($input: VoteKbArticleInput!) {
    voteKbArticle(input: $input) {
      helpful
      notHelpful
    }
  }
`);

export const SuggestArticles = graphql(`
  query PortalSuggestArticles($text: String!, $modelId: ID, $locale: String, $suggestionId: ID) {
    suggestArticles(text: $text, modelId: $modelId, locale: $locale, suggestionId: $suggestionId) {
      suggestionId
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

export const MyGuides = graphql(`
  query PortalMyKbGuides($locale: String) {
    myKbGuides(locale: $locale) {
      id
      title
      forYourProducts
      doneCount
      steps {
        articleId
        slug
        locale
        title
        done
      }
    }
  }
`);

export const MarkStepDone = graphql(`
  mutation PortalMarkGuideStepDone($guideId: ID!, $articleId: ID!) {
    markGuideStepDone(guideId: $guideId, articleId: $articleId) {
      id
      doneCount
    }
  }
`);
