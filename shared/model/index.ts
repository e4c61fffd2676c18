export * from './entities';
export * from './ids';
export * from './offsets';
export * from './codings-parse';
