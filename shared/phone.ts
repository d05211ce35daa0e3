// Russian phones arrive as "8 (916) 123-45-67", "+7 916 1234567", "9161234567": one key per customer.

export function normalisePhone(input: string): string | null {
  const digits = input.replace(/\D/g, '');
  if (digits.length === 10) return `+7${digits}`;
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) return `+7${digits.slice(1)}`;
  if (digits.length >= 11 && digits.length <= 15 && input.trim().startsWith('+')) return `+${digits}`;
  return null;
}
