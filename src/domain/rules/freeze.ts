/**
 * Deep-freezes rule data at module load: the rules are shared by every caller, so one caller mutating a date or a
 * citation must fail loudly instead of silently changing the law for everyone else.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
