import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the plugin, so code refers to them by constant. */
export const P = {
  surveyRead: 'surveys.survey.read',
  surveyManage: 'surveys.survey.manage',
  responseRead: 'surveys.response.read',
  responseFollowUp: 'surveys.response.follow-up',
  analyticsRead: 'surveys.analytics.read',
} as const;

/** The permissions the plugin declares, with the built-in roles that get them when it is first enabled. */
export const permissions: PermissionDeclaration[] = [
  { name: P.surveyRead, description: 'See surveys and their triggers', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.surveyManage, description: 'Create and edit surveys and their triggers', defaultRoles: ['Supervisor'] },
  { name: P.responseRead, description: 'See survey responses and comments', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.responseFollowUp, description: 'Follow up on survey responses: status, owner, tags', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.analyticsRead, description: 'See survey analytics (CSAT, NPS, CES, response rate, break-downs)', defaultRoles: ['Supervisor'] },
];
