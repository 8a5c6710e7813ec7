import { normaliseMobile } from '../normalise/normalise-mobile';
import { maskPhone } from './mask-phone';

/**
 * Mainland mobile numbers as people write them inside a text: an optional +86 / 0086 / 86, then 11 digits
 * starting with 1, with spaces or dashes between the groups (`+86 138-0013-8000`, `13800138000`).
 */
const MOBILE_IN_TEXT = /(?:(?:\+|00)?86[\s-]?)?1\d{2}[\s-]?\d{4}[\s-]?\d{4}/g;

/**
 * The text with every mobile number in it masked as consolidated views show phones (`138****8000`,
 * the +86 and separators dropped); other text is kept. For messages, notes and log lines.
 */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (found) => {
    const normalised = normaliseMobile(found);
    return maskPhone(normalised.ok ? normalised.value : found);
  });
}
