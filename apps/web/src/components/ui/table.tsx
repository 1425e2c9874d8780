import type { ReactNode, ThHTMLAttributes } from 'react';
import { ArrowDownIcon, ArrowUpIcon, SortIcon } from './icons.tsx';

export function Table({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className="table-wrap">
      <table className={`table ${className ?? ''}`} aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export type SortOrder = 'asc' | 'desc';

interface SortableHeaderProps extends ThHTMLAttributes<HTMLTableCellElement> {
  label: string;
  active: boolean;
  order: SortOrder;
  onSort: () => void;
}

/** A column header that sorts: aria-sort on the cell, a button inside for the keyboard. */
export function SortableHeader({ label, active, order, onSort, ...th }: SortableHeaderProps) {
  const ariaSort = active ? (order === 'asc' ? 'ascending' : 'descending') : 'none';
  const Icon = active ? (order === 'asc' ? ArrowUpIcon : ArrowDownIcon) : SortIcon;
  return (
    <th scope="col" aria-sort={ariaSort} {...th}>
      <button type="button" className={`sort-btn ${active ? 'sort-active' : ''}`} onClick={onSort}>
        {label}
        <Icon size={13} />
      </button>
    </th>
  );
}

interface PaginationProps {
  page: number;
  perPage: number;
  total: number;
  onPage: (page: number) => void;
  onPerPage?: (perPage: number) => void;
  label?: string;
}

/** Page numbers are 0-based in the API and 1-based on screen. */
export function Pagination({ page, perPage, total, onPage, onPerPage, label = 'Pagination' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const from = total === 0 ? 0 : page * perPage + 1;
  const to = Math.min(total, (page + 1) * perPage);
  return (
    <nav className="pagination" aria-label={label}>
      <span className="subtle">
        {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      <div className="row">
        {onPerPage && (
          <label className="row subtle">
            Rows per page
            <select
              className="input select input-sm"
              value={perPage}
              onChange={(e) => onPerPage(Number(e.target.value))}
            >
              {[10, 25, 50, 100].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => onPage(page - 1)}
          disabled={page <= 0}
        >
          <span className="btn-label">Previous page</span>
        </button>
        <span className="subtle" aria-live="polite">
          Page {page + 1} of {pages}
        </span>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          onClick={() => onPage(page + 1)}
          disabled={page + 1 >= pages}
        >
          <span className="btn-label">Next page</span>
        </button>
      </div>
    </nav>
  );
}
