const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.endsWith(quote) && raw.length >= 2) return raw.slice(1, -1);
  // An unquoted value ends at " #", as in compose's own .env reader.
  const comment = raw.search(/\s#/);
  return comment === -1 ? raw : raw.slice(0, comment).trimEnd();
}

/** Parses a compose .env file: NAME=value lines, # comments, optional quotes. Throws on a malformed line. */
export function parseDotenv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match) throw new Error(`.env line ${index + 1} is not NAME=value: ${line}`);
    values.set(match[1], unquote(match[2]));
  });
  return values;
}
