import { describe, expect, it } from 'vitest';
import { defineEvent } from './define-event.js';

describe('defineEvent trigger option', () => {
  it('keeps the trigger declaration, frozen, and leaves plain events without one', () => {
    const resolved = defineEvent<{ caseId: string; customerId: string; agentId: string | null }>('demo.case.resolved', {
      description: 'A case was resolved.',
      trigger: {
        label: 'Case resolved',
        customerField: 'customerId',
        subjectField: 'caseId',
        context: [{ field: 'agentId', label: 'Agent', kind: 'staff' }],
      },
    });
    expect(resolved.trigger).toEqual({
      label: 'Case resolved',
      customerField: 'customerId',
      subjectField: 'caseId',
      context: [{ field: 'agentId', label: 'Agent', kind: 'staff' }],
    });
    expect(Object.isFrozen(resolved.trigger)).toBe(true);
    expect(defineEvent('demo.case.opened').trigger).toBeUndefined();
  });
});
