import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** The link(s) to the pages above this one, e.g. API Keys. */
  breadcrumb?: ReactNode;
  /** This page's name at the end of the breadcrumb (default: the title, when it is plain text). */
  current?: string | undefined;
}

/** Each page: its title, one line of explanation and its primary action. */
export function PageHeader({ title, description, actions, breadcrumb, current }: PageHeaderProps) {
  const here = current ?? (typeof title === 'string' ? title : undefined);
  return (
    <header className="page-header">
      <div className="page-header-text">
        {breadcrumb && (
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              <li>{breadcrumb}</li>
              {here && <li aria-current="page">{here}</li>}
            </ol>
          </nav>
        )}
        <h1>{title}</h1>
        {description && <p className="page-description">{description}</p>}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}
