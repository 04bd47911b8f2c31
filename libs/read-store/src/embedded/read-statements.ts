import Database from 'better-sqlite3';

export type DocumentRow = { collection: string; id: string; doc: string };

export const prepareStatements = (db: Database.Database) => ({
  loadDocuments: db.prepare<[], DocumentRow>('SELECT collection, id, doc FROM documents'),
  upsertDocument: db.prepare<[string, string, string]>(
    `INSERT INTO documents (collection, id, doc) VALUES (?, ?, ?)
     ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
  ),
  deleteDocument: db.prepare<[string, string]>(
    'DELETE FROM documents WHERE collection = ? AND id = ?',
  ),
  dropCollection: db.prepare<[string]>('DELETE FROM documents WHERE collection = ?'),
  saveCheckpoint: db.prepare<[string, string]>(
    `INSERT INTO checkpoints (name, position) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
  ),
  readCheckpoint: db.prepare<[string], { position: string }>(
    'SELECT position FROM checkpoints WHERE name = ?',
  ),
  saveGeneration: db.prepare<[string, string]>(
    `INSERT INTO generations (logical, physical) VALUES (?, ?)
     ON CONFLICT (logical) DO UPDATE SET physical = excluded.physical`,
  ),
  readGeneration: db.prepare<[string], { physical: string }>(
    'SELECT physical FROM generations WHERE logical = ?',
  ),
});

export type Statements = ReturnType<typeof prepareStatements>;
