import type { z } from 'zod';
import { fieldLabel } from '../../shared/i18n/fields.ts';
import { catalogs, type Language } from '../../shared/i18n/index.ts';

type Issue = z.core.$ZodIssue;

/**
 * A zod issue as a person reads it: «Телефон клиента: не похож на номер телефона». The schemas'
 * own messages are looked up by their English text; zod's checks are worded from the issue's code.
 */
export function describeIssue(issue: Issue, language: Language, resource?: string): string {
  const text = problemOf(issue, language);
  const field = issueField(issue);
  return field ? `${fieldLabel(catalogs[language].fields, field, resource)}: ${text}` : text;
}

/** The path the API names as the issue's `field`; an unknown field is named by the issue's keys. */
export function issueField(issue: Issue): string | undefined {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  return path.map(String).join('.') || undefined;
}

function problemOf(issue: Issue, language: Language): string {
  const { checks, issues } = catalogs[language];
  const own = Object.hasOwn(issues, issue.message) ? issues[issue.message] : undefined;
  if (own !== undefined) return typeof own === 'string' ? own : own((issue as { params?: Record<string, unknown> }).params ?? {});
  switch (issue.code) {
    case 'custom':
      return issue.message; // a schema message the catalog lacks (test/shared/i18n.test.ts looks for them)
    case 'invalid_type':
      // zod keeps no input on the issue: its own English message says whether there was one.
      return /received undefined$/.test(issue.message) ? checks.required : checks.expected(issue.expected);
    case 'too_big':
      if (issue.origin === 'string') return checks.tooLong(Number(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return checks.tooMany(Number(issue.maximum));
      return checks.atMost(Number(issue.maximum), issue.inclusive ?? true);
    case 'too_small':
      if (issue.origin === 'string') return checks.tooShort(Number(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return checks.tooFew(Number(issue.minimum));
      return checks.atLeast(Number(issue.minimum), issue.inclusive ?? true);
    case 'invalid_format':
      return checks.format(issue.format);
    case 'invalid_value':
      return issue.values.length === 1 ? checks.exactly(String(issue.values[0])) : checks.oneOf(issue.values.map(String));
    case 'unrecognized_keys':
      return checks.unknownField;
    default:
      return checks.invalid;
  }
}
