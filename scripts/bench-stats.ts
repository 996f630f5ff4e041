/** What every part of the bench prints with: medians, and one aligned row a figure. */

/** The median of the values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One figure of the bench's table: its label, its value and a note (the target, the runs…). */
export function row(label: string, value: string, note = ''): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(14)}  ${note}`);
}
