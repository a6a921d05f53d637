import { Kind, parse } from 'graphql';

/** One example of the API: its operation name, the comment above it, and its text (comment included). */
export type ExampleOperation = { name: string; comment: string; query: string };

/**
 * The operations of an example document (`src/api/examples.graphql`), each with the comment
 * lines written just above it, in the document's order: the GraphQL IDE opens one tab per
 * operation and the index page lists them.
 */
export function splitExamples(document: string): ExampleOperation[] {
  const parsed = parse(document);
  const lines = document.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  return parsed.definitions.flatMap((definition, index) => {
    if (definition.kind !== 'OperationDefinition' || !definition.loc) return [];
    const firstLine = lineStarts.findLastIndex((start) => start <= definition.loc!.start);
    const comment: string[] = [];
    for (let line = firstLine - 1; line >= 0 && lines[line]!.trim().startsWith('#'); line--) comment.unshift(lines[line]!.trim().replace(/^#\s?/, ''));
    // The file's heading (a comment block followed by a blank line) belongs to no operation.
    const body = document.slice(definition.loc.start, definition.loc.end);
    const name = definition.name?.value ?? `Example ${index + 1}`;
    const text = comment.length > 0 ? `${comment.map((line) => `# ${line}`).join('\n')}\n${body}` : body;
    return [{ name, comment: comment.join(' '), query: `${text}\n` }];
  });
}

/**
 * The parameters of a run with an operation name the document does not define left out, when the
 * document holds one operation (which the server then runs). GraphiQL takes the name to run from
 * the editor's text a moment after the text changes, so a run just after switching tabs could
 * still carry the last tab's name and fail ("Unknown operation named …"). Anything else, a
 * document that does not parse included, is passed on as it is, for the server to answer.
 */
export function withDefinedOperation<T extends { query: string; operationName?: string | null }>(params: T): T {
  if (!params.operationName) return params;
  let names: (string | undefined)[];
  try {
    names = parse(params.query).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : []));
  } catch {
    return params;
  }
  if (names.length !== 1 || names.includes(params.operationName)) return params;
  const { operationName: _stale, ...rest } = params;
  return rest as T;
}
