/**
 * XML checks for tests, with libxml2 compiled to WebAssembly (libxml2-wasm: no native build):
 * parse a document (well-formedness), validate it against an XSD, read it back with XPath.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The schema includes and imports files beside it (iati-common.xsd, xml.xsd): read from the disk.
xmlRegisterFsInputProviders();

const validators = new Map<string, XsdValidator>();

/** A validator for the XSD at `path` (relative to the repository), compiled once. */
function validator(path: string): XsdValidator {
  let v = validators.get(path);
  if (!v) {
    const file = join(ROOT, path);
    const schema = XmlDocument.fromString(readFileSync(file, 'utf8'), { url: file });
    v = XsdValidator.fromDoc(schema);
    validators.set(path, v);
  }
  return v;
}

/** The schema errors of `xml` (empty when valid); throws when `xml` is not well-formed. */
export function xsdErrors(schemaPath: string, xml: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    validator(schemaPath).validate(doc);
    return [];
  } catch (err) {
    if (err instanceof XmlValidateError) return err.details.map((d) => `line ${d.line}: ${d.message.trim()}`);
    throw err;
  } finally {
    doc.dispose();
  }
}

/** Parses `xml` (throwing on any well-formedness error) and hands the document to `use`. */
export function withXml<T>(xml: string, use: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(xml);
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}
