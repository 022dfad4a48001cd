/**
 * A file name that every browser and file system accepts: the parts joined with "-", lower-cased,
 * å/ä/ö and other accents folded, anything else but a-z and 0-9 turned into "-".
 */
export function safeFileName(parts: readonly (string | number | null | undefined)[], extension: string): string {
  const stem = parts
    .filter((p) => p !== null && p !== undefined && p !== "")
    .join("-")
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
  return `${stem || "samverkanskartan"}.${extension}`;
}
