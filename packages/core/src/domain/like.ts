/** Escapes `\`, `%` and `_` so user text matches literally in `ILIKE :s ESCAPE '\'`. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
