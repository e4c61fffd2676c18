export { detectPii, type DetectOptions, type PiiFinding } from './detect';
export { PLACEHOLDERS, Pseudonymiser, redactText, redactWithOffsetMap, redactionCounts, type RedactionResult } from './redact';
export { checkThreshold, fewerThan, formatCount, formatCountOf, suppressSmallCounts } from './suppress';
