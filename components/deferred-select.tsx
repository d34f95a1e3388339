'use client';

/**
 * A Select whose code (Mantine's Combobox and Popover, ~10 KiB gzipped) loads when the operator
 * first focuses or clicks it. Until then it is a read-only input of the same size, name, text and
 * chevron; the first focus or press loads the real Select, which takes its place with the focus
 * (if the input still had it) and its list open (if it was pressed).
 */
import { useRef, useState, type ComponentType } from 'react';
import { TextInput, type SelectProps } from '@mantine/core';

const loadSelect = () => import('./select-parts').then((m) => m.Select);

type Props = Omit<SelectProps, 'data'> & { data: { value: string; label: string }[] };

const CHEVRON = (
  <svg aria-hidden="true" width="12" height="12" viewBox="0 0 15 15" fill="none" style={{ color: 'var(--mantine-color-dimmed)' }}>
    <path
      d="M4.93 5.43a.45.45 0 0 1 .64 0L7.5 7.36l1.93-1.93a.45.45 0 1 1 .64.64l-2.25 2.25a.45.45 0 0 1-.64 0L4.93 6.07a.45.45 0 0 1 0-.64Z"
      fill="currentColor"
      fillRule="evenodd"
      clipRule="evenodd"
    />
  </svg>
);

export function DeferredSelect(props: Props) {
  const [Loaded, setLoaded] = useState<ComponentType<SelectProps> | null>(null);
  const [pressed, setPressed] = useState(false);
  const focused = useRef(false);
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  const load = () =>
    void loadSelect().then((select) => {
      setFocusOnLoad(focused.current);
      setLoaded(() => select);
    });

  if (Loaded) return <Loaded {...props} autoFocus={focusOnLoad} defaultDropdownOpened={pressed} />;
  return (
    <TextInput
      aria-label={props['aria-label']}
      aria-haspopup="listbox"
      placeholder={props.placeholder}
      value={props.data.find((o) => o.value === props.value)?.label ?? ''}
      readOnly
      size={props.size}
      w={props.w}
      rightSection={CHEVRON}
      rightSectionPointerEvents="none"
      onFocus={() => {
        focused.current = true;
        load();
      }}
      onBlur={() => {
        focused.current = false;
      }}
      onPointerDown={() => {
        setPressed(true);
        load();
      }}
    />
  );
}
