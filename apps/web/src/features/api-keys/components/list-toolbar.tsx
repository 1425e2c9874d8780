import { useEffect, useState } from 'react';
import { TEMPLATES, type ListStatusFilter } from '@keyward/domain';
import type { ApiKeySortBy } from '@keyward/contract';
import { SearchIcon } from '../../../components/ui/icons.tsx';
import { classifySearch, type SearchText } from './key-value-search.ts';

/** The list filters of PRODUCT.md §3.4, as a person reads them. */
const STATUS_OPTIONS: { value: ListStatusFilter | ''; label: string }[] = [
  { value: '', label: 'All statuses' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'WITH_WARNING', label: 'With a warning' },
  { value: 'SOON_TO_BE_EXPIRED', label: 'Soon to be expired' },
  { value: 'SOON_TO_BE_DISABLED', label: 'Soon to be deactivated' },
  { value: 'ACTIVE_AND_EXPOSED', label: 'Active and exposed' },
  { value: 'ALL_EXPOSED', label: 'All exposed' },
  { value: 'DEACTIVATED', label: 'Deactivated' },
];

/** On a phone the column headers are out of sight: sorting is a choice of its own. */
const SORT_OPTIONS: { value: ApiKeySortBy; label: string }[] = [
  { value: 'createdDate', label: 'Created' },
  { value: 'displayName', label: 'Name' },
  { value: 'status', label: 'Status' },
  { value: 'lastUsedDate', label: 'Last used' },
];

interface ListToolbarProps {
  query: string;
  status: string | undefined;
  template: string | undefined;
  sortBy: ApiKeySortBy;
  onQuery: (q: string) => void;
  onStatus: (status: string) => void;
  onTemplate: (template: string) => void;
  onSort: (sortBy: ApiKeySortBy) => void;
  /** A pasted key value (or the start of one): looked up, never put in the URL. */
  onKeyValue?: (search: Exclude<SearchText, { kind: 'text' }>) => void;
}

export function ListToolbar({
  query,
  status,
  template,
  sortBy,
  onQuery,
  onStatus,
  onTemplate,
  onSort,
  onKeyValue,
}: ListToolbarProps) {
  const [text, setText] = useState(query);
  const [seenQuery, setSeenQuery] = useState(query);
  // The URL is the source of truth (back/forward); typing is debounced into it.
  if (query !== seenQuery) {
    setSeenQuery(query);
    if (query !== text.trim()) setText(query);
  }
  useEffect(() => {
    if (text.trim() === query || classifySearch(text).kind !== 'text') return;
    const timer = window.setTimeout(() => onQuery(text.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [text, query, onQuery]);

  return (
    <div className="list-toolbar" role="search">
      <div className="search-input">
        <SearchIcon />
        <label htmlFor="api-key-search" className="visually-hidden">
          Search API keys
        </label>
        <input
          id="api-key-search"
          type="search"
          className="input"
          placeholder="Search API keys"
          title="Search by name, description, key id or the last 4 characters; paste a key value to find its key"
          value={text}
          onChange={(e) => {
            const search = classifySearch(e.target.value);
            if (search.kind !== 'text') onKeyValue?.(search);
            // A full value is handed over and cleared from the box at once, with the text search it
            // replaces (now, not debounced: nothing may navigate after the user follows the answer).
            if (search.kind === 'value') {
              setText('');
              if (query !== '') onQuery('');
            } else setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && classifySearch(text).kind === 'text') onQuery(text.trim());
          }}
        />
      </div>
      <span className="list-filter">
        <label className="subtle" htmlFor="api-key-status">
          Status
        </label>
        <select
          id="api-key-status"
          className="input select"
          value={status ?? ''}
          onChange={(e) => onStatus(e.target.value)}
        >
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
      <span className="list-filter">
        <label className="subtle" htmlFor="api-key-template">
          Template
        </label>
        <select
          id="api-key-template"
          className="input select"
          value={template ?? ''}
          onChange={(e) => onTemplate(e.target.value)}
        >
          <option value="">All templates</option>
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </span>
      <span className="list-filter phone-only">
        <label className="subtle" htmlFor="api-key-sort">
          Sort by
        </label>
        <select
          id="api-key-sort"
          className="input select"
          value={sortBy}
          onChange={(e) => onSort(e.target.value as ApiKeySortBy)}
        >
          {SORT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
