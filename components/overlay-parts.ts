// Loaded only by lazy-overlay.tsx, when a dialog or drawer first opens.
export { Drawer, Modal } from '@mantine/core';
