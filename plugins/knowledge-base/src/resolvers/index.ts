import { KbArticleResolver, KbCategoryResolver, KbReaderResolver } from './kb.resolver.js';

/** Every resolver class of the plugin; they receive the plugin's services in their constructor. */
export const resolvers = [KbArticleResolver, KbReaderResolver, KbCategoryResolver];
