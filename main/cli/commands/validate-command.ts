import { parseYamlDocuments, type Issue } from '../../../shared/model';
import type { CliIo } from '../cli-io';
import { CliError } from '../cli-io';

export interface FileValidation {
  file: string;
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

/** Validates one file's documents; paths are prefixed with the document when a file holds several. */
export function validateText(file: string, text: string): FileValidation {
  const parsed = parseYamlDocuments(text);
  const many = parsed.documents.length > 1;
  const prefix = (index: number, path: string): string =>
    many ? `documents[${index}]${path ? `.${path}` : ''}` : path;
  const errors: Issue[] = [...parsed.errors];
  const warnings: Issue[] = [];
  for (const doc of parsed.documents) {
    for (const e of doc.errors)
      errors.push({ path: prefix(doc.index, e.path), message: e.message });
    for (const w of doc.warnings)
      warnings.push({ path: prefix(doc.index, w.path), message: w.message });
  }
  if (parsed.documents.length === 0 && parsed.errors.length === 0) {
    errors.push({
      path: '',
      message:
        'the file holds no documents; expected HibernatePlan, ScheduleException, CloudProvider or K8SCluster objects',
    });
  }
  return { file, valid: errors.length === 0, errors, warnings };
}

export function validateCommand(files: string[], json: boolean, io: CliIo): number {
  if (files.length === 0)
    throw new CliError('validate needs at least one file: hibernator validate plan.yaml');
  const results = files.map((file) => {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      return {
        file,
        valid: false,
        errors: [
          {
            path: '',
            message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
        warnings: [],
      };
    }
    return validateText(file, text);
  });
  if (json) {
    io.out(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) {
      for (const e of r.errors) io.out(`${r.file}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
      for (const w of r.warnings)
        io.out(`${r.file}: warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
      if (r.valid)
        io.out(
          `${r.file}: valid${r.warnings.length ? ` (${r.warnings.length} warning(s))` : ''}\n`,
        );
    }
  }
  return results.every((r) => r.valid) ? 0 : 1;
}
