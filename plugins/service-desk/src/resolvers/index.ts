import { CaseMessageResolver, CaseResolver } from './case.resolver.js';
import { CompensationResolver } from './compensation.resolver.js';
import { ConfigurationResolver, TeamMemberResolver } from './configuration.resolver.js';
import { MailboxResolver } from './mailbox.resolver.js';
import { MetricsResolver } from './metrics.resolver.js';
import { MyCaseResolver } from './my-case.resolver.js';

export const resolvers = [
  CaseResolver,
  CaseMessageResolver,
  CompensationResolver,
  MyCaseResolver,
  ConfigurationResolver,
  TeamMemberResolver,
  MetricsResolver,
  MailboxResolver,
];
