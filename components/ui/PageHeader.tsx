import type { ReactNode } from 'react';

/** Title row of an admin/settings page. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="flex items-start justify-between gap-4 border-b border-gray-200 pb-4">
      <div>
        <h1 className="text-lg font-semibold text-gray-900">{title}</h1>
        {description ? <p className="mt-0.5 text-gray-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
    </header>
  );
}
