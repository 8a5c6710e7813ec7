/**
 * A phone number as consolidated views show it (PIPL: show no more than needed): the first 3 and last 4
 * characters stay, the rest become `*` ('13800138000' gives '138****8000'). Spaces and dashes are dropped first.
 * A value of 7 characters or fewer keeps only its last 2; 2 or fewer are masked whole. Empty stays empty.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const length = [...compact].length;
  if (length === 0) return '';
  if (length <= 2) return '*'.repeat(length);
  if (length <= 7) return '*'.repeat(length - 2) + compact.slice(-2);
  return compact.slice(0, 3) + '*'.repeat(length - 7) + compact.slice(-4);
}
