import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/graph/database.ts';
import { DatabaseUnavailableError } from '../../src/graph/gateway.ts';

describe('openDatabase with NEO4J_URI', () => {
  for (const uri of ['bolt://127.0.0.1:1', 'neo4j://127.0.0.1:1']) {
    it(`fails naming ${uri} when nothing listens there`, { timeout: 40_000 }, async () => {
      const config = loadConfig({ NEO4J_URI: uri });
      const error = await openDatabase(config.neo4j).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toMatch(new RegExp(`^cannot connect to Neo4j at ${uri.replace(/[.+]/g, '\\$&')}: `));
    });
  }
});
