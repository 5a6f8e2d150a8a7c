import { SurveyInvitation, SurveySigningKey } from './invitation.entity.js';
import { SurveyResponse } from './response.entity.js';
import { Survey, SurveyVersion } from './survey.entity.js';
import { SurveyTrigger } from './trigger.entity.js';

export { Survey, SurveyVersion, SurveyTrigger, SurveyInvitation, SurveySigningKey, SurveyResponse };

/** Every entity of the plugin, for definePlugin. */
export const entities = [Survey, SurveyVersion, SurveyTrigger, SurveyInvitation, SurveySigningKey, SurveyResponse];
