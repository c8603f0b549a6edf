/** Route params may arrive percent-encoded or not, depending on how the URL was reached. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
