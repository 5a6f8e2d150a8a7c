import { KbArticleRecord } from './article.entity.js';
import { KbCategoryRecord } from './category.entity.js';
import { KbCaseSignalRecord, KbSearchRecord, KbSuggestionRecord, KbVoteRecord } from './feedback.entity.js';
import { KbGuideProgressRecord, KbGuideRecord } from './guide.entity.js';
import { KbRevisionRecord } from './revision.entity.js';
import { KbTranslationRecord } from './translation.entity.js';

export {
  KbArticleRecord,
  KbCategoryRecord,
  KbCaseSignalRecord,
  KbSearchRecord,
  KbSuggestionRecord,
  KbVoteRecord,
  KbGuideProgressRecord,
  KbGuideRecord,
  KbRevisionRecord,
  KbTranslationRecord,
};

/** Every entity of the plugin. */
export const entities = [
  KbCategoryRecord,
  KbArticleRecord,
  KbTranslationRecord,
  KbRevisionRecord,
  KbVoteRecord,
  KbSuggestionRecord,
  KbSearchRecord,
  KbCaseSignalRecord,
  KbGuideRecord,
  KbGuideProgressRecord,
];
