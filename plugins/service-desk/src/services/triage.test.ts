import { describe, expect, it } from 'vitest';
import { raiseSeverity, routeFor, triageSeverity } from './triage.js';

const keywords = ['smoke', 'electric shock', 'lawyer'];

describe('severity triage', () => {
  it('uses the kind when nothing else is known', () => {
    expect(triageSeverity({ kind: 'inquiry', subject: 'Hours', description: 'When are you open?', seriousKeywords: keywords })).toBe(
      'general',
    );
    expect(triageSeverity({ kind: 'complaint', subject: 'Late', description: 'Parcel is late', seriousKeywords: keywords })).toBe('minor');
    expect(triageSeverity({ kind: 'claim', subject: 'Refund', description: 'Broken', seriousKeywords: keywords })).toBe('moderate');
  });

  it('makes safety and legal words serious, as whole words in any case', () => {
    expect(triageSeverity({ kind: 'inquiry', subject: 'SMOKE!', description: '', seriousKeywords: keywords })).toBe('serious');
    expect(triageSeverity({ kind: 'complaint', subject: 'x', description: 'I got an electric shock', seriousKeywords: keywords })).toBe(
      'serious',
    );
    expect(triageSeverity({ kind: 'complaint', subject: 'x', description: 'My lawyer says…', seriousKeywords: keywords })).toBe('serious');
    // "smokers" is not "smoke".
    expect(triageSeverity({ kind: 'complaint', subject: 'x', description: 'for smokers only', seriousKeywords: keywords })).toBe('minor');
  });

  it("lets staff's choice win", () => {
    expect(triageSeverity({ kind: 'claim', subject: 'smoke', description: '', requested: 'minor', seriousKeywords: keywords })).toBe(
      'minor',
    );
  });

  it('routes serious cases to supervisors and raises one level on breach', () => {
    expect(routeFor('serious')).toBe('supervisors');
    expect(routeFor('moderate')).toBe('team');
    expect(['minor', 'moderate', 'serious', 'general'].map((s) => raiseSeverity(s as never))).toEqual([
      'moderate',
      'serious',
      'serious',
      'general',
    ]);
  });
});
