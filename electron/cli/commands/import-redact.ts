/**
 * `import --redact`: every finding of detectPii in every imported text and attribute value is
 * redacted, with speaker turns remapped. The logic is shared with the app's import worker.
 */
export { redactBatches } from '../../../shared/import/pipeline';
