'use client';
/**
 * Virtualised run log (@tanstack/react-virtual): only the visible rows are in the DOM, lines live in
 * a LineStore (compact arrays). Follow-tail sticks to the bottom until the user scrolls up.
 * Filters (stage / host / failed only / search) keep an index list that is extended incrementally as
 * lines arrive and rebuilt only when a filter changes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Anchor, Checkbox, Group, Switch, Text, TextInput } from '@mantine/core';
import { DeferredSelect } from '../deferred-select';
import { FLAG_EVENT, FLAG_FAILED, FLAG_PHASE, isUnfiltered, matchLines, NO_FILTER, type LineFilter, type LineStore } from './line-store';

const ROW = 18;
/** A plain span, not a Mantine Badge: rows re-render every animation frame while lines pour in. */
const HOST_TAG = {
  display: 'inline-block',
  lineHeight: '14px',
  padding: '0 6px',
  marginRight: 6,
  borderRadius: 7,
  fontSize: 10,
  fontWeight: 600,
  background: 'rgba(116, 192, 252, 0.16)',
  color: '#74c0fc',
} as const;

export interface LogViewerProps {
  store: LineStore;
  /** Bumped by the owner whenever lines were added (store.version). */
  version: number;
  downloadHref: string;
  height?: number;
}

export function LogViewer({ store, version, downloadHref, height = 480 }: LogViewerProps) {
  const [filter, setFilter] = useState<LineFilter>(NO_FILTER);
  const [follow, setFollow] = useState(true);
  const parentRef = useRef<HTMLDivElement>(null);
  const indexRef = useRef<{ filter: LineFilter; scanned: number; rows: number[] }>({ filter: NO_FILTER, scanned: 0, rows: [] });

  const count = useMemo(() => {
    const idx = indexRef.current;
    if (isUnfiltered(filter)) return store.length;
    if (idx.filter !== filter) indexRef.current = { filter, scanned: 0, rows: [] };
    const cur = indexRef.current;
    matchLines(store, filter, cur.scanned, cur.rows);
    cur.scanned = store.length;
    return cur.rows.length;
    // `version` is the change signal of the (mutable) store
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, filter, version]);

  const lineAt = (row: number): number => (isUnfiltered(filter) ? row : (indexRef.current.rows[row] ?? 0));

  const virtualizer = useVirtualizer({ count, getScrollElement: () => parentRef.current, estimateSize: () => ROW, overscan: 20 });

  useEffect(() => {
    if (follow && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, follow, virtualizer]);

  // Only a user's own scrolling (wheel, touch, keys, scrollbar drag) may switch follow-tail off;
  // the scrolls the virtualizer makes while lines pour in must not.
  const lastIntent = useRef(0);
  const markIntent = () => {
    lastIntent.current = Date.now();
  };
  const onScroll = () => {
    const el = parentRef.current;
    if (!el || Date.now() - lastIntent.current > 300) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW * 2;
    if (!atBottom && follow) setFollow(false);
    if (atBottom && !follow) setFollow(true);
  };

  const stageOptions = store.stages.map((s) => ({ value: s, label: s }));
  const hostOptions = store.hosts.filter((h) => h !== '').map((h) => ({ value: h, label: h }));

  return (
    <div>
      <Group gap="sm" mb="xs" wrap="wrap">
        <DeferredSelect
          aria-label="Stage filter"
          placeholder="All stages"
          data={stageOptions}
          value={filter.stage}
          onChange={(v) => setFilter({ ...filter, stage: v })}
          clearable
          size="xs"
          w={160}
        />
        <DeferredSelect
          aria-label="Host filter"
          placeholder="All hosts"
          data={hostOptions}
          value={filter.host}
          onChange={(v) => setFilter({ ...filter, host: v })}
          clearable
          searchable
          size="xs"
          w={160}
        />
        <Checkbox label="Failed only" checked={filter.failedOnly} onChange={(e) => setFilter({ ...filter, failedOnly: e.currentTarget.checked })} size="xs" />
        <TextInput
          aria-label="Search the log"
          placeholder="Search"
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.currentTarget.value })}
          size="xs"
          w={200}
        />
        <Switch label="Follow" checked={follow} onChange={(e) => setFollow(e.currentTarget.checked)} size="xs" />
        <Text size="xs" c="dimmed" data-testid="log-count">
          {count.toLocaleString()} / {store.length.toLocaleString()} lines
        </Text>
        <Anchor href={downloadHref} size="xs" download>
          Download full log
        </Anchor>
      </Group>
      <div
        ref={parentRef}
        onScroll={onScroll}
        onWheel={markIntent}
        onTouchMove={markIntent}
        onPointerDown={markIntent}
        onKeyDown={markIntent}
        tabIndex={0}
        role="log"
        aria-label="Run log"
        style={{
          height,
          overflow: 'auto',
          background: '#0b1021',
          color: '#d6deeb',
          fontFamily: 'var(--mantine-font-family-monospace)',
          fontSize: 12,
          borderRadius: 6,
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const i = lineAt(item.index);
            const flags = store.flagsOf(i);
            const host = store.hostOf(i);
            const color = flags & FLAG_FAILED ? '#ff6b6b' : flags & FLAG_PHASE ? '#74c0fc' : flags & FLAG_EVENT ? '#ffd43b' : undefined;
            return (
              <div
                key={item.key}
                data-seq={store.seqOf(i)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  height: ROW,
                  lineHeight: `${ROW}px`,
                  transform: `translateY(${item.start}px)`,
                  whiteSpace: 'pre',
                  padding: '0 8px',
                  color,
                }}
              >
                <span style={{ color: '#6e8181' }}>{String(store.seqOf(i)).padStart(7, ' ')} </span>
                <span style={{ color: '#82aaff' }}>{store.stageOf(i).padEnd(12, ' ')}</span>
                {host ? <span style={HOST_TAG}>{host}</span> : null}
                {store.texts[i]}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
