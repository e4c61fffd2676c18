export * from './entities';
export * from './ids';
export * from './offsets';
