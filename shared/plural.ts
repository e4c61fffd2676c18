/** A count with the word for it: "1 coding", "1,234 codings" (digits grouped as in en-GB). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
