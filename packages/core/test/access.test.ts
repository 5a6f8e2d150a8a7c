import { describe, expect, it } from 'vitest';
import {
  type Actor,
  ErrorCode,
  requireApprovalAuthority,
  requireCustomer,
  requireDifferentActor,
  requirePermission,
} from '../src/index.js';

const agent: Actor = { kind: 'staff', userId: 'u1', email: 'a@x.io', sessionId: 's1', permissions: new Set(['desk.compensation.propose']) };
const supervisor: Actor = {
  kind: 'staff',
  userId: 'u2',
  email: 's@x.io',
  sessionId: 's2',
  permissions: new Set(['desk.compensation.approve-high']),
};
const key: Actor = { kind: 'apiKey', keyId: 'k1', name: 'ERP', permissions: new Set() };
const customer: Actor = { kind: 'customer', customerId: 'c1', email: 'c@x.io', sessionId: 's3' };
const anonymous: Actor = { kind: 'anonymous' };

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'OK';
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe('separation of duties', () => {
  it('the proposer cannot approve; anyone else signed in can', () => {
    expect(codeOf(() => requireDifferentActor('u1', agent))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireDifferentActor({ kind: 'staff', id: 'u1' }, agent))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireDifferentActor('u1', supervisor))).toBe('OK');
    expect(codeOf(() => requireDifferentActor({ kind: 'apiKey', id: 'k1' }, key))).toBe(ErrorCode.FORBIDDEN);
    // A staff user and an API key never count as the same actor, even with equal ids.
    expect(codeOf(() => requireDifferentActor({ kind: 'apiKey', id: 'u1' }, agent))).toBe('OK');
    expect(codeOf(() => requireDifferentActor('u1', anonymous))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('amounts above the threshold need the permission; at or below, any staff user or key', () => {
    const perm = 'desk.compensation.approve-high';
    expect(codeOf(() => requireApprovalAuthority(10_000, 10_000, agent, perm))).toBe('OK');
    expect(codeOf(() => requireApprovalAuthority(10_001, 10_000, agent, perm))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireApprovalAuthority(10_001, 10_000, supervisor, perm))).toBe('OK');
    expect(codeOf(() => requireApprovalAuthority(1, 10_000, customer, perm))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireApprovalAuthority(1, 10_000, anonymous, perm))).toBe(ErrorCode.UNAUTHENTICATED);
  });

  it('requireCustomer gives the customer id and refuses everyone else', () => {
    expect(requireCustomer({ actor: customer })).toBe('c1');
    expect(codeOf(() => requireCustomer(agent))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireCustomer(anonymous))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(codeOf(() => requirePermission(customer, 'core.audit.read'))).toBe(ErrorCode.FORBIDDEN);
  });
});
