export { Case } from './case.entity.js';
export { CaseMessage } from './case-message.entity.js';
export { CaseAttachment } from './case-attachment.entity.js';
export { Compensation } from './compensation.entity.js';
export { CannedResponse } from './canned-response.entity.js';
export { Team } from './team.entity.js';
export { TeamMember } from './team-member.entity.js';
export { Mailbox } from './mailbox.entity.js';
export { CaseMailThread } from './case-mail-thread.entity.js';

import { Case } from './case.entity.js';
import { CaseMessage } from './case-message.entity.js';
import { CaseAttachment } from './case-attachment.entity.js';
import { Compensation } from './compensation.entity.js';
import { CannedResponse } from './canned-response.entity.js';
import { Team } from './team.entity.js';
import { TeamMember } from './team-member.entity.js';
import { Mailbox } from './mailbox.entity.js';
import { CaseMailThread } from './case-mail-thread.entity.js';

/** Every entity of the plugin, for definePlugin. */
export const entities = [Case, CaseMessage, CaseAttachment, Compensation, CannedResponse, Team, TeamMember, Mailbox, CaseMailThread];
