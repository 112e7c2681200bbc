// A worker for work-sharing.test.ts that fails as it loads, as a worker script with a mistake would.
throw new Error('this worker script cannot start');
