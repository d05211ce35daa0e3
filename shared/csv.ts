// A small RFC 4180 reader and writer: quotes, doubled quotes, newlines inside quotes, a BOM,
// and the semicolon that Russian Excel writes instead of a comma.

export function detectDelimiter(firstLine: string): ';' | ',' {
  return (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) && firstLine.includes(';') ? ';' : ',';
}

/** Rows of cells; `line` is the 1-based line where the row starts, for error messages. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source.slice(0, source.search(/\r?\n|$/)));
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

export function toCsv(rows: (string | number)[][], delimiter: ';' | ',' = ';'): string {
  const escape = (value: string | number) => {
    const text = String(value);
    const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
    return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
  };
  // The BOM makes Excel read UTF-8 Cyrillic correctly.
  return `\uFEFF${rows.map((row) => row.map(escape).join(delimiter)).join('\r\n')}\r\n`;
}
