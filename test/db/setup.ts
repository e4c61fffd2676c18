// A fresh in-memory IndexedDB for every test file (fake-indexeddb implements the full API).
import 'fake-indexeddb/auto';
