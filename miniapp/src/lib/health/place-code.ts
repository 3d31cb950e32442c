/** The text a printed place code carries: `citycare:place:<placeId>`. */
const PREFIX = 'citycare:place:';

export const placeCodeText = (placeId: string) => `${PREFIX}${placeId}`;

/** The place id in a scanned place code (or a bare id typed in), or undefined. */
export function parsePlaceCode(text: string): string | undefined {
  const t = text.trim();
  const id = t.startsWith(PREFIX) ? t.slice(PREFIX.length) : t;
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? id : undefined;
}
