import type { TFunction } from 'i18next';

/** A validation problem from zod in the browser or from the server's problem details. */
export interface Issue {
  path: string;
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
}

// The shared schemas word their refinements in English for API clients; the interface shows
// them in the reader's language by recognising each of those messages.
const KNOWN_MESSAGES: [RegExp, string][] = [
  [/YYYY, YYYY-MM or YYYY-MM-DD/, 'validation.partialDate'],
  [/not a real date/, 'validation.realDate'],
  [/before the signing date/, 'validation.dateOrder'],
  [/at least two parties/, 'validation.twoParties'],
  [/party is listed twice/, 'validation.duplicateParty'],
  [/at least one of vi, ja, en/, 'validation.nameRequired'],
  [/http\(s\) URL/, 'validation.url'],
  [/not a sector code/, 'validation.sector'],
  [/must not be empty/, 'validation.required'],
  [/email address/, 'validation.email'],
  [/at least 12 characters/, 'validation.passwordLength'],
  [/at least one offer or need/, 'validation.offerOrNeed'],
];

export function issueText(issue: Issue, t: TFunction): string {
  for (const [re, key] of KNOWN_MESSAGES) if (re.test(issue.message)) return t(key);
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  // The server's field errors carry no bounds; its message is then the better text.
  const bounded = issue.minimum !== undefined || issue.maximum !== undefined;
  switch (issue.code) {
    case 'too_small':
      if (!bounded) return issue.message || t('validation.invalid');
      if (issue.origin === 'array') return t('validation.tooFew', { n: min });
      return min <= 1 ? t('validation.required') : t('validation.tooShort', { n: min });
    case 'too_big':
      if (!bounded) return issue.message || t('validation.invalid');
      return issue.origin === 'array'
        ? t('validation.tooMany', { n: max })
        : t('validation.tooLong', { n: max });
    case 'invalid_type':
      return t('validation.required');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_format':
      return issue.format === 'url' ? t('validation.url') : t('validation.format');
    case 'reference.unknown':
    case 'unknown_reference':
      return t('validation.unknownReference');
    case 'ambiguous_reference':
      return t('validation.ambiguousReference');
    case 'self_disable':
      return t('validation.selfDisable');
    case 'taken':
      return t('validation.taken');
    case 'unrecognized_keys':
      return t('validation.unknownField');
    default:
      return issue.message || t('validation.invalid');
  }
}

/** zod issues (path as an array) to our flat Issue with a dotted path like `parties.0.code`. */
export function fromZod(issues: readonly { path: PropertyKey[]; code: string; message: string }[]): Issue[] {
  return issues.map((issue) => {
    const i = issue as typeof issue & Record<string, unknown>;
    return {
      path: i.path.map(String).join('.'),
      code: i.code,
      message: i.message,
      minimum: i.minimum as number | undefined,
      maximum: i.maximum as number | undefined,
      origin: i.origin as string | undefined,
      format: i.format as string | undefined,
    };
  });
}
