// Reading and writing topology files as the application does: the model's loader and writer
// (shared/model/file.ts: total parsing, messages in the user's terms, canonical text) with the
// document schema and the migrations that know the products. Everything that opens or saves a
// topology (the desktop, the web build, the command line, paste) goes through these.
import { createDocumentFile } from '../model/file';
import { pathInFormat, migrateToCurrent } from './migrations';
import { DocumentSchema } from './schema';

export const { loadDocumentValue, loadDocumentText, loadDocumentBytes, serializeDocumentForSave, serializeDocument, issuesToErrors } = createDocumentFile({
  schema: DocumentSchema,
  migrate: migrateToCurrent,
  pathInFormat,
});
