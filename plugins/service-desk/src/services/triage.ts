import type { CaseKind, CaseSeverity } from '../domain.js';

/** What triage looks at. */
export interface TriageInput {
  kind: CaseKind;
  subject: string;
  description: string;
  /** Severity chosen by staff, if any: it wins. */
  requested?: CaseSeverity | null;
  /** Words that signal a serious case (safety, legal threats), from the settings. */
  seriousKeywords: readonly string[];
}

/** Severity when nothing else is known: a question needs no action, a complaint is minor, a claim moderate. */
export const DEFAULT_SEVERITY: Readonly<Record<CaseKind, CaseSeverity>> = { inquiry: 'general', complaint: 'minor', claim: 'moderate' };

/**
 * Severity triage (docs/domain.md): staff's choice wins; otherwise a serious keyword (whole word or phrase,
 * any case) makes the case serious; otherwise the kind's default.
 */
export function triageSeverity(input: TriageInput): CaseSeverity {
  if (input.requested) return input.requested;
  const text = `${input.subject}\n${input.description}`.toLowerCase();
  const serious = input.seriousKeywords.some((k) => {
    const escaped = k
      .toLowerCase()
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return escaped.length > 0 && new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}([^\\p{L}\\p{N}]|$)`, 'u').test(text);
  });
  return serious ? 'serious' : DEFAULT_SEVERITY[input.kind];
}

/** Where a case goes after triage: serious cases to the team's supervisors, the rest to its agents. */
export function routeFor(severity: CaseSeverity): 'supervisors' | 'team' {
  return severity === 'serious' ? 'supervisors' : 'team';
}

/** One level up, for breach escalation; serious stays serious and general is not raised. */
export function raiseSeverity(severity: CaseSeverity): CaseSeverity {
  return severity === 'minor' ? 'moderate' : severity === 'moderate' ? 'serious' : severity;
}
