import { describe, expect, it } from 'vitest';
import type { Jurisdiction } from '../settings.js';
import { computeCoverage, type CoverageInput, period, type PolicyTerms } from './coverage.js';

const EU: Jurisdiction = {
  code: 'EU',
  countries: ['ES'],
  months: 24,
  startFrom: 'delivery',
  repairExtensionMonths: 12,
  excludes: ['accidental_damage'],
};
const oneYear: PolicyTerms = {
  id: 'p1',
  name: '1-year warranty',
  months: 12,
  startFrom: 'purchase',
  coverageTypes: ['parts', 'labour', 'on_site'],
  exclusions: ['accidental_damage'],
  legalBasis: 'commercial_warranty',
  usDesignation: 'limited',
  transferable: false,
};
const base = (over: Partial<CoverageInput>): CoverageInput => ({
  at: new Date('2025-06-01T12:00:00Z'),
  timeZone: 'Europe/Madrid',
  item: { purchasedAt: new Date('2025-03-10T10:00:00Z'), deliveredAt: new Date('2025-03-14T10:00:00Z') },
  registration: { id: 'r1', policy: oneYear },
  contracts: [],
  jurisdiction: EU,
  legalRepairExtension: false,
  ...over,
});

describe('period', () => {
  it("runs from local midnight of the start day to local midnight months later, in the customer's zone", () => {
    // 23:30 UTC on 31 Jan is already 1 Feb in Madrid.
    const p = period(new Date('2025-01-31T23:30:00Z'), 1, 'Europe/Madrid');
    expect(p.startsAt.toISOString()).toBe('2025-01-31T23:00:00.000Z');
    expect(p.lastDay).toBe('2025-02-28');
    expect(p.endsAt.toISOString()).toBe('2025-02-28T23:00:00.000Z');
  });

  it('ends at local midnight across a DST change (no hour lost or added)', () => {
    const p = period(new Date('2025-01-15T12:00:00Z'), 3, 'Europe/Madrid');
    expect(p.endsAt.toISOString()).toBe('2025-04-14T22:00:00.000Z'); // CEST, UTC+2
  });
});

describe('computeCoverage', () => {
  it('covers on the last day and not on the day after, in the customer time zone', () => {
    const la = { timeZone: 'America/Los_Angeles', jurisdiction: null };
    const item = { purchasedAt: new Date('2025-03-15T20:00:00Z'), deliveredAt: null };
    const lastDay = computeCoverage(base({ ...la, item, at: new Date('2026-03-15T06:30:00Z') }));
    expect(lastDay).toMatchObject({ covered: true, basis: 'commercial_warranty', lastCoveredDay: '2026-03-14' });
    const dayAfter = computeCoverage(base({ ...la, item, at: new Date('2026-03-15T07:30:00Z') }));
    expect(dayAfter).toMatchObject({ covered: false, reason: 'expired' });
  });

  it('keeps the legal guarantee running after the commercial warranty lapsed', () => {
    const r = computeCoverage(base({ at: new Date('2026-09-01T10:00:00Z') }));
    expect(r).toMatchObject({
      covered: true,
      basis: 'legal_guarantee',
      lastCoveredDay: '2027-03-13',
      coverageTypes: ['parts', 'labour', 'replacement'],
    });
    expect(r.layers.map((l) => [l.basis, l.covered, l.reason])).toEqual([
      ['commercial_warranty', false, 'expired'],
      ['legal_guarantee', true, null],
    ]);
  });

  it('prefers the commercial warranty while both run and reports the later end', () => {
    const r = computeCoverage(base({}));
    expect(r).toMatchObject({ covered: true, basis: 'commercial_warranty', policyId: 'p1', lastCoveredDay: '2027-03-13' });
    expect(r.coverageTypes.sort()).toEqual(['labour', 'on_site', 'parts', 'replacement']);
  });

  it('refuses excluded damage with the reason', () => {
    const r = computeCoverage(base({ damageType: 'accidental_damage' }));
    expect(r).toMatchObject({ covered: false, reason: 'excluded' });
  });

  it('extends the legal guarantee by 12 months after a repair the consumer chose', () => {
    const at = new Date('2027-06-01T10:00:00Z');
    expect(computeCoverage(base({ at }))).toMatchObject({ covered: false, reason: 'expired' });
    expect(computeCoverage(base({ at, legalRepairExtension: true }))).toMatchObject({
      covered: true,
      basis: 'legal_guarantee',
      lastCoveredDay: '2028-03-13',
    });
  });

  it('says unregistered when registering would give coverage, and when nothing is known', () => {
    expect(computeCoverage(base({ registration: null, unregisteredPolicy: oneYear, jurisdiction: null }))).toMatchObject({
      covered: false,
      reason: 'unregistered',
    });
    expect(computeCoverage(base({ item: null }))).toMatchObject({ covered: false, reason: 'unregistered' });
  });

  it('covers by an extended contract after the commercial period until its cap is used', () => {
    const contract = {
      id: 'c1',
      startsAt: new Date('2026-03-09T23:00:00Z'),
      endsAt: new Date('2028-03-09T23:00:00Z'),
      coverageTypes: ['parts' as const],
      exclusions: [],
      claimCapMinor: 50000,
      claimedMinor: 0,
    };
    const at = new Date('2027-09-01T10:00:00Z');
    expect(computeCoverage(base({ at, contracts: [contract] }))).toMatchObject({
      covered: true,
      basis: 'extended_warranty',
      contractId: 'c1',
    });
    expect(computeCoverage(base({ at, contracts: [{ ...contract, claimedMinor: 50000 }] }))).toMatchObject({
      covered: false,
      reason: 'cap_reached',
    });
  });
});
