// Loaded by deferred-select.tsx when a filter is first focused or clicked.
export { Select } from '@mantine/core';
