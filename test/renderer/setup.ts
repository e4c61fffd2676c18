// Setup for the jsdom `renderer` test project (vite.config.ts).
// fake-indexeddb gives Dexie an IndexedDB under jsdom; cleanup unmounts React trees after
// each test (vitest runs without globals, so Testing Library cannot register it itself).
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
