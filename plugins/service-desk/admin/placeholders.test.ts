import { describe, expect, it } from 'vitest';
import { fillPlaceholders, insertAt } from './placeholders.js';

describe('canned responses in the composer', () => {
  const values = { customerName: 'Ana Ruiz', reference: 'SD-12', subject: 'Kettle leaks', agentName: 'Alex Agent' };

  it('fills every known placeholder, with or without spaces inside the braces', () => {
    expect(fillPlaceholders('Hello {{customer.name}}, about {{ case.reference }} ({{case.subject}}). {{agent.name}}', values)).toBe(
      'Hello Ana Ruiz, about SD-12 (Kettle leaks). Alex Agent',
    );
  });

  it('leaves unknown placeholders and values the console does not have, so the agent sees them', () => {
    expect(fillPlaceholders('Hi {{customer.name}}, {{order.number}}', { ...values, customerName: null })).toBe(
      'Hi {{customer.name}}, {{order.number}}',
    );
  });

  it('inserts at the cursor, or as a new paragraph after what is already written', () => {
    expect(insertAt('Dear ,', 'Ana', 5)).toBe('Dear Ana,');
    expect(insertAt('', 'Thanks')).toBe('Thanks');
    expect(insertAt('First line  ', 'Thanks')).toBe('First line\n\nThanks');
  });
});
