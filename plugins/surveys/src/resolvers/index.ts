import { SurveyAnswerResolver, SurveyResolver, SurveyResponseResolver } from './survey.resolver.js';

/** Every resolver of the plugin, for definePlugin. */
export const resolvers = [SurveyResolver, SurveyResponseResolver, SurveyAnswerResolver];
